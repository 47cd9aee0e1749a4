// An indicators sheet read back: the annex through the core's CSV reader (one reader for the layout it shares), the observed values, the evidence and the context.
import {
  AciError,
  type Annexe,
  actionsOf,
  annexeFromCsv,
  isAciError,
  readDone,
} from '../../../shared'
import type { CellValue } from '../workbook/plan'
import type { TableData } from '../workbook/workbook'
import { CONTEXTE_ROWS, LIVRABLE_HEADERS, OBSERVATION_HEADERS } from './indicators-plan'

export interface IndicatorsSheet {
  readonly annexe: Annexe
  /** By indicator id, the value as the cell holds it (the core reads it). */
  readonly observations: Readonly<Record<string, CellValue>>
  /** By action id, one provided-or-not per evidence item of the action, in its order. */
  readonly livrables: Readonly<Record<string, boolean[]>>
  readonly taille: CellValue
  readonly version: string | undefined
  readonly crise: boolean
}

const invalid = (message: string, argument: string) =>
  new AciError('contrat_invalide', message, argument)

/** A cell as French Excel would save it in a CSV: decimal comma, quotes where needed. */
function csvCell(value: CellValue): string {
  if (value === null) return ''
  if (typeof value === 'boolean') return value ? 'oui' : 'non'
  const text = typeof value === 'number' ? String(value).replace('.', ',') : value
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

const observationColumns = new Set<string>(Object.values(OBSERVATION_HEADERS))

/**
 * The annex columns of the indicators table as the annex CSV lays them out (the sheet was written
 * from annexeTable): read by annexeFromCsv, so the sheet and the file have one reader. Its errors
 * name the table and its line (1 = the first line under the header), as the budget's do.
 */
function annexeOf(table: TableData): Annexe {
  const keep = table.headers.map((h) => !observationColumns.has(h))
  const line = (cells: readonly CellValue[]) =>
    cells
      .filter((_, k) => keep[k])
      .map(csvCell)
      .join(';')
  const lines = [line(table.headers), ...table.rows.map(line)]
  // The CSV line each table row starts on: a cell of several lines (the evidence) takes more than one.
  const rowOfLine = new Map<number, number>()
  let physical = 1
  lines.forEach((l, r) => {
    rowOfLine.set(physical, r)
    physical += l.split('\n').length
  })
  try {
    return annexeFromCsv(lines.join('\r\n'))
  } catch (error) {
    if (!isAciError(error)) throw error
    const where = /^ligne (\d+), ([^:]+?) : /.exec(error.message)
    const row = where === null ? undefined : rowOfLine.get(Number(where[1]))
    if (where === null || row === undefined) {
      throw invalid(`Tableau ${table.name} : ${error.message}`, table.name)
    }
    const at = `${table.name}, ligne ${row}, colonne « ${where[2]} »`
    throw invalid(`${at} : ${error.message.slice(where[0].length)}`, at)
  }
}

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

const text = (value: CellValue | undefined) =>
  value === null || value === undefined ? '' : String(value).trim()

export function readIndicators(
  contexte: TableData,
  indicateurs: TableData,
  livrables: TableData
): IndicatorsSheet {
  const annexe = annexeOf(indicateurs)
  const idAt = column(indicateurs, 'Indicateur')
  const valueAt = column(indicateurs, OBSERVATION_HEADERS.valeur)
  const observations: Record<string, CellValue> = {}
  for (const row of indicateurs.rows) {
    const id = text(row[idAt])
    const value = row[valueAt] ?? null
    if (id !== '' && value !== null && text(value) !== '') observations[id] = value
  }

  const actionAt = column(livrables, LIVRABLE_HEADERS.action)
  const itemAt = column(livrables, LIVRABLE_HEADERS.livrable)
  const doneAt = column(livrables, LIVRABLE_HEADERS.fourni)
  const provided = new Set<string>()
  for (const row of livrables.rows) {
    if (readDone(row[doneAt] ?? null) === true) {
      provided.add(`${text(row[actionAt])}\n${text(row[itemAt])}`)
    }
  }
  const status: Record<string, boolean[]> = {}
  for (const action of actionsOf(annexe)) {
    if (action.livrables.length === 0) continue
    status[action.id] = action.livrables.map((l) => provided.has(`${action.id}\n${l.trim()}`))
  }

  const param = (label: string): CellValue => {
    const row = contexte.rows.find((r) => text(r[0]) === label)
    return row?.[1] ?? null
  }
  const crise = param(CONTEXTE_ROWS.crise)
  const reconnue = crise === null || text(crise) === '' ? false : readDone(crise)
  if (reconnue === undefined) {
    throw invalid(
      `Tableau ${contexte.name}, « ${CONTEXTE_ROWS.crise} » : oui ou non attendu, reçu « ${text(crise)} ».`,
      contexte.name
    )
  }
  const version = text(param(CONTEXTE_ROWS.version))
  return {
    annexe,
    observations,
    livrables: status,
    taille: param(CONTEXTE_ROWS.taille),
    version: version === '' ? undefined : version,
    crise: reconnue,
  }
}
