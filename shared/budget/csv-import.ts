// A budget read from a CSV file of French Excel: the file's blocks become rows of cells, read by the one reader of budgets from rows.
import { AciError, isAciError } from '../errors'
import { isDigit } from '../text/chars'
import type { DecodeOptions } from '../text/decode'
import type { Budget } from './budget'
import { LIGNE_HEADERS, loose, looseCell, MISSION_HEADERS } from './cells'
import type { BudgetOptions } from './context'
import { type CsvRecord, FORMAT, MARKER, PlainCsvCursor, plainCsv, readCsv } from './csv-format'
import { type ImportEncoding, importText, refuseReplacement } from './import'
import {
  type Block,
  budgetFromRows,
  type CellRow,
  type CellTable,
  type RowsEdge,
  type RowsOptions,
} from './rows'

export function csvError(line: number, column: string, message: string): AciError {
  const argument = `ligne ${line}, ${column}`
  return new AciError('csv_invalide', `${argument} : ${message}.`, argument)
}

/** The first cell of each block's header, by its loose form. */
const BLOCKS: ReadonlyMap<string, Block> = new Map([
  ['profil', 'profil'],
  [loose(MISSION_HEADERS.mission), 'missions'],
  [loose(LIGNE_HEADERS.compte), 'lignes'],
])

/** A CSV line names its place: the line, and the column by its header (or its number, for a header). */
const CSV_EDGE: RowsEdge = {
  cellError(place, message) {
    const column =
      place.kind === 'header'
        ? `colonne ${place.index + 1}`
        : place.kind === 'missing'
          ? 'en-tête'
          : place.kind === 'label'
            ? 'A'
            : place.column
    return csvError(place.at, column, message)
  },
  rowError(error, place) {
    return new AciError(
      error.code,
      `ligne ${place.at} du fichier CSV, ${inCsvWords(error.message)}`,
      error.argument
    )
  },
}

/**
 * The schema speaks of the JSON form (« 42000.00 », a decimal point); a CSV is written with the
 * decimal comma, which the reader takes: its refusals say so in the file's own words.
 */
function inCsvWords(message: string): string {
  return message
    .replace(
      'euros avec un point décimal et au plus deux décimales, par exemple "42000.00"',
      'euros avec une virgule décimale et au plus deux décimales, par exemple 42 000,00 (espaces entre milliers et « € » acceptés)'
    )
    .replace(
      'euros avec un point décimal et au plus deux décimales.',
      'euros avec une virgule décimale et au plus deux décimales, par exemple 42 000,00.'
    )
    .replace(
      'de 0 à 100 avec un point décimal et au plus quatre décimales',
      'de 0 à 100 avec une virgule décimale et au plus quatre décimales, par exemple 33,3333 %'
    )
}

/** A record with nothing in it (a line's first cell, its account, says most are not). */
function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.length > 0 && cell.trim() !== '') return false
  return true
}

/** The block whose header a row is, if it is one: a row that starts with an account number is a line, never a header. */
function headerOf(cells: readonly string[]): Block | undefined {
  const firstCell = (cells[0] ?? '').trim()
  return isDigit(firstCell.charCodeAt(0)) ? undefined : BLOCKS.get(looseCell(firstCell))
}

/** Refuses a row with a cell past `width` that holds something: a `;` the text should have quoted. */
function refuseExtraCell(at: number, cells: readonly string[], width: number): void {
  for (let i = width; i < cells.length; i++) {
    const extra = (cells[i] as string).trim()
    if (extra !== '') {
      throw csvError(
        at,
        `colonne ${i + 1}`,
        `valeur en trop « ${extra} » : un point-virgule dans un texte doit être entre guillemets`
      )
    }
  }
}

const emptyTable = (header: readonly string[]): CellTable => ({
  header: { at: 0, cells: header },
  rows: [],
})

/** The file's blocks: the profile's rows, the missions and the lines, each under its header. */
function blocksOf(records: readonly CsvRecord[]) {
  const rows = records.filter((r) => !isBlank(r.cells))
  const first = rows[0]
  if (first === undefined || looseCell(first.cells[0] ?? '') !== looseCell(MARKER)) {
    throw csvError(
      first?.at ?? 1,
      'A',
      `fichier de budget ACI-CPTS attendu, commençant par « ${MARKER} ; ${FORMAT} » (séparateur point-virgule)`
    )
  }
  if (looseCell(first.cells[1] ?? '') !== looseCell(FORMAT)) {
    throw csvError(first.at, 'B', `version du format attendue : « ${FORMAT} »`)
  }
  const profil: CellRow[] = []
  let missions = emptyTable(Object.values(MISSION_HEADERS))
  let lignes = emptyTable([LIGNE_HEADERS.compte, LIGNE_HEADERS.libelle, LIGNE_HEADERS.montant])
  let block: Block | undefined
  let width = 0
  for (let r = 1; r < rows.length; r++) {
    // A record is a row of cells as it is, kept as read: each reader trims what it reads.
    const record = rows[r] as CsvRecord
    const row: CellRow = record
    const cells = record.cells
    const header = headerOf(cells)
    if (header !== undefined) {
      block = header
      if (header === 'missions') missions = { header: row, rows: [] }
      if (header === 'lignes') lignes = { header: row, rows: [] }
      width = header === 'profil' ? 2 : header === 'missions' ? 4 : cells.length
      continue
    }
    if (block === undefined) {
      throw csvError(record.at, 'A', 'bloc « Profil », « Missions engagées » ou « Compte » attendu')
    }
    refuseExtraCell(record.at, cells, width)
    if (block === 'profil') profil.push(row)
    else if (block === 'missions') (missions.rows as CellRow[]).push(row)
    else (lignes.rows as CellRow[]).push(row)
  }
  return { profil, missions, lignes }
}

/**
 * Reads a budget from CSV text as budgetToCsv writes it, or as French Excel saves it after
 * editing ("CSV UTF-8 (délimité par des points-virgules)": amounts like 42 000,00, dates
 * JJ/MM/AAAA, percentages like 40 %). Fails naming the CSV line, then as parseBudget does,
 * against the rate tables of `options.catalog` (the build's by default).
 */
export function budgetFromCsv(text: string, options: BudgetOptions = {}): Budget {
  refuseReplacement(text, 'fichier CSV du budget')
  return readBudgetCsv(text, options)
}

function readBudgetCsv(text: string, options: BudgetOptions): Budget {
  const { source, plain } = plainCsv(text)
  const rowsOptions = {
    edge: CSV_EDGE,
    // Without a quote, every line break ends a record: no cell holds one.
    oneLine: plain || !source.includes('"'),
    ...(options.catalog ? { catalog: options.catalog } : {}),
  }
  if (plain) {
    const read = readAsItComes(source, rowsOptions)
    if (read !== undefined) return read
  }
  const { records, unterminatedAt } = readCsv(text)
  if (unterminatedAt !== undefined) {
    throw csvError(unterminatedAt, 'texte entre guillemets', 'guillemet fermant manquant')
  }
  return budgetFromRows(blocksOf(records), rowsOptions)
}

/** Met in the lines as they come: a block's header, which only the whole file's read says what to do with. */
const ANOTHER_BLOCK = Symbol('another block')

/**
 * The lines of a plain CSV as its cursor reaches them, the blocks before them already read: a
 * line is read as soon as it is cut, then its cells forgotten, so that a file's records are
 * never all held at once beside its budget (the cursor's one row, and its cells' array, serve
 * every line). A blank row is skipped, a cell past the header's width refused as blocksOf does;
 * another block's header stops the read (ANOTHER_BLOCK).
 */
class LinesAsTheyCome implements Iterable<CellRow>, Iterator<CellRow> {
  private readonly row: { at: number; cells: readonly string[] }
  private readonly result: { done: boolean; value: CellRow }

  constructor(
    private readonly cursor: PlainCsvCursor,
    private readonly width: number
  ) {
    this.row = { at: 0, cells: cursor.cells }
    this.result = { done: false, value: this.row }
  }

  [Symbol.iterator](): Iterator<CellRow> {
    return this
  }

  next(): IteratorResult<CellRow> {
    const cursor = this.cursor
    while (cursor.next()) {
      const cells = cursor.cells
      if (isBlank(cells)) continue
      if (headerOf(cells) !== undefined) throw ANOTHER_BLOCK
      refuseExtraCell(cursor.at, cells, this.width)
      this.row.at = cursor.at
      return this.result as IteratorResult<CellRow>
    }
    this.result.done = true
    return this.result as IteratorResult<CellRow>
  }
}

/**
 * A plain CSV's budget read as its records come: the blocks before the lines' header by blocksOf,
 * then the lines as the cursor cuts them (LinesAsTheyCome). The same Budget as the whole read;
 * undefined where the whole read is to speak: a file with no lines' header, another block after
 * the lines, or any refusal (the whole read then says the file's first, as it always has).
 */
function readAsItComes(source: string, rowsOptions: RowsOptions): Budget | undefined {
  const cursor = new PlainCsvCursor(source)
  const before: CsvRecord[] = []
  let header: readonly string[] | undefined
  while (cursor.next()) {
    const cells = cursor.cells
    if (isBlank(cells)) continue
    const record = { at: cursor.at, cells: cells.slice() }
    before.push(record)
    if (headerOf(cells) === 'lignes') {
      header = record.cells
      break
    }
  }
  if (header === undefined) return undefined
  try {
    const blocks = blocksOf(before)
    const lignes = {
      header: blocks.lignes.header,
      rows: new LinesAsTheyCome(cursor, header.length),
    }
    return budgetFromRows({ ...blocks, lignes }, rowsOptions)
  } catch (error) {
    if (error === ANOTHER_BLOCK || isAciError(error)) return undefined
    throw error
  }
}

/** A budget read from a CSV file, with the encoding its bytes were read in. */
export interface BudgetCsvImport extends ImportEncoding {
  readonly budget: Budget
}

/**
 * Reads a budget from a CSV file's bytes (or text already decoded) as budgetFromCsv does: the
 * bytes are decoded by decodeText (UTF-8 with or without BOM, Windows-1252 as French Excel's
 * « CSV (séparateur: point-virgule) » writes it, ISO-8859-15; `options.charset` wins), and the
 * encoding read is returned to be said. A U+FFFD in the text is refused, never read.
 */
export function importBudgetCsv(
  input: Uint8Array | string,
  options: DecodeOptions & BudgetOptions = {}
): BudgetCsvImport {
  const { text, ...encoding } = importText(input, 'fichier CSV du budget', options)
  return { budget: readBudgetCsv(text, options), ...encoding }
}
