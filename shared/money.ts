// Exact money: every amount is a decimal.js value, rounded to the cent in one place only.
import DecimalJs from 'decimal.js'

/** A private decimal.js constructor, so nothing else in the page or the Worker can change our settings. */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -20,
  toExpPos: 30,
})
export type Decimal = InstanceType<typeof Decimal>

export const ZERO = new Decimal(0)
export const ONE = new Decimal(1)
export const HUNDRED = new Decimal(100)

/**
 * The one rounding rule of the product: to the cent, half up (0.005 → 0.01).
 * The ACI texts give no rounding rule (see notes-aci-rates §9.7): every amount
 * we publish is rounded here, and only here.
 */
export function roundToCent(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
}

/** The wire form of an amount: a plain decimal string with two decimals ("12500.00"). */
export function toAmountString(amount: Decimal): string {
  return roundToCent(amount).toFixed(2)
}

/** A number for the Excel edge only: the cent-rounded amount, converted once at the edge. */
export function toExcelNumber(amount: Decimal): number {
  return roundToCent(amount).toNumber()
}

const AMOUNT_PATTERN = /^-?\d{1,13}(\.\d{1,2})?$/

/** Is this string an amount in euros with at most two decimals ("1234", "1234.5", "-12.34")? */
export function isAmountString(text: string): boolean {
  return AMOUNT_PATTERN.test(text)
}

/** Sums amounts exactly. */
export function sum(amounts: Iterable<Decimal>): Decimal {
  let total = ZERO
  for (const amount of amounts) total = total.plus(amount)
  return total
}
