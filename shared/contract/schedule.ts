// The payment schedule (échéancier) of an ACI contract: every payment of its five years, with its date, period and calculation.
import { formatEuros } from '../format'
import { fixeOf } from '../funding'
import { MISSION_CODES, MISSION_WORDS, type MissionCode } from '../missions'
import { Decimal, roundToCent, sum, timesToCent } from '../money'
import type { Phase } from '../rates/schema'
import type { Mission, Taille } from '../rates/table'
import { addMonths, daysBetween, monthsBegun } from './calendar'
import { hypothesesOf } from './hypotheses'
import { PAYMENT_KIND_LABELS, PAYMENT_KINDS, type PaymentKind, type Volet, voletOf } from './labels'
import type { Contract, ContractMission, ContractYear } from './parse'
import type { Droit, MissionTotals, Payment, Periode, Schedule, YearTotals } from './schedule-types'

export type {
  Droit,
  Hypothesis,
  MissionTotals,
  Payment,
  Periode,
  Schedule,
  YearTotals,
} from './schedule-types'
export { hypothesesOf }

/** The 75 % advances of the contrat type art. 6.1 and 6.2 (notes-aci-rates §9.3, §9.4). */
export const AVANCE = new Decimal('0.75')

/** A prorata kept as a fraction of integers, so that amounts are computed exactly then rounded once. */
interface Prorata {
  readonly num: number
  readonly den: number
  readonly unite: 'jours' | 'mois'
}

const euros = formatEuros
const pct = (d: Decimal) => `${d.times(100).toFixed()}\u00a0%`

function prorataText(p: Prorata): string {
  return `${p.num}/${p.den} ${p.unite}`
}

/**
 * The share of its first contract year a mission covers: from its start to the next anniversary
 * (contrat type art. 6.2, notes §9.4), in days or in months begun (notes §9.7, option `prorata`).
 */
function prorataOf(contract: Contract, year: ContractYear, debut: string): Prorata {
  if (contract.options.prorata === 'mois') {
    return { num: monthsBegun(debut, year.anniversaire), den: 12, unite: 'mois' }
  }
  return {
    num: daysBetween(debut, year.anniversaire),
    den: daysBetween(year.debut, year.anniversaire),
    unite: 'jours',
  }
}

/** A prorata that changes something, or null for a whole year. */
function partial(p: Prorata | null): Prorata | null {
  return p === null || p.num === p.den ? null : p
}

function times(amount: Decimal, p: Prorata): Decimal {
  return amount.times(p.num).div(p.den)
}

interface Builder {
  readonly droits: Droit[]
  readonly paiements: Payment[]
}

function pay(
  b: Builder,
  nature: PaymentKind,
  annee: number,
  mission: MissionCode | null,
  date: string,
  montant: Decimal,
  periode: Periode,
  base: string
): void {
  if (montant.isZero()) return // nothing is paid: a variable at 0 %, a crisis not recognised
  b.paiements.push({
    id: `a${annee}-${nature}${mission === null ? '' : `-${mission}`}`,
    droit: droitId(annee, voletOf(nature), mission),
    date,
    annee,
    nature,
    libelle: PAYMENT_KIND_LABELS[nature],
    mission,
    montant,
    periode,
    base,
  })
}

function droitId(annee: number, volet: Volet, mission: MissionCode | null): string {
  return `a${annee}-${volet}${mission === null ? '' : `-${mission}`}`
}

function settlementDate(year: ContractYear, months: number): string {
  return addMonths(year.anniversaire, months)
}

/** Fonctionnement (contrat type art. 6.1, notes §9.3 and §9.8): year 1 in full at signature, then 75 % + balance. */
function fonctionnementOf(b: Builder, contract: Contract, year: ContractYear): void {
  const amount = year.table.fonctionnement.amounts[year.taille - 1] as Decimal
  const periode = { du: year.debut, au: year.fin }
  b.droits.push({
    id: droitId(year.annee, 'fonctionnement', null),
    annee: year.annee,
    volet: 'fonctionnement',
    mission: null,
    montant: amount,
    periode,
    base: `Fonctionnement, taille ${year.taille}, barème ${year.table.id} : ${euros(amount)}`,
  })
  if (year.annee === 1) {
    pay(
      b,
      'fonctionnement_integral',
      1,
      null,
      contract.signature,
      amount,
      periode,
      `${euros(amount)} versés en totalité à la signature (fonctionnement de l’année 1)`
    )
    return
  }
  const advance = timesToCent(amount, AVANCE)
  pay(
    b,
    'fonctionnement_avance',
    year.annee,
    null,
    year.debut,
    advance,
    periode,
    `75\u00a0% × ${euros(amount)}`
  )
  pay(
    b,
    'fonctionnement_solde',
    year.annee,
    null,
    settlementDate(year, contract.options.delaiSoldeMois),
    amount.minus(advance),
    periode,
    `${euros(amount)} − ${euros(advance)} d’avance`
  )
}

/** Short names of the pieces a grid counts in a mission's fixed part, for the calculation texts. */
const PIECE_WORDS: Readonly<Record<string, string>> = {
  fixe: 'volet fixe',
  snp_compensation: 'soins non programmés, compensation des professionnels de santé',
  snp_enveloppe_flechee: 'soins non programmés, enveloppe fléchée',
}

/**
 * The fixed amount in words: « 60 000,00 € » or, when the grid adds several pieces (the 2019
 * grid's accès aux soins and its two « soins non programmés » pieces), each piece named:
 * « 60 000,00 € (volet fixe 15 000,00 € + soins non programmés, … 10 000,00 € + …) ».
 */
function fixedWords(
  grid: Mission,
  phase: Phase | undefined,
  taille: Taille,
  full: Decimal
): string {
  const pieces = grid.components.filter(
    (c) => c.volet === 'fixe' && (c.phase === undefined || c.phase === phase)
  )
  if (pieces.length < 2) return euros(full)
  const named = pieces.map(
    (c) => `${PIECE_WORDS[c.code] ?? c.label} ${euros(c.amounts[taille - 1] as Decimal)}`
  )
  return `${euros(full)} (${named.join(' + ')})`
}

/**
 * A mission's fixed part (contrat type art. 6.2, notes §9.4): 75 % at its start, prorated to the
 * next anniversary; then at each anniversary 75 % of the new year; each year's balance with the
 * settlement of that year, computed as (rounded year amount − rounded advance).
 */
function fixeOfYear(
  b: Builder,
  contract: Contract,
  year: ContractYear,
  m: ContractMission,
  grid: Mission,
  prorata: Prorata | null
): void {
  const phase = m.phases[year.annee - 1] ?? undefined
  const full = fixeOf(grid, phase, year.taille)
  const start = year.annee === m.anneeDebut
  const periode = { du: start ? m.debut : year.debut, au: year.fin }
  const phaseText =
    phase === undefined
      ? ''
      : phase === 'redaction'
        ? ', rédaction du plan'
        : ', mise à jour du plan'
  const what = `${MISSION_WORDS[m.mission].label}, volet fixe${phaseText}, taille ${year.taille}, barème ${year.table.id}`
  const p = partial(prorata)
  const whole = p === null
  const amount = p === null ? full : roundToCent(times(full, p))
  const advance = p === null ? timesToCent(full, AVANCE) : roundToCent(times(full.times(AVANCE), p))
  const proText = p === null ? '' : ` × ${prorataText(p)}`
  const fullText = fixedWords(grid, phase, year.taille, full)
  b.droits.push({
    id: droitId(year.annee, 'fixe', m.mission),
    annee: year.annee,
    volet: 'fixe',
    mission: m.mission,
    montant: amount,
    periode,
    base: `${what} : ${fullText}${proText}${whole ? '' : ` = ${euros(amount)}`}`,
  })
  pay(
    b,
    'fixe_avance',
    year.annee,
    m.mission,
    start ? m.debut : year.debut,
    advance,
    periode,
    `75\u00a0% × ${fullText}${proText}`
  )
  pay(
    b,
    'fixe_solde',
    year.annee,
    m.mission,
    settlementDate(year, contract.options.delaiSoldeMois),
    amount.minus(advance),
    periode,
    whole
      ? `${fullText} − ${euros(advance)} d’avance`
      : `${fullText}${proText} = ${euros(amount)} − ${euros(advance)} d’avance`
  )
}

/**
 * A mission's variable part (notes §9.5, §9.6): paid after the dialogue de gestion, within two
 * months of the anniversary, at the assessed rate; for the crisis mission, its whole variable
 * amount if a crisis was recognised in the year. The start year's variable is complete or
 * prorated (option `variablePremiereAnnee`, notes §9.7).
 */
function variableOfYear(
  b: Builder,
  contract: Contract,
  year: ContractYear,
  m: ContractMission,
  grid: Mission,
  prorata: Prorata | null
): void {
  const envelope = grid.variable[year.taille - 1] as Decimal
  const taux = m.taux[year.annee - 1] as Decimal
  const start = year.annee === m.anneeDebut
  const periode = { du: start ? m.debut : year.debut, au: year.fin }
  const p = partial(start && contract.options.variablePremiereAnnee === 'prorata' ? prorata : null)
  const amount =
    p === null ? timesToCent(envelope, taux) : roundToCent(times(envelope.times(taux), p))
  const proText = p === null ? '' : ` × ${prorataText(p)}`
  const crise = m.mission === 'crise'
  const base = crise
    ? `${taux.isZero() ? 'aucune crise reconnue' : 'crise sanitaire grave reconnue'} : ${euros(envelope)} × ${pct(taux)}${proText}`
    : `${euros(envelope)} × taux ${pct(taux)}${proText}`
  b.droits.push({
    id: droitId(year.annee, 'variable', m.mission),
    annee: year.annee,
    volet: 'variable',
    mission: m.mission,
    montant: amount,
    periode,
    base: `${MISSION_WORDS[m.mission].label}, volet variable, taille ${year.taille}, barème ${year.table.id} : ${base}`,
  })
  pay(
    b,
    'variable',
    year.annee,
    m.mission,
    settlementDate(year, contract.options.delaiVariableMois),
    amount,
    periode,
    base
  )
}

const KIND_RANK = new Map<PaymentKind, number>(PAYMENT_KINDS.map((k, i) => [k, i]))

function missionRank(m: MissionCode | null): number {
  return m === null ? -1 : MISSION_CODES.indexOf(m)
}

function comparePayments(a: Payment, b: Payment): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1
  if (a.annee !== b.annee) return a.annee - b.annee
  const kind = (KIND_RANK.get(a.nature) ?? 0) - (KIND_RANK.get(b.nature) ?? 0)
  return kind !== 0 ? kind : missionRank(a.mission) - missionRank(b.mission)
}

function totalOf(droits: readonly Droit[], volet: Volet): Decimal {
  return sum(droits.filter((d) => d.volet === volet).map((d) => d.montant))
}

/** Every payment of the contract's five years, their totals, and the choices the calculation made. */
export function scheduleOf(contract: Contract): Schedule {
  const b: Builder = { droits: [], paiements: [] }
  for (const year of contract.annees) {
    fonctionnementOf(b, contract, year)
    for (const m of contract.missions) {
      if (year.annee < m.anneeDebut) continue
      const grid = year.table.mission(m.mission) as Mission // parseContract checked it
      const prorata = year.annee === m.anneeDebut ? prorataOf(contract, year, m.debut) : null
      fixeOfYear(b, contract, year, m, grid, prorata)
      variableOfYear(b, contract, year, m, grid, prorata)
    }
  }
  b.paiements.sort(comparePayments)
  const parAnnee = contract.annees.map((year): YearTotals => {
    const droits = b.droits.filter((d) => d.annee === year.annee)
    return {
      annee: year.annee,
      debut: year.debut,
      fin: year.fin,
      taille: year.taille,
      version: year.table.id,
      fonctionnement: totalOf(droits, 'fonctionnement'),
      fixe: totalOf(droits, 'fixe'),
      variable: totalOf(droits, 'variable'),
      total: sum(droits.map((d) => d.montant)),
    }
  })
  const parMission = contract.missions.map((m): MissionTotals => {
    const droits = b.droits.filter((d) => d.mission === m.mission)
    const fixe = totalOf(droits, 'fixe')
    const variable = totalOf(droits, 'variable')
    return {
      mission: m.mission,
      libelle: MISSION_WORDS[m.mission].label,
      debut: m.debut,
      fixe,
      variable,
      total: fixe.plus(variable),
    }
  })
  const fonctionnement = totalOf(b.droits, 'fonctionnement')
  const fixe = totalOf(b.droits, 'fixe')
  const variable = totalOf(b.droits, 'variable')
  return {
    signature: contract.signature,
    fin: contract.fin,
    droits: b.droits,
    paiements: b.paiements,
    parAnnee,
    parMission,
    totaux: { fonctionnement, fixe, variable, total: fonctionnement.plus(fixe).plus(variable) },
    hypotheses: hypothesesOf(contract),
  }
}
