// The budget sheets of the workbook and the one chosen: what every budget action refreshes after writing a sheet.
import { type BudgetRef, listBudgets } from '../sheets/budget-workbook'
import type { PaneServices } from './services'

export interface BudgetList {
  readonly budgets: readonly BudgetRef[]
  /** The key of the budget the tabs work on: the one asked for, else the current one, else the last. */
  readonly selected: string | null
}

export async function budgetList(
  services: Pick<PaneServices, 'workbook'>,
  choose: { readonly wanted?: string | undefined; readonly current?: string | null } = {}
): Promise<BudgetList> {
  const budgets = await listBudgets(services.workbook)
  const selected = choose.wanted ?? choose.current ?? budgets[budgets.length - 1]?.key ?? null
  return { budgets, selected }
}
