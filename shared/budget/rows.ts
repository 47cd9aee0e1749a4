// A budget as rows of French Excel cells (a CSV's blocks, a sheet's tables): one reader into the checked Budget.
import { type AciError, isAciError } from '../errors'
import type { Budget } from './budget'
import {
  BAD,
  type Cell,
  dateCell,
  fromText,
  integerCell,
  isBlank,
  LIGNE_HEADERS,
  type LigneColumn,
  lookup,
  looseCell,
  MISSION_HEADERS,
  type MissionColumn,
  PROFIL_LABELS,
  type ProfilField,
  percentCell,
  rateCell,
  words,
} from './cells'
import { type BudgetOptions, tableOf } from './context'
import { parseBudgetWritten } from './parse'
import { describe, headerAt, inSectionOrder, type LineLayout, lineOf } from './rows-lines'
import type { Section } from './sections'

/** A row of cells, and where it is as the edge numbers it (the CSV's line, the table's row). */
export interface CellRow {
  readonly at: number
  readonly cells: readonly Cell[]
}

/** A block of rows under a header row. */
export interface CellTable {
  readonly header: CellRow
  /**
   * Read once, in order: an array, or rows made as the reader asks for them (the sheet's, a
   * CSV's lines as they are cut). A row may be made again for the next (one object, its cells
   * refilled): the reader keeps values, never a row.
   */
  readonly rows: Iterable<CellRow>
}

/**
 * A budget as French Excel lays it out: the profile as label/value rows, the engaged missions
 * and the lines as tables whose columns are found by their header (in any order, in the words of
 * the CSV or of the generated sheet, with or without accents).
 */
export interface BudgetRows {
  readonly profil: readonly CellRow[]
  readonly missions: CellTable
  readonly lignes: CellTable
}

export type Block = 'profil' | 'missions' | 'lignes'

/**
 * Where a cell is, for an error: its block, its row, its column's header (as the table writes it)
 * and its index. `kind` says what is wrong there: a cell, an unknown header, a required column
 * missing from the header, an unknown profile label.
 */
export interface CellPlace {
  readonly kind: 'cell' | 'header' | 'missing' | 'label'
  readonly block: Block
  readonly at: number
  readonly column: string
  readonly index: number
}

/** The row a field of the document was read from. */
export interface RowPlace {
  readonly block: Block
  readonly at: number
}

/** How an edge names places in its own words: « ligne 12, Répartition » for a CSV, « Budget_2026, ligne 5, colonne « Montant » » for a sheet. */
export interface RowsEdge {
  cellError(place: CellPlace, message: string): AciError
  /** An error of the document (parseBudget's, about `lignes[3].montant`…), said at the row it was read from. */
  rowError(error: AciError, place: RowPlace): AciError
}

export interface RowsOptions extends BudgetOptions {
  readonly edge: RowsEdge
  /**
   * The rows come from a generated form that writes every cell (the budget sheet): a section at 0
   * is no part, a line with nothing planned nor spent is left out (a blank label reads « Compte
   * 6411 »), 100 % is the default rate, the version in force and the taille beside a population
   * are the sheet's display, the envelopes' table has its fonctionnement row, and columns the
   * reader does not know are the form's own (Nature, Reste à répartir…).
   */
  readonly filled?: boolean
  /** No cell holds a line break (a CSV without quotes): its texts need no look for one. */
  readonly oneLine?: boolean
}

export type Raw = Record<string, unknown>

const DATE_EXPECTED = 'date attendue (une cellule au format date)'

/** The columns of a header row, by what they hold. */
interface Columns<K extends string> {
  readonly named: Map<K, { index: number; header: string }>
  readonly sections: { index: number; section: Section; header: string }[]
  readonly actuals: { index: number; section: Section; header: string }[]
}

function columnsOf<K extends string>(
  header: CellRow,
  names: ReadonlyMap<string, K>,
  withSections: boolean,
  unknown: (index: number, header: string) => void
): Columns<K> {
  const vocabulary = words()
  const columns: Columns<K> = { named: new Map(), sections: [], actuals: [] }
  for (let index = 0; index < header.cells.length; index++) {
    const text = fromText(header.cells[index])
    if (text === '') continue
    const name = looseCell(text)
    const known = names.get(name)
    if (known !== undefined) {
      if (!columns.named.has(known)) columns.named.set(known, { index, header: text })
      continue
    }
    const section = withSections ? vocabulary.sections.get(name) : undefined
    const actual = withSections ? vocabulary.actualSections.get(name) : undefined
    if (section !== undefined) columns.sections.push({ index, section, header: text })
    else if (actual !== undefined) columns.actuals.push({ index, section: actual, header: text })
    else unknown(index, text)
  }
  return columns
}

/** Where each field of the profile, each mission and each line was read, to say where a later error is. */
interface Origins {
  readonly profil: Map<string, number>
  readonly missions: number[]
  readonly lignes: number[]
}

const PROFIL_PATHS: Record<ProfilField, string> = {
  nom: 'profil.nom',
  taille: 'profil.taille',
  population: 'profil.population',
  signature: 'profil.signature',
  version: 'profil.version',
  debut: 'profil.exercice.debut',
  fin: 'profil.exercice.fin',
  thesaurisation: 'profil.seuils.thesaurisation',
  pass: 'profil.seuils.pass',
}

function placeOf(argument: string | undefined, origins: Origins): RowPlace | undefined {
  if (argument === undefined) return undefined
  const line = /^lignes\[(\d+)\]/.exec(argument)
  if (line !== null) {
    const at = origins.lignes[Number(line[1])]
    return at === undefined ? undefined : { block: 'lignes', at }
  }
  const mission = /^profil\.missions\[(\d+)\]/.exec(argument)
  if (mission !== null) {
    const at = origins.missions[Number(mission[1])]
    return at === undefined ? undefined : { block: 'missions', at }
  }
  const at = origins.profil.get(argument)
  return at === undefined ? undefined : { block: 'profil', at }
}

/**
 * Reads a budget from rows of cells, in French Excel's words, and returns it checked (parseBudget).
 * Cells may be text (« 42 000,50 € », « 80 % », « 31/01/2025 », « clés », « mise à jour »,
 * a funder's label) or Excel's values (doubles, date serials). Errors name the cell or the row
 * through the edge; a document error (parseBudget's) is said at the row it was read from.
 */
export function budgetFromRows(rows: BudgetRows, options: RowsOptions): Budget {
  const { edge, filled = false } = options
  const vocabulary = words()
  const origins: Origins = { profil: new Map(), missions: [], lignes: [] }

  // --- profile: one field a row, found by its label ------------------------------------------
  const fields = new Map<ProfilField, { cell: Cell; at: number }>()
  for (const row of rows.profil) {
    const label = fromText(row.cells[0])
    const value = row.cells[1] ?? null
    if (label === '' && isBlank(value)) continue
    const field = vocabulary.profil.get(looseCell(label))
    if (field === undefined) {
      if (filled) continue
      throw edge.cellError(
        { kind: 'label', block: 'profil', at: row.at, column: label, index: 0 },
        `information du profil inconnue « ${label} » ; attendues : ${Object.values(PROFIL_LABELS).join(', ')}`
      )
    }
    fields.set(field, { cell: value, at: row.at })
    origins.profil.set(PROFIL_PATHS[field], row.at)
  }
  const read = <T>(
    field: ProfilField,
    reader: (cell: Cell | undefined) => T | typeof BAD,
    expected: string
  ): T => {
    const found = fields.get(field)
    const value = reader(found?.cell)
    if (value !== BAD) return value
    throw edge.cellError(
      {
        kind: 'cell',
        block: 'profil',
        at: found?.at ?? 0,
        column: PROFIL_LABELS[field],
        index: 1,
      },
      `${expected}, lu ${describe(found?.cell)}`
    )
  }
  const profil: Raw = {}
  const nom = fromText(fields.get('nom')?.cell)
  if (nom !== '') profil.nom = nom
  const population = read(
    'population',
    integerCell,
    'population attendue : un nombre entier d’habitants'
  )
  const taille = read('taille', integerCell, 'taille attendue : un entier de 1 à 4')
  if (taille !== undefined && !(filled && population !== undefined)) profil.taille = taille
  if (population !== undefined) profil.population = population
  const signature = read('signature', dateCell, DATE_EXPECTED)
  if (signature !== undefined) profil.signature = signature
  const version = fromText(fields.get('version')?.cell)
  if (version !== '' && !(filled && isInForce(version, signature, options))) {
    profil.version = version
  }
  const debut = read('debut', dateCell, DATE_EXPECTED)
  const fin = read('fin', dateCell, DATE_EXPECTED)
  if (debut !== undefined || fin !== undefined) {
    profil.exercice = {
      ...(debut === undefined ? {} : { debut }),
      ...(fin === undefined ? {} : { fin }),
    }
  }
  const missions: Raw[] = []
  profil.missions = missions
  const thesaurisation = read('thesaurisation', percentCell, 'pourcentage attendu')
  const pass = read('pass', percentCell, 'pourcentage attendu')
  if (thesaurisation !== undefined || pass !== undefined) {
    profil.seuils = {
      ...(thesaurisation === undefined ? {} : { thesaurisation }),
      ...(pass === undefined ? {} : { pass }),
    }
  }

  // --- missions: one a row ------------------------------------------------------------------
  const m = columnsOf<MissionColumn>(
    rows.missions.header,
    vocabulary.missionColumns,
    false,
    () => {}
  )
  const missionColumn = need(m, 'mission', MISSION_HEADERS, 'missions', rows.missions.header, edge)
  const debutColumn = need(m, 'debut', MISSION_HEADERS, 'missions', rows.missions.header, edge)
  const tauxColumn = m.named.get('taux')?.index
  const phaseColumn = m.named.get('phase')?.index
  for (const row of rows.missions.rows) {
    const cell = (i: number | undefined) => (i === undefined ? null : (row.cells[i] ?? null))
    if (row.cells.every(isBlank)) continue
    const code = fromText(cell(missionColumn))
    if (filled && (code === '' || looseCell(code) === 'fonctionnement')) continue
    const at = (index: number, column: string) =>
      ({ kind: 'cell', block: 'missions', at: row.at, column, index }) as const
    const start = dateCell(cell(debutColumn))
    if (start === BAD) {
      throw edge.cellError(
        at(debutColumn, headerAt(rows.missions.header, debutColumn)),
        `${DATE_EXPECTED}, lu ${describe(cell(debutColumn))}`
      )
    }
    const mission: Raw = { mission: lookup(vocabulary.missions, code), debut: start ?? '' }
    const taux = rateCell(cell(tauxColumn))
    if (taux === BAD) {
      const index = tauxColumn as number
      throw edge.cellError(
        at(index, headerAt(rows.missions.header, index)),
        `taux attendu (80 % ou 0,8), lu ${describe(cell(index))}`
      )
    }
    if (taux !== undefined && !(filled && taux === '1')) mission.taux = taux
    const phase = fromText(cell(phaseColumn))
    if (phase !== '') mission.phase = lookup(vocabulary.phases, phase)
    missions.push(mission)
    origins.missions.push(row.at)
  }

  // --- lines: one a row, a column per section -----------------------------------------------
  const header = rows.lignes.header
  const l = columnsOf<LigneColumn>(header, vocabulary.ligneColumns, true, (index, text) => {
    if (filled) return
    throw edge.cellError(
      { kind: 'header', block: 'lignes', at: header.at, column: text, index },
      `section inconnue « ${text} »`
    )
  })
  const lines: LineLayout = {
    header,
    edge,
    filled,
    compte: need(l, 'compte', LIGNE_HEADERS, 'lignes', header, edge),
    libelle: need(l, 'libelle', LIGNE_HEADERS, 'lignes', header, edge),
    montant: need(l, 'montant', LIGNE_HEADERS, 'lignes', header, edge),
    mode: l.named.get('mode')?.index,
    modeRealise: l.named.get('modeRealise')?.index,
    financeur: l.named.get('financeur')?.index,
    beneficiaire: l.named.get('beneficiaire')?.index,
    realise: l.named.get('realise')?.index,
    sections: l.sections,
    actuals: l.actuals,
    sectionsInOrder: inSectionOrder(l.sections),
    actualsInOrder: inSectionOrder(l.actuals),
    oneLine: options.oneLine === true,
    ready: false,
  }
  const lignes: Raw[] = []
  const ready: boolean[] = []
  for (const row of rows.lignes.rows) {
    const ligne = lineOf(row, lines)
    if (ligne === undefined) continue
    lignes.push(ligne)
    ready.push(lines.ready)
    origins.lignes.push(row.at)
  }

  try {
    return parseBudgetWritten({ profil, lignes }, options, ready)
  } catch (error) {
    if (!isAciError(error)) throw error
    const place = placeOf(error.argument, origins)
    throw place === undefined ? error : edge.rowError(error, place)
  }
}

/** The index of a required column, or the edge's error naming it. */
function need<K extends string>(
  columns: Columns<K>,
  key: K,
  headers: Record<K, string>,
  block: Block,
  header: CellRow,
  edge: RowsEdge
): number {
  const found = columns.named.get(key)
  if (found !== undefined) return found.index
  throw edge.cellError(
    { kind: 'missing', block, at: header.at, column: headers[key], index: header.cells.length },
    `colonne « ${headers[key]} » introuvable`
  )
}

/** Whether a version is the one in force at the signature (the sheet writes it out for display). */
function isInForce(
  version: string,
  signature: string | undefined,
  options: BudgetOptions
): boolean {
  if (signature === undefined) return false
  try {
    return (
      tableOf({ signature } as Parameters<typeof tableOf>[0], options).id === version.toLowerCase()
    )
  } catch (error) {
    // No table in force at that date: parseBudget says so, at the signature's row.
    if (!isAciError(error)) throw error
    return false
  }
}
