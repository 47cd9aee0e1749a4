// Amounts as whole cents in safe integers: exact like decimal.js, and cheap enough for 10 000-line budgets.
import { Decimal } from '../money'
import { isDigit } from '../text/chars'

// Three forms of one amount, each with its job: `Decimal` for arithmetic (money.ts), `Cents` for
// sums over thousands of lines, `AmountString` on the wire and in documents.

/** An amount in whole cents, a safe integer: 123450 for 1 234,50 €. */
export type Cents = number

/** An amount as documents and the wire write it: euros, decimal point, at most two decimals ("1234.50"). */
export type AmountString = string

/**
 * "1234.5" → 123450. At most 13 digits before the point (the limit of `isAmountString`), so
 * every line amount is below 10^15 cents, well inside 2^53: integer arithmetic on it is exact.
 * Returns undefined for anything that is not such an amount. Read character by character: it
 * runs for every line and every part of a split.
 */
export function centsOf(text: AmountString): Cents | undefined {
  const length = text.length
  let i = text.charCodeAt(0) === 45 ? 1 : 0 // '-'
  const negative = i === 1
  let euros = 0
  let digits = 0
  while (i < length) {
    const c = text.charCodeAt(i)
    if (!isDigit(c)) break
    euros = euros * 10 + (c - 48)
    digits += 1
    i += 1
  }
  if (digits === 0 || digits > 13) return undefined
  let cents = 0
  if (i < length) {
    if (text.charCodeAt(i) !== 46 || length - i - 1 < 1 || length - i - 1 > 2) return undefined // '.'
    const first = text.charCodeAt(i + 1) - 48
    const second = i + 2 < length ? text.charCodeAt(i + 2) - 48 : 0
    if (first < 0 || first > 9 || second < 0 || second > 9) return undefined
    cents = first * 10 + second
  }
  const total = euros * 100 + cents
  return negative && total !== 0 ? -total : total
}

/** 123450 → "1234.50", the wire form of an amount (exact: no division of a float). */
export function centsToString(cents: Cents): AmountString {
  const magnitude = Math.abs(cents)
  const euros = Math.floor(magnitude / 100)
  const rest = magnitude - euros * 100
  return `${cents < 0 ? '-' : ''}${euros}.${rest < 10 ? '0' : ''}${rest}`
}

/**
 * Whether an amount is written as centsToString writes it (/^(?:0|-?[1-9]\d*)\.\d\d$/, and
 * « -0.05 » but never « -0.00 »), read character by character: it is asked of every amount of
 * every budget read. `separator`: the decimal separator's code, a comma (44) for an amount as a
 * French file writes it.
 */
export function isCanonicalAmount(text: string, separator = 46): boolean {
  const length = text.length
  const point = length - 3
  if (point < 1 || text.charCodeAt(point) !== separator) return false
  const tenth = text.charCodeAt(point + 1)
  const hundredth = text.charCodeAt(point + 2)
  if (!isDigit(tenth) || !isDigit(hundredth)) return false
  const start = text.charCodeAt(0) === 45 /* - */ ? 1 : 0
  if (start === point) return false
  if (text.charCodeAt(start) === 48 /* 0 */) {
    // Zero euros: « 0 » alone before the point, and a minus only before some cents.
    return point === start + 1 && (start === 0 || tenth !== 48 || hundredth !== 48)
  }
  for (let i = start; i < point; i++) if (!isDigit(text.charCodeAt(i))) return false
  return true
}

/** 123450 → 1234.50 as a Decimal. */
export function centsToDecimal(cents: Cents): Decimal {
  return new Decimal(centsToString(cents))
}

/**
 * A running total of cents. It adds safe integers while the total stays safe and carries the
 * rest in a Decimal, so that no sum of any number of lines can lose a cent.
 */
export class CentsTotal {
  private small = 0
  private big: Decimal | undefined

  add(cents: Cents): void {
    const next = this.small + cents
    if (Number.isSafeInteger(next)) {
      this.small = next
    } else {
      this.big = (this.big ?? new Decimal(0)).plus(this.small).plus(cents)
      this.small = 0
    }
  }

  /** The total in cents as a Decimal (an integer). */
  cents(): Decimal {
    return this.big === undefined ? new Decimal(this.small) : this.big.plus(this.small)
  }

  /** The total in euros. */
  euros(): Decimal {
    return this.big === undefined ? centsToDecimal(this.small) : this.cents().div(100)
  }
}
