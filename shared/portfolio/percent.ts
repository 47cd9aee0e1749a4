// Percentages of the portfolio in whole hundredths of a percent (basis points), exact on integer cents, written "87.50" as the reports write them.
import type { Cents } from '../budget'

/** floor(a / b) for safe integers, b > 0, without the rounding of a float division. */
function floorDiv(a: number, b: number): number {
  const r = ((a % b) + b) % b
  return (a - r) / b
}

/** part / whole in basis points (87.5 % → 8750), half up as the reports' percentOf; null when whole ≤ 0. */
export function basisPoints(part: Cents, whole: Cents): number | null {
  if (whole <= 0) return null
  // part × 10 000 stays below 2^53 for amounts under 9 × 10^11 cents (9 billion euros).
  return floorDiv(2 * part * 10_000 + whole, 2 * whole)
}

/** 8750 → "87.50", -5 → "-0.05". */
export function percentString(bp: number): string {
  const sign = bp < 0 ? '-' : ''
  const abs = Math.abs(bp)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** "87.50" → 8750: a percent string as the reports write it (two decimals). */
export function basisPointsOf(text: string): number {
  const negative = text.startsWith('-')
  const [units = '0', decimals = ''] = (negative ? text.slice(1) : text).split('.')
  const bp = Number(units) * 100 + Number(decimals.padEnd(2, '0').slice(0, 2))
  return negative ? -bp : bp
}

/**
 * The p-quantile of sorted values, by linear interpolation between order statistics: h = (n − 1)·p,
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). Hyndman and Fan's type 7, R's default, and what Excel's
 * QUARTILE.INC and PERCENTILE.INC compute, so a reader can check the sheet with Excel's own
 * functions. p is a quarter (0.25, 0.5, 0.75): computed in quarter basis points, rounded half up.
 */
export function quartile(sorted: ArrayLike<number>, quarters: 1 | 2 | 3): number {
  const n = sorted.length
  const h4 = (n - 1) * quarters // 4·h
  const lo = Math.floor(h4 / 4)
  const k = h4 - 4 * lo // 4·(h − ⌊h⌋), 0 to 3
  const a = sorted[lo] as number
  const b = (k === 0 ? a : sorted[lo + 1]) as number
  return floorDiv(2 * (4 * a + k * (b - a)) + 4, 8)
}
