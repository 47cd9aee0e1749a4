// The pane's workbook operations on budgets: write one, find them, read one back, write its check.
import { AciError, type BudgetDocument, type Catalog, type RateTable } from '../../../shared'
import type { CheckResult } from '../check/run-check'
import type { Workbook } from '../workbook/workbook'
import { budgetSheetPlan } from './budget-plan'
import { readBudget } from './budget-read'
import { controlSheetPlan } from './control-plan'
import { TABLE_PREFIXES, tableNames } from './layout'

export interface BudgetRef {
  /** The tables' common key: `2026`, `2026_2`… */
  readonly key: string
  readonly sheet: string
}

/** Writes a new `Budget <année>` sheet; never replaces one. Returns the sheet's name and key. */
export async function writeBudget(
  workbook: Workbook,
  doc: BudgetDocument,
  table: RateTable,
  today: string
): Promise<BudgetRef> {
  let key = ''
  const sheet = await workbook.addSheet((names) => {
    const plan = budgetSheetPlan({ doc, table, today }, names)
    const budgetTable = plan.tables[0]?.name ?? ''
    key = budgetTable.slice(TABLE_PREFIXES.budget.length + 1)
    return plan
  })
  return { key, sheet }
}

/** The budget sheets of the workbook: a `Budget_<clé>` table with its `Profil_` and `Enveloppes_`. */
export async function listBudgets(workbook: Workbook): Promise<BudgetRef[]> {
  const tables = await workbook.listTables()
  const names = new Set(tables.map((t) => t.name.toLowerCase()))
  const prefix = `${TABLE_PREFIXES.budget}_`.toLowerCase()
  return tables.flatMap((t) => {
    if (!t.name.toLowerCase().startsWith(prefix)) return []
    const key = t.name.slice(prefix.length)
    const n = tableNames(key)
    return names.has(n.profil.toLowerCase()) && names.has(n.enveloppes.toLowerCase())
      ? [{ key, sheet: t.sheet }]
      : []
  })
}

export async function readBudgetSheet(
  workbook: Workbook,
  key: string,
  catalog?: Catalog
): Promise<BudgetDocument> {
  const n = tableNames(key)
  const [profil, enveloppes, budget] = await workbook.readTables([n.profil, n.enveloppes, n.budget])
  if (!profil || !enveloppes || !budget) {
    throw new AciError(
      'budget_invalide',
      `Les tableaux ${n.profil}, ${n.enveloppes} et ${n.budget} sont introuvables : la feuille de budget a été renommée ou supprimée.`
    )
  }
  return readBudget(profil, enveloppes, budget, catalog)
}

export async function writeControl(
  workbook: Workbook,
  result: CheckResult,
  budgetSheet: string,
  today: string
): Promise<string> {
  return workbook.addSheet((names) =>
    controlSheetPlan({ report: result.report, origin: result.origin, budgetSheet, today }, names)
  )
}
