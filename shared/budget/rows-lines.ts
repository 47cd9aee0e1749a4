// The lines table of a budget's rows: one line a row, a column per section, each line read with whether it needs nothing more.
import type { AciError } from '../errors'
import {
  amountCell,
  BAD,
  type Cell,
  financeurOf,
  fromText,
  isBlank,
  type Mode,
  modeOf,
  percentCell,
  writtenAmount,
  writtenPercent,
} from './cells'
import { centsOf } from './cents'
import type { CellRow, Raw, RowsEdge } from './rows'
import { type Section, sectionIndex } from './sections'
import { hasReadyWords, isCanonicalAmountText, isCanonicalPercent } from './shape'

/** A cell as a message quotes it: « lu "42,x" ». */
export const describe = (cell: Cell | undefined) => JSON.stringify(cell ?? null)

/** A column's header as its table writes it, or its number. */
export function headerAt(header: CellRow, index: number): string {
  return fromText(header.cells[index]) || `colonne ${index + 1}`
}

/** Where the columns of the lines table are, and how to read them. */
export interface LineLayout {
  readonly header: CellRow
  readonly edge: RowsEdge
  readonly filled: boolean
  readonly compte: number
  readonly libelle: number
  readonly montant: number
  readonly mode: number | undefined
  readonly modeRealise: number | undefined
  readonly financeur: number | undefined
  readonly beneficiaire: number | undefined
  readonly realise: number | undefined
  readonly sections: readonly { index: number; section: Section }[]
  readonly actuals: readonly { index: number; section: Section }[]
  /** Whether the sections' columns (the actual sections') name each a section once, in SECTIONS order: a split read from them has its parts so. */
  readonly sectionsInOrder: boolean
  readonly actualsInOrder: boolean
  /** RowsOptions.oneLine. */
  readonly oneLine: boolean
  /**
   * Whether the line being read needs nothing more (isReadyLigne would say yes of it): set at
   * its start, and cleared by the first value that is not canonical as it was read. The one field
   * the readers write, for the line at hand.
   */
  ready: boolean
}

/** Whether columns name each a section once, in SECTIONS order. */
export function inSectionOrder(columns: readonly { section: Section }[]): boolean {
  let previous = -1
  for (const c of columns) {
    const index = sectionIndex(c.section)
    if (index <= previous) return false
    previous = index
  }
  return true
}

// The line readers are module functions, not closures made for each row: they run for every
// line of every budget read.
//
// The objects they make (a line, a split, a part) are made empty, then filled, not written as
// literals. V8 follows the objects of a literal, and once nearly all of them outlive a minor
// collection (a reader's lines do, until the read ends), it makes that literal's objects in the
// old generation from then on: a run of reads then spends a third of its time collecting
// (2 000 reads of a 1 000-line CSV: 1,8–2,7 ms a read in 4 runs of 11, against 1,0–1,1). An
// object made empty is not followed so (no such run in 12).
//
// They also say whether each line needs nothing more (layout.ready), from its values as they
// are read: an amount or a key written as the project's files write them (« 42000,00 »,
// « 40% ») is canonical once read (writtenAmount, writtenPercent), any other is asked of
// isCanonicalAmountText or isCanonicalPercent, and the sections' order is the header's, known
// once; the line's words are asked of hasReadyWords, as isReadyLigne asks them.
// parseBudgetWritten then keeps such a line without looking at it again: looking cost as much
// as a sixth of a CSV's read.

function cellOf(row: CellRow, index: number | undefined): Cell {
  return index === undefined ? null : (row.cells[index] ?? null)
}

function lineCellError(row: CellRow, index: number, layout: LineLayout, message: string): AciError {
  return layout.edge.cellError(
    { kind: 'cell', block: 'lignes', at: row.at, column: headerAt(layout.header, index), index },
    message
  )
}

function amountAt(row: CellRow, index: number | undefined, layout: LineLayout): string | undefined {
  if (index === undefined) return undefined
  const cell = cellOf(row, index)
  if (typeof cell === 'string') {
    const written = writtenAmount(cell)
    if (written !== undefined) return written
  }
  const value = amountCell(cell)
  if (value !== BAD) {
    if (value !== undefined && !isCanonicalAmountText(value)) layout.ready = false
    return value
  }
  throw lineCellError(
    row,
    index,
    layout,
    `montant attendu (un nombre), lu ${describe(cellOf(row, index))}`
  )
}

/**
 * Where a split's parts are gathered, for every split read: its array is then copied at its
 * size. An array grown part by part would keep room for about twenty, and a budget holds one or
 * two splits a line. A reader runs from start to end without yielding, so no two splits share it.
 */
const PARTS: Raw[] = []

/** A split: its mode (by amounts when the table has no mode column, as the sheet) and its filled sections. */
function splitOf(
  row: CellRow,
  modeAt: number | undefined,
  columns: readonly { index: number; section: Section }[],
  inOrder: boolean,
  layout: LineLayout,
  missing: string
): Raw | undefined {
  const modeText = fromText(cellOf(row, modeAt))
  const mode: Mode | string | undefined =
    modeAt === undefined ? 'montants' : modeText === '' ? undefined : modeOf(modeText)
  const found = PARTS
  let count = 0
  let canonical = (mode === 'montants' || mode === 'cles') && inOrder
  for (const c of columns) {
    const value = cellOf(row, c.index)
    if (isBlank(value)) continue
    let part: Raw
    if (mode === 'cles') {
      let pourcentage = typeof value === 'string' ? writtenPercent(value) : undefined
      if (pourcentage === undefined) {
        const read = percentCell(value)
        if (read === BAD) {
          throw lineCellError(row, c.index, layout, `pourcentage attendu, lu ${describe(value)}`)
        }
        pourcentage = read
        canonical &&= isCanonicalPercent(read)
      }
      part = {}
      part.section = c.section
      part.pourcentage = pourcentage
    } else {
      const montant = amountAt(row, c.index, layout)
      if (layout.filled && montant !== undefined && centsOf(montant) === 0) continue
      part = {}
      part.section = c.section
      part.montant = montant
    }
    found[count++] = part
  }
  if (count === 0) return undefined
  if (mode === undefined) throw lineCellError(row, modeAt as number, layout, missing)
  if (!canonical) layout.ready = false
  const split: Raw = {}
  split.mode = mode
  split.parts = found.slice(0, count)
  return split
}

/** One line of the budget, or undefined for a line of the sheet with nothing planned nor spent. */
export function lineOf(row: CellRow, layout: LineLayout): Raw | undefined {
  const { filled } = layout
  layout.ready = true
  const amount = amountAt(row, layout.montant, layout)
  if (amount === undefined && !filled) layout.ready = false
  const repartition = splitOf(
    row,
    layout.mode,
    layout.sections,
    layout.sectionsInOrder,
    layout,
    'les sections sont remplies mais le mode de répartition manque : « montants » ou « clés »'
  )
  const realise = amountAt(row, layout.realise, layout)
  if (filled && repartition === undefined && realise === undefined) {
    // A sheet's row with nothing planned nor spent is no line (a file's line is read as it is).
    if (amount === undefined || centsOf(amount) === 0) return undefined
  }
  const account = fromText(cellOf(row, layout.compte))
  const label = fromText(cellOf(row, layout.libelle))
  // A line's fields only, in the document's canonical order: parseBudgetWritten keeps these objects.
  const ligne: Raw = {}
  ligne.compte = account
  ligne.libelle = filled && label === '' ? `Compte ${account}` : label
  ligne.montant = amount ?? (filled ? '0.00' : '')
  if (realise !== undefined) ligne.realise = realise
  if (repartition !== undefined) ligne.repartition = repartition
  // The sheet's actual split by amounts says something only beside an actual amount; a table
  // with no actual section has none to read.
  if (
    layout.actuals.length > 0 &&
    !(filled && layout.modeRealise === undefined && realise === undefined)
  ) {
    const actual = splitOf(
      row,
      layout.modeRealise,
      layout.actuals,
      layout.actualsInOrder,
      layout,
      'les sections du réalisé sont remplies mais le mode de répartition du réalisé manque : « montants » ou « clés »'
    )
    if (actual !== undefined) {
      ligne.repartitionRealise = actual
      if (realise === undefined) layout.ready = false
    }
  }
  const financeur = fromText(cellOf(row, layout.financeur))
  if (financeur !== '') ligne.financeur = financeurOf(financeur)
  const beneficiaire = fromText(cellOf(row, layout.beneficiaire))
  if (beneficiaire !== '') ligne.beneficiaire = beneficiaire
  if (layout.ready) layout.ready = hasReadyWords(ligne, layout.oneLine)
  return ligne
}
