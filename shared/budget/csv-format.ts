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

/**
 * A record: its cells, and the physical line where it starts (1 for the first line of the file).
 * The shape of a row of cells (`CellRow`), so that the budget's rows reader takes it as it is.
 */
export interface CsvRecord {
  readonly at: number
  readonly cells: readonly string[]
}

function quote(cell: string): string {
  return /[;"\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

/**
 * CSV text written a row at a time: `;`-separated, CRLF after each row, every row padded to one
 * width as Excel does, BOM first. Rows become text as they come, so a long file never holds its
 * rows as arrays beside its text.
 */
export class CsvWriter {
  private readonly parts: string[] = [BOM]

  constructor(private readonly width: number) {}

  row(cells: readonly string[]): void {
    const width = Math.max(this.width, cells.length)
    const quoted = new Array<string>(width)
    for (let i = 0; i < width; i++) {
      const cell = cells[i]
      quoted[i] = cell === undefined || cell === '' ? '' : quote(cell)
    }
    // join makes one flat string: a row built with += would be kept as a tree of pieces.
    this.parts.push(quoted.join(SEPARATOR), '\r\n')
  }

  toString(): string {
    return this.parts.join('')
  }
}

/** Rows as CSV text: BOM, `;`-separated, CRLF after each row, every row padded to the same width as Excel does. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  let width = 0
  for (const row of rows) if (row.length > width) width = row.length
  const writer = new CsvWriter(width)
  for (const row of rows) writer.row(row)
  return writer.toString()
}

/** Whether a carriage return has no line feed after it: it then ends a record on its own. */
function hasLoneCr(source: string): boolean {
  // Found one by one: a regular expression's look-ahead costs more at each of a file's CRLF.
  for (let cr = source.indexOf('\r'); cr !== -1; cr = source.indexOf('\r', cr + 1)) {
    if (source.charCodeAt(cr + 1) !== LF) return true
  }
  return false
}

/**
 * About the most text cut at once: its pieces' array stays a small object. A whole file of
 * 10 000 lines cut at once would make an array of 140 000 pieces, which V8 keeps on pages of its
 * own that the system hands over and zeroes for it.
 */
const REGION = 32 * 1024

/**
 * The records of a text with no quote and no lone carriage return (most budgets, registers and
 * indicators files), one at a time: `next()` moves to the next record, whose line is `at` and
 * whose cells are `cells`, an array the cursor fills again at the next record (whoever keeps a
 * record copies it). The text is cut a region of whole lines at a time: each region at its
 * semicolons in one call (a call per record costs more than the cutting), then each record ended
 * at its line feed, the line feeds found in order, once. A record's first and last cells are cut
 * where its line feeds fall (a carriage return before a line feed dropped); the others are the
 * region's pieces as they are.
 */
export class PlainCsvCursor {
  /** The current record's line (1 for the first line of the text). */
  at = 0
  /** The current record's cells, until the next call of `next()`. */
  readonly cells: string[] = []
  /** Where the next region starts in the text. */
  private nextRegion = 0
  private region = ''
  private pieces: string[] = []
  /** The piece the next record starts in, where it starts in that piece, where that piece starts in the region. */
  private piece = 0
  private from = 0
  private pieceAt = 0
  /** The region's next line feed (-1: none left), and whether the region has no record left. */
  private lf = -1
  private done = true
  private line = 1

  constructor(private readonly source: string) {}

  /** Moves to the next record; false once there is none. */
  next(): boolean {
    for (;;) {
      if (this.done && !this.load()) return false
      const pieces = this.pieces
      const lf = this.lf
      const start = this.piece
      const from = this.from
      const cells = this.cells
      if (lf === -1) {
        // What follows the region's last line feed is a record when it holds anything, even an
        // empty cell's `;` (a region other than the text's last ends at a line feed: nothing).
        this.done = true
        const count = pieces.length - start
        const first = (pieces[start] as string).slice(from)
        if (count === 1 && first === '') continue
        if (cells.length !== count) cells.length = count // a setter's call, even to the same length
        cells[0] = first
        for (let j = 1; j < count; j++) cells[j] = pieces[start + j] as string
        this.at = this.line
        return true
      }
      let k = start
      let at = this.pieceAt
      let length = (pieces[k] as string).length
      while (lf >= at + length) {
        at += length + 1
        k += 1
        length = (pieces[k] as string).length
      }
      const piece = pieces[k] as string
      const cut = lf - at
      const last = piece.slice(
        k === start ? from : 0,
        cut > 0 && piece.charCodeAt(cut - 1) === CR ? cut - 1 : cut
      )
      const count = k - start + 1
      if (cells.length !== count) cells.length = count
      if (count === 1) cells[0] = last
      else {
        cells[0] = (pieces[start] as string).slice(from)
        for (let j = 1; j < count - 1; j++) cells[j] = pieces[start + j] as string
        cells[count - 1] = last
      }
      this.at = this.line
      this.line += 1
      this.piece = k
      this.from = cut + 1
      this.pieceAt = at
      this.lf = this.region.indexOf('\n', lf + 1)
      return true
    }
  }

  /** Cuts the next region, if the text has one left. */
  private load(): boolean {
    const source = this.source
    const from = this.nextRegion
    if (from >= source.length) return false
    const lf = source.indexOf('\n', from + REGION)
    const to = lf === -1 ? source.length : lf + 1
    this.region = from === 0 && to === source.length ? source : source.slice(from, to)
    this.pieces = this.region.split(SEPARATOR)
    this.piece = 0
    this.from = 0
    this.pieceAt = 0
    this.lf = this.region.indexOf('\n')
    this.done = false
    this.nextRegion = to
    return true
  }
}

/** The text without its BOM, and whether it holds no quote and no lone carriage return (PlainCsvCursor reads it). */
export function plainCsv(text: string): { readonly source: string; readonly plain: boolean } {
  const source = text.startsWith(BOM) ? text.slice(1) : text
  return { source, plain: !source.includes('"') && !hasLoneCr(source) }
}

/**
 * Reads CSV text into records (RFC 4180 with `;`): a BOM is dropped, CRLF, LF or a lone CR end a
 * record, quoted fields may hold `;`, doubled quotes and line breaks. An unterminated quote is
 * reported with the line it started on; the records before it are kept.
 */
export function readCsv(text: string): { records: CsvRecord[]; unterminatedAt?: number } {
  const { source, plain } = plainCsv(text)
  if (plain) {
    const records: CsvRecord[] = []
    const cursor = new PlainCsvCursor(source)
    while (cursor.next()) records.push({ at: cursor.at, cells: cursor.cells.slice() })
    return { records }
  }
  const length = source.length
  const records: CsvRecord[] = []
  let line = 1
  let i = 0
  // Where the next quote and the next carriage return are (-2: none left), looked for again only
  // once passed.
  let nextQuote = -1
  let nextCr = -1
  while (i < length) {
    const start = line
    // A whole record with no quote and no lone carriage return: cut at its semicolons in one
    // call. Most records of a budget, a register or an indicators file.
    if (nextQuote !== -2 && nextQuote < i) nextQuote = source.indexOf('"', i)
    if (nextQuote === -1) nextQuote = -2
    if (nextCr !== -2 && nextCr < i) nextCr = source.indexOf('\r', i)
    if (nextCr === -1) nextCr = -2
    const lf = source.indexOf('\n', i)
    const end = lf === -1 ? length : lf
    const crlf = lf !== -1 && nextCr === end - 1
    const quoted = nextQuote !== -2 && nextQuote < end
    const loneCr = nextCr !== -2 && nextCr < end && !crlf
    if (!quoted && !loneCr) {
      records.push({ at: start, cells: source.slice(i, crlf ? end - 1 : end).split(SEPARATOR) })
      i = lf === -1 ? length : lf + 1
      line += 1
      continue
    }
    // Character by character, runs of plain characters taken as slices.
    const cells: string[] = []
    let cell = ''
    let ended = false
    while (i < length && !ended) {
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
        i += c === CR && source.charCodeAt(i + 1) === LF ? 2 : 1
        line += 1
        ended = true
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
    if (ended || cell !== '' || cells.length > 0) {
      cells.push(cell)
      records.push({ at: start, cells })
    }
  }
  return { records }
}
