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

let cachedToday: { minute: number; iso: string } | undefined

/**
 * Today's date in France (Europe/Paris), which decides the version in force when none is given.
 * Read once a minute at most: the functions are called for thousands of cells in one recalculation.
 */
export function todayInFrance(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000)
  if (cachedToday && cachedToday.minute === minute) return cachedToday.iso
  let iso: string
  try {
    // en-CA formats as YYYY-MM-DD.
    iso = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now)
    if (!isIsoDate(iso)) iso = now.toISOString().slice(0, 10)
  } catch {
    // A runtime without time-zone data: UTC is at most one day off around midnight.
    iso = now.toISOString().slice(0, 10)
  }
  cachedToday = { minute, iso }
  return iso
}
