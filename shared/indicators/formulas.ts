// The indicator rules as a spreadsheet takes them, cell by cell: one tiered indicator from its thresholds and amounts, a mission's rate from its indicators' amounts.
import { AciError, describeValue } from '../errors'
import { formatEuros } from '../format'
import { missionOf, parseTaille, resolveTable, type VersionRef } from '../funding'
import { Decimal, sum, ZERO } from '../money'
import { normalizeWords } from '../text'
import { rateOf } from './compute'
import { readDone, readNumber } from './observations'
import type { Palier } from './parse'
import type { Sens } from './schema'
import { montantPalier, palierHorsOrdre } from './tiers'

function invalid(argument: string, message: string): AciError {
  return new AciError('contrat_invalide', `${argument} : ${message}`, argument)
}

const isBlank = (value: unknown) => value === null || value === undefined || value === ''

/** A number as a cell holds it (a number, or text typed in French: « 63,5 % »), or undefined. */
function numberOf(value: unknown): Decimal | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(value) : undefined
  if (typeof value === 'string') return readNumber(value)
  return undefined
}

/** An amount in euros, exact to the cent, not negative. */
function amountOf(value: unknown, argument: string): Decimal {
  const amount = numberOf(value)
  if (amount !== undefined && !amount.isNegative() && amount.decimalPlaces() <= 2) return amount
  throw invalid(
    argument,
    `montant en euros attendu, positif et au centime, reçu ${describeValue(value)}.`
  )
}

const SENS_WORDS = new Map<string, Sens>([
  ['hausse', 'hausse'],
  ['a la hausse', 'hausse'],
  ['baisse', 'baisse'],
  ['a la baisse', 'baisse'],
])

/** « hausse » (default: more is better) or « baisse » (less is better). */
export function parseSens(value: unknown, argument = 'sens'): Sens {
  if (isBlank(value)) return 'hausse'
  const sens = typeof value === 'string' ? SENS_WORDS.get(normalizeWords(value)) : undefined
  if (sens !== undefined) return sens
  throw invalid(
    argument,
    `sens attendu : « hausse » (plus la valeur est haute, mieux c’est) ou « baisse » (plus elle est basse, mieux c’est), reçu ${describeValue(value)}.`
  )
}

/**
 * The tiers from two lists of cells, pair by pair: a pair with both cells empty is no tier (Excel
 * for Windows passes an empty cell as 0, so a pair of zeros is none either); half a pair is an
 * error, as are tiers out of order (thresholds rising, amounts rising with achievement).
 */
export function paliersOf(
  seuils: readonly unknown[],
  montants: readonly unknown[],
  sens: Sens
): Palier[] {
  if (seuils.length !== montants.length) {
    throw invalid(
      'montants',
      `autant de montants que de seuils attendus, un par palier : ${seuils.length} seuils, ${montants.length} montants.`
    )
  }
  const paliers: Palier[] = []
  seuils.forEach((s, k) => {
    const m = montants[k]
    if ((isBlank(s) && isBlank(m)) || (s === 0 && m === 0)) return
    if (isBlank(s) || isBlank(m)) {
      throw invalid(
        isBlank(s) ? 'seuils' : 'montants',
        `le palier ${k + 1} a ${isBlank(s) ? 'un montant sans seuil' : 'un seuil sans montant'}.`
      )
    }
    const seuil = numberOf(s)
    if (seuil === undefined) {
      throw invalid('seuils', `seuil ${k + 1} : nombre attendu, reçu ${describeValue(s)}.`)
    }
    paliers.push({ seuil, montant: amountOf(m, 'montants') })
  })
  if (paliers.length === 0)
    throw invalid('seuils', 'au moins un palier attendu (seuil et montant).')
  const at = palierHorsOrdre(paliers, sens)
  if (at >= 0) {
    throw invalid(
      'seuils',
      `paliers hors d’ordre au palier ${at + 1} : seuils strictement croissants attendus, et des montants ${sens === 'hausse' ? 'croissants (sens hausse)' : 'décroissants (sens baisse)'}.`
    )
  }
  return paliers
}

/**
 * What one tiered indicator earns for an observed value (bounds included: value ≥ seuil for
 * `hausse`, ≤ seuil for `baisse`); an empty value is no observation and earns nothing.
 */
export function palier(
  valeur: unknown,
  seuils: readonly unknown[],
  montants: readonly unknown[],
  sens?: unknown
): Decimal {
  const direction = parseSens(sens)
  const paliers = paliersOf(seuils, montants, direction)
  if (isBlank(valeur)) return ZERO
  const value = numberOf(valeur)
  if (value === undefined) {
    throw invalid(
      'valeur',
      `valeur observée attendue, un nombre dans l’unité des seuils, reçu ${describeValue(valeur)}.`
    )
  }
  return montantPalier(value, paliers, direction)
}

export interface MissionAttainment {
  readonly montant: Decimal
  readonly enveloppeVariable: Decimal
  /** montant / enveloppeVariable, exact. */
  readonly taux: Decimal
}

/**
 * A mission's achievement rate from what its indicators earned: their total over the mission's
 * variable envelope in the grid (taille, version). The crisis mission earns only when the ARS
 * recognised a crisis (`crise` true). A total above the envelope is refused: the annex's maxima
 * should add up to the envelope.
 */
export function atteinte(
  mission: unknown,
  taille: unknown,
  montants: readonly unknown[],
  crise?: unknown,
  version?: VersionRef
): MissionAttainment {
  const table = resolveTable(version)
  const m = missionOf(table, mission)
  const t = parseTaille(taille)
  const reconnue = isBlank(crise) ? false : readDone(crise)
  if (reconnue === undefined) {
    throw invalid(
      'crise',
      `VRAI ou FAUX attendu (crise reconnue par l’ARS), reçu ${describeValue(crise)}.`
    )
  }
  if (m.code !== 'crise' && reconnue) {
    throw invalid(
      'crise',
      `la crise reconnue ne concerne que la mission crise, pas la mission ${m.code}.`
    )
  }
  const enveloppeVariable = m.variable[t - 1] as Decimal
  const total = sum(montants.filter((v) => !isBlank(v)).map((v) => amountOf(v, 'montants')))
  if (total.gt(enveloppeVariable)) {
    throw invalid(
      'montants',
      `les indicateurs totalisent ${formatEuros(total)}, plus que le volet variable de la mission ${m.code} (${formatEuros(enveloppeVariable)}, barème ${table.id}, taille ${t}) : vérifiez les maxima de l’annexe.`
    )
  }
  const montant = m.code === 'crise' && !reconnue ? ZERO : total
  return { montant, enveloppeVariable, taux: rateOf(montant, enveloppeVariable) }
}
