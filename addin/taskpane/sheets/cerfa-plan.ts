// The plan of a CERFA sheet: the core's form layout (cerfaSheet) as a sheet plan, on a free name, its amounts in formulas over the budget sheet's table.
import { type CerfaTable, cerfaSheet } from '../../../shared'
import { freeSheetName, type SheetPlan } from '../workbook/plan'
import type { NamesInUse } from '../workbook/workbook'

/** The form of `table` laid out like the CERFA; `budgetTable` (`Budget_2026`) keeps it live with SUMIFS. */
export function cerfaSheetPlan(
  table: CerfaTable,
  budgetTable: string,
  names: NamesInUse
): SheetPlan {
  const sheet = cerfaSheet(table, { budgetTable })
  return {
    name: freeSheetName(sheet.name, names.sheets),
    blocks: sheet.blocks,
    tables: [],
    highlights: [],
    charts: [],
    freezeRows: sheet.freezeRows,
    widths: sheet.widths,
  }
}
