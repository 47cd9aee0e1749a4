// The payment schedule (échéancier) of an ACI contract: every payment of its five years, with its date, period and calculation.
import { formatEuros } from '../format'
import { fixeOf } from '../funding'
import { MISSION_CODES, MISSION_WORDS, type MissionCode } from '../missions'
import { Decimal, roundToCent, sum, timesToCent } from '../money'
import type { Mission, Taille } from '../rates/table'
import { addMonths, daysBetween, monthsBegun } from './calendar'
import { PAYMENT_KIND_LABELS, PAYMENT_KINDS, type PaymentKind, type Volet, voletOf } from './labels'
import type { Contract, ContractMission, ContractYear } from './parse'

/** The 75 % advances of the contrat type art. 6.1 and 6.2 (notes-aci-rates §9.3, §9.4). */
export const AVANCE = new Decimal('0.75')

export interface Periode {
  /** First day covered. */
  readonly du: string
  /** Last day covered. */
  readonly au: string
}

/** What the contract owes for one envelope of one contract year, before it is split into payments. */
export interface Droit {
  /** Stable id: `a1-fixe-acces`, `a2-fonctionnement`. */
  readonly id: string
  readonly annee: number
  readonly volet: Volet
  readonly mission: MissionCode | null
  readonly montant: Decimal
  readonly periode: Periode
  /** The calculation, in French (« 90 000,00 € × 182/365 jours »). */
  readonly base: string
}

export interface Payment {
  /** Stable id: `a2-fixe_avance-acces`. */
  readonly id: string
  readonly date: string
  readonly annee: number
  readonly nature: PaymentKind
  readonly libelle: string
  readonly mission: MissionCode | null
  readonly montant: Decimal
  readonly periode: Periode
  readonly base: string
  /** The id of the entitlement (Droit) this payment settles, wholly or in part. */
  readonly droit: string
}

export interface Hypothesis {
  readonly code: string
  readonly valeur: string
  readonly parDefaut: boolean
  readonly texte: string
}

export interface YearTotals {
  readonly annee: number
  readonly debut: string
  readonly fin: string
  readonly taille: Taille
  readonly version: string
  readonly fonctionnement: Decimal
  readonly fixe: Decimal
  readonly variable: Decimal
  readonly total: Decimal
}

export interface MissionTotals {
  readonly mission: MissionCode
  readonly libelle: string
  readonly debut: string
  readonly fixe: Decimal
  readonly variable: Decimal
  readonly total: Decimal
}

export interface Schedule {
  readonly signature: string
  readonly fin: string
  readonly droits: readonly Droit[]
  /** By date, then contract year, then kind (balances before advances), then mission. */
  readonly paiements: readonly Payment[]
  readonly parAnnee: readonly YearTotals[]
  readonly parMission: readonly MissionTotals[]
  readonly totaux: {
    readonly fonctionnement: Decimal
    readonly fixe: Decimal
    readonly variable: Decimal
    readonly total: Decimal
  }
  readonly hypotheses: readonly Hypothesis[]
}

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
  b.droits.push({
    id: droitId(year.annee, 'fixe', m.mission),
    annee: year.annee,
    volet: 'fixe',
    mission: m.mission,
    montant: amount,
    periode,
    base: `${what} : ${euros(full)}${proText}${whole ? '' : ` = ${euros(amount)}`}`,
  })
  pay(
    b,
    'fixe_avance',
    year.annee,
    m.mission,
    start ? m.debut : year.debut,
    advance,
    periode,
    `75\u00a0% × ${euros(full)}${proText}`
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
      ? `${euros(full)} − ${euros(advance)} d’avance`
      : `${euros(full)}${proText} = ${euros(amount)} − ${euros(advance)} d’avance`
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

/** Every choice the texts leave open, with the value used (notes-aci-rates §9.7: "decisions to record"). */
export function hypothesesOf(contract: Contract): Hypothesis[] {
  const o = contract.options
  const d = contract.optionsParDefaut
  const list: Hypothesis[] = [
    {
      code: 'fonctionnement_annee_1',
      valeur: 'integral_a_la_signature',
      parDefaut: true,
      texte:
        'Le fonctionnement de l’année 1 est versé en totalité à la signature, sans avance de 75 % ni solde ; les années 2 à 5, avance de 75 % à l’anniversaire et solde de 25 % au règlement de l’année (contrat type art. 6.1, notes ACI §9.3 ; question ouverte §13-5 : une part de l’année 1 dépend-elle du démarrage des missions ?).',
    },
    {
      code: 'prorata',
      valeur: o.prorata,
      parDefaut: d.prorata,
      texte:
        o.prorata === 'jours'
          ? 'La première avance du volet fixe est proratisée en jours : jours du démarrage de la mission au prochain anniversaire / jours de l’année de contrat (notes ACI §9.7 ; les textes ne disent pas jours ou mois).'
          : 'La première avance du volet fixe est proratisée en mois entamés du démarrage de la mission au prochain anniversaire, sur 12 (notes ACI §9.7 ; les textes ne disent pas jours ou mois).',
    },
    {
      code: 'variable_premiere_annee',
      valeur: o.variablePremiereAnnee,
      parDefaut: d.variablePremiereAnnee,
      texte:
        o.variablePremiereAnnee === 'complet'
          ? 'Le volet variable de l’année de démarrage d’une mission est dû en entier, au taux des indicateurs fixés pour l’année (notes ACI §9.7 ; question ouverte §13-6).'
          : 'Le volet variable de l’année de démarrage d’une mission est proratisé comme son volet fixe (notes ACI §9.7 ; question ouverte §13-6).',
    },
    {
      code: 'date_variable',
      valeur: `anniversaire + ${o.delaiVariableMois} mois`,
      parDefaut: d.delaiVariableMois,
      texte: `Le volet variable d’une année est versé ${o.delaiVariableMois} mois après l’anniversaire qui la clôt, après le dialogue de gestion tenu « dans un délai de deux mois suivant la date anniversaire » (notes ACI §9.5).`,
    },
    {
      code: 'date_solde',
      valeur: `anniversaire + ${o.delaiSoldeMois} mois`,
      parDefaut: d.delaiSoldeMois,
      texte: `Les soldes (25 %) du fonctionnement et des volets fixes d’une année sont versés ${o.delaiSoldeMois} mois après l’anniversaire qui la clôt, « au même moment » que le règlement de l’année (notes ACI §9.3, §9.8). Question ouverte : la date réelle dépend de la caisse.`,
    },
    {
      code: 'arrondi',
      valeur: 'centime_demi_haut',
      parDefaut: true,
      texte:
        'Chaque versement est arrondi une fois au centime (demi au-dessus) à partir des montants exacts ; un solde est le montant arrondi de l’année moins les avances arrondies, si bien que les versements d’une année font exactement son montant (notes ACI §9.7 ; question ouverte §13-9 : la caisse arrondit-elle au centime ou à l’euro ?).',
    },
  ]
  for (const year of contract.annees) {
    const change = year.changementBareme
    list.push({
      code: `bareme_annee_${year.annee}`,
      valeur: year.table.id,
      parDefaut: !year.versionImposee,
      texte: year.versionImposee
        ? `Année ${year.annee} (du ${year.debut} au ${year.fin}) : barème ${year.table.id}, imposé par le contrat.`
        : `Année ${year.annee} (du ${year.debut} au ${year.fin}) : barème ${year.table.id}, en vigueur au premier jour de l’année de contrat (notes ACI §9.7).${change === null ? '' : ` À vérifier : le barème ${change.id} prend effet le ${change.effectiveDate}, pendant cette année ; indiquez la version voulue si le contrat en décide autrement (question ouverte §13-2).`}`,
    })
    if (year.population !== null) {
      list.push({
        code: `taille_annee_${year.annee}`,
        valeur: String(year.taille),
        parDefaut: true,
        texte: `Année ${year.annee} : taille ${year.taille} déduite de la population de ${year.population.toLocaleString('fr-FR')} habitants (barème ${year.table.id}).`,
      })
    }
  }
  for (const m of contract.missions) {
    if (m.tauxParDefaut) {
      list.push({
        code: `taux_${m.mission}`,
        valeur: '1',
        parDefaut: true,
        texte: `${MISSION_WORDS[m.mission].label} : taux d’atteinte de 100 % supposé chaque année (aucun taux donné) ; le volet variable réel dépend des indicateurs du contrat (notes ACI §9.5).`,
      })
    }
    if (m.mission === 'crise') {
      list.push({
        code: 'phases_crise',
        valeur: m.phases.map((p) => p ?? '-').join(','),
        parDefaut: m.phasesParDefaut,
        texte:
          'Mission crise : rédaction du plan l’année de son démarrage, mise à jour les années suivantes (avenant 2, notes ACI §9.6).',
      })
      list.push({
        code: 'crises_reconnues',
        valeur: m.crisesReconnues.map((r) => (r ? 'oui' : 'non')).join(','),
        parDefaut: m.crisesParDefaut,
        texte:
          'Mission crise : volet variable dû en entier pour une année où une crise sanitaire grave est reconnue, au plus une fois par année de contrat, rien sinon (notes ACI §9.6 ; questions ouvertes §13-7 : qui reconnaît la crise, une fois par an ou par crise).',
      })
    }
  }
  return list
}
