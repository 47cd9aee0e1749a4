// What Excel passes to a custom function, made into what the core takes: one value, a version reference, a list of codes.
import { AciError, bundledCatalog, describeValue, type VersionRef } from '../../shared'
import { isoFromExcelSerial } from './dates'

/**
 * One value from an argument. A reference to one cell can arrive as a 1×1 matrix, [[value]]:
 * that is the cell's value. A larger range is passed on unchanged, and the core's validators
 * reject it as « une plage de plusieurs cellules », naming the argument.
 */
export function single(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 1) {
    const row: unknown = value[0]
    if (Array.isArray(row) && row.length === 1) return row[0]
  }
  return value
}

/** An empty cell or an omitted argument (Excel passes null for both; a formula can yield ""). */
export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === ''
}

/*
 * Empty cells, the same on every platform. Excel for Windows passes an empty referenced cell as 0
 * where Excel on the web passes null (office-js#4702, #5262), and on Windows nothing tells that
 * 0 from a typed 0. So:
 * - a number (a rate, an amount) from an empty cell reads as 0 everywhere, null and "" included;
 * - a text or date argument (version, phase, prorata, sens, a mission of a list, a start date)
 *   from an empty cell — null, "" or 0 — is absent, as if omitted;
 * - only an omitted argument takes the default its help documents. Excel passes an omitted
 *   argument as null; a range argument (a rate range) that is given always arrives as a matrix,
 *   [[null]] or [[0]], so that omitting it and pointing at empty cells stay apart.
 */

/** Was a range argument omitted (null, nothing), rather than given as a range, empty or not? */
export function isOmitted(value: unknown): boolean {
  return value === null || value === undefined
}

/**
 * One number from an argument, an empty cell read as 0 on every platform (null or "" as the web
 * passes it, 0 as Windows does). Anything else is passed on for the core to judge.
 */
export function numberCell(value: unknown): unknown {
  const one = single(value)
  return isEmpty(one) ? 0 : one
}

/**
 * Refuses a date before another of the same contract (a closing date before the signature):
 * #VALEUR! with both dates in French, rather than a silent 0.
 */
export function notBefore(date: string, floor: string, argument: string, what: string): void {
  if (date >= floor) return
  const french = (iso: string) => iso.split('-').reverse().join('/')
  throw new AciError(
    'date_invalide',
    `${argument} : ${what} du ${french(date)} antérieure à la signature du contrat (${french(floor)}) ; date postérieure à la signature attendue.`,
    argument
  )
}

/**
 * One value of an argument that has no numeric meaning (phase, version, a mission of a list).
 * Excel for Windows passes an empty cell as 0 where Excel on the web passes null
 * (office-js#4702, #5262), so 0 reads as empty here. Where 0 means something (taille, taux,
 * population) it is passed on, and the core judges it.
 */
export function optional(value: unknown): unknown {
  const one = single(value)
  return one === 0 ? null : one
}

/**
 * The `version` argument: empty → the version in force today; text → a version id or an ISO
 * date, resolved by the core; a number → an Excel date, the version in force on that day.
 */
export function versionRef(value: unknown, argument = 'version'): VersionRef {
  const version = optional(value)
  if (isEmpty(version)) return undefined
  if (typeof version === 'string') return version
  if (typeof version === 'number') return isoFromExcelSerial(version, argument)
  const ids = bundledCatalog()
    .tables.map((t) => t.id)
    .join(', ')
  throw new AciError(
    'date_invalide',
    `${argument} : version du barème attendue, un identifiant (${ids}) ou une date, reçu ${describeValue(version)}.`,
    argument
  )
}

/**
 * A list of codes (a range, an array constant or one value): its cells row by row, empty cells
 * (null, "" or the 0 of Excel for Windows) left out; undefined when the argument is omitted.
 */
export function codesOf(value: unknown): unknown[] | undefined {
  if (value === null || value === undefined) return undefined
  const cells: unknown[] = Array.isArray(value) ? value.flat() : [value]
  return cells.filter((cell) => !isEmpty(cell) && cell !== 0)
}

/**
 * The cells of a range argument row by row, empty ones kept in place (a tier's threshold and
 * amount are matched by position); one value when a single value is given.
 */
export function cellsOf(value: unknown): unknown[] {
  if (value === null || value === undefined) return []
  return Array.isArray(value) ? value.flat() : [value]
}
