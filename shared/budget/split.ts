// Splitting an amount by keys without creating or losing a cent: the largest-remainder (Hamilton) method.
import { AciError } from '../errors'
import { type Decimal, isAmountString } from '../money'
import { centsOf, centsToDecimal } from './cents'

const MAX_SAFE = Number.MAX_SAFE_INTEGER

/**
 * Splits `cents` (a safe integer) in proportion to `weights` (safe non-negative integers).
 * Each share is first the floor of its exact value; the cents left over go one each to the
 * shares with the largest fractional remainders, equal remainders going to the earlier weight
 * (for budget lines, the earlier section in SECTIONS order). The shares always sum to `cents`,
 * and each is within one cent of its exact value (notes B.4; ANC 2018-06 does not fix a method,
 * the tie-break is ours and written here).
 * A negative amount is split as its magnitude, then negated. All weights zero: all shares zero.
 *
 * @example splitCents(5_800_000, [562, 402, 321, 193, 129]) // [2028376, 1450902, 1158556, 696578, 465588]
 */
export function splitCents(cents: number, weights: readonly number[]): number[] {
  let total = 0
  let largest = 0
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`poids invalide : ${w}`)
    total += w
    if (w > largest) largest = w
  }
  if (!Number.isSafeInteger(cents)) throw new RangeError(`montant en centimes invalide : ${cents}`)
  if (total === 0) return weights.map(() => 0)
  // a0 × w stays below total × largest: below 2^53, every product below is exact.
  if (!Number.isSafeInteger(total) || total * largest > MAX_SAFE) {
    throw new RangeError('poids trop grands pour un calcul exact')
  }
  const magnitude = Math.abs(cents)
  // magnitude × w / total = a1 × w + a0 × w / total, with magnitude = a1 × total + a0.
  const a1 = Math.floor(magnitude / total)
  const a0 = magnitude - a1 * total
  const shares: number[] = new Array(weights.length)
  const remainders: number[] = new Array(weights.length)
  let given = 0
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number
    const product = a0 * w
    const floor = Math.floor(product / total)
    shares[i] = a1 * w + floor
    remainders[i] = product - floor * total
    given += shares[i] as number
  }
  let left = magnitude - given
  if (left > 0) {
    const order = weights.map((_, i) => i)
    order.sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b)
    for (const i of order) {
      if (left === 0) break
      shares[i] = (shares[i] as number) + 1
      left -= 1
    }
  }
  return cents < 0 ? shares.map((s) => (s === 0 ? 0 : -s)) : shares
}

function scaleOf(value: Decimal): number {
  return value.decimalPlaces()
}

/**
 * The same split for Decimals: an amount in euros (whole cents) shared by keys of any scale
 * (percentages, hours, square metres…).
 *
 * @example splitAmount(new Decimal('58000'), [562, 402, 321, 193, 129].map((h) => new Decimal(h)))
 * // 20283.76, 14509.02, 11585.56, 6965.78, 4655.88 (notes B.4: naive rounding loses a cent)
 */
export function splitAmount(amount: Decimal, weights: readonly Decimal[]): Decimal[] {
  const text = amount.toFixed()
  const cents = isAmountString(text) ? centsOf(text) : undefined
  if (cents === undefined) {
    throw new AciError(
      'budget_invalide',
      `montant : montant en euros attendu, au plus deux décimales, reçu ${text}.`,
      'montant'
    )
  }
  const scale = Math.max(0, ...weights.map(scaleOf))
  const factor = 10 ** scale
  const scaled = weights.map((w) => {
    if (w.isNegative() || !w.isFinite()) {
      throw new AciError(
        'budget_invalide',
        `clés : clés positives ou nulles attendues, reçu ${w.toFixed()}.`,
        'cles'
      )
    }
    return w.times(factor).toNumber()
  })
  try {
    return splitCents(cents, scaled).map(centsToDecimal)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    throw new AciError(
      'budget_invalide',
      'clés : clés trop grandes ou trop précises pour une répartition exacte.',
      'cles'
    )
  }
}
