// Plan de trésorerie: the fiscal year month by month from the contract's schedule, the budget and the FEC's cash, written to a new `Trésorerie <année>` sheet.
import {
  AciError,
  type BudgetDocument,
  type BudgetProfil,
  type CashPlan,
  cashFlowsOf,
  centsOf,
  centsToString,
  contractOfBudget,
  countOf,
  planDeTresorerie,
} from '../../../shared'
import { readBudgetSheet } from '../sheets/budget-workbook'
import { treasurySheetPlan } from '../sheets/treasury-plan'
import type { ContractChoices } from './contract-view'
import type { ImportedLedger } from './import-ledger'
import { euros } from './ledger-actuals'
import type { Outcome } from './notice'
import type { ActionServices } from './services'

/** « 12 500,50 », « 12500.5 », « -3 000 € » → « 12500.50 »; empty → undefined; else an error naming the field. */
export function amountOfFrench(text: string, field: string): string | undefined {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '')
  if (compact === '') return undefined
  const cents = centsOf(compact.replace(',', '.'))
  if (cents === undefined) {
    throw new AciError(
      'tresorerie_invalide',
      `${field} : montant en euros attendu, par exemple 12 500,00 ; reçu « ${text} ».`,
      field
    )
  }
  return centsToString(cents)
}

export interface TreasuryOutcome extends Outcome {
  readonly plan: CashPlan
  readonly sheet: string
}

export async function writeTreasuryPlan(
  services: ActionServices,
  input: {
    /** The budget sheet whose lines give other receipts and disbursements; null: the ACI alone. */
    readonly key: string | null
    /** The pane's profile, used when no budget sheet is chosen. */
    readonly profil: BudgetProfil | null
    readonly choices: ContractChoices
    readonly ledger: ImportedLedger | null
    /** Typed opening cash (French text); empty: the FEC's opening. */
    readonly tresorerieInitiale: string
    readonly seuil: string
    readonly moisSuivants: boolean
  }
): Promise<TreasuryOutcome> {
  const budget: BudgetDocument | undefined =
    input.key === null
      ? undefined
      : await readBudgetSheet(services.workbook, input.key, services.catalog)
  const profil = budget?.profil ?? input.profil
  if (profil === null) {
    throw new AciError(
      'budget_invalide',
      'Complétez le profil (onglet Profil) ou choisissez une feuille de budget : le plan suit l’échéancier de son contrat.'
    )
  }
  const typed = amountOfFrench(input.tresorerieInitiale, 'Trésorerie d’ouverture')
  const fromBooks = input.ledger?.tresorerie
  let ouverture: string
  let opening: string
  if (typed !== undefined) {
    opening = typed
    ouverture = 'Trésorerie d’ouverture saisie dans le volet.'
  } else if (fromBooks !== undefined && input.ledger !== null) {
    opening = centsToString(fromBooks.ouverture)
    ouverture = fromBooks.aNouveauxTrouves
      ? `Trésorerie d’ouverture : les à-nouveaux des comptes 512 et 53 du FEC « ${input.ledger.fichier} ».`
      : `Le FEC « ${input.ledger.fichier} » n’a pas d’à-nouveaux : trésorerie d’ouverture prise à 0, à saisir si elle ne l’est pas.`
  } else {
    throw new AciError(
      'tresorerie_invalide',
      'Trésorerie d’ouverture : saisissez-la, ou importez d’abord le FEC (ses à-nouveaux la donnent).',
      'tresorerieInitiale'
    )
  }
  const seuil = amountOfFrench(input.seuil, 'Seuil d’alerte')
  const plan = planDeTresorerie({
    contrat: contractOfBudget(profil, input.choices.prorata),
    exercice: profil.exercice,
    tresorerieInitiale: opening,
    ...(budget === undefined ? {} : { budget }),
    ...(input.ledger === null
      ? {}
      : { decaissements: cashFlowsOf(input.ledger.ledger).decaissements }),
    ...(seuil === undefined ? {} : { seuil }),
    moisSuivants: input.moisSuivants,
  })
  const sheet = await services.workbook.addSheet((names) =>
    treasurySheetPlan(
      { plan, cpts: profil.nom, exercice: profil.exercice, ouverture, today: services.today() },
      names
    )
  )
  const last = plan.mois[plan.mois.length - 1]
  const n = plan.alertes.length
  return {
    plan,
    sheet,
    notice: {
      intent: n > 0 ? 'info' : 'success',
      title: `Feuille « ${sheet} » créée`,
      text: `Trésorerie de clôture ${last === undefined ? '' : euros(last.solde)} ; ${n === 0 ? 'aucune alerte' : `${countOf(n, 'alerte', 'alertes')} : ${plan.alertes[0]?.message ?? ''}${n > 1 ? ' …' : ''}`}.`,
    },
  }
}
