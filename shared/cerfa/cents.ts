// Sums of cents for the form's rows: bigint, so that no number of lines can lose a cent.
import type { AmountString } from '../index'

/** -123450n → "-1234.50", the wire form of an amount. */
export function amountOf(cents: bigint): AmountString {
  const negative = cents < 0n
  const magnitude = negative ? -cents : cents
  const euros = magnitude / 100n
  const rest = magnitude % 100n
  return `${negative ? '-' : ''}${euros}.${rest < 10n ? '0' : ''}${rest}`
}

/** "1234.50" (an amount the core has already checked) → 123450n. */
export function centsFrom(amount: AmountString): bigint {
  const negative = amount.startsWith('-')
  const [euros = '0', cents = ''] = (negative ? amount.slice(1) : amount).split('.')
  const value = BigInt(euros) * 100n + BigInt(cents.padEnd(2, '0') || '0')
  return negative ? -value : value
}

/** Floor division by a positive divisor (bigint division truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return a % b !== 0n && a < 0n ? q - 1n : q
}

/** Cents to the nearest euro, half away from zero as the product's rounding (money.ts: ROUND_HALF_UP). */
function toWholeEuro(cents: bigint): bigint {
  const magnitude = ((cents < 0n ? -cents : cents) + 50n) / 100n
  return (cents < 0n ? -magnitude : magnitude) * 100n
}

/**
 * Amounts in cents rounded to whole euros so that they still add up to their total rounded to
 * the euro (half away from zero): each is floored to the euro, and the euros left go to the largest
 * remainders, the first in order on a tie. The form asks « Ne pas indiquer les centimes
 * d’euros » and its totals must stay the sums of its rows (notes B.3, A.8 #5). `total`, a
 * whole number of euros, is the one to reach when it is already fixed (a chapter rounded with
 * the others of its column, for its detail rows).
 */
export function wholeEuros(amounts: readonly bigint[], total?: bigint): bigint[] {
  const floors = amounts.map((a) => floorDiv(a, 100n) * 100n)
  const target = total ?? toWholeEuro(amounts.reduce((s, a) => s + a, 0n))
  let left = (target - floors.reduce((s, f) => s + f, 0n)) / 100n
  const order = amounts
    .map((a, i) => ({ i, rest: a - (floors[i] as bigint) }))
    .sort((x, y) => (x.rest === y.rest ? x.i - y.i : x.rest > y.rest ? -1 : 1))
  const out = [...floors]
  for (const { i } of order) {
    if (left <= 0n) break
    out[i] = (out[i] as bigint) + 100n
    left -= 1n
  }
  return out
}
