// A time sheet read back into the register: the entries through the core's CSV reader (the sheet keeps the CSV's columns), the rates and the alert threshold beside them.
import {
  AciError,
  Decimal,
  excelSerialToIso,
  frenchDate,
  isAciError,
  isoFromFrenchDate,
  type Registre,
  registreFromCsv,
} from '../../../shared'
import type { CellValue } from '../workbook/plan'
import type { TableData } from '../workbook/workbook'
import { PARAM_ROWS, TAUX_HEADERS, TEMPS_HEADERS } from './time-plan'

const invalid = (message: string, argument: string) =>
  new AciError('registre_invalide', message, argument)

const text = (value: CellValue | undefined) =>
  value === null || value === undefined ? '' : String(value).trim()

function column(table: TableData, header: string): number {
  const k = table.headers.indexOf(header)
  if (k < 0) {
    throw invalid(
      `Tableau ${table.name} : la colonne « ${header} » est introuvable ; ne renommez pas les en-têtes du tableau généré.`,
      table.name
    )
  }
  return k
}

/** A date cell (a serial, or text typed as 15/03/2026 or 2026-03-15) as ISO; undefined when empty. */
function isoOf(value: CellValue, where: string): string | undefined {
  if (value === null || text(value) === '') return undefined
  const iso =
    typeof value === 'number'
      ? excelSerialToIso(value)
      : /^\d{4}-\d{2}-\d{2}$/.test(text(value))
        ? text(value)
        : isoFromFrenchDate(text(value))
  if (iso === undefined)
    throw invalid(`${where} : date attendue (jj/mm/aaaa), reçu « ${text(value)} ».`, where)
  return iso
}

const DATE_COLUMNS = new Set<string>([TEMPS_HEADERS.date, TEMPS_HEADERS.verse])
const COMPUTED = new Set<string>([TEMPS_HEADERS.taux, TEMPS_HEADERS.montant])

/** A cell as French Excel saves it in a CSV: dates dd/mm/yyyy, decimal comma, quotes where needed. */
function csvCell(value: CellValue, header: string, where: string): string {
  if (value === null) return ''
  if (typeof value === 'boolean') return value ? 'oui' : 'non'
  const shown =
    DATE_COLUMNS.has(header) && typeof value === 'number'
      ? frenchDate(isoOf(value, where) as string)
      : typeof value === 'number'
        ? String(value).replace('.', ',')
        : value
  return /[;"\r\n]/.test(shown) ? `"${shown.replaceAll('"', '""')}"` : shown
}

/** The rates table as the register takes them; lines without a rate are not decided yet and left out. */
function ratesOf(table: TableData): Record<string, string>[] {
  const cible = column(table, TAUX_HEADERS.cible)
  const type = column(table, TAUX_HEADERS.type)
  const depuis = column(table, TAUX_HEADERS.depuis)
  const horaire = column(table, TAUX_HEADERS.horaire)
  return table.rows.flatMap((row, r) => {
    const rate = row[horaire] ?? null
    if (text(rate) === '') return []
    const where = `${table.name}, ligne ${r + 1}`
    const name = text(row[cible])
    if (name === '')
      throw invalid(`${where} : profession ou personne attendue pour ce taux.`, where)
    const kind = text(row[type]).toLowerCase() === 'personne' ? 'personne' : 'profession'
    const from = isoOf(row[depuis] ?? null, `${where}, « ${TAUX_HEADERS.depuis} »`)
    if (from === undefined) throw invalid(`${where} : date d’effet du taux attendue.`, where)
    const amount =
      typeof rate === 'number'
        ? new Decimal(String(rate)).toFixed()
        : text(rate)
            .replace(/[\s\u00a0\u202f€]/g, '')
            .replace(',', '.')
    return [{ [kind]: name, depuis: from, horaire: amount }]
  })
}

/** The rates and the alert threshold of a time sheet, as the register's document takes them. */
export function ratesOfSheet(
  parametres: TableData,
  taux: TableData
): { taux: Record<string, string>[]; seuilAlerte: string | undefined } {
  const seuil = parametres.rows.find((r) => text(r[0]) === PARAM_ROWS.alerte)?.[1] ?? null
  return {
    taux: ratesOf(taux),
    seuilAlerte: text(seuil) === '' ? undefined : new Decimal(String(seuil)).toFixed(),
  }
}

export interface TimeSheet {
  readonly registre: Registre
  readonly annee: number
}

/**
 * Reads the entries, rates and threshold of a time sheet. The entries go through registreFromCsv
 * as CSV lines, so that the sheet and the file have one reader; its errors name the table and its
 * line (1 = the first line under the header). Lines with no date, person nor hours are blank lines.
 */
export function readTime(
  parametres: TableData,
  taux: TableData,
  temps: TableData,
  exercice: { readonly debut: string; readonly fin: string } | undefined
): TimeSheet {
  const param = (label: string) => parametres.rows.find((r) => text(r[0]) === label)?.[1] ?? null
  const annee = Number(param(PARAM_ROWS.annee))
  const rates = ratesOfSheet(parametres, taux)
  const keys = [TEMPS_HEADERS.date, TEMPS_HEADERS.personne, TEMPS_HEADERS.heures].map((h) =>
    column(temps, h)
  )
  const keep = temps.headers.map((h) => !COMPUTED.has(h))
  const lineOf = new Map<number, number>()
  const lines = [temps.headers.filter((_, k) => keep[k]).join(';')]
  temps.rows.forEach((row, r) => {
    if (keys.every((k) => text(row[k]) === '')) return
    lineOf.set(lines.length + 1, r + 1)
    lines.push(
      row
        .flatMap((cell, k) =>
          keep[k] ? [csvCell(cell, temps.headers[k] ?? '', `${temps.name}, ligne ${r + 1}`)] : []
        )
        .join(';')
    )
  })
  const options = {
    ...(rates.seuilAlerte === undefined ? {} : { seuilAlerte: rates.seuilAlerte }),
    ...(exercice === undefined ? {} : { exercice }),
  }
  try {
    return {
      registre: registreFromCsv(lines.join('\r\n'), { taux: rates.taux, options }).registre,
      annee,
    }
  } catch (error) {
    if (!isAciError(error)) throw error
    const where = /^ligne (\d+), ([^:]+?) : /.exec(error.message)
    const row = where === null ? undefined : lineOf.get(Number(where[1]))
    if (where !== null && row !== undefined) {
      const at = `${temps.name}, ligne ${row}, colonne « ${where[2]} »`
      throw invalid(`${at} : ${error.message.slice(where[0].length)}`, at)
    }
    // An error in the rates: `registre.taux[2]…` is the third rate kept, said as it is.
    throw invalid(`${taux.name} ou ${temps.name} : ${error.message}`, temps.name)
  }
}
