// Calendar arithmetic on ISO dates for contract years: anniversaries, months after a date, days between dates.
import { dayNumberFromIso } from '../dates'

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

/** Days since 1970-01-01 → YYYY-MM-DD. */
export function isoFromDayNumber(day: number): string {
  const date = new Date(day * 86_400_000)
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * The same day `months` months later; a day the target month lacks becomes its last day
 * (31/01 + 1 month = 28/02 or 29/02; an anniversary of 29/02 falls on 28/02 in common years).
 */
export function addMonths(iso: string, months: number): string {
  const year = Number(iso.slice(0, 4))
  const month = Number(iso.slice(5, 7)) - 1 + months
  const targetYear = year + Math.floor(month / 12)
  const targetMonth = ((month % 12) + 12) % 12
  const day = Math.min(Number(iso.slice(8, 10)), daysInMonth(targetYear, targetMonth + 1))
  return `${pad(targetYear, 4)}-${pad(targetMonth + 1, 2)}-${pad(day, 2)}`
}

/** The `years`-th anniversary of a date (29/02 → 28/02 in common years). */
export function addYears(iso: string, years: number): string {
  return addMonths(iso, 12 * years)
}

export function addDays(iso: string, days: number): string {
  return isoFromDayNumber(dayNumberFromIso(iso) + days)
}

/** Days from `from` (counted) to `to` (not counted): 15/10/2022 → 15/04/2023 = 182. */
export function daysBetween(from: string, to: string): number {
  return dayNumberFromIso(to) - dayNumberFromIso(from)
}

/**
 * Months begun from `from` to `to` (not counted): the smallest m with from + m months ≥ to.
 * 15/10/2022 → 15/04/2023 = 6; 16/10/2022 → 15/04/2023 = 6 (the month begun counts in full).
 */
export function monthsBegun(from: string, to: string): number {
  let months = 0
  while (addMonths(from, months) < to) months += 1
  return months
}
