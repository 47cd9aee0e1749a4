// Export: a budget sheet read back and written as a JSON or CSV file, for the page to offer as a download.
import { AciError, budgetToCsv, budgetToJson } from '../../../shared'
import { readBudgetSheet } from '../sheets/budget-workbook'
import type { Outcome } from './notice'
import type { ActionServices } from './services'

export type ExportFormat = 'json' | 'csv'

/** A file to download: its name, its text and its media type. */
export interface FileToSave {
  readonly name: string
  readonly content: string
  readonly type: string
}

export async function exportBudget(
  services: ActionServices,
  input: { readonly key: string | null; readonly format: ExportFormat }
): Promise<Outcome & { readonly file: FileToSave }> {
  const key = chosen(input.key)
  const doc = await readBudgetSheet(services.workbook, key, services.catalog)
  const name = `budget-${key}.${input.format}`
  const file: FileToSave =
    input.format === 'json'
      ? { name, content: budgetToJson(doc), type: 'application/json' }
      : { name, content: budgetToCsv(doc), type: 'text/csv;charset=utf-8' }
  return {
    file,
    notice: {
      intent: 'success',
      title: 'Budget exporté',
      text: `Fichier ${name} (${doc.lignes.length} lignes).`,
    },
  }
}

/** The budget the action works on; none chosen is said in French. */
export function chosen(key: string | null): string {
  if (key === null) throw new AciError('budget_invalide', 'Choisissez une feuille de budget.')
  return key
}
