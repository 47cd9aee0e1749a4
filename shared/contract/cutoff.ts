// Year-end cut-off of ACI income: each payment split between fiscal years, and the journal of inventory entries.
import { frenchDate, isIsoDate } from '../dates'
import { AciError, describeValue } from '../errors'
import { formatEuros } from '../format'
import { type Decimal, roundToCent, sum, ZERO } from '../money'
import { addDays, addMonths, daysBetween, monthsBegun } from './calendar'
import {
  type CutoffOptions,
  parseExercice,
  parseOptions,
  type RepartitionTemporelle,
  type Settings,
} from './cutoff-options'
import type { Cutoff, CutoffLine, FiscalShare } from './cutoff-types'
import { cutoffHypotheses } from './hypotheses'
import { journalOf } from './journal'
import { compteLabel, compteProduit } from './labels'
import type { Contract } from './parse'
import { scheduleOf } from './schedule'
import type { Droit, Hypothesis, Payment, Periode, Schedule } from './schedule-types'
import type { Exercice } from './schema'

export {
  type CutoffOptions,
  parseExercice,
  REPARTITIONS,
  type RepartitionTemporelle,
  VARIABLE_RECOGNITIONS,
  type VariableRecognition,
} from './cutoff-options'
export type { AccountTotals, Cutoff, CutoffLine, FiscalShare } from './cutoff-types'
export type { EcritureKind, JournalLine } from './journal'

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

/** An entitlement's share of the fiscal year: earned before it, in it, after it. */
function shareOf(e: Entitlement, ex: Exercice, settings: Settings): FiscalShare {
  const before = earnedBefore(e, ex.debut, settings.repartition)
  const through = earnedBefore(e, addDays(ex.fin, 1), settings.repartition)
  return {
    droit: e.droit,
    paiements: e.paiements,
    compte: compteProduit(e.droit.volet, e.droit.mission),
    reconnaissance: e.reconnaissance,
    acquisAvant: before,
    produit: through.minus(before),
    acquisApres: e.droit.montant.minus(through),
  }
}

function lineOf(e: Entitlement, ex: Exercice, settings: Settings): CutoffLine {
  const share = shareOf(e, ex, settings)
  const after = addDays(ex.fin, 1)
  const before = share.acquisAvant
  const through = before.plus(share.produit)
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
    ...share,
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

/**
 * What a fiscal year earns of each entitlement of the contract, figures only: the same shares as
 * cutoffOf's lines (the same cumulative rounding), so their `produit` sums to the cut-off's 706
 * total for the same options, without its journal and its explanations.
 */
export function sharesOfExercice(
  source: Contract | Schedule,
  exercice: unknown,
  options?: CutoffOptions
): {
  readonly exercice: Exercice
  readonly lignes: readonly FiscalShare[]
  readonly hypotheses: readonly Hypothesis[]
} {
  const ex = parseExercice(exercice)
  const settings = parseOptions(options)
  return {
    exercice: ex,
    lignes: entitlementsOf(scheduleFrom(source), settings).map((e) => shareOf(e, ex, settings)),
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
