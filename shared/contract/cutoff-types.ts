// What a cut-off is made of: a line per entitlement seen from the fiscal year, totals per 706 account, the journal and the hypotheses.
import type { Decimal } from '../money'
import type { JournalLine } from './journal'
import type { Droit, Hypothesis, Payment } from './schedule-types'
import type { Exercice } from './schema'

/**
 * What a fiscal year earns of one entitlement (an envelope of a contract year): the figures alone,
 * without the words of the cut-off, so that a budget check can carry them at little cost.
 */
export interface FiscalShare {
  readonly droit: Droit
  /** The payments that settle it. */
  readonly paiements: readonly Payment[]
  /** The 706 sub-account of its envelope. */
  readonly compte: string
  readonly reconnaissance: 'prorata_temporis' | 'au_versement'
  /** Earned before the fiscal year, in it (its income), after it: they sum to the entitlement. */
  readonly acquisAvant: Decimal
  readonly produit: Decimal
  readonly acquisApres: Decimal
}

/**
 * One entitlement of the contract (an envelope of a contract year) seen from a fiscal year.
 * Advances and balance of the same entitlement are netted, as notes B.6 does: received more than
 * earned → 487; earned more than received → 4687.
 */
export interface CutoffLine extends FiscalShare {
  /** Received during the fiscal year (booked 512 / 706 when received). */
  readonly encaisse: Decimal
  readonly pcaOuverture: Decimal
  readonly parOuverture: Decimal
  readonly pcaCloture: Decimal
  readonly parCloture: Decimal
  readonly calcul: string
}

export interface AccountTotals {
  readonly compte: string
  readonly libelle: string
  readonly encaissements: Decimal
  readonly produit: Decimal
}

export interface Cutoff {
  readonly exercice: Exercice
  readonly lignes: readonly CutoffLine[]
  readonly journal: readonly JournalLine[]
  readonly parCompte: readonly AccountTotals[]
  readonly totaux: {
    readonly encaissements: Decimal
    readonly produits: Decimal
    readonly pcaOuverture: Decimal
    readonly parOuverture: Decimal
    readonly pcaCloture: Decimal
    readonly parCloture: Decimal
    readonly debit: Decimal
    readonly credit: Decimal
  }
  readonly hypotheses: readonly Hypothesis[]
}
