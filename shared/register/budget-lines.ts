// What the register feeds into the budget: one line per person and nature (indemnities, mission pay) split by section from the entries, with its actuals once paid.
import type { BudgetLigne, Section } from '../budget'
import { SECTIONS } from '../budget'
import { type Decimal, toAmountString, ZERO } from '../money'
import type { CalculRegistre } from './compute'
import type { Temps } from './parse'
import type { NatureTemps } from './schema'
import { repartitionParTemps } from './time-key'

/**
 * The accounts the lines are booked to. No text fixes them and practice varies between firms
 * (6226, 6228 or 658 are seen): a setting of the CPTS and its accountant, 6228 « Rémunérations
 * d’intermédiaires et honoraires divers » (plan comptable des associations, ANC n° 2018-06) until
 * they choose.
 */
export interface ComptesTemps {
  readonly indemnite: string
  readonly remuneration: string
}

export const COMPTES_TEMPS_DEFAUT: ComptesTemps = { indemnite: '6228', remuneration: '6228' }

export const NATURE_LABELS: Readonly<Record<NatureTemps, string>> = {
  indemnite: 'Indemnités pour perte de ressources',
  remuneration: 'Rémunération de la participation aux missions',
}

type Parts = { section: Section; montant: string }[]

/** Amounts per section in the budget's order, sections without any left out. */
function partsOf(temps: readonly Temps[]): { total: Decimal; parts: Parts } {
  const bySection = new Map<Section, Decimal>()
  let total = ZERO
  for (const t of temps) {
    bySection.set(t.section, (bySection.get(t.section) ?? ZERO).plus(t.montant))
    total = total.plus(t.montant)
  }
  const parts = SECTIONS.filter((s) => bySection.has(s)).map((section) => ({
    section,
    montant: toAmountString(bySection.get(section) as Decimal),
  }))
  return { total, parts }
}

/**
 * The budget lines of the fiscal year's entries: for each person and each nature, a charge line
 * with the person as its beneficiary (so the budget's own PASS check sees each professional), its
 * amount split by section as the entries fall (each entry is booked to its own section: direct
 * cost), and as actuals (`realise`) what has been paid, split the same way from the paid entries.
 */
export function lignesBudgetTemps(
  calcul: CalculRegistre,
  comptes: ComptesTemps = COMPTES_TEMPS_DEFAUT
): BudgetLigne[] {
  const lignes: BudgetLigne[] = []
  for (const { personne } of calcul.personnes) {
    for (const nature of ['indemnite', 'remuneration'] as const) {
      const entries = calcul.temps.filter(
        (t) => t.personne.cle === personne.cle && t.nature === nature
      )
      if (entries.length === 0) continue
      const planned = partsOf(entries)
      const paid = partsOf(entries.filter((t) => t.verse !== undefined))
      lignes.push({
        compte: comptes[nature],
        libelle: `${NATURE_LABELS[nature]} – ${personne.id}`,
        montant: toAmountString(planned.total),
        realise: toAmountString(paid.total),
        repartition: { mode: 'montants', parts: planned.parts },
        ...(paid.parts.length === 0
          ? {}
          : { repartitionRealise: { mode: 'montants' as const, parts: paid.parts } }),
        beneficiaire: personne.id,
      })
    }
  }
  return lignes
}

/**
 * A budget line whose amount is split between the sections by the time of the fiscal year
 * (repartitionParTemps): a coordinator's salary, an envelope of indemnities budgeted before the
 * entries exist. The parts equal the hours' shares to the cent.
 */
export function ligneParTemps(
  ligne: { readonly compte: string; readonly libelle: string; readonly montant: Decimal },
  calcul: CalculRegistre
): BudgetLigne {
  const parts = repartitionParTemps(ligne.montant, calcul.temps)
  return {
    compte: ligne.compte,
    libelle: ligne.libelle,
    montant: toAmountString(ligne.montant),
    repartition: {
      mode: 'montants',
      parts: parts.map((p) => ({ section: p.section, montant: toAmountString(p.montant) })),
    },
  }
}
