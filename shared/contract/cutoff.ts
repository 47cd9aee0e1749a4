// Year-end cut-off of ACI income: each payment split between fiscal years, and the journal of inventory entries.
import * as v from 'valibot'
import { frenchDate, isIsoDate } from '../dates'
import { AciError, describeValue } from '../errors'
import { formatEuros } from '../format'
import { type Decimal, roundToCent, sum, ZERO } from '../money'
import { addDays, addMonths, daysBetween, monthsBegun } from './calendar'
import { COMPTE_PAR, COMPTE_PCA, compteLabel, compteProduit } from './labels'
import type { Contract } from './parse'
import {
  type Droit,
  type Hypothesis,
  type Payment,
  type Periode,
  type Schedule,
  scheduleOf,
} from './schedule'
import { type Exercice, exerciceSchema } from './schema'

/**
 * When the variable part is income (notes-aci-rates §10, notes B.6, question B.9-2):
 * `versement` (default) when it is notified, taken as its payment date, the amount being known
 * only after the dialogue de gestion; `periode` over the contract year it rewards, as an explicit
 * estimate at the rates of the contract document (earned but unpaid → produits à recevoir).
 */
export const VARIABLE_RECOGNITIONS = ['versement', 'periode'] as const
export type VariableRecognition = (typeof VARIABLE_RECOGNITIONS)[number]

/** How an entitlement is spread over its period: by days (default) or by whole months elapsed (notes B.6, B.9-3). */
export const REPARTITIONS = ['jours', 'mois'] as const
export type RepartitionTemporelle = (typeof REPARTITIONS)[number]

export interface CutoffOptions {
  readonly variable?: VariableRecognition
  readonly repartition?: RepartitionTemporelle
}

/**
 * One entitlement of the contract (an envelope of a contract year) seen from a fiscal year.
 * Advances and balance of the same entitlement are netted, as notes B.6 does: received more than
 * earned → 487; earned more than received → 4687.
 */
export interface CutoffLine {
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
  /** Received during the fiscal year (booked 512 / 706 when received). */
  readonly encaisse: Decimal
  readonly pcaOuverture: Decimal
  readonly parOuverture: Decimal
  readonly pcaCloture: Decimal
  readonly parCloture: Decimal
  readonly calcul: string
}

export type EcritureKind = 'extourne_pca' | 'extourne_par' | 'pca' | 'par'

export interface JournalLine {
  readonly date: string
  readonly ecriture: EcritureKind
  readonly compte: string
  readonly libelle: string
  readonly debit: Decimal
  readonly credit: Decimal
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

function exerciceError(argument: string, message: string): AciError {
  return new AciError('exercice_invalide', `${argument} : ${message}`, argument)
}

/** A fiscal year checked: two real dates, the end not before the start. */
export function parseExercice(input: unknown): Exercice {
  const result = v.safeParse(exerciceSchema, input)
  if (!result.success) {
    const issue = result.issues[0]
    const key = issue.path?.[0]?.key
    throw exerciceError(
      typeof key === 'string' ? `exercice.${key}` : 'exercice',
      `${issue.message}.`
    )
  }
  const { debut, fin } = result.output
  if (fin < debut) {
    throw exerciceError(
      'exercice.fin',
      `la fin de l’exercice (${fin}) précède son début (${debut}).`
    )
  }
  return { debut, fin }
}

interface Settings {
  readonly variable: VariableRecognition
  readonly repartition: RepartitionTemporelle
}

function parseOptions(options: CutoffOptions | undefined): Settings {
  const variable = options?.variable ?? 'versement'
  const repartition = options?.repartition ?? 'jours'
  if (!VARIABLE_RECOGNITIONS.includes(variable)) {
    throw exerciceError(
      'options.variable',
      'reconnaissance du volet variable attendue : versement ou periode.'
    )
  }
  if (!REPARTITIONS.includes(repartition)) {
    throw exerciceError('options.repartition', 'répartition attendue : jours ou mois.')
  }
  return { variable, repartition }
}

function scheduleFrom(source: Contract | Schedule): Schedule {
  return 'paiements' in source ? source : scheduleOf(source)
}

interface Entitlement {
  readonly droit: Droit
  readonly paiements: readonly Payment[]
  readonly reconnaissance: CutoffLine['reconnaissance']
}

function entitlementsOf(schedule: Schedule, settings: Settings): Entitlement[] {
  return schedule.droits
    .map((droit) => ({
      droit,
      paiements: schedule.paiements.filter((p) => p.droit === droit.id),
      reconnaissance:
        droit.volet === 'variable' && settings.variable === 'versement'
          ? ('au_versement' as const)
          : ('prorata_temporis' as const),
    }))
    .filter((e) => e.paiements.length > 0)
}

/** Whole months from `from` to `to` (not counted): the largest m with from + m months ≤ to. */
function monthsElapsed(from: string, to: string): number {
  let months = 0
  while (addMonths(from, months + 1) <= to) months += 1
  return months
}

/** Elapsed and total units (days or months) of a period at a date, the elapsed clamped to the period. */
function unitsAt(
  periode: Periode,
  date: string,
  repartition: RepartitionTemporelle
): [number, number] {
  const end = addDays(periode.au, 1)
  if (repartition === 'mois') {
    const total = monthsBegun(periode.du, end)
    if (date >= end) return [total, total]
    return [date <= periode.du ? 0 : Math.min(monthsElapsed(periode.du, date), total), total]
  }
  const total = daysBetween(periode.du, end)
  return [Math.min(Math.max(daysBetween(periode.du, date), 0), total), total]
}

/**
 * What an entitlement has earned before `date` (not counted). Time-apportioned over its period and
 * rounded cumulatively: earned(date) = round(amount × elapsed / total). A year's share is
 * earned(end) − earned(start), so the shares of any cut of the period sum to the amount, each is
 * within a cent of its exact value, and a fiscal year's share does not depend on where the other
 * years are cut (a largest-remainder split per closing could lose or add a cent between two
 * consecutive closings). Recognised at payment (the variable part, by default): all from the day after.
 */
function earnedBefore(e: Entitlement, date: string, repartition: RepartitionTemporelle): Decimal {
  const amount = e.droit.montant
  if (e.reconnaissance === 'au_versement') {
    const paid = e.paiements[e.paiements.length - 1] as Payment
    return date > paid.date ? amount : ZERO
  }
  const [elapsed, total] = unitsAt(e.droit.periode, date, repartition)
  if (elapsed >= total) return amount
  return roundToCent(amount.times(elapsed).div(total))
}

function receivedBefore(e: Entitlement, date: string): Decimal {
  return sum(e.paiements.filter((p) => p.date < date).map((p) => p.montant))
}

const euros = formatEuros

function positionText(position: Decimal, at: string): string {
  if (position.isZero()) return `ni produit constaté d’avance ni produit à recevoir au ${at}`
  return position.isPositive()
    ? `produit constaté d’avance au ${at} : ${euros(position)}`
    : `produit à recevoir au ${at} : ${euros(position.negated())}`
}

function lineOf(e: Entitlement, ex: Exercice, settings: Settings): CutoffLine {
  const after = addDays(ex.fin, 1)
  const before = earnedBefore(e, ex.debut, settings.repartition)
  const through = earnedBefore(e, after, settings.repartition)
  const received0 = receivedBefore(e, ex.debut)
  const received1 = receivedBefore(e, after)
  // Position at each closing (notes B.6): received − earned; > 0 → 487, < 0 → 4687.
  const opening = received0.minus(before)
  const closing = received1.minus(through)
  const d = e.droit
  const paid = e.paiements.map((p) => `${euros(p.montant)} le ${frenchDate(p.date)}`).join(', ')
  const head = `${d.base} ; versé : ${paid}`
  let calcul: string
  if (e.reconnaissance === 'au_versement') {
    calcul = `${head} ; produit à sa notification, prise à la date du versement`
  } else {
    const [upTo, total] = unitsAt(d.periode, after, settings.repartition)
    const [elapsed] = unitsAt(d.periode, ex.debut, settings.repartition)
    const unit = settings.repartition
    const parts = [
      `${head} ; période du ${frenchDate(d.periode.du)} au ${frenchDate(d.periode.au)}`,
      `acquis au ${frenchDate(ex.fin)} : ${euros(d.montant)} × ${upTo}/${total} ${unit} = ${euros(through)}`,
    ]
    if (elapsed > 0) {
      parts.push(
        `acquis avant le ${frenchDate(ex.debut)} : ${euros(d.montant)} × ${elapsed}/${total} ${unit} = ${euros(before)}`
      )
    }
    calcul = parts.join(' ; ')
  }
  calcul += ` ; produit de l’exercice ${euros(through.minus(before))} ; encaissé à la clôture ${euros(received1)} − acquis ${euros(through)} : ${positionText(closing, frenchDate(ex.fin))}`
  return {
    droit: d,
    paiements: e.paiements,
    compte: compteProduit(d.volet, d.mission),
    reconnaissance: e.reconnaissance,
    acquisAvant: before,
    produit: through.minus(before),
    acquisApres: d.montant.minus(through),
    encaisse: received1.minus(received0),
    pcaOuverture: opening.isPositive() ? opening : ZERO,
    parOuverture: opening.isNegative() ? opening.negated() : ZERO,
    pcaCloture: closing.isPositive() ? closing : ZERO,
    parCloture: closing.isNegative() ? closing.negated() : ZERO,
    calcul,
  }
}

function matters(l: CutoffLine): boolean {
  return [l.produit, l.encaisse, l.pcaOuverture, l.parOuverture, l.pcaCloture, l.parCloture].some(
    (d) => !d.isZero()
  )
}

type Field = 'pcaOuverture' | 'parOuverture' | 'pcaCloture' | 'parCloture'

const ENTRIES: readonly {
  readonly ecriture: EcritureKind
  readonly field: Field
  /** The side of the 706 sub-accounts; the 487 / 4687 total goes on the other side. */
  readonly produitAuDebit: boolean
  readonly compte: string
  readonly libelle: (ex: Exercice) => string
}[] = [
  {
    ecriture: 'extourne_pca',
    field: 'pcaOuverture',
    produitAuDebit: false,
    compte: COMPTE_PCA,
    libelle: (ex) =>
      `Extourne des produits constatés d’avance au ${frenchDate(addDays(ex.debut, -1))}`,
  },
  {
    ecriture: 'extourne_par',
    field: 'parOuverture',
    produitAuDebit: true,
    compte: COMPTE_PAR,
    libelle: (ex) => `Extourne des produits à recevoir au ${frenchDate(addDays(ex.debut, -1))}`,
  },
  {
    ecriture: 'pca',
    field: 'pcaCloture',
    produitAuDebit: true,
    compte: COMPTE_PCA,
    libelle: (ex) => `Produits constatés d’avance au ${frenchDate(ex.fin)}`,
  },
  {
    ecriture: 'par',
    field: 'parCloture',
    produitAuDebit: false,
    compte: COMPTE_PAR,
    libelle: (ex) => `Produits à recevoir au ${frenchDate(ex.fin)}`,
  },
]

/**
 * The inventory entries of the fiscal year: at opening, the reversal (extourne) of the previous
 * closing's 487 and 4687; at closing, the new 487 (debit 706x, credit 487) and 4687 (debit 4687,
 * credit 706x). Receipts (512 / 706x) are booked when they come and are not repeated here. One
 * line per 706 sub-account and one total line on 487 or 4687: each entry balances to the cent.
 */
function journalOf(lines: readonly CutoffLine[], ex: Exercice): JournalLine[] {
  const journal: JournalLine[] = []
  for (const entry of ENTRIES) {
    const concerned = lines.filter((l) => !l[entry.field].isZero())
    if (concerned.length === 0) continue
    const date = entry.ecriture.startsWith('extourne') ? ex.debut : ex.fin
    const comptes = [...new Set(concerned.map((l) => l.compte))].sort()
    const produitLines = comptes.map((compte): JournalLine => {
      const mine = concerned.filter((l) => l.compte === compte)
      const amount = sum(mine.map((l) => l[entry.field]))
      return {
        date,
        ecriture: entry.ecriture,
        compte,
        libelle: `${entry.libelle(ex)} – ${compteLabel(compte)}`,
        debit: entry.produitAuDebit ? amount : ZERO,
        credit: entry.produitAuDebit ? ZERO : amount,
        calcul: mine.map((l) => `${l.droit.id} : ${euros(l[entry.field])}`).join(' + '),
      }
    })
    const total = sum(produitLines.map((l) => l.debit.plus(l.credit)))
    journal.push({
      date,
      ecriture: entry.ecriture,
      compte: entry.compte,
      libelle: entry.libelle(ex),
      debit: entry.produitAuDebit ? ZERO : total,
      credit: entry.produitAuDebit ? total : ZERO,
      calcul: `Total des comptes 706 : ${produitLines.map((l) => euros(l.debit.plus(l.credit))).join(' + ')}`,
    })
    journal.push(...produitLines)
  }
  return journal
}

function cutoffHypotheses(settings: Settings, options: CutoffOptions | undefined): Hypothesis[] {
  const { variable, repartition } = settings
  return [
    {
      code: 'repartition_temporelle',
      valeur: repartition,
      parDefaut: options?.repartition === undefined,
      texte: `Chaque droit (une enveloppe d’une année de contrat) est un produit au prorata ${repartition === 'jours' ? 'des jours' : 'des mois entiers écoulés'} de la période qu’il couvre (l’année de contrat, ou du démarrage de la mission à l’anniversaire) ; l’arrondi est cumulatif (acquis à une date = montant × écoulé / durée, arrondi au centime), si bien que les parts des exercices font exactement le droit (notes B.6 ; question ouverte B.9-3 : jours ou mois).`,
    },
    {
      code: 'compensation',
      valeur: 'par_droit',
      parDefaut: true,
      texte:
        'Avances et solde d’un même droit sont compensés : encaissé moins acquis à la clôture, en produit constaté d’avance (487) s’il est positif, en produit à recevoir (4687) s’il est négatif, comme dans l’exemple des notes B.6.',
    },
    {
      code: 'reconnaissance_variable',
      valeur: variable,
      parDefaut: options?.variable === undefined,
      texte:
        variable === 'versement'
          ? 'Le volet variable est un produit à sa notification, prise à la date de son versement, son montant n’étant connu qu’après le dialogue de gestion (notes ACI §10 ; question ouverte B.9-2).'
          : 'Le volet variable est un produit au prorata de l’année qu’il rémunère, estimé aux taux du contrat : la part acquise et non versée à la clôture est un produit à recevoir (notes ACI §10 : estimation explicite ; question ouverte B.9-2).',
    },
    {
      code: 'comptes',
      valeur: `706 par enveloppe, ${COMPTE_PCA}, ${COMPTE_PAR}`,
      parDefaut: true,
      texte:
        'Produits au compte 706 Prestations de services, un sous-compte par enveloppe (7061 + rang de la mission + volet), jamais 74 ; produits constatés d’avance au 487 ; produits à recevoir au 4687 plutôt que 418, la caisse versant sans facture (notes ACI §10, notes B.5–B.6 ; le 73 Concours publics reste une lecture possible, question ouverte B.9-1).',
    },
    {
      code: 'extourne',
      valeur: 'ouverture',
      parDefaut: true,
      texte:
        'Les produits constatés d’avance et à recevoir de la clôture précédente sont extournés à l’ouverture, puis recalculés à la clôture ; les encaissements sont saisis au fil de l’exercice (512 / 706) et ne figurent pas dans ce journal.',
    },
  ]
}

/**
 * The cut-off of a fiscal year: each ACI payment split between the years it covers, the income of
 * the year (706 per envelope), the produits constatés d’avance (487) and the produits à recevoir
 * (4687) at opening and at closing, and the journal that books them, balanced to the cent.
 */
export function cutoffOf(
  source: Contract | Schedule,
  exercice: unknown,
  options?: CutoffOptions
): Cutoff {
  const ex = parseExercice(exercice)
  const settings = parseOptions(options)
  const lignes = entitlementsOf(scheduleFrom(source), settings)
    .map((e) => lineOf(e, ex, settings))
    .filter(matters)
  const journal = journalOf(lignes, ex)
  const comptes = [...new Set(lignes.map((l) => l.compte))].sort()
  const total = (field: keyof CutoffLine) => sum(lignes.map((l) => l[field] as Decimal))
  return {
    exercice: ex,
    lignes,
    journal,
    parCompte: comptes.map((compte) => {
      const mine = lignes.filter((l) => l.compte === compte)
      return {
        compte,
        libelle: compteLabel(compte),
        encaissements: sum(mine.map((l) => l.encaisse)),
        produit: sum(mine.map((l) => l.produit)),
      }
    }),
    totaux: {
      encaissements: total('encaisse'),
      produits: total('produit'),
      pcaOuverture: total('pcaOuverture'),
      parOuverture: total('parOuverture'),
      pcaCloture: total('pcaCloture'),
      parCloture: total('parCloture'),
      debit: sum(journal.map((l) => l.debit)),
      credit: sum(journal.map((l) => l.credit)),
    },
    hypotheses: cutoffHypotheses(settings, options),
  }
}

function checkDate(date: unknown, argument: string): string {
  if (typeof date === 'string' && isIsoDate(date)) return date
  throw new AciError(
    'date_invalide',
    `${argument} : date de clôture attendue au format AAAA-MM-JJ, reçu ${describeValue(date)}.`,
    argument
  )
}

/** Received − earned, per entitlement, just after a closing date: positive → 487, negative → 4687. */
function positionsAt(
  source: Contract | Schedule,
  cloture: unknown,
  options: CutoffOptions | undefined
): Decimal[] {
  const date = checkDate(cloture, 'cloture')
  const settings = parseOptions(options)
  const after = addDays(date, 1)
  return entitlementsOf(scheduleFrom(source), settings).map((e) =>
    receivedBefore(e, after).minus(earnedBefore(e, after, settings.repartition))
  )
}

/**
 * The produits constatés d’avance (487) at a closing date: what was received by then for the time
 * after it. What `=ACI.PCA(...)` returns for the fiscal year closing that day.
 */
export function produitsConstatesDAvance(
  source: Contract | Schedule,
  cloture: unknown,
  options?: CutoffOptions
): Decimal {
  return sum(positionsAt(source, cloture, options).filter((d) => d.isPositive()))
}

/** The produits à recevoir (4687) at a closing date: what is earned by then and not yet received. */
export function produitsARecevoir(
  source: Contract | Schedule,
  cloture: unknown,
  options?: CutoffOptions
): Decimal {
  return sum(
    positionsAt(source, cloture, options)
      .filter((d) => d.isNegative())
      .map((d) => d.negated())
  )
}
