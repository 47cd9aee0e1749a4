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

/**
 * The one rounding rule of the product: to the cent, half up (0.005 → 0.01).
 * The ACI texts give no rounding rule (see notes-aci-rates §9.7): every amount
 * we publish is rounded here, and only here.
 */
export function roundToCent(amount: Decimal): Decimal {
  // An amount already in whole cents is its own rounding (a Decimal never changes): most are.
  return amount.decimalPlaces() <= 2 ? amount : amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
}

const centsOfAmount = new WeakMap<Decimal, number>()

/** A Decimal amount in whole cents as a safe integer, remembered for the long-lived amounts of rate tables. */
function wholeCentsOf(amount: Decimal): number | undefined {
  let cents = centsOfAmount.get(amount)
  if (cents === undefined) {
    const scaled = amount.times(100)
    if (!scaled.isInteger() || scaled.abs().gt(Number.MAX_SAFE_INTEGER)) return undefined
    cents = scaled.toNumber()
    centsOfAmount.set(amount, cents)
  }
  return cents
}

/**
 * amount × factor rounded to the cent: exactly `roundToCent(amount.times(factor))`.
 * For a number factor (what Excel passes) the product is computed in whole integers when it
 * fits in 2^53, the factor being read as its shortest decimal form, as decimal.js reads it;
 * the tests prove both paths give the same cent on random inputs.
 */
export function timesToCent(amount: Decimal, factor: Decimal | number): Decimal {
  if (typeof factor === 'number') {
    const fast = integerProductToCent(amount, factor)
    if (fast !== undefined) return fast
    return roundToCent(amount.times(new Decimal(factor)))
  }
  return roundToCent(amount.times(factor))
}

function integerProductToCent(amount: Decimal, factor: number): Decimal | undefined {
  const cents = wholeCentsOf(amount)
  if (cents === undefined || !Number.isFinite(factor)) return undefined
  const shortest = String(Math.abs(factor))
  if (shortest.includes('e')) return undefined
  const dot = shortest.indexOf('.')
  const decimals = dot < 0 ? 0 : shortest.length - dot - 1
  if (decimals > 15) return undefined
  const scale = 10 ** decimals
  const scaled = Math.abs(factor) * scale
  // Below 2^50 the float product is within 1/4 of the integer digits of the shortest form.
  if (scaled >= 2 ** 50) return undefined
  const digits = Math.round(scaled)
  const product = Math.abs(cents) * digits
  if (product > Number.MAX_SAFE_INTEGER) return undefined
  const remainder = product % scale
  let rounded = (product - remainder) / scale
  if (2 * remainder >= scale) rounded += 1 // half up, away from zero as ROUND_HALF_UP does
  const negative = rounded !== 0 && cents < 0 !== factor < 0
  const euros = Math.floor(rounded / 100)
  const cent = rounded - euros * 100
  return new Decimal(`${negative ? '-' : ''}${euros}.${cent < 10 ? '0' : ''}${cent}`)
}

/** The wire form of an amount: a plain decimal string with two decimals ("12500.00"). */
export function toAmountString(amount: Decimal): string {
  return fixedCents(roundToCent(amount))
}

/**
 * toFixed(2) of an amount in whole cents, from its shortest form ("12.5" → "12.50"): what
 * decimal.js's toFixed gives, without working out every digit again (a report writes hundreds).
 */
function fixedCents(amount: Decimal): string {
  const text = amount.toString()
  if (text.includes('e')) return amount.toFixed(2)
  const dot = text.indexOf('.')
  if (dot === -1) return `${text}.00`
  return text.length - dot === 2 ? `${text}0` : text
}

/** A number for the Excel edge only: the cent-rounded amount, converted once at the edge. */
export function toExcelNumber(amount: Decimal): number {
  return (amount.decimalPlaces() <= 2 ? amount : roundToCent(amount)).toNumber()
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
