// Dates between ISO strings (the core's form) and Excel's day serials (a cell shown with a date format).
import { AciError, describeValue, excelSerialToIso } from '../../shared'

// Excel's day zero for serials from 61 on: 1899-12-30, because Excel counts a 29 February 1900
// that never existed (a Lotus 1-2-3 compatibility choice kept by Microsoft).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const DAY_MS = 86_400_000

// Dates seen before: a workbook recalculates the same contract dates in thousands of cells,
// and formatting a Date costs more than the rate lookup itself.
const isoBySerial = new Map<number, string>()

/**
 * The ISO date (YYYY-MM-DD) of an Excel date serial, as a cell holding a date passes it: the
 * core's conversion, refused in French outside 01/01/1900–31/12/9999, cached per day.
 */
export function isoFromExcelSerial(serial: number, argument = 'version'): string {
  const day = Math.floor(serial)
  const seen = isoBySerial.get(day)
  if (seen !== undefined) return seen
  const iso = excelSerialToIso(serial)
  if (iso === undefined) {
    throw new AciError(
      'date_invalide',
      `${argument} : date attendue (une cellule au format date, du 01/01/1900 au 31/12/9999), reçu ${describeValue(serial)}.`,
      argument
    )
  }
  if (isoBySerial.size < 10_000) isoBySerial.set(day, iso)
  return iso
}

/** 2026-01-01 → 46023: the serial Excel stores for an ISO date (from 1 March 1900 on), the inverse of isoFromExcelSerial. */
export function excelSerial(iso: string): number {
  return (Date.parse(`${iso}T00:00:00Z`) - EXCEL_EPOCH_MS) / DAY_MS
}
