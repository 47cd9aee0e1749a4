// Calendar dates as ISO strings (YYYY-MM-DD): what contracts and rate tables are dated with.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 for a valid calendar date, or undefined. */
function dayNumber(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined
  const time = Date.UTC(year, month - 1, day)
  const date = new Date(time)
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined
  }
  return time / 86_400_000
}

/** Is this text a real calendar date written YYYY-MM-DD? */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text)
  if (!match) return false
  return dayNumber(Number(match[1]), Number(match[2]), Number(match[3])) !== undefined
}

/** Days since 1970-01-01 of an ISO date (already checked). */
export function dayNumberFromIso(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
    86_400_000
  )
}

/** "2025-01-31" → "31/01/2025", as French Excel writes a date. */
export function frenchDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

/** "31/01/2025" (or "1/2/2025") → "2025-01-31"; undefined for any other text. */
export function isoFromFrenchDate(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)
  return match === null
    ? undefined
    : `${match[3]}-${(match[2] as string).padStart(2, '0')}-${(match[1] as string).padStart(2, '0')}`
}

// Excel's day zero for serials from 61 on: 1899-12-30, because Excel counts a 29 February 1900
// that never existed (a Lotus 1-2-3 compatibility choice kept by Microsoft).
const EXCEL_EPOCH_DAY = Date.UTC(1899, 11, 30) / 86_400_000
/** 9999-12-31, the last date Excel can hold. */
const LAST_SERIAL = 2_958_465

/**
 * The ISO date of an Excel day serial (a cell shown with a date format), the time of day
 * dropped; undefined outside 01/01/1900–31/12/9999. Serials 1 to 60 are shifted by the
 * phantom 29 February 1900.
 */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= LAST_SERIAL + 1) return undefined
  const day = Math.floor(serial)
  const days = day >= 61 ? day : day + 1
  return new Date((EXCEL_EPOCH_DAY + days) * 86_400_000).toISOString().slice(0, 10)
}

let cachedToday: { minute: number; iso: string } | undefined

/** The last Sunday of a month (0-based) of a year, as a day of the month (UTC calendar). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0))
  return last.getUTCDate() - last.getUTCDay()
}

/**
 * Metropolitan France's offset from UTC at an instant, in hours: CET (+1), or CEST (+2) from the last
 * Sunday of March to the last Sunday of October, both at 01:00 UTC (Directive 2000/84/EC, in force
 * since 2001; the same rule applied from 1996). Arithmetic rather than `Intl` with a time zone: that
 * costs tens of milliseconds at the first call of a page, and some runtimes lack the zone data.
 */
export function parisOffsetHours(instant: number): 1 | 2 {
  const year = new Date(instant).getUTCFullYear()
  const start = Date.UTC(year, 2, lastSunday(year, 2), 1)
  const end = Date.UTC(year, 9, lastSunday(year, 9), 1)
  return instant >= start && instant < end ? 2 : 1
}

/**
 * Today's date in France (Europe/Paris), which decides the version in force when none is given.
 * Read once a minute at most: the functions are called for thousands of cells in one recalculation.
 */
export function todayInFrance(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000)
  if (cachedToday && cachedToday.minute === minute) return cachedToday.iso
  const instant = now.getTime()
  const iso = new Date(instant + parisOffsetHours(instant) * 3_600_000).toISOString().slice(0, 10)
  cachedToday = { minute, iso }
  return iso
}
