// The fiscal year's ACI income (produits ACI de l'exercice): what the year earns from the contract, exactly as the cut-off computes it, explained against the contract-year envelopes.
import { frenchDate } from '../dates'
import { formatEuros } from '../format'
import { type Decimal, sum, toAmountString } from '../money'
import { type CutoffOptions, sharesOfExercice } from './cutoff'
import { compteLabel } from './labels'
import type { Contract } from './parse'
import { scheduleOf } from './schedule'
import type { Hypothesis, Schedule } from './schedule-types'

export interface FiscalIncomeLine {
  /** The entitlement: `a2-fixe-parcours`. */
  readonly droit: string
  /** Contract year 1 to 5. */
  readonly annee: number
  readonly volet: 'fonctionnement' | 'fixe' | 'variable'
  readonly mission: string | null
  /** The 706 sub-account. */
  readonly compte: string
  /** The entitlement as the contract year sets it (prorated from a mission's start). */
  readonly enveloppe: string
  readonly acquisAvant: string
  /** Its share of the fiscal year: what the cut-off books in 706. */
  readonly produit: string
  readonly acquisApres: string
  /** Why the envelope and the year's share differ, in French. */
  readonly explication: string
}

export interface FiscalIncomeYear {
  readonly annee: number
  readonly debut: string
  readonly fin: string
  /** Envelopes of the contract year (fonctionnement + fixe + variable at the contract's rates). */
  readonly enveloppe: string
  /** Of them, earned in the fiscal year. */
  readonly produit: string
  /** Earned before or after the fiscal year, or not at all in it. */
  readonly horsExercice: string
}

export interface FiscalIncome {
  readonly exercice: { readonly debut: string; readonly fin: string }
  /** The fiscal year's ACI income: equal to the cut-off's 706 total, to the cent. */
  readonly produitsAciExercice: string
  readonly lignes: readonly FiscalIncomeLine[]
  readonly parAnnee: readonly FiscalIncomeYear[]
  readonly parCompte: readonly {
    readonly compte: string
    readonly libelle: string
    readonly produit: string
  }[]
  readonly hypotheses: readonly Hypothesis[]
}

const euros = formatEuros
const amount = (d: Decimal) => toAmountString(d)

/**
 * What a fiscal year earns from the contract: for each entitlement (an envelope of a contract year,
 * prorated from a mission's start), its share falling in the fiscal year — the cut-off's own
 * shares (sharesOfExercice), so the total is the cut-off's 706 total for the same options — and,
 * beside it, the contract years' envelopes, each difference explained line by line (earned before
 * the year, after it). The entitlements of the contract years the fiscal year touches are all
 * listed, and those of other years when they bring the year some income.
 */
export function produitsAciExercice(
  source: Contract | Schedule,
  exercice: unknown,
  options?: CutoffOptions
): FiscalIncome {
  const schedule = 'paiements' in source ? source : scheduleOf(source)
  const shares = sharesOfExercice(schedule, exercice, options)
  const ex = shares.exercice
  const touched = (du: string, au: string) => du <= ex.fin && au >= ex.debut
  const kept = shares.lignes.filter(
    (l) => !l.produit.isZero() || touched(l.droit.periode.du, l.droit.periode.au)
  )
  const lignes = kept.map((l): FiscalIncomeLine => {
    const d = l.droit
    const parts: string[] = []
    if (!l.acquisAvant.isZero()) {
      parts.push(`${euros(l.acquisAvant)} acquis avant le ${frenchDate(ex.debut)}`)
    }
    if (!l.acquisApres.isZero()) {
      parts.push(
        l.reconnaissance === 'au_versement'
          ? `${euros(l.acquisApres)} produit à son versement, après le ${frenchDate(ex.fin)}`
          : `${euros(l.acquisApres)} acquis après le ${frenchDate(ex.fin)}`
      )
    }
    const explication =
      parts.length === 0
        ? `Enveloppe ${euros(d.montant)} entièrement produit de l’exercice.`
        : `Enveloppe ${euros(d.montant)} (année ${d.annee} du ${frenchDate(d.periode.du)} au ${frenchDate(d.periode.au)}) : ${euros(l.produit)} dans l’exercice, ${parts.join(', ')}.`
    return {
      droit: d.id,
      annee: d.annee,
      volet: d.volet,
      mission: d.mission,
      compte: l.compte,
      enveloppe: amount(d.montant),
      acquisAvant: amount(l.acquisAvant),
      produit: amount(l.produit),
      acquisApres: amount(l.acquisApres),
      explication,
    }
  })
  const years = schedule.parAnnee.filter(
    (y) => touched(y.debut, y.fin) || kept.some((l) => l.droit.annee === y.annee)
  )
  const comptes = [...new Set(kept.map((l) => l.compte))].sort()
  return {
    exercice: ex,
    produitsAciExercice: amount(sum(kept.map((l) => l.produit))),
    lignes,
    parAnnee: years.map((y) => {
      const produit = sum(kept.filter((l) => l.droit.annee === y.annee).map((l) => l.produit))
      return {
        annee: y.annee,
        debut: y.debut,
        fin: y.fin,
        enveloppe: amount(y.total),
        produit: amount(produit),
        horsExercice: amount(y.total.minus(produit)),
      }
    }),
    parCompte: comptes.map((compte) => ({
      compte,
      libelle: compteLabel(compte),
      produit: amount(sum(kept.filter((l) => l.compte === compte).map((l) => l.produit))),
    })),
    hypotheses: shares.hypotheses,
  }
}
