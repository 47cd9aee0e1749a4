// A worksheet described as data: what the pane asks a workbook to write, whatever the workbook is (Excel or memory).

/** A constant as Excel holds it: text, number (dates are serials), boolean, or an empty cell. */
export type CellValue = string | number | boolean | null

/**
 * A formula in Excel's invariant syntax (`,` between arguments, `.` for decimals), which
 * Office.js takes whatever the user's locale; French Excel shows it with `;`. `value` is what the
 * formula gives when written, computed by the shared core: the in-memory workbook keeps it, so a
 * workbook without a calculation engine reads back what Excel would show.
 */
export interface Formula {
  readonly formula: string
  readonly value: CellValue
}

export type PlanCell = CellValue | Formula

export function isFormula(cell: PlanCell): cell is Formula {
  return typeof cell === 'object' && cell !== null
}

/** The value a cell shows once written. */
export function shownValue(cell: PlanCell): CellValue {
  return isFormula(cell) ? cell.value : cell
}

export type CellStyle = 'title' | 'subtitle' | 'note' | 'label'

/** A rectangle of cells from a top-left address (A1 style), written row by row. */
export interface BlockPlan {
  readonly at: string
  readonly rows: readonly (readonly PlanCell[])[]
  readonly style?: CellStyle
  /** Number format per column of the block (invariant syntax), null for General. */
  readonly formats?: readonly (string | null)[]
}

export type ValidationPlan =
  | {
      readonly kind: 'list'
      /** A range (`=$X$2:$X$40`) or the items themselves. */
      readonly source: string | readonly string[]
      readonly prompt: string
    }
  | {
      readonly kind: 'decimal'
      readonly prompt: string
      readonly min?: number
      readonly max?: number
    }

export interface ColumnPlan {
  readonly header: string
  /** Number format (invariant syntax), null for General; `@` keeps text as text. */
  readonly format: string | null
  readonly validation?: ValidationPlan
  /** What the totals row shows in this column. */
  readonly total?: 'sum' | { readonly label: string }
  /** Width in characters, as Excel's column width. */
  readonly width?: number
}

/** An Excel table (ListObject): its name is unique in the workbook. */
export interface TablePlan {
  readonly name: string
  readonly at: string
  readonly columns: readonly ColumnPlan[]
  readonly rows: readonly (readonly PlanCell[])[]
  /** A number format per body row, over the columns' (a table of parameters: a date, a rate…). */
  readonly rowFormats?: readonly (string | null)[]
  readonly showTotals: boolean
  readonly style: string
}

/** A cell-value rule: fill the cells of `range` whose value is above `above` (the overruns). */
export interface HighlightPlan {
  readonly range: string
  readonly above: number
  readonly fill: string
  readonly font: string
}

export interface ChartPlan {
  readonly title: string
  /** Categories in the first column, one series per other column, headers in the first row. */
  readonly source: string
  /** Where the chart sits: a range it covers. */
  readonly at: string
}

export interface SheetPlan {
  readonly name: string
  readonly blocks: readonly BlockPlan[]
  readonly tables: readonly TablePlan[]
  readonly highlights: readonly HighlightPlan[]
  readonly charts: readonly ChartPlan[]
  /** Rows frozen at the top (the header of the main table stays visible). */
  readonly freezeRows: number
  /** Column widths in characters, from column A; undefined keeps Excel's width. */
  readonly widths: readonly (number | undefined)[]
}

// --- addresses --------------------------------------------------------------------------------

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index
  let letters = ''
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return letters
}

/** A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64)
  return n - 1
}

export interface CellRef {
  /** 0-based. */
  readonly row: number
  /** 0-based. */
  readonly column: number
}

export function parseAddress(address: string): CellRef {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address)
  if (!match) throw new RangeError(`adresse de cellule invalide : ${address}`)
  return { row: Number(match[2]) - 1, column: columnIndex(match[1] as string) }
}

export function address(ref: CellRef, absolute = false): string {
  const d = absolute ? '$' : ''
  return `${d}${columnLetter(ref.column)}${d}${ref.row + 1}`
}

/** The range of `rows` × `columns` cells from `at`: "B3:D10" (a single cell gives "B3"). */
export function rangeFrom(at: string, rows: number, columns: number): string {
  const start = parseAddress(at)
  if (rows === 1 && columns === 1) return address(start)
  const end = { row: start.row + rows - 1, column: start.column + columns - 1 }
  return `${address(start)}:${address(end)}`
}

/** The rows and columns a table covers: header, body, totals row. */
export function tableExtent(table: TablePlan): { rows: number; columns: number } {
  return {
    rows: 1 + Math.max(table.rows.length, 1) + (table.showTotals ? 1 : 0),
    columns: table.columns.length,
  }
}

// --- names ------------------------------------------------------------------------------------

/** Names already used in the workbook, read in the same session as the write that needs them. */
export interface NamesInUse {
  readonly sheets: readonly string[]
  readonly tables: readonly string[]
}

/** Excel refuses these in a sheet name, and 31 characters at most. */
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g

export function cleanSheetName(name: string): string {
  return name.replace(SHEET_FORBIDDEN, ' ').replace(/^'|'$/g, '').slice(0, 31).trim()
}

/**
 * The first free name: `Budget 2026`, then `Budget 2026 (2)`, `(3)`… (compared without case, as
 * Excel does). The user's sheets are never replaced: a new sheet always gets a new name.
 */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()))
  const base = cleanSheetName(wanted)
  if (!used.has(base.toLowerCase())) return base
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`
    const candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`
    if (!used.has(candidate.toLowerCase())) return candidate
  }
}

/**
 * One key for tables written together (`Profil_2026`, `Budget_2026`…): the first of `2026`,
 * `2026_2`, `2026_3`… for which every one of them is free, so they keep telling which go together.
 */
export function freeTableKey(
  prefixes: readonly string[],
  wanted: string,
  taken: readonly string[]
): string {
  const used = new Set(taken.map((n) => n.toLowerCase()))
  const base = wanted.replace(/[^A-Za-z0-9_]+/g, '_')
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}_${n}`
    if (prefixes.every((p) => !used.has(`${p}_${key}`.toLowerCase()))) return key
  }
}

const lower = (name: string) => name.toLowerCase()

/** The names the plan takes must all be free: the plan builder picks them, this is the last check. */
export function checkNamesFree(plan: SheetPlan, names: NamesInUse): void {
  if (plan.name === '' || cleanSheetName(plan.name) !== plan.name) {
    throw new Error(`Nom de feuille invalide : « ${plan.name} ».`)
  }
  if (names.sheets.map(lower).includes(lower(plan.name))) {
    throw new Error(
      `La feuille « ${plan.name} » existe déjà dans le classeur : elle n’est pas remplacée.`
    )
  }
  const seen = new Set<string>()
  for (const table of plan.tables) {
    if (names.tables.map(lower).includes(lower(table.name))) {
      throw new Error(`Le tableau « ${table.name} » existe déjà dans le classeur.`)
    }
    if (seen.has(lower(table.name))) {
      throw new Error(`Le tableau « ${table.name} » figure deux fois dans la feuille à écrire.`)
    }
    seen.add(lower(table.name))
  }
}
