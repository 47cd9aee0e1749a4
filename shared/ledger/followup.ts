// The monthly follow-up (suivi budgétaire mensuel): budget against actual by section and month, year to date, execution rate and a stated linear projection.
import {
  type BudgetDocument,
  centsOf,
  type Nature,
  natureOf,
  type Repartition,
  SECTIONS,
  splitCents,
} from '../budget'
import { AciError } from '../errors'
import { amountOf } from './actuals'
import { monthsOf } from './balances'
import { columnsOf } from './columns'
import type { Ledger } from './fec'
import { type MonthlyProfile, profileFor, spreadByMonth } from './profile'
import { Affectation, type MappingRulesDocument } from './rules'

/** The rows of the follow-up: the sections, then what the rules do not map or the budget does not split. */
// Written out, as SECTIONS is, so that loading this module runs nothing (a test holds them equal).
export const SUIVI_ROWS = [
  'fonctionnement',
  'acces',
  'parcours',
  'prevention',
  'crise',
  'qualite',
  'accompagnement',
  'hors_aci',
  'non_affecte',
] as const
export type SuiviRow = (typeof SUIVI_ROWS)[number]

export interface SuiviMonth {
  readonly mois: string
  readonly budget: number
  readonly realise: number
  readonly budgetCumule: number
  readonly realiseCumule: number
}

export interface SuiviSection {
  /** A section, `non_affecte` (actuals no rule maps, planned amounts with no split), or `total`. */
  readonly section: SuiviRow | 'total'
  readonly mois: readonly SuiviMonth[]
  readonly budgetAnnuel: number
  /** Budget and actual from the first month to `jusquA`. */
  readonly budgetCumule: number
  readonly realiseCumule: number
  readonly ecartCumule: number
  /** realiseCumule / budgetAnnuel, or null without a budget. */
  readonly tauxExecution: number | null
  /** realiseCumule × months of the year / months elapsed. */
  readonly projection: number
  readonly ecartProjection: number
}

export interface Suivi {
  readonly nature: 'charge' | 'produit'
  readonly mois: readonly string[]
  /** The last month counted in the year to date. */
  readonly jusquA: string
  readonly moisEcoules: number
  readonly sections: readonly SuiviSection[]
  readonly total: SuiviSection
  readonly hypotheses: readonly string[]
}

export interface SuiviOptions {
  /** The last month of the year to date ("AAAA-MM"); default the month of the books' last entry. */
  readonly jusquA?: string
  /** Charges (default) or produits. */
  readonly nature?: 'charge' | 'produit'
  readonly profils?: readonly MonthlyProfile[]
}

const isWanted = (nature: Nature | undefined, wanted: 'charge' | 'produit') =>
  nature !== undefined &&
  (wanted === 'charge'
    ? nature === 'charge' || nature === 'emploi'
    : nature === 'produit' || nature === 'contribution')

/** Planned cents per row (SECTIONS, then non_affecte) of a line, by its planned split. */
export function plannedBySection(cents: number, repartition: Repartition | undefined): number[] {
  const rows = new Array<number>(SUIVI_ROWS.length).fill(0)
  if (repartition === undefined) {
    rows[SECTIONS.length] = cents
    return rows
  }
  if (repartition.mode === 'montants') {
    let allocated = 0
    for (const p of repartition.parts) {
      const part = centsOf(p.montant) ?? 0
      const s = SECTIONS.indexOf(p.section)
      rows[s] = (rows[s] as number) + part
      allocated += part
    }
    rows[SECTIONS.length] = cents - allocated
    return rows
  }
  // Keys: shared by largest remainder over the keys and what they leave to 100 %.
  const keys = repartition.parts.map((p) => {
    const [whole, fraction = ''] = p.pourcentage.split('.')
    return Number(whole) * 10_000 + Number(fraction.padEnd(4, '0'))
  })
  const rest = Math.max(0, 1_000_000 - keys.reduce((a, b) => a + b, 0))
  const shares = splitCents(cents, [...keys, rest])
  repartition.parts.forEach((p, i) => {
    const s = SECTIONS.indexOf(p.section)
    rows[s] = (rows[s] as number) + (shares[i] as number)
  })
  rows[SECTIONS.length] = shares[keys.length] as number
  return rows
}

function sectionOf(
  section: SuiviRow | 'total',
  months: readonly string[],
  budget: readonly number[],
  actual: readonly number[],
  upTo: number
): SuiviSection {
  let b = 0
  let r = 0
  let budgetCumule = 0
  let realiseCumule = 0
  const mois = months.map((m, i) => {
    b += budget[i] as number
    r += actual[i] as number
    if (i <= upTo) {
      budgetCumule = b
      realiseCumule = r
    }
    return {
      mois: m,
      budget: budget[i] as number,
      realise: actual[i] as number,
      budgetCumule: b,
      realiseCumule: r,
    }
  })
  const elapsed = upTo + 1
  const projection = Math.round((realiseCumule * months.length) / elapsed)
  return {
    section,
    mois,
    budgetAnnuel: b,
    budgetCumule,
    realiseCumule,
    ecartCumule: realiseCumule - budgetCumule,
    tauxExecution: b === 0 ? null : realiseCumule / b,
    projection,
    ecartProjection: projection - b,
  }
}

/**
 * Budget against actual by section and month. The budget's lines (charges, or produits) are split
 * by their planned split (what has none goes to `non_affecte`) and spread over the fiscal year's
 * months evenly or by their monthly profile; the actuals are the books' lines mapped by the rules
 * (what no rule maps goes to `non_affecte`). Year to date runs to `jusquA`; the projection to the
 * year end is linear: the actual to date × months of the year / months elapsed, rounded to the cent.
 */
export function suiviMensuel(
  ledger: Ledger,
  rules: MappingRulesDocument,
  budget: BudgetDocument,
  options: SuiviOptions = {}
): Suivi {
  const nature = options.nature ?? 'charge'
  const months = monthsOf(ledger.exercice.debut, ledger.exercice.fin)
  const index = new Map(months.map((m, i) => [m, i]))
  const rows = SUIVI_ROWS.length
  const planned = SUIVI_ROWS.map(() => new Array<number>(months.length).fill(0))
  budget.lignes.forEach((l, i) => {
    if (!isWanted(natureOf(l.compte), nature)) return
    const bySection = plannedBySection(centsOf(l.montant) ?? 0, l.repartition)
    const poids = profileFor(options.profils, i, l.compte)
    bySection.forEach((cents, s) => {
      if (cents === 0) return
      spreadByMonth(cents, months, poids).forEach((c, m) => {
        const row = planned[s] as number[]
        row[m] = (row[m] as number) + c
      })
    })
  })
  const actual = SUIVI_ROWS.map(() => new Array<number>(months.length).fill(0))
  const affectation = new Affectation(rules)
  let lastMonth = months[0] as string
  const columns = columnsOf(ledger)
  const natures = columns.comptes.values.map((c) => natureOf(c))
  for (let i = 0; i < columns.count; i++) {
    const n = natures[columns.compte[i] as number]
    if (!isWanted(n, nature)) continue
    const line = columns.line(i)
    const m = index.get(line.date.slice(0, 7)) as number
    if ((months[m] as string) > lastMonth) lastMonth = months[m] as string
    const cents = amountOf(line, n as Nature)
    const split = affectation.split(line, cents)
    if (split === undefined) {
      const row = actual[rows - 1] as number[]
      row[m] = (row[m] as number) + cents
    } else {
      for (const [s, part] of split.parts) {
        const row = actual[s] as number[]
        row[m] = (row[m] as number) + part
      }
    }
  }
  const jusquA = options.jusquA ?? lastMonth
  const upTo = index.get(jusquA)
  if (upTo === undefined) {
    throw new AciError(
      'exercice_invalide',
      `jusquA : mois de l’exercice attendu (AAAA-MM, de ${months[0]} à ${months[months.length - 1]}), reçu « ${jusquA} ».`,
      'jusquA'
    )
  }
  const sections = SUIVI_ROWS.map((s, i) =>
    sectionOf(s, months, planned[i] as number[], actual[i] as number[], upTo)
  )
  const totalOf = (rowsOf: number[][]) =>
    months.map((_, m) => rowsOf.reduce((a, row) => a + (row[m] as number), 0))
  const total = sectionOf('total', months, totalOf(planned), totalOf(actual), upTo)
  return {
    nature,
    mois: months,
    jusquA,
    moisEcoules: upTo + 1,
    sections,
    total,
    hypotheses: [
      `Cumul à fin ${jusquA} (${upTo + 1} mois sur ${months.length}).`,
      `Projection linéaire à la fin de l’exercice : réalisé cumulé × ${months.length} / ${upTo + 1} mois, arrondi au centime.`,
      'Budget mensuel : chaque ligne répartie entre les sections par sa répartition prévue, puis étalée sur les mois de l’exercice à parts égales, ou selon son profil mensuel (au plus fort reste, au centime).',
      'Réalisé : les lignes du FEC affectées par les règles ; ce qu’aucune règle n’affecte, et le prévu sans répartition, figurent en « non affecté ».',
    ],
  }
}
