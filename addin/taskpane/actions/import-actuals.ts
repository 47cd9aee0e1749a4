// Import du réalisé: the actual amounts of a CSV (read from its bytes in its encoding) merged into a budget sheet, written to a new sheet (the original stays as it is).
import { actualsFromCsv, tableOf } from '../../../shared'
import { readBudgetSheet, writeBudget } from '../sheets/budget-workbook'
import { type BudgetList, budgetList } from './budget-list'
import { chosen } from './export-budget'
import { type PickedFile, textOf } from './import-budget'
import type { Outcome } from './notice'
import type { ActionServices } from './services'

export async function importActuals(
  services: ActionServices,
  input: { readonly key: string | null; readonly file: PickedFile }
): Promise<Outcome & BudgetList> {
  const budget = await readBudgetSheet(services.workbook, chosen(input.key), services.catalog)
  const { text, encodage } = textOf(input.file)
  const doc = actualsFromCsv(text, budget)
  const table = tableOf(doc.profil, { catalog: services.catalog })
  const ref = await writeBudget(services.workbook, doc, table, services.today())
  return {
    ...(await budgetList(services, { wanted: ref.key })),
    notice: {
      intent: 'success',
      title: `Réalisé de « ${input.file.name} » importé`,
      text: `Budget et réalisé écrits dans la nouvelle feuille « ${ref.sheet} »${encodage === null ? '' : ` (fichier lu en ${encodage})`} ; la feuille d’origine n’est pas modifiée.`,
    },
  }
}
