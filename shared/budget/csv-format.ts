// CSV the way French Excel writes it: `;` between fields, quotes around fields that need them, CRLF, UTF-8 with BOM.

export const BOM = '\ufeff'

/** The first row of a budget file: what it is, and the version of its layout. */
export const MARKER = 'Budget ACI-CPTS'
export const FORMAT = 'format 1'
const SEPARATOR = ';'

export interface CsvRecord {
  /** The physical line where the record starts (1 for the first line of the file). */
  readonly line: number
  readonly cells: readonly string[]
}

function quote(cell: string): string {
  return /[;"\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

/** Rows as CSV text: BOM, `;`-separated, CRLF after each row, every row padded to the same width as Excel does. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  const width = Math.max(0, ...rows.map((r) => r.length))
  let out = BOM
  for (const row of rows) {
    const cells = [...row]
    while (cells.length < width) cells.push('')
    out += `${cells.map(quote).join(SEPARATOR)}\r\n`
  }
  return out
}

/**
 * Reads CSV text into records (RFC 4180 with `;`): a BOM is dropped, CRLF or LF end a record,
 * quoted fields may hold `;`, doubled quotes and line breaks. An unterminated quote is reported
 * with the line it started on.
 */
export function readCsv(text: string): { records: CsvRecord[]; unterminatedAt?: number } {
  const source = text.startsWith(BOM) ? text.slice(1) : text
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let line = 1
  let start = 1
  let i = 0
  let quoted = false
  let quoteLine = 0
  while (i < source.length) {
    const c = source[i] as string
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        quoted = false
        i += 1
        continue
      }
      if (c === '\n') line += 1
      cell += c
      i += 1
      continue
    }
    if (c === '"' && cell === '') {
      quoted = true
      quoteLine = line
      i += 1
    } else if (c === SEPARATOR) {
      cells.push(cell)
      cell = ''
      i += 1
    } else if (c === '\r' || c === '\n') {
      cells.push(cell)
      records.push({ line: start, cells })
      cells = []
      cell = ''
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1
      line += 1
      start = line
    } else {
      cell += c
      i += 1
    }
  }
  if (quoted) return { records, unterminatedAt: quoteLine }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell)
    records.push({ line: start, cells })
  }
  return { records }
}
