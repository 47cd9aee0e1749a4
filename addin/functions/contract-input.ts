// Excel's arguments of ACI.ECHEANCIER and ACI.PCA made into the contract the shared core takes.
import {
  AciError,
  bundledCatalog,
  type Contract,
  describeValue,
  isAciError,
  parseContract,
  parseMission,
  parseTaux,
} from '../../shared'
import { isEmpty, isOmitted, optional, single, versionRef } from '../excel/arguments'
import { isoFromExcelSerial } from '../excel/dates'

const YEARS = 5

/** Cells of a range row by row; a single value is a one-cell range. */
function cellsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value.flat() : [value]
}

/** A date as Excel passes it (a serial from a date cell) or as text AAAA-MM-JJ. */
export function dateArgument(value: unknown, argument: string): string {
  // An empty cell is null on the web and 0 on Windows: both say « reçu vide ».
  const one = optional(value)
  if (typeof one === 'number') return isoFromExcelSerial(one, argument)
  if (typeof one === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(one.trim())) return one.trim()
  throw new AciError(
    'date_invalide',
    `${argument} : date attendue (une cellule au format date, ou "AAAA-MM-JJ"), reçu ${describeValue(one)}.`,
    argument
  )
}

/** One taille, or five (one per contract year) from a range of five cells. */
function tailleArgument(value: unknown): unknown {
  // No taille is 0: the 0 of an empty cell on Windows is left out as the web's null is.
  const cells = cellsOf(value).filter((c) => !isEmpty(c) && c !== 0)
  if (cells.length === 1) return cells[0]
  if (cells.length === YEARS) return cells
  throw new AciError(
    'taille_invalide',
    `taille : une taille de 1 à 4, ou cinq (une par année de contrat), reçu ${cells.length} valeurs.`,
    'taille'
  )
}

/** "0.8" from 0,8 or 80 %: the decimal text of a rate, exactly as the cell holds it. */
function tauxText(value: unknown, argument: string): string {
  return parseTaux(value, argument).toFixed()
}

/**
 * The rates: omitted → 1 for every mission (the documented default); one value → every mission;
 * one per mission (a row or a column as long as `missions`); or a range of one row per mission
 * and five columns (one per contract year). An empty cell of a given range is a rate of 0 on
 * every platform (Windows passes it as 0, the web as null: see excel/arguments). For the crisis
 * mission, a rate of 1 means « crise reconnue » that year and 0 none: its variable part is all
 * or nothing (avenant 2 to the ACI CPTS, mission « crises sanitaires graves »).
 */
function tauxPerMission(value: unknown, count: number): (unknown[] | unknown | undefined)[] {
  if (isOmitted(value)) return Array.from({ length: count }, () => undefined)
  const zero = (cell: unknown) => (isEmpty(cell) ? 0 : cell)
  if (!Array.isArray(value)) return Array.from({ length: count }, () => zero(value))
  const rows = (value as unknown[][]).map((row) => (Array.isArray(row) ? row.map(zero) : zero(row)))
  const one = single(rows)
  if (!Array.isArray(one)) return Array.from({ length: count }, () => one)
  const width = (rows[0] as unknown[] | undefined)?.length ?? 0
  if (rows.length === count && width === YEARS) return rows
  const cells = rows.flat()
  if (cells.length === 1) return Array.from({ length: count }, () => cells[0])
  if (cells.length === count) return cells
  throw new AciError(
    'taux_invalide',
    `taux : un taux, un par mission (${count}), ou une plage de ${count} ligne(s) sur 5 colonnes (une par année de contrat), reçu ${rows.length} × ${width}.`,
    'taux'
  )
}

export interface ContractArguments {
  readonly signature: unknown
  readonly taille: unknown
  readonly missions: unknown
  readonly debuts: unknown
  readonly taux?: unknown
  readonly prorata?: unknown
  readonly version?: unknown
}

/** The contract of the arguments, checked by the core; errors name Excel's arguments. */
export function contractOf(args: ContractArguments): Contract {
  const signature = dateArgument(args.signature, 'signature')
  const missionCells = cellsOf(args.missions)
  const debutCells = cellsOf(args.debuts)
  const codes = missionCells.flatMap((cell, i) =>
    isEmpty(cell) || cell === 0 ? [] : [{ cell, debut: debutCells[i] }]
  )
  if (codes.length === 0) {
    throw new AciError(
      'mission_invalide',
      'missions : au moins une mission attendue (une plage de codes tels que acces, parcours).',
      'missions'
    )
  }
  const rates = tauxPerMission(args.taux, codes.length)
  const missions = codes.map(({ cell, debut }, i) => {
    const mission = parseMission(cell, 'missions')
    if (debut === undefined || isEmpty(debut) || debut === 0) {
      throw new AciError(
        'date_invalide',
        `debuts : date de démarrage attendue pour la mission ${mission}, à la même place que dans missions.`,
        'debuts'
      )
    }
    const rate = rates[i]
    const entry: Record<string, unknown> = { mission, debut: dateArgument(debut, 'debuts') }
    if (rate === undefined) return entry
    const perYear = Array.isArray(rate) ? rate : undefined
    if (mission === 'crise') {
      const recognised = (r: unknown) => tauxText(r, 'taux') === '1'
      entry.crisesReconnues = perYear
        ? perYear.map(recognised)
        : Array.from({ length: YEARS }, () => recognised(rate))
    } else {
      entry.taux = perYear ? perYear.map((r) => tauxText(r, 'taux')) : tauxText(rate, 'taux')
    }
    return entry
  })
  const prorata = optional(args.prorata)
  const version = optional(args.version)
  const input: Record<string, unknown> = {
    signature,
    taille: tailleArgument(args.taille),
    missions,
  }
  if (!isEmpty(version)) {
    // A date or an id: the table it designates, for the whole contract.
    input.version = bundledCatalog().resolve(versionRef(version), 'version').id
  }
  if (!isEmpty(prorata)) {
    const text = String(prorata).trim().toLowerCase()
    input.options = { prorata: text }
  }
  try {
    return parseContract(input)
  } catch (error) {
    if (isAciError(error)) throw inArgumentWords(error)
    throw error
  }
}

/** `missions[1].taux : …` → `taux (mission 2) : …`: the words of the formula, not of the JSON. */
function inArgumentWords(error: AciError): AciError {
  const message = error.message
    .replace(/^missions\[(\d+)\]\.debut/, (_, i) => `debuts (mission ${Number(i) + 1})`)
    .replace(/^missions\[(\d+)\]\.taux(\[\d+\])?/, (_, i) => `taux (mission ${Number(i) + 1})`)
    .replace(/^missions\[(\d+)\]/, (_, i) => `missions (mission ${Number(i) + 1})`)
    .replace(/^options\.prorata/, 'prorata')
  return message === error.message ? error : new AciError(error.code, message, error.argument)
}
