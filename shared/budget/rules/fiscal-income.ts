// The fiscal year as the budget's basis: what the year earns from the contract of the profile (the cut-off's 706 total), beside the contract-year envelopes and the ACI income the budget plans.
import { type FiscalIncome, parseExercice, produitsAciExercice } from '../../contract'
import { frenchDate } from '../../dates'
import { isAciError } from '../../errors'
import { formatEuros } from '../../format'
import { Decimal, sum, toAmountString } from '../../money'
import { contractOfBudget } from '../contract-of-budget'
import { type Finding, finding } from '../findings'
import type { FiscalIncomeReport } from '../report'
import type { BudgetProfil } from '../schema'

/**
 * The fiscal year's income already computed, by the profile fields the contract and the year come
 * from: a budget is checked again and again as it is edited, its contract seldom changes, and the
 * schedule behind the figure costs more than checking a budget of a hundred lines.
 */
const cache = new Map<string, FiscalIncome | string>()

function keyOf(profil: BudgetProfil): string {
  let key = `${profil.signature}\u0000${profil.population ?? ''}\u0000${profil.taille ?? ''}\u0000${profil.version ?? ''}\u0000${profil.exercice.debut}\u0000${profil.exercice.fin}`
  for (const m of profil.missions) key += `\u0000${m.mission}:${m.debut}:${m.taux ?? ''}`
  return key
}

/**
 * What the fiscal year earns from the profile's contract (produitsAciExercice of contractOfBudget),
 * or why that contract cannot be computed, in French: the check's figure and a new budget sheet's
 * ACI income, cached per profile.
 */
export function fiscalIncomeOfProfile(profil: BudgetProfil): FiscalIncome | string {
  const key = keyOf(profil)
  let income = cache.get(key)
  if (income === undefined) {
    try {
      income = produitsAciExercice(contractOfBudget(profil), parseExercice(profil.exercice))
    } catch (e) {
      if (!isAciError(e)) throw e
      income = e.message
    }
    if (cache.size >= 64) cache.clear()
    cache.set(key, income)
  }
  return income
}

/**
 * What the fiscal year earns from the contract (`produitsAciExercice`, equal to the cut-off's 706
 * total for the profile's contract and fiscal year, with the contract's default options), the
 * envelopes of the contract years it touches, and each entitlement's share explained. Beside the
 * ACI income the budget plans: a finding when the two differ, a warning when the budget counts
 * more than the year earns. null, with an information finding, when the profile's contract cannot
 * be computed (a rate version this build does not hold, for instance).
 */
export function fiscalIncomeReport(
  profil: BudgetProfil,
  produitsAci: Decimal,
  out: Finding[]
): FiscalIncomeReport | null {
  const income = fiscalIncomeOfProfile(profil)
  const du = frenchDate(profil.exercice.debut)
  const au = frenchDate(profil.exercice.fin)
  if (typeof income === 'string') {
    out.push(
      finding('ACI-PRODUITS-EXERCICE', {
        severity: 'info',
        message: `Produits ACI de l’exercice du ${du} au ${au} non calculés : le contrat du profil ne se calcule pas (${income.replace(/\.$/, '')}).`,
      })
    )
    return null
  }
  const earned = new Decimal(income.produitsAciExercice)
  const enveloppes = sum(income.parAnnee.map((y) => new Decimal(y.enveloppe)))
  const ecart = produitsAci.minus(earned)
  if (produitsAci.isPositive() && !ecart.isZero()) {
    const years = income.parAnnee
      .map(
        (y) =>
          `année ${y.annee} : ${formatEuros(new Decimal(y.produit))} de ${formatEuros(new Decimal(y.enveloppe))}`
      )
      .join(' ; ')
    out.push(
      finding('ACI-PRODUITS-EXERCICE', {
        severity: ecart.isPositive() ? 'warning' : 'info',
        amounts: {
          produitsAci: toAmountString(produitsAci),
          produitsAciExercice: income.produitsAciExercice,
          ecart: toAmountString(ecart.abs()),
          enveloppes: toAmountString(enveloppes),
        },
        message: `Le budget compte ${formatEuros(produitsAci)} de produits ACI ; l’exercice du ${du} au ${au} acquiert ${formatEuros(earned)} du contrat (part de chaque année de contrat et de chaque démarrage de mission, le total 706 de la coupure ; ${years}) : ${ecart.isPositive() ? 'produits surestimés' : 'produits sous-estimés'} de ${formatEuros(ecart.abs())}. Le contrôle détaille la part de l’exercice de chaque enveloppe.`,
      })
    )
  }
  return {
    produitsAciExercice: income.produitsAciExercice,
    enveloppesContrat: toAmountString(enveloppes),
    ecartBudget: toAmountString(ecart),
    parAnnee: income.parAnnee,
    parCompte: income.parCompte,
    lignes: income.lignes,
  }
}
