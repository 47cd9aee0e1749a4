// Services for the pane's actions in Node: the in-memory workbook, a fixed day, a service that is offline or answers as the Worker would.
import { readFileSync } from 'node:fs'
import type { ActionServices } from '../../../addin/taskpane/actions'
import { MemoryStore } from '../../../addin/taskpane/rates/storage'
import { cellKey, MemoryWorkbook } from '../../../addin/taskpane/workbook/memory-workbook'
import { type BudgetDocument, budgetFromJson, bundledCatalog, checkBudget } from '../../../shared'

export const TODAY = '2026-11-23'

export const fixtureText = (name: string): string =>
  readFileSync(new URL(`../../budget/fixtures/${name}.json`, import.meta.url), 'utf8')

export const fixture = (name: string): BudgetDocument => budgetFromJson(fixtureText(name))

/** The smallest budget a check reads: one salary line of 1 000,00 € for a taille 1 CPTS. */
export const oneLineBudget = {
  profil: {
    nom: 'CPTS Essai',
    taille: 1 as const,
    signature: '2023-03-01',
    exercice: { debut: '2025-01-01', fin: '2025-12-31' },
    missions: [],
  },
  lignes: [{ compte: '6411', libelle: 'Salaire', montant: '1000.00' }],
}

/** No service: every request fails as a browser offline does. */
export const offline = (async () => {
  throw new TypeError('Failed to fetch')
}) as typeof fetch

/** A service that checks the budget it is sent, as POST /api/v1/budgets/check does. */
export const online = (async (_url: RequestInfo | URL, init?: RequestInit) =>
  Response.json(checkBudget(budgetFromJson(String(init?.body))))) as typeof fetch

export function servicesOf(
  options: { fetch?: typeof fetch; workbook?: MemoryWorkbook } = {}
): ActionServices & { workbook: MemoryWorkbook } {
  return {
    workbook: options.workbook ?? new MemoryWorkbook(),
    fetch: options.fetch ?? offline,
    api: 'https://aci.test/api/v1/',
    store: new MemoryStore(),
    today: () => TODAY,
    catalog: bundledCatalog(),
  }
}

/** A cell of a sheet of the in-memory workbook, as written (0-based row and column). */
export function cellOf(workbook: MemoryWorkbook, sheet: string, row: number, column: number) {
  return workbook.sheets.find((s) => s.name === sheet)?.cells.get(cellKey(row, column))
}

/** Every constant written in a sheet, row by row: what a reader of the sheet sees as text. */
export function textOf(workbook: MemoryWorkbook, sheet: string): string {
  const found = workbook.sheets.find((s) => s.name === sheet)
  if (found === undefined) throw new Error(`no sheet ${sheet}`)
  return [...found.cells.values()]
    .map((c) => (c !== null && typeof c === 'object' ? '' : String(c)))
    .join('\n')
}
