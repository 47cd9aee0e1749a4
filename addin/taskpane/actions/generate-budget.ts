// Génération: a new budget sheet for the profile, its lines empty, its envelopes in ACI.* formulas.
import { AciError, type BudgetProfil, type RateTable } from '../../../shared'
import { writeBudget } from '../sheets/budget-workbook'
import { type BudgetList, budgetList } from './budget-list'
import type { Outcome } from './notice'
import type { PaneServices } from './services'

export interface GenerateInput {
  /** The profile and its rate table, null while the profile form is incomplete. */
  readonly profil: BudgetProfil | null
  readonly table: RateTable | null
}

export async function generateBudget(
  services: PaneServices,
  input: GenerateInput
): Promise<Outcome & BudgetList> {
  if (input.profil === null || input.table === null) {
    throw new AciError(
      'budget_invalide',
      'Profil incomplet : complétez les champs signalés de l’onglet Profil.'
    )
  }
  const doc = { profil: input.profil, lignes: [] }
  const ref = await writeBudget(services.workbook, doc, input.table, services.today())
  return {
    ...(await budgetList(services, { wanted: ref.key })),
    notice: {
      intent: 'success',
      title: `Feuille « ${ref.sheet} » créée`,
      text: 'Saisissez les montants par section, puis vérifiez le budget (onglet Contrôle).',
    },
  }
}
