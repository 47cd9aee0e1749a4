// Suivi mensuel: the chosen budget against the FEC by section and month, year to date, projection stated, written to a new `Suivi <année>` sheet.
import { parseMappingRules, type Suivi, suiviMensuel } from '../../../shared'
import { type BudgetRef, readBudgetSheet } from '../sheets/budget-workbook'
import { type RuleRow, rulesDocumentOf } from '../sheets/ledger-rules'
import { monthLabel, suiviSheetPlan } from '../sheets/suivi-plan'
import { chosen } from './export-budget'
import type { ImportedLedger } from './import-ledger'
import { euros } from './ledger-actuals'
import type { Outcome } from './notice'
import type { ActionServices } from './services'

export interface FollowUpOutcome extends Outcome {
  readonly suivi: Suivi
  readonly sheet: string
}

export async function writeLedgerFollowUp(
  services: ActionServices,
  input: {
    readonly key: string | null
    readonly budgets: readonly BudgetRef[]
    readonly ledger: ImportedLedger
    readonly rules: readonly RuleRow[]
  }
): Promise<FollowUpOutcome> {
  const key = chosen(input.key)
  const budget = await readBudgetSheet(services.workbook, key, services.catalog)
  const rules = parseMappingRules(rulesDocumentOf(input.rules))
  const suivi = suiviMensuel(input.ledger.ledger, rules, budget)
  const budgetSheet = input.budgets.find((b) => b.key === key)?.sheet ?? key
  const sheet = await services.workbook.addSheet((names) =>
    suiviSheetPlan(
      {
        suivi,
        cpts: budget.profil.nom,
        budgetSheet,
        fichier: input.ledger.fichier,
        today: services.today(),
      },
      names
    )
  )
  const t = suivi.total
  const rate =
    t.tauxExecution === null
      ? ''
      : `, exécution ${(t.tauxExecution * 100).toFixed(1).replace('.', ',')} %`
  return {
    suivi,
    sheet,
    notice: {
      intent: 'success',
      title: `Feuille « ${sheet} » créée`,
      text: `À fin ${monthLabel(suivi.jusquA)} : réalisé ${euros(t.realiseCumule)} pour un budget cumulé de ${euros(t.budgetCumule)}${rate} ; projection linéaire à la fin de l’exercice ${euros(t.projection)}.`,
    },
  }
}
