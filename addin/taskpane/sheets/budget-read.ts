// A budget sheet read back into a Budget: its three tables handed to the core's reader of rows of cells, errors said in the sheet's words.
import {
  AciError,
  type Budget,
  budgetFromRows,
  bundledCatalog,
  type Catalog,
  type CellRow,
  type RowsEdge,
} from '../../../shared'
import type { TableData } from '../workbook/workbook'

const invalid = (message: string, argument: string) =>
  new AciError('budget_invalide', message, argument)

/** Rows as the table numbers them: 1 is the first line under the header. */
function rowsOf(table: TableData): CellRow[] {
  return table.rows.map((cells, r) => ({ at: r + 1, cells }))
}

/** Places named as the person sees them: the table, its row and the column's header. */
function sheetEdge(names: { profil: string; missions: string; lignes: string }): RowsEdge {
  return {
    cellError(place, message) {
      const table = names[place.block]
      if (place.kind === 'missing') {
        return invalid(
          `Tableau ${table} : la colonne « ${place.column} » est introuvable ; ne renommez pas les en-têtes du tableau généré.`,
          table
        )
      }
      const where =
        place.block === 'profil'
          ? `${table}, « ${place.column} »`
          : `${table}, ligne ${place.at}, colonne « ${place.column} »`
      return invalid(`${where} : ${message}.`, where)
    },
    rowError(error, place) {
      // `lignes[3].compte : …` → `Budget_2026, ligne 5 : compte : …`: where the person looks.
      const match = /^(lignes|profil\.missions)\[\d+\]\.?/.exec(error.message)
      if (place.block === 'profil' || match === null) return error
      const message = `${names[place.block]}, ligne ${place.at} : ${error.message.slice(match[0].length)}`
      return new AciError(error.code, message, error.argument)
    },
  }
}

/**
 * Reads the three tables of a budget sheet. Errors name the table, the row as Excel numbers it in
 * the table (1 = first line under the header) and the column, in French.
 */
export function readBudget(
  profil: TableData,
  enveloppes: TableData,
  budget: TableData,
  catalog: Catalog = bundledCatalog()
): Budget {
  return budgetFromRows(
    {
      profil: rowsOf(profil),
      missions: { header: { at: 0, cells: enveloppes.headers }, rows: rowsOf(enveloppes) },
      lignes: { header: { at: 0, cells: budget.headers }, rows: rowsOf(budget) },
    },
    {
      catalog,
      filled: true,
      edge: sheetEdge({ profil: profil.name, missions: enveloppes.name, lignes: budget.name }),
    }
  )
}
