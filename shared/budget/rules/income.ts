// Findings about resources: where ACI money is booked, fonds dédiés, funders named, secondary funding, hoarding.
import { formatEuros } from '../../format'
import { Decimal, timesToCent, toAmountString } from '../../money'
import { CentsTotal, centsToString } from '../cents'
import type { BudgetContext } from '../context'
import {
  FINANCEUR_LABELS,
  FINANCEURS,
  FINANCEURS_A_RISQUE,
  FINANCEURS_PRINCIPAUX,
  type Financeur,
} from '../financeurs'
import { type Finding, finding } from '../findings'
import { lineRef, type PreparedLine } from '../prepare'
import { lineWords } from '../wording'

/** Resources whose funder must be named (Sénat proposition n° 11): sales and services, concours publics, subsidies, other current income. */
function needsFunder(compte: string): boolean {
  return /^7[0345]/.test(compte)
}

/** Movements of fonds dédiés: reports (689) and their later use (789), ANC 2018-06 art. 132-1. */
function isFondsDedies(compte: string): boolean {
  return compte.startsWith('689') || compte.startsWith('789')
}

/** Booking of one resource line, and of fonds dédiés movements. */
export function incomeLineFindings(line: PreparedLine, out: Finding[]): void {
  const { compte, financeur } = line.ligne
  if (isFondsDedies(compte)) {
    const what = compte.startsWith('689') ? 'Report en fonds dédiés' : 'Utilisation de fonds dédiés'
    if (financeur === 'aci') {
      out.push(
        finding('ACI-FONDS-DEDIES', {
          ligne: lineRef(line),
          amounts: { montant: centsToString(line.cents) },
          message: `${what} de financement ACI : ${lineWords(line)}. Le financement ACI rémunère des missions, ce n’est pas une subvention : il ne peut pas aller en fonds dédiés (art. 132-2 du règlement ANC n° 2018-06). La part d’une avance qui couvre l’exercice suivant est un produit constaté d’avance (compte 487) ; le reste non utilisé est un excédent.`,
        })
      )
    } else if (financeur === undefined) {
      out.push(
        finding('FINANCEUR-ABSENT', {
          ligne: lineRef(line),
          amounts: { montant: centsToString(line.cents) },
          message: `${what} sans financeur : ${lineWords(line)}. Indiquer la ressource d’origine (subvention, contribution d’un autre organisme, générosité du public) : des fonds ACI n’y ont pas leur place.`,
        })
      )
    }
    return
  }
  if (line.nature !== 'produit') return
  if (financeur === 'aci') {
    if (compte.startsWith('74')) {
      out.push(
        finding('CNCC-ACI-EN-74', {
          ligne: lineRef(line),
          amounts: { montant: centsToString(line.cents) },
          message: `Financement ACI inscrit en subvention : ${lineWords(line)}. Le financement ACI n’est pas une subvention mais la contrepartie de missions de service public (position de la CNCC) : l’inscrire au compte 706 Prestations de services (ou 730 Concours publics).`,
        })
      )
    } else if (!compte.startsWith('706') && !compte.startsWith('73')) {
      out.push(
        finding('ACI-COMPTE', {
          ligne: lineRef(line),
          amounts: { montant: centsToString(line.cents) },
          message: `Financement ACI inscrit hors des comptes attendus : ${lineWords(line)}. Le financement ACI rémunère des missions de service public : compte 706 Prestations de services (ou 730 Concours publics).`,
        })
      )
    }
  } else if (financeur === undefined && needsFunder(compte)) {
    out.push(
      finding('FINANCEUR-ABSENT', {
        ligne: lineRef(line),
        amounts: { montant: centsToString(line.cents) },
        message: `Ressource sans financeur : ${lineWords(line)}. Indiquer qui la verse (ACI, ARS, collectivité, adhérents, entreprise, laboratoire pharmaceutique…).`,
      })
    )
  }
}

/** Totals of resources by funder, gathered while the lines are read. */
export class FunderTotals {
  private readonly totals = new Map<Financeur, { total: CentsTotal; lines: number }>()

  add(line: PreparedLine): void {
    const financeur = line.ligne.financeur
    if (line.nature !== 'produit' || financeur === undefined) return
    let entry = this.totals.get(financeur)
    if (entry === undefined) {
      entry = { total: new CentsTotal(), lines: 0 }
      this.totals.set(financeur, entry)
    }
    entry.total.add(line.cents)
    entry.lines += 1
  }

  /** Income booked as paid by the ACI. */
  aci(): Decimal {
    return this.totals.get('aci')?.total.euros() ?? new Decimal(0)
  }

  /** One finding per secondary funder: info, or a warning for companies and pharmaceutical laboratories. */
  secondaryFindings(out: Finding[]): void {
    for (const financeur of FINANCEURS) {
      const entry = this.totals.get(financeur)
      if (entry === undefined || FINANCEURS_PRINCIPAUX.has(financeur)) continue
      const total = entry.total.euros()
      const risky = FINANCEURS_A_RISQUE.has(financeur)
      const count = `${entry.lines} ligne${entry.lines > 1 ? 's' : ''}`
      out.push(
        finding('FINANCEMENT-SECONDAIRE', {
          severity: risky ? 'warning' : 'info',
          amounts: { montant: toAmountString(total) },
          message: risky
            ? `Financement secondaire – ${FINANCEUR_LABELS[financeur]} : ${formatEuros(total)} (${count}). Le Sénat relève des « risques spécifiques » pour les fonds versés par des entreprises, notamment des laboratoires pharmaceutiques en contrepartie de formations : préciser la contrepartie.`
            : `Financement secondaire – ${FINANCEUR_LABELS[financeur]} : ${formatEuros(total)} (${count}).`,
        })
      )
    }
  }
}

/**
 * ACI income above the charges of the ACI sections: a planned surplus of contract money, the
 * Sénat's « thésaurisation ». Tolerated up to the profile's threshold (a share of ACI income;
 * the sources give none, so 0 by default: any planned surplus is reported).
 */
export function hoardingFinding(
  produitsAci: Decimal,
  chargesAci: Decimal,
  ctx: BudgetContext,
  out: Finding[],
  /** « prévu » on the budget, « constaté » on the actuals. */
  kind: 'prévu' | 'constaté' = 'prévu'
): void {
  if (!produitsAci.isPositive()) return
  const surplus = produitsAci.minus(chargesAci)
  const seuil = ctx.doc.profil.seuils?.thesaurisation
  const tolerated =
    seuil === undefined ? new Decimal(0) : timesToCent(produitsAci, new Decimal(seuil).div(100))
  if (!surplus.gt(tolerated)) return
  out.push(
    finding('SENAT-THESAURISATION', {
      amounts: {
        produitsAci: toAmountString(produitsAci),
        chargesSectionsAci: toAmountString(chargesAci),
        excedent: toAmountString(surplus),
        ...(seuil === undefined ? {} : { seuil: toAmountString(tolerated) }),
      },
      message: `Les produits ACI (${formatEuros(produitsAci)}) dépassent de ${formatEuros(surplus)} les charges des sections ACI (${formatEuros(chargesAci)})${
        seuil === undefined
          ? ''
          : ` (excédent toléré : ${seuil.replace('.', ',')} % des produits ACI, soit ${formatEuros(tolerated)})`
      }. Un excédent ${kind} de fonds ACI est ce que le Sénat appelle thésaurisation : la part d’une avance couvrant l’exercice suivant va en produits constatés d’avance (compte 487), le reste est à justifier.`,
    })
  )
}
