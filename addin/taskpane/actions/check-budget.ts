// Contrôle: a budget sheet read back and checked by the service (or here, offline); then its report written to a new Contrôle sheet.
import { findingCounts } from '../../../shared'
import { type CheckResult, runCheck } from '../check/run-check'
import { type BudgetRef, readBudgetSheet, writeControl } from '../sheets/budget-workbook'
import { chosen } from './export-budget'
import type { Outcome } from './notice'
import type { ActionServices, PaneServices } from './services'

export interface Checked {
  readonly check: CheckResult
  /** The budget sheet that was checked. */
  readonly budgetSheet: string
  /** Its tables' key (`2026`, `2026_2`). */
  readonly key: string
}

/** The check of the chosen budget sheet, to show at once; the Contrôle sheet is writeCheckSheet. */
export async function checkBudgetSheet(
  services: ActionServices,
  input: { readonly key: string | null; readonly budgets: readonly BudgetRef[] }
): Promise<Checked> {
  const key = chosen(input.key)
  const budgetSheet = input.budgets.find((b) => b.key === key)?.sheet ?? key
  const doc = await readBudgetSheet(services.workbook, key, services.catalog)
  return { check: await runCheck(doc, services), budgetSheet, key }
}

export interface CheckOutcome extends Outcome {
  /** The Contrôle sheet written. */
  readonly controlSheet: string
}

/**
 * The report of a check written to a `Contrôle <année>` sheet, and its counts said. `replace`:
 * the Contrôle sheet an earlier check of this budget wrote is replaced (found by its tables'
 * key, never a sheet of the person's); otherwise, or when there is none, a new sheet is added.
 */
export async function writeCheckSheet(
  services: PaneServices,
  checked: Checked,
  options: { readonly replace?: boolean } = {}
): Promise<CheckOutcome> {
  const { check } = checked
  const written = await writeControl(
    services.workbook,
    check,
    { sheet: checked.budgetSheet, key: checked.key },
    services.today(),
    options
  )
  const c = check.report.counts
  const counts = findingCounts(c)
  const where =
    written.replaced === null
      ? `rapport dans la nouvelle feuille « ${written.sheet} »`
      : `rapport dans « ${written.sheet} », qui remplace le contrôle précédent de ce budget`
  return {
    controlSheet: written.sheet,
    notice: {
      intent: c.error > 0 ? 'error' : c.warning > 0 ? 'info' : 'success',
      title:
        c.error > 0
          ? 'Budget à corriger'
          : c.warning > 0
            ? 'Budget vérifié, avec des avertissements'
            : 'Budget vérifié',
      text: `${counts} ; ${where}.`,
    },
  }
}
