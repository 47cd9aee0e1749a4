// The one door to the workbook: Excel through Office.js, or memory when the pane runs in a plain browser.
import type { CellValue, NamesInUse, SheetPlan } from './plan'

export type { NamesInUse }

/** A table as read back: its header row and its body, values as Excel shows them. */
export interface TableData {
  readonly name: string
  readonly sheet: string
  readonly headers: readonly string[]
  readonly rows: readonly (readonly CellValue[])[]
  /** Where the header row starts on the sheet (0-based): errors then name cells as Excel does (D19). */
  readonly origin?: { readonly row: number; readonly column: number }
}

export interface TableRef {
  readonly name: string
  readonly sheet: string
}

export interface AddSheetOptions {
  /**
   * A sheet the pane wrote before and the person agreed to replace (a Contrôle sheet of the same
   * budget): it is deleted in the same batch, its name and tables are free for the new plan, and
   * the new sheet takes its place among the tabs.
   */
  readonly replacing?: string
}

export interface Workbook {
  /** `excel`: a real workbook through Office.js; `memoire`: the preview outside Excel. */
  readonly host: 'excel' | 'memoire'
  /**
   * Adds a sheet and writes it. `build` receives the names in use and returns the plan, so the
   * plan can pick free names; no existing sheet or cell is ever written to. Returns the sheet's
   * name. Excel: two round trips (`context.sync`), whatever the size of the plan. Only a sheet
   * named in `options.replacing` is ever removed.
   */
  addSheet(build: (names: NamesInUse) => SheetPlan, options?: AddSheetOptions): Promise<string>
  /** Every table of the workbook with its sheet. One round trip. */
  listTables(): Promise<readonly TableRef[]>
  /** These tables' headers and bodies; a name not found gives null. At most two round trips. */
  readTables(names: readonly string[]): Promise<readonly (TableData | null)[]>
}
