// The wire forms of the books' figures and of the cash plan: amounts as decimal strings.
import { centsToString } from '../budget'
import type { Encodage } from '../text/decode'
import type { CashPlan } from '../treasury/plan'
import type { LedgerBalances } from './balances'
import { columnsOf } from './columns'
import type { Ledger } from './fec'

export interface LedgerJson {
  readonly encodage: Encodage
  readonly lignes: number
  readonly ecritures: number
  readonly comptes: readonly {
    readonly compte: string
    readonly libelle: string
    readonly debit: string
    readonly credit: string
    readonly solde: string
    readonly mois: Readonly<Record<string, string>>
  }[]
  readonly tresorerie: { readonly ouverture: string; readonly cloture: string }
}

export function ledgerJson(
  ledger: Ledger,
  balances: LedgerBalances,
  encodage: Encodage
): LedgerJson {
  return {
    encodage,
    lignes: columnsOf(ledger).count,
    ecritures: ledger.ecritures,
    comptes: balances.comptes.map((c) => ({
      compte: c.compte,
      libelle: c.libelle,
      debit: centsToString(c.debit),
      credit: centsToString(c.credit),
      solde: centsToString(c.solde),
      mois: Object.fromEntries([...c.mois].map(([m, cents]) => [m, centsToString(cents)])),
    })),
    tresorerie: {
      ouverture: centsToString(balances.tresorerie.ouverture),
      cloture: centsToString(balances.tresorerie.cloture),
    },
  }
}

export interface CashPlanJson {
  readonly mois: readonly {
    readonly mois: string
    readonly ouverture: string
    readonly encaissementsAci: string
    readonly autresEncaissements: string
    readonly decaissements: string
    readonly solde: string
    readonly source: 'realise' | 'budget'
  }[]
  readonly alertes: readonly {
    readonly mois: string
    readonly niveau: 'negatif' | 'seuil'
    readonly solde: string
    readonly message: string
  }[]
  readonly hypotheses: readonly string[]
}

export function cashPlanJson(plan: CashPlan): CashPlanJson {
  return {
    mois: plan.mois.map((m) => ({
      mois: m.mois,
      ouverture: centsToString(m.ouverture),
      encaissementsAci: centsToString(m.encaissementsAci),
      autresEncaissements: centsToString(m.autresEncaissements),
      decaissements: centsToString(m.decaissements),
      solde: centsToString(m.solde),
      source: m.source,
    })),
    alertes: plan.alertes.map((a) => ({ ...a, solde: centsToString(a.solde) })),
    hypotheses: plan.hypotheses,
  }
}
