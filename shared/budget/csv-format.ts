// CSV the way French Excel writes it: `;` between fields, quotes around fields that need them, CRLF, UTF-8 with BOM.

export const BOM = '\ufeff'

/** The first row of a budget file: what it is, and the version of its layout. */
export const MARKER = 'Budget ACI-CPTS'
export const FORMAT = 'format 1'
const SEPARATOR = ';'
const QUOTE = 34 // "
const SEMICOLON = 59
const CR = 13
const LF = 10

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
  const length = source.length
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let line = 1
  let start = 1
  let i = 0
  // Runs of plain characters are taken as slices, not character by character: a 10 000-line
  // budget is a megabyte of text.
  while (i < length) {
    const c = source.charCodeAt(i)
    if (c === QUOTE && cell === '') {
      const quoteLine = line
      let j = i + 1
      for (;;) {
        const close = source.indexOf('"', j)
        if (close < 0) return { records, unterminatedAt: quoteLine }
        for (let k = j; k < close; k++) if (source.charCodeAt(k) === LF) line += 1
        cell += source.slice(j, close)
        if (source.charCodeAt(close + 1) === QUOTE) {
          cell += '"'
          j = close + 2
          continue
        }
        i = close + 1
        break
      }
    } else if (c === SEMICOLON) {
      cells.push(cell)
      cell = ''
      i += 1
    } else if (c === CR || c === LF) {
      cells.push(cell)
      records.push({ line: start, cells })
      cells = []
      cell = ''
      i += c === CR && source.charCodeAt(i + 1) === LF ? 2 : 1
      line += 1
      start = line
    } else {
      let j = i + 1
      while (j < length) {
        const d = source.charCodeAt(j)
        if (d === SEMICOLON || d === CR || d === LF) break
        j += 1
      }
      cell += source.slice(i, j)
      i = j
    }
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell)
    records.push({ line: start, cells })
  }
  return { records }
}
