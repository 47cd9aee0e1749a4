// A budget sheet read back into a Budget: its three tables handed to the core's reader of rows of cells, every bad cell said at its address on the sheet.
import {
  AciError,
  type Budget,
  type BudgetRows,
  budgetFromRows,
  bundledCatalog,
  type Catalog,
  type CellRow,
  type RowsEdge,
} from '../../../shared'
import { address, type CellValue } from '../workbook/plan'
import type { TableData } from '../workbook/workbook'
import { BUDGET_HEADERS } from './layout'

/**
 * Every bad cell of a budget sheet, at once: the message says how many, `problems` lists each
 * one where Excel shows it (« Budget 2026 !D19 (« Montant ») : montant attendu… »).
 */
export class BudgetSheetError extends AciError {
  readonly problems: readonly string[]
  constructor(sheet: string, problems: readonly string[]) {
    const n = problems.length
    super(
      'budget_invalide',
      n === 1
        ? `Une cellule à corriger dans la feuille « ${sheet} » : ${problems[0]}`
        : `${n} cellules à corriger dans la feuille « ${sheet} » :`,
      sheet
    )
    this.problems = problems
  }
}

/** The most problems said at once: beyond, the list says how many more. */
const MOST = 50

type Block = 'profil' | 'missions' | 'lignes'
const BLOCKS: readonly Block[] = ['profil', 'missions', 'lignes']

/** Where an error is: its table, its row (1 = first under the header, 0 = the header), its column if known. */
interface Spot {
  readonly block: Block
  readonly at: number
  readonly index: number | undefined
}

type Tables = Readonly<Record<Block, TableData>>

/**
 * The tables' rows as read, a row copied only when one of its cells is emptied: a 10 000-line
 * sheet is not copied to be read once.
 */
class SheetRows {
  private readonly changed: Record<Block, Map<number, CellValue[]>> = {
    profil: new Map(),
    missions: new Map(),
    lignes: new Map(),
  }

  constructor(private readonly tables: Tables) {}

  /** The row `at` (1 = first under the header) of a block, with the cells emptied so far. */
  at(block: Block, at: number): readonly CellValue[] | undefined {
    return this.changed[block].get(at) ?? this.tables[block].rows[at - 1]
  }

  empty(block: Block, at: number, index: number): void {
    const row = [...(this.at(block, at) ?? [])]
    row[index] = null
    this.changed[block].set(at, row)
  }

  /** The block's rows but those left out, made as the core's reader asks for them. */
  *kept(block: Block, dropped: ReadonlySet<number>): Generator<CellRow> {
    const count = this.tables[block].rows.length
    for (let at = 1; at <= count; at++) {
      if (!dropped.has(at)) yield { at, cells: this.at(block, at) ?? [] }
    }
  }
}

/** « Budget 2026 !D19 » as French Excel writes a reference to another sheet; the table's words when its place on the sheet is unknown. */
function placeName(table: TableData, at: number, index: number | undefined): string {
  if (table.origin === undefined) {
    return at === 0 ? `Tableau ${table.name}` : `${table.name}, ligne ${at}`
  }
  if (index === undefined) return `${table.sheet}, ligne ${table.origin.row + at + 1}`
  const cell = address({ row: table.origin.row + at, column: table.origin.column + index })
  return `${table.sheet} !${cell}`
}

const blank = (cell: CellValue | undefined) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
const zero = (cell: CellValue | undefined) =>
  cell === 0 || (typeof cell === 'string' && /^\s*0+([.,]0*)?\s*€?\s*$/.test(cell))

/**
 * The column of a document error's field on its row (`lignes[3].montant`, `…repartition.parts[1]…`):
 * a split's n-th part is the n-th section column filled on the row, as the core's reader takes them.
 */
function columnOf(path: string, headers: readonly string[], row: readonly CellValue[]) {
  const field = /^lignes\[\d+\]\.(\w+)(?:\.parts\[(\d+)\])?/.exec(path)
  if (field === null) return undefined
  const [, name, part] = field
  const named: Record<string, string> = {
    compte: BUDGET_HEADERS.compte,
    libelle: BUDGET_HEADERS.libelle,
    montant: BUDGET_HEADERS.montant,
    realise: BUDGET_HEADERS.realise,
    financeur: BUDGET_HEADERS.financeur,
    beneficiaire: BUDGET_HEADERS.beneficiaire,
  }
  if (part === undefined) {
    const header = named[name as string]
    const index = header === undefined ? -1 : headers.indexOf(header)
    return index < 0 ? undefined : index
  }
  // The sections lie between Montant and Reste à répartir; the actual ones are « Réalisé – … ».
  const montant = headers.indexOf(BUDGET_HEADERS.montant)
  const reste = headers.indexOf(BUDGET_HEADERS.reste)
  const columns =
    name === 'repartitionRealise'
      ? headers.flatMap((h, i) => (h.startsWith(`${BUDGET_HEADERS.realise} – `) ? [i] : []))
      : headers.flatMap((_, i) => (i > montant && i < reste ? [i] : []))
  const filled = columns.filter((i) => !blank(row[i]) && !zero(row[i]))
  return filled[Number(part)]
}

/** Names places as the person finds them in Excel, and keeps where each error is. */
function sheetEdge(tables: Tables, sheet: SheetRows, spots: WeakMap<AciError, Spot>): RowsEdge {
  return {
    cellError(place, message) {
      const table = tables[place.block]
      let error: AciError
      if (place.kind === 'missing') {
        error = new AciError(
          'budget_invalide',
          `${placeName(table, 0, table.origin === undefined ? undefined : 0)} : la colonne « ${place.column} » du tableau ${table.name} est introuvable ; ne renommez pas les en-têtes du tableau généré.`,
          table.name
        )
        spots.set(error, { block: place.block, at: 0, index: undefined })
        return error
      }
      const at = place.kind === 'header' ? 0 : place.at
      const where = placeName(table, at, place.index)
      error = new AciError('budget_invalide', `${where} (« ${place.column} ») : ${message}.`, where)
      spots.set(error, { block: place.block, at, index: place.index })
      return error
    },
    rowError(error, place) {
      // `lignes[3].montant : …` → `Budget 2026 !D19 (« Montant ») : …`: where the person looks.
      const match = /^(lignes|profil\.missions)\[\d+\]\.?/.exec(error.message)
      if (place.block === 'profil' || match === null) return error
      const table = tables[place.block]
      const row = sheet.at(place.block, place.at) ?? []
      const index =
        place.block === 'lignes' ? columnOf(error.argument ?? '', table.headers, row) : undefined
      const where = placeName(table, place.at, index)
      const header = index === undefined ? '' : ` (« ${table.headers[index]} »)`
      const said = new AciError(
        error.code,
        `${where}${header} : ${wordsOf(error.message.slice(match[0].length), index === undefined ? undefined : row[index])}`,
        error.argument
      )
      spots.set(said, { block: place.block, at: place.at, index })
      return said
    },
  }
}

/**
 * The core's message about a field, said about the cell: « montant : montant attendu : euros avec
 * un point décimal… » is the document's wording; the cell shows what was typed.
 */
function wordsOf(message: string, cell: CellValue | undefined): string {
  const field = /^([\w.[\]]+) : /.exec(message)
  const rest = field === null ? message : message.slice(field[0].length)
  const path = field?.[1] ?? ''
  if (/(montant|realise)$/.test(path) && typeof cell === 'string') {
    return `montant attendu (un nombre, par exemple 1 200,50), lu ${JSON.stringify(cell)}.`
  }
  return rest
}

/**
 * Reads the three tables of a budget sheet. A bad cell is named by its sheet and address
 * (« Budget 2026 !D19 »), and all of them are said at once (BudgetSheetError): the core's reader
 * stops at the first, so after a failure the sheet is read again with each bad cell emptied (or
 * its row left out when the cell is unknown) until it reads, each error kept.
 */
export function readBudget(
  profil: TableData,
  enveloppes: TableData,
  budget: TableData,
  catalog: Catalog = bundledCatalog()
): Budget {
  const tables: Tables = { profil, missions: enveloppes, lignes: budget }
  const sheet = new SheetRows(tables)
  const spots = new WeakMap<AciError, Spot>()
  const options = { catalog, filled: true, edge: sheetEdge(tables, sheet, spots) }
  const dropped: Record<Block, Set<number>> = {
    profil: new Set(),
    missions: new Set(),
    lignes: new Set(),
  }
  const read = () => {
    const kept = (block: Block) => sheet.kept(block, dropped[block])
    const rows: BudgetRows = {
      profil: [...kept('profil')],
      missions: { header: { at: 0, cells: enveloppes.headers }, rows: kept('missions') },
      lignes: { header: { at: 0, cells: budget.headers }, rows: kept('lignes') },
    }
    return budgetFromRows(rows, options)
  }

  const found: { spot: Spot; message: string }[] = []
  const rowsSaid = new Set<string>()
  for (;;) {
    try {
      const doc = read()
      if (found.length === 0) return doc
      break
    } catch (error) {
      const spot = error instanceof AciError ? spots.get(error) : undefined
      // An error of the whole budget: the first one is said as it is; after a bad cell was
      // emptied, it may come from the emptying, and the cells found are what to correct first.
      if (error instanceof AciError && spot === undefined && found.length === 0) throw error
      if (!(error instanceof AciError) || spot === undefined) {
        if (found.length === 0) throw error
        break
      }
      const rowKey = `${spot.block} ${spot.at}`
      // A row error after one of its cells was emptied (a split that no longer adds up) comes
      // from the emptying: the row is left out, nothing more said about it.
      const cell = spot.index === undefined ? null : sheet.at(spot.block, spot.at)?.[spot.index]
      const echo = rowsSaid.has(rowKey) && blank(cell)
      if (!echo) found.push({ spot, message: error.message })
      rowsSaid.add(rowKey)
      if (found.length > MOST || spot.at === 0) break
      const row = sheet.at(spot.block, spot.at)
      if (spot.index !== undefined && row !== undefined && !blank(row[spot.index])) {
        sheet.empty(spot.block, spot.at, spot.index)
      } else if (!dropped[spot.block].has(spot.at)) {
        dropped[spot.block].add(spot.at)
      } else break
    }
  }
  const order = (s: Spot) => [BLOCKS.indexOf(s.block), s.at, s.index ?? -1]
  found.sort((a, b) => {
    const [x, y] = [order(a.spot), order(b.spot)]
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number)
    return 0
  })
  const problems = found.slice(0, MOST).map((f) => f.message)
  if (found.length > MOST)
    problems.push('… et d’autres : corrigez celles-ci, puis vérifiez à nouveau.')
  throw new BudgetSheetError(budget.sheet, problems)
}
