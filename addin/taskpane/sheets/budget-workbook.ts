// The pane's workbook operations on budgets: write one, find them, read one back, write its check.
import { AciError, type BudgetDocument, type Catalog, type RateTable } from '../../../shared'
import type { CheckResult } from '../check/run-check'
import type { Workbook } from '../workbook/workbook'
import { budgetSheetPlan } from './budget-plan'
import { readBudget } from './budget-read'
import { CONTROL_PREFIXES, controlSheetPlan } from './control-plan'
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

/**
 * The Contrôle sheet written from this budget by an earlier check, or null: the sheet holding
 * both `Controle_<clé>` and `Constats_<clé>` of the budget's key, its sections table under the
 * headers the pane writes. A sheet of the person's never matches.
 */
export async function controlSheetOf(workbook: Workbook, key: string): Promise<string | null> {
  const tables = await workbook.listTables()
  const find = (prefix: string) =>
    tables.find((t) => t.name.toLowerCase() === `${prefix}_${key}`.toLowerCase())
  const [sections, findings] = CONTROL_PREFIXES.map(find)
  if (sections === undefined || findings === undefined || sections.sheet !== findings.sheet) {
    return null
  }
  const [read] = await workbook.readTables([sections.name])
  const headers = read?.headers.slice(0, 3) ?? []
  return headers.join('|') === 'Section|Enveloppe|Charges prévues' ? sections.sheet : null
}

export async function writeControl(
  workbook: Workbook,
  result: CheckResult,
  budget: { readonly sheet: string; readonly key?: string },
  today: string,
  options: { readonly replace?: boolean } = {}
): Promise<{ readonly sheet: string; readonly replaced: string | null }> {
  const replaced =
    options.replace === true && budget.key !== undefined
      ? await controlSheetOf(workbook, budget.key)
      : null
  const sheet = await workbook.addSheet(
    (names) =>
      controlSheetPlan(
        {
          report: result.report,
          origin: result.origin,
          budgetSheet: budget.sheet,
          ...(budget.key === undefined ? {} : { budgetKey: budget.key }),
          today,
        },
        names
      ),
    replaced === null ? {} : { replacing: replaced }
  )
  return { sheet, replaced }
}
