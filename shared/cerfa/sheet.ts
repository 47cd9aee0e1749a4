// The CERFA table laid out like the form, as plain cells: charges on the left, produits on the right, formulas to the budget sheet's table.
import {
  Decimal,
  FINANCEUR_LABELS,
  type Financeur,
  frenchDate,
  LIGNE_HEADERS,
  sectionLabel,
  toExcelNumber,
} from '../index'
import type { FinanceursMapping } from './classify'
import { LIGNES_NATURE, SANS_CENTIMES } from './rows'
import type { CerfaLigne, CerfaTable } from './table'

/** A constant as a spreadsheet holds it. */
export type CerfaValue = string | number | null

/**
 * A formula in Excel's invariant syntax (`,` between arguments), which Office.js takes whatever
 * the user's locale, and the value the core computed for it (what the sheet shows once written).
 */
export interface CerfaFormula {
  readonly formula: string
  readonly value: CerfaValue
}

export type CerfaCell = CerfaValue | CerfaFormula

/** A rectangle of cells from a top-left address, written row by row, with a number format per column. */
export interface CerfaBlock {
  readonly at: string
  readonly rows: readonly (readonly CerfaCell[])[]
  readonly style?: 'title' | 'subtitle' | 'note' | 'label'
  readonly formats?: readonly (string | null)[]
}

/** A sheet as data: blocks of cells, column widths from A, the rows frozen at the top. */
export interface CerfaSheet {
  readonly name: string
  readonly blocks: readonly CerfaBlock[]
  readonly widths: readonly (number | undefined)[]
  readonly freezeRows: number
}

export interface CerfaSheetOptions {
  /**
   * The name of the budget sheet's lines table (`Budget_2026`): the amounts become SUMIFS over
   * its columns (Compte, Montant or the section's column, Réalisé, Financeur), so that the form
   * follows the budget. Absent: the amounts are written as values.
   */
  readonly budgetTable?: string
}

/** Euros in Excel's invariant number format; French Excel shows `# ##0,00 €`. */
export const EUROS_FORMAT = '#,##0.00 "€"'

const HEADERS_12156 = ['Montant'] as const
const HEADERS_15059 = [
  'Prévu',
  'Réalisé',
  'Écart',
  'À expliquer',
  'Explication de l’écart',
] as const

/** 0 → A, 26 → AA. */
function letter(index: number): string {
  let n = index
  let out = ''
  do {
    out = String.fromCharCode(65 + (n % 26)) + out
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return out
}

const cell = (column: number, row: number) => `${letter(column)}${row + 1}`

/** A column of a table in a structured reference: `[`, `]`, `#` and `'` escaped with `'`. */
function column(table: string, header: string): string {
  return `${table}[${header.replace(/[[\]#']/g, "'$&")}]`
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`

const number = (amount: string) => toExcelNumber(new Decimal(amount))

/** The label of a row as the sheet shows it: « 60 – Achats », a detail indented under its chapter. */
export function rowLabel(ligne: CerfaLigne): string {
  return ligne.niveau === 'chapitre'
    ? `${ligne.chapitre} – ${ligne.libelle}`
    : `    ${ligne.libelle}`
}

const ACI_LABEL = FINANCEUR_LABELS.aci

/** What a row's amount is, as SUMIFS over the budget table's column `amounts`; undefined when only the core can say. */
function sumFormula(
  ligne: CerfaLigne,
  t: string,
  amounts: string,
  mapping: FinanceursMapping
): string | undefined {
  const sumifs = (...criteria: [string, string][]) =>
    `SUMIFS(${column(t, amounts)},${criteria.map(([h, c]) => `${column(t, h)},${quote(c)}`).join(',')})`
  const compte = LIGNE_HEADERS.compte
  const financeur = LIGNE_HEADERS.financeur
  const aciIn74 = sumifs([compte, '74*'], [financeur, ACI_LABEL])
  if (ligne.niveau === 'chapitre') {
    const own = sumifs([compte, `${ligne.chapitre}*`])
    if (ligne.chapitre === '70') return `${own}+${aciIn74}`
    if (ligne.chapitre === '74') return `${own}-${aciIn74}`
    return own
  }
  if (ligne.chapitre === '86' || ligne.chapitre === '87') {
    const key = ligne.code.slice(3)
    const nature = LIGNES_NATURE.find((l) => l.chapitre === ligne.chapitre && l.key === key)
    if (nature === undefined) return undefined
    return nature.comptes.map((c) => sumifs([compte, `${c}*`])).join('+')
  }
  // Chapter 74: the funders sent straight to this row; a row the labels fed is the core's.
  if (ligne.parLibelle) return undefined
  const row = ligne.code.slice(3)
  const direct = (Object.keys(mapping) as Exclude<Financeur, 'aci'>[]).filter(
    (f) => mapping[f] === row
  )
  if (direct.length === 0) return undefined
  const terms = direct.map((f) => sumifs([compte, '74*'], [financeur, FINANCEUR_LABELS[f]]))
  // A line without funder counts as « autre ».
  if (direct.includes('autre')) terms.push(sumifs([compte, '74*'], [financeur, '']))
  return terms.join('+')
}

interface Side {
  readonly lignes: readonly CerfaLigne[]
  /** First column of the side. */
  readonly at: number
}

/**
 * The sheet of a CERFA table, laid out like the form: the title and a note, then side by side the
 * charges and the produits (12156: the amount; 15059: planned, actual, gap, whether to explain,
 * the explanation to write), their totals, the surplus or shortfall, the form's rule, and below
 * the line the contributions in kind, 86 against 87. With `budgetTable`, every amount the budget
 * sheet can give is a formula on it (a project's actuals excepted: their split follows the
 * planned one, which only the core computes); the rows of 74 that the labels of lines decided
 * are values, and « Financeur à préciser » takes what the others leave of 74, so the detail
 * always adds up to its chapter.
 */
export function cerfaSheet(table: CerfaTable, options: CerfaSheetOptions = {}): CerfaSheet {
  const full = table.formulaire === '15059'
  const headers: readonly string[] = full ? HEADERS_15059 : HEADERS_12156
  const width = 1 + headers.length
  const t = options.budgetTable
  const plannedColumn = table.section === null ? LIGNE_HEADERS.montant : sectionLabel(table.section)
  const actualColumn = table.section === null ? LIGNE_HEADERS.realise : undefined
  const seuil = Number(table.seuilEcart ?? '0') / 100

  const left: Side = { lignes: table.lignes.filter((l) => l.cote === 'charges'), at: 0 }
  const right: Side = { lignes: table.lignes.filter((l) => l.cote === 'produits'), at: width + 1 }
  const emplois: Side = { lignes: table.lignes.filter((l) => l.cote === 'emplois'), at: 0 }
  const contributions: Side = {
    lignes: table.lignes.filter((l) => l.cote === 'contributions'),
    at: width + 1,
  }
  const columns = 2 * width + 1
  const grid: CerfaCell[][] = []
  const blank = () => new Array<CerfaCell>(columns).fill(null)

  const amountCell = (
    ligne: CerfaLigne,
    amount: string,
    amounts: string | undefined
  ): CerfaCell => {
    const value = number(amount)
    if (t === undefined || amounts === undefined) return value
    const formula = sumFormula(ligne, t, amounts, table.financeurs)
    return formula === undefined ? value : { formula: `=${formula}`, value }
  }

  /** Writes one side's rows from grid row `start`; returns where each of its chapters sits. */
  const writeSide = (side: Side, start: number): Map<string, number> => {
    const at = new Map<string, number>()
    side.lignes.forEach((ligne, k) => {
      const r = start + k
      at.set(ligne.code, r)
      const row = grid[r] as CerfaCell[]
      row[side.at] = rowLabel(ligne)
      row[side.at + 1] = amountCell(ligne, ligne.montant, plannedColumn)
      if (full) {
        const p = cell(side.at + 1, r)
        const a = cell(side.at + 2, r)
        row[side.at + 2] = amountCell(ligne, ligne.realise ?? '0', actualColumn)
        row[side.at + 3] = {
          formula: `=${a}-${p}`,
          value: number(ligne.ecart ?? '0'),
        }
        row[side.at + 4] = {
          formula: `=IF(OR(AND(${p}=0,${a}<>0),ABS(${a}-${p})>${seuil}*ABS(${p})),"oui","")`,
          value: ligne.aExpliquer === true ? 'oui' : '',
        }
        row[side.at + 5] = null
      }
    })
    return at
  }

  /** « À préciser » rows (74, 86, 87): their chapter less the other details, once every row is placed. */
  const remainders = (side: Side, at: Map<string, number>) => {
    if (t === undefined) return
    for (const ligne of side.lignes) {
      const isRemainder = ligne.code === '74.a_preciser' || ligne.code.endsWith('.autres')
      if (!isRemainder) continue
      const r = at.get(ligne.code) as number
      const chapterRow = at.get(ligne.chapitre) as number
      const others = side.lignes
        .filter((l) => l.chapitre === ligne.chapitre && l.niveau === 'detail' && l !== ligne)
        .map((l) => at.get(l.code) as number)
      const amountColumns = full ? [1, 2] : [1]
      for (const c of amountColumns) {
        if (c === 2 && actualColumn === undefined) continue
        const col = side.at + c
        const minus =
          others.length === 0 ? '' : `-SUM(${others.map((o) => cell(col, o)).join(',')})`
        const row = grid[r] as CerfaCell[]
        const shown = row[col] as CerfaCell
        const value = typeof shown === 'object' && shown !== null ? shown.value : shown
        row[col] = { formula: `=${cell(col, chapterRow)}${minus}`, value }
      }
    }
  }

  /** A totals row: the sum of a side's chapter rows, in each amount column. */
  const totalRow = (
    row: CerfaCell[],
    side: Side,
    at: Map<string, number>,
    label: string,
    totals: readonly (string | undefined)[]
  ) => {
    row[side.at] = label
    const chapters = side.lignes.filter((l) => l.niveau === 'chapitre').map((l) => at.get(l.code))
    totals.forEach((total, k) => {
      if (total === undefined) return
      const col = side.at + 1 + k
      const refs = chapters.map((r) => cell(col, r as number))
      const value = number(total)
      row[col] = refs.length === 0 ? value : { formula: `=SUM(${refs.join(',')})`, value }
    })
    if (full) {
      const p = cell(side.at + 1, grid.indexOf(row))
      const a = cell(side.at + 2, grid.indexOf(row))
      const planned = totals[0] ?? '0'
      const actual = totals[1] ?? '0'
      row[side.at + 3] = {
        formula: `=${a}-${p}`,
        value: number(new Decimal(actual).minus(planned).toFixed(2)),
      }
    }
  }

  // Title, note, a blank row, the headers.
  const periode = `exercice du ${frenchDate(table.exercice.debut)} au ${frenchDate(table.exercice.fin)}`
  const source =
    t === undefined
      ? 'montants du budget au moment de l’écriture'
      : `montants en formules sur le tableau ${t} : la feuille suit le budget`
  grid.push([`${table.titre} — ${table.perimetre} — ${table.cpts}`, ...blank().slice(1)])
  grid.push([
    `${periode.charAt(0).toUpperCase()}${periode.slice(1)} ; ${source}. ${SANS_CENTIMES} Lignes du formulaire telles que les notes de référence les donnent ; les lignes « hors formulaire » et « à préciser » sont à rattacher par le trésorier.`,
    ...blank().slice(1),
  ])
  grid.push(blank())
  const header = blank()
  header[left.at] = 'Charges'
  header[right.at] = 'Produits'
  headers.forEach((h, k) => {
    header[left.at + 1 + k] = h
    header[right.at + 1 + k] = h
  })
  grid.push(header)
  const bodyStart = grid.length
  const bodyRows = Math.max(left.lignes.length, right.lignes.length)
  for (let k = 0; k < bodyRows; k++) grid.push(blank())
  const leftAt = writeSide(left, bodyStart)
  const rightAt = writeSide(right, bodyStart)
  remainders(right, rightAt)

  const totalsAt = grid.length
  const totals = blank()
  grid.push(totals)
  const real = table.totauxRealises
  totalRow(totals, left, leftAt, 'Total des charges', [table.totaux.charges, real?.charges])
  totalRow(totals, right, rightAt, 'Total des produits', [table.totaux.produits, real?.produits])

  // The balance: the surplus beside the charges, the shortfall beside the produits.
  const balance = blank()
  const balanceAt = grid.length
  grid.push(balance)
  balance[left.at] = 'Excédent (produits − charges)'
  balance[right.at] = 'Insuffisance (charges − produits)'
  const amountColumns = full ? 2 : 1
  for (let k = 0; k < amountColumns; k++) {
    const charges = cell(left.at + 1 + k, totalsAt)
    const produits = cell(right.at + 1 + k, totalsAt)
    const tot = k === 0 ? table.totaux : (real ?? table.totaux)
    const gap = new Decimal(tot.ecart)
    balance[left.at + 1 + k] = {
      formula: `=MAX(0,${produits}-${charges})`,
      value: number(Decimal.max(0, gap).toFixed(2)),
    }
    balance[right.at + 1 + k] = {
      formula: `=MAX(0,${charges}-${produits})`,
      value: number(Decimal.max(0, gap.negated()).toFixed(2)),
    }
  }
  const rule = blank()
  rule[0] = table.equilibre.regle
  grid.push(rule)
  grid.push(blank())

  // Below the line: the contributions in kind.
  const kindHeader = blank()
  kindHeader[emplois.at] = 'Contributions volontaires en nature : emplois'
  kindHeader[contributions.at] = 'Contributions volontaires en nature : ressources'
  headers.forEach((h, k) => {
    kindHeader[emplois.at + 1 + k] = h
    kindHeader[contributions.at + 1 + k] = h
  })
  const kindHeaderAt = grid.length
  grid.push(kindHeader)
  const kindStart = grid.length
  const kindRows = Math.max(emplois.lignes.length, contributions.lignes.length)
  for (let k = 0; k < kindRows; k++) grid.push(blank())
  const emploisAt = writeSide(emplois, kindStart)
  const contributionsAt = writeSide(contributions, kindStart)
  remainders(emplois, emploisAt)
  remainders(contributions, contributionsAt)
  const kindTotals = blank()
  const kindTotalsAt = grid.length
  grid.push(kindTotals)
  totalRow(kindTotals, emplois, emploisAt, 'Total des emplois', [
    table.totaux.emplois,
    real?.emplois,
  ])
  totalRow(kindTotals, contributions, contributionsAt, 'Total des contributions', [
    table.totaux.contributions,
    real?.contributions,
  ])

  const formats: (string | null)[] = new Array<string | null>(columns).fill(null)
  for (const side of [left.at, right.at]) {
    for (let k = 0; k < Math.min(3, headers.length); k++) formats[side + 1 + k] = EUROS_FORMAT
  }
  const slice = (from: number, to: number) => grid.slice(from, to)
  const sideWidths = full ? [46, 14, 14, 14, 11, 40] : [52, 15]
  const name = `CERFA ${table.formulaire}${table.section === null ? '' : ` ${table.perimetre}`}`
  return {
    name: name.slice(0, 31),
    blocks: [
      { at: 'A1', rows: slice(0, 1), style: 'title' },
      { at: 'A2', rows: slice(1, 2), style: 'note' },
      { at: cell(0, bodyStart - 1), rows: slice(bodyStart - 1, bodyStart), style: 'label' },
      { at: cell(0, bodyStart), rows: slice(bodyStart, totalsAt), formats },
      { at: cell(0, totalsAt), rows: slice(totalsAt, balanceAt + 1), style: 'label', formats },
      { at: cell(0, balanceAt + 1), rows: slice(balanceAt + 1, balanceAt + 2), style: 'note' },
      { at: cell(0, kindHeaderAt), rows: slice(kindHeaderAt, kindHeaderAt + 1), style: 'label' },
      { at: cell(0, kindStart), rows: slice(kindStart, kindTotalsAt), formats },
      {
        at: cell(0, kindTotalsAt),
        rows: slice(kindTotalsAt, kindTotalsAt + 1),
        style: 'label',
        formats,
      },
    ],
    widths: [...sideWidths, 3, ...sideWidths],
    freezeRows: bodyStart,
  }
}

/** The whole grid of a sheet, from A1: what the CSV export writes, and what a test reads. */
export function sheetGrid(sheet: CerfaSheet): CerfaCell[][] {
  const grid: CerfaCell[][] = []
  for (const block of sheet.blocks) {
    const m = /^([A-Z]+)(\d+)$/.exec(block.at) as RegExpExecArray
    const row0 = Number(m[2]) - 1
    block.rows.forEach((cells, k) => {
      const r = row0 + k
      while (grid.length <= r) grid.push([])
      const target = grid[r] as CerfaCell[]
      cells.forEach((c, j) => {
        target[j] = c
      })
    })
  }
  return grid
}
