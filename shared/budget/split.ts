// Splitting an amount by keys without creating or losing a cent: the largest-remainder (Hamilton) method.
import { AciError } from '../errors'
import { Decimal, isAmountString } from '../money'
import { type Cents, centsOf, centsToDecimal } from './cents'

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
  // The cents left over are fewer than the shares: each goes to the largest remainder not yet
  // served, the earlier share on a tie. A scan per cent rather than a sort: no array, no closure
  // (this runs for every split of every budget line).
  for (let left = magnitude - given; left > 0; left--) {
    let best = -1
    for (let i = 0; i < remainders.length; i++) {
      if (best === -1 || (remainders[i] as number) > (remainders[best] as number)) best = i
    }
    shares[best] = (shares[best] as number) + 1
    remainders[best] = -1 // served: below every remainder, which are never negative
  }
  return signed(shares, cents)
}

/**
 * The method's one step after the floors: the cents left over go one each to the shares with
 * the largest remainders (`compare` orders two shares by remainder), equal remainders to the
 * earlier share.
 */
function giveLeftover(
  shares: number[],
  left: number,
  compare: (a: number, b: number) => number
): void {
  if (left <= 0) return
  const order = shares.map((_, i) => i)
  order.sort((a, b) => compare(b, a) || a - b)
  for (const i of order) {
    if (left === 0) break
    shares[i] = (shares[i] as number) + 1
    left -= 1
  }
}

/** Shares of a magnitude, given the sign of the amount split. */
function signed(shares: number[], cents: Cents): number[] {
  return cents < 0 ? shares.map((s) => (s === 0 ? 0 : -s)) : shares
}

/**
 * splitCents for weights of any size (safe non-negative integers): its integer arithmetic when
 * exact, else the same method with the exact shares in decimals (weights of planned amounts
 * above a million euros can overflow 2^53 in splitCents's products).
 */
export function splitInProportion(cents: Cents, weights: readonly number[]): Cents[] {
  let total = 0
  let largest = 0
  for (const w of weights) {
    total += w
    if (w > largest) largest = w
  }
  if (total * largest <= MAX_SAFE) return splitCents(cents, weights)
  const magnitude = Math.abs(cents)
  const exact = weights.map((w) => new Decimal(magnitude).times(w).div(total))
  const shares = exact.map((e) => e.floor().toNumber())
  const remainders = exact.map((e, i) => e.minus(shares[i] as number))
  let given = 0
  for (const share of shares) given += share
  giveLeftover(shares, magnitude - given, (a, b) =>
    (remainders[a] as Decimal).comparedTo(remainders[b] as Decimal)
  )
  return signed(shares, cents)
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
