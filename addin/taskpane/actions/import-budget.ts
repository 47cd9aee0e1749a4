// Import: a budget file (JSON, or CSV as French Excel saves it) becomes a new budget sheet, and its profile the pane's.
import {
  type BudgetProfil,
  budgetFromCsv,
  budgetFromJson,
  type RateTable,
  tableOf,
} from '../../../shared'
import { writeBudget } from '../sheets/budget-workbook'
import { type BudgetList, budgetList } from './budget-list'
import type { Outcome } from './notice'
import type { ActionServices } from './services'

/** A file the person picked: its name (.csv or .json) and its text. */
export interface PickedFile {
  readonly name: string
  readonly text: string
}

export interface ImportOutcome extends Outcome, BudgetList {
  /** The imported profile and its rate table, for the Profil tab. */
  readonly profil: BudgetProfil
  readonly table: RateTable
}

export async function importBudget(
  services: ActionServices,
  file: PickedFile
): Promise<ImportOutcome> {
  const doc = file.name.toLowerCase().endsWith('.csv')
    ? budgetFromCsv(file.text)
    : budgetFromJson(file.text)
  const table = tableOf(doc.profil, { catalog: services.catalog })
  const ref = await writeBudget(services.workbook, doc, table, services.today())
  return {
    ...(await budgetList(services, { wanted: ref.key })),
    profil: doc.profil,
    table,
    notice: {
      intent: 'success',
      title: `« ${file.name} » importé`,
      text: `${doc.lignes.length} lignes écrites dans la nouvelle feuille « ${ref.sheet} ».`,
    },
  }
}
