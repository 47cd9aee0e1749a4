// Contrôle: a budget sheet read back and checked by the service (or here, offline); then its report written to a new Contrôle sheet.
import { type CheckResult, runCheck } from '../check/run-check'
import { type BudgetRef, readBudgetSheet, writeControl } from '../sheets/budget-workbook'
import { chosen } from './export-budget'
import type { Outcome } from './notice'
import type { ActionServices, PaneServices } from './services'

export interface Checked {
  readonly check: CheckResult
  /** The budget sheet that was checked. */
  readonly budgetSheet: string
}

/** The check of the chosen budget sheet, to show at once; the Contrôle sheet is writeCheckSheet. */
export async function checkBudgetSheet(
  services: ActionServices,
  input: { readonly key: string | null; readonly budgets: readonly BudgetRef[] }
): Promise<Checked> {
  const key = chosen(input.key)
  const budgetSheet = input.budgets.find((b) => b.key === key)?.sheet ?? key
  const doc = await readBudgetSheet(services.workbook, key, services.catalog)
  return { check: await runCheck(doc, services), budgetSheet }
}

export interface CheckOutcome extends Outcome {
  /** The Contrôle sheet written. */
  readonly controlSheet: string
}

/** The report of a check written to a new `Contrôle <année>` sheet, and its counts said. */
export async function writeCheckSheet(
  services: PaneServices,
  checked: Checked
): Promise<CheckOutcome> {
  const { check } = checked
  const controlSheet = await writeControl(
    services.workbook,
    check,
    checked.budgetSheet,
    services.today()
  )
  const c = check.report.counts
  return {
    controlSheet,
    notice: {
      intent: c.error > 0 ? 'error' : c.warning > 0 ? 'info' : 'success',
      title: 'Budget vérifié',
      text: `${c.error} erreur(s), ${c.warning} avertissement(s), ${c.info} information(s) ; rapport dans « ${controlSheet} ».`,
    },
  }
}
