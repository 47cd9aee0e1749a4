// The mapping rules of a budget: read back from its last Règles sheet, or proposed from the budget's own lines; written to a new Règles sheet.
import {
  type BudgetDocument,
  centsOf,
  countOf,
  parseMappingRules,
  type Section,
  sectionLabel,
} from '../../../shared'
import type { BudgetRef } from '../sheets/budget-workbook'
import { readBudgetSheet } from '../sheets/budget-workbook'
import {
  latestRulesTable,
  type RuleRow,
  rulesDocumentOf,
  rulesOfTable,
  rulesSheetPlan,
} from '../sheets/ledger-rules'
import { chosen } from './export-budget'
import type { Outcome } from './notice'
import type { ActionServices } from './services'

export type { RuleRow } from '../sheets/ledger-rules'

/**
 * One rule per account of the budget's lines, to the sections the line is split between: one
 * section, or keys (the line's own keys, or its amounts as percentages, the last part taking
 * what rounding leaves so that they make 100 %). A line without a split gives no rule: its
 * actuals stay « non affecté » until a rule is written. The first line of an account wins.
 */
export function defaultRulesOf(budget: BudgetDocument): RuleRow[] {
  const rows: RuleRow[] = []
  const seen = new Set<string>()
  for (const l of budget.lignes) {
    const rep = l.repartition
    if (seen.has(l.compte) || rep === undefined || !/^[67]/.test(l.compte)) continue
    let parts: { section: Section; weight: number }[]
    if (rep.mode === 'cles') {
      parts = rep.parts.map((p) => ({ section: p.section, weight: Number(p.pourcentage) * 100 }))
    } else {
      parts = rep.parts.map((p) => ({ section: p.section, weight: centsOf(p.montant) ?? 0 }))
    }
    parts = parts.filter((p) => p.weight > 0)
    if (parts.length === 0) continue
    seen.add(l.compte)
    const libelle = l.libelle
    if (parts.length === 1) {
      rows.push({
        critere: 'compte',
        valeur: l.compte,
        section: (parts[0] as { section: Section }).section,
        cles: null,
        libelle,
      })
      continue
    }
    const total = parts.reduce((a, p) => a + p.weight, 0)
    // Percentages in hundredths: the last part takes the rest, so the keys make 100 % exactly.
    let left = 10_000
    const cles = parts.map((p, i) => {
      const share = i === parts.length - 1 ? left : Math.round((p.weight / total) * 10_000)
      left -= share
      return { section: p.section, pourcentage: (share / 100).toFixed(2) }
    })
    rows.push({ critere: 'compte', valeur: l.compte, section: null, cles, libelle })
  }
  return rows
}

export interface RulesState {
  readonly rows: readonly RuleRow[]
  /** Where they come from: a Règles table of the workbook (its name), or the budget's lines. */
  readonly source:
    | { readonly kind: 'feuille'; readonly table: string; readonly sheet: string }
    | { readonly kind: 'budget' }
}

/** The rules of the chosen budget: its last Règles table when the workbook has one, else proposed from its lines. */
export async function ledgerRules(
  services: ActionServices,
  input: { readonly key: string | null }
): Promise<Outcome & RulesState> {
  const key = chosen(input.key)
  const tables = await services.workbook.listTables()
  const found = latestRulesTable(tables, key)
  if (found !== null) {
    const [table] = await services.workbook.readTables([found.name])
    if (table) {
      return {
        rows: rulesOfTable(table),
        source: { kind: 'feuille', table: found.name, sheet: found.sheet },
        notice: null,
      }
    }
  }
  const budget = await readBudgetSheet(services.workbook, key, services.catalog)
  return { rows: defaultRulesOf(budget), source: { kind: 'budget' }, notice: null }
}

/** The rules proposed from the budget's lines, whatever the workbook holds: « Reprendre les règles du budget ». */
export async function budgetRules(
  services: ActionServices,
  input: { readonly key: string | null }
): Promise<Outcome & RulesState> {
  const budget = await readBudgetSheet(services.workbook, chosen(input.key), services.catalog)
  const rows = defaultRulesOf(budget)
  return {
    rows,
    source: { kind: 'budget' },
    notice: {
      intent: 'info',
      title: 'Règles reprises du budget',
      text: `${countOf(rows.length, 'règle', 'règles')}, une par compte réparti ; écrivez-les dans une feuille pour les garder.`,
    },
  }
}

/** The rules checked by the core, then written to a new Règles sheet (the sheet read back next time). */
export async function writeLedgerRules(
  services: ActionServices,
  input: {
    readonly key: string | null
    readonly budgets: readonly BudgetRef[]
    readonly rows: readonly RuleRow[]
  }
): Promise<Outcome & RulesState> {
  const key = chosen(input.key)
  parseMappingRules(rulesDocumentOf(input.rows))
  const budgetSheet = input.budgets.find((b) => b.key === key)?.sheet ?? key
  let table = ''
  const sheet = await services.workbook.addSheet((names) => {
    const plan = rulesSheetPlan(
      { key, year: key.slice(0, 4), budgetSheet, rows: input.rows, today: services.today() },
      names
    )
    table = plan.tables[0]?.name ?? ''
    return plan
  })
  return {
    rows: input.rows,
    source: { kind: 'feuille', table, sheet },
    notice: {
      intent: 'success',
      title: `Règles écrites dans « ${sheet} »`,
      text: `${countOf(input.rows.length, 'règle', 'règles')} ; le volet relira la table ${table}, modifiable dans la feuille.`,
    },
  }
}

/** « Compte 6411 → Fonctionnement » for the pane's lists. */
export function ruleText(r: RuleRow): string {
  return r.section === null ? `${r.valeur} → clés` : `${r.valeur} → ${sectionLabel(r.section)}`
}
