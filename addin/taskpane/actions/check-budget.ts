// Contrôle: a budget sheet read back, checked by the service (or here, offline), and its report written to a new Contrôle sheet.
import { type CheckResult, runCheck } from '../check/run-check'
import { type BudgetRef, readBudgetSheet, writeControl } from '../sheets/budget-workbook'
import { chosen } from './export-budget'
import type { Outcome } from './notice'
import type { ActionServices } from './services'

export interface CheckOutcome extends Outcome {
  readonly check: CheckResult
  /** The Contrôle sheet written. */
  readonly controlSheet: string
}

export async function checkBudgetSheet(
  services: ActionServices,
  input: { readonly key: string | null; readonly budgets: readonly BudgetRef[] }
): Promise<CheckOutcome> {
  const key = chosen(input.key)
  const sheet = input.budgets.find((b) => b.key === key)?.sheet ?? key
  const doc = await readBudgetSheet(services.workbook, key, services.catalog)
  const check = await runCheck(doc, services)
  const controlSheet = await writeControl(services.workbook, check, sheet, services.today())
  const c = check.report.counts
  return {
    check,
    controlSheet,
    notice: {
      intent: c.error > 0 ? 'error' : c.warning > 0 ? 'info' : 'success',
      title: 'Budget vérifié',
      text: `${c.error} erreur(s), ${c.warning} avertissement(s), ${c.info} information(s) ; rapport dans « ${controlSheet} ».`,
    },
  }
}
