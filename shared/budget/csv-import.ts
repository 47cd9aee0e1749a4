// A budget read from a CSV file of French Excel: the file's blocks become rows of cells, read by the one reader of budgets from rows.
import { AciError } from '../errors'
import { isDigit } from '../text/chars'
import type { DecodeOptions } from '../text/decode'
import type { Budget } from './budget'
import { LIGNE_HEADERS, loose, looseCell, MISSION_HEADERS } from './cells'
import type { BudgetOptions } from './context'
import { type CsvRecord, FORMAT, MARKER, readCsv } from './csv-format'
import { type ImportEncoding, importText, refuseReplacement } from './import'
import { type Block, budgetFromRows, type CellRow, type CellTable, type RowsEdge } from './rows'

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
function isBlank(r: CsvRecord): boolean {
  for (const cell of r.cells) if (cell.length > 0 && cell.trim() !== '') return false
  return true
}

/** The first cell past `width` that holds something: a `;` the text should have quoted. */
function extraCell(cells: readonly string[], width: number): number {
  for (let i = width; i < cells.length; i++) if ((cells[i] as string).trim() !== '') return i
  return -1
}

const emptyTable = (header: readonly string[]): CellTable => ({
  header: { at: 0, cells: header },
  rows: [],
})

/** The file's blocks: the profile's rows, the missions and the lines, each under its header. */
function blocksOf(records: readonly CsvRecord[]) {
  const rows = records.filter((r) => !isBlank(r))
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
    const firstCell = (cells[0] ?? '').trim()
    // A row that starts with an account number is a line, never a block's header.
    const digit = firstCell.charCodeAt(0)
    const header = isDigit(digit) ? undefined : BLOCKS.get(looseCell(firstCell))
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
    const extra = extraCell(cells, width)
    if (extra >= 0) {
      throw csvError(
        record.at,
        `colonne ${extra + 1}`,
        `valeur en trop « ${(cells[extra] as string).trim()} » : un point-virgule dans un texte doit être entre guillemets`
      )
    }
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
  const { records, unterminatedAt } = readCsv(text)
  if (unterminatedAt !== undefined) {
    throw csvError(unterminatedAt, 'texte entre guillemets', 'guillemet fermant manquant')
  }
  const rowsOptions = {
    edge: CSV_EDGE,
    // Without a quote, every line break ends a record: no cell holds one.
    oneLine: !text.includes('"'),
    ...(options.catalog ? { catalog: options.catalog } : {}),
  }
  return budgetFromRows(blocksOf(records), rowsOptions)
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
