// The annex as a French Excel CSV, one row per indicator: for people who type it from the signed annex, and the layout of the pane's sheet.
import { type CsvRecord, readCsv, writeCsv } from '../budget/csv-format'
import { AciError, isAciError } from '../errors'
import { MISSION_WORDS, parseMission } from '../missions'
import type { Decimal } from '../money'
import { normalizeWords } from '../text'
import { type Annexe, parseAnnexe } from './parse'

const MARKER = 'Annexe des indicateurs ACI-CPTS'
const ANNEE = 'Année de contrat'

/** The columns of an indicator row, before the tiers (« Seuil 1 », « Montant 1 », …). */
const COLUMNS = {
  mission: 'Mission',
  action: 'Action',
  actionLibelle: 'Libellé de l’action',
  livrables: 'Livrables',
  id: 'Indicateur',
  libelle: 'Libellé de l’indicateur',
  type: 'Type',
  sens: 'Sens',
  unite: 'Unité',
  reference: 'Référence',
  cible: 'Cible',
  max: 'Maximum',
} as const
type Column = keyof typeof COLUMNS
const REQUIRED: readonly Column[] = ['mission', 'action', 'actionLibelle', 'id', 'libelle', 'type']

/** Tiers shown even when the annex has fewer, so that a typed sheet has room for three. */
const MIN_TIERS = 3

/** A cell of the annex's table: text, a number (a Decimal, converted at the edge), or empty. */
export type AnnexeCell = string | Decimal | undefined

export interface AnnexeTable {
  readonly header: readonly string[]
  /** One row per indicator, in the annex's order, aligned on the header. */
  readonly rows: readonly (readonly AnnexeCell[])[]
  /** How many tiers the header has room for: « Seuil 1 » … « Seuil n », then « Montant 1 » … « Montant n ». */
  readonly paliers: number
  /** Index of the column « Seuil 1 »; the amounts start `paliers` columns further. */
  readonly premierSeuil: number
}

/**
 * The annex as a table, one row per indicator: the action's label and evidence on its first row
 * only, evidence items one per line within the cell (Alt+Entrée in Excel), then the thresholds
 * side by side and the amounts side by side, so that a sheet's row gives ACI.PALIER its two ranges
 * (`=ACI.PALIER(valeur; M5:O5; P5:R5; H5)`). The pane writes it to an « Indicateurs <année> »
 * sheet; annexeToCsv writes it as CSV; the reader takes the tier columns in any order.
 */
export function annexeTable(annexe: Annexe): AnnexeTable {
  const paliers = Math.max(
    MIN_TIERS,
    ...annexe.missions.flatMap((m) =>
      m.actions.flatMap((a) =>
        a.indicateurs.map((i) => (i.type === 'paliers' ? i.paliers.length : 0))
      )
    )
  )
  const header = [
    ...Object.values(COLUMNS),
    ...Array.from({ length: paliers }, (_, k) => `Seuil ${k + 1}`),
    ...Array.from({ length: paliers }, (_, k) => `Montant ${k + 1}`),
  ]
  const rows: AnnexeCell[][] = []
  for (const m of annexe.missions) {
    for (const a of m.actions) {
      a.indicateurs.forEach((i, k) => {
        const first = k === 0
        const tiers = i.type === 'paliers' ? i.paliers : []
        const seuils: AnnexeCell[] = Array.from({ length: paliers }, (_, t) => tiers[t]?.seuil)
        const montants: AnnexeCell[] = Array.from({ length: paliers }, (_, t) => tiers[t]?.montant)
        rows.push([
          MISSION_WORDS[m.mission].label,
          a.id,
          first ? a.libelle : undefined,
          first && a.livrables.length > 0 ? a.livrables.join('\n') : undefined,
          i.id,
          i.libelle,
          i.type,
          i.type === 'paliers' ? i.sens : undefined,
          i.unite,
          i.reference,
          i.cible,
          i.type === 'binaire' ? i.max : i.maxEcrit,
          ...seuils,
          ...montants,
        ])
      })
    }
  }
  return { header, rows, paliers, premierSeuil: Object.keys(COLUMNS).length }
}

/** Text Excel would run as a formula gets a leading apostrophe, which the reader removes. */
function textCell(text: string): string {
  return /^[=+\-@\t\r']/.test(text) ? `'${text}` : text
}

function csvCell(cell: AnnexeCell): string {
  if (cell === undefined) return ''
  if (typeof cell === 'string') return textCell(cell)
  return cell.toFixed().replace('.', ',')
}

/**
 * The annex as CSV for French Excel (UTF-8 with BOM, `;`, decimal comma, CRLF): a title row, the
 * contract year when known, then the table. annexeFromCsv(annexeToCsv(a)) gives back the annex.
 */
export function annexeToCsv(annexe: Annexe): string {
  const table = annexeTable(annexe)
  return writeCsv([
    [MARKER],
    ...(annexe.annee === undefined ? [] : [[ANNEE, String(annexe.annee)]]),
    [],
    [...table.header],
    ...table.rows.map((r) => r.map(csvCell)),
  ])
}

// --- import -----------------------------------------------------------------------------------

function csvError(line: number, column: string, message: string): AciError {
  const argument = `ligne ${line}, ${column}`
  return new AciError('csv_invalide', `${argument} : ${message}.`, argument)
}

/** A leading apostrophe (Excel's « text, not a formula ») is not part of the text. */
function fromText(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell
}

/** Words compared without case, accents or punctuation. */
function loose(text: string): string {
  return normalizeWords(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const HEADER_WORDS = new Map<string, Column>(
  (Object.entries(COLUMNS) as [Column, string][]).map(([key, label]) => [loose(label), key])
)

const TYPE_WORDS = new Map([
  ['binaire', 'binaire'],
  ['tout ou rien', 'binaire'],
  ['paliers', 'paliers'],
  ['palier', 'paliers'],
  ['a paliers', 'paliers'],
])
const SENS_WORDS = new Map([
  ['hausse', 'hausse'],
  ['a la hausse', 'hausse'],
  ['baisse', 'baisse'],
  ['a la baisse', 'baisse'],
])

/** Spaces Excel puts between groups of digits (space, no-break space, narrow no-break space). */
const GROUPS = /[ \u00a0\u202f]/g

/** "8 000,00 €" → "8000.00", "63,5 %" → "63.5"; anything else is left for the schema to refuse. */
function fromNumber(cell: string): string {
  return cell.replace(GROUPS, '').replace(/[€%]$/, '').replace(',', '.')
}

function isBlank(record: CsvRecord): boolean {
  return record.cells.every((c) => c.trim() === '')
}

interface Assembled {
  readonly raw: Record<string, unknown>
  /** `missions[0].actions[1].indicateurs[2]` → its CSV line, and the same for actions and missions. */
  readonly lineOf: ReadonlyMap<string, number>
  readonly columnOf: (key: string) => string | undefined
  readonly anneeLine: number | undefined
}

function assemble(records: readonly CsvRecord[]): Assembled {
  let i = 0
  let annee: unknown
  let anneeLine: number | undefined
  // Before the header: the title row and « Année de contrat ; 5 ».
  for (; i < records.length; i++) {
    const r = records[i] as CsvRecord
    const first = loose(r.cells[0] ?? '')
    if (first === 'mission') break
    if (first === loose(ANNEE)) {
      const cell = (r.cells[1] ?? '').trim()
      annee = /^\d+$/.test(cell) ? Number(cell) : cell
      anneeLine = r.at
    }
  }
  const headerRecord = records[i]
  if (headerRecord === undefined) {
    throw csvError(
      1,
      'en-tête',
      `ligne d’en-tête introuvable ; attendu une ligne qui commence par « ${COLUMNS.mission} » (${Object.values(COLUMNS).join(' ; ')} ; Seuil 1 ; … ; Montant 1 ; …)`
    )
  }
  const columns = new Map<Column, number>()
  const tierColumns: { seuil?: number; montant?: number }[] = []
  headerRecord.cells.forEach((cell, k) => {
    const word = loose(cell)
    const key = HEADER_WORDS.get(word)
    if (key !== undefined) {
      if (!columns.has(key)) columns.set(key, k)
      return
    }
    const tier = /^(seuil|montant) (\d{1,2})$/.exec(word)
    if (tier !== null) {
      const n = Number(tier[2]) - 1
      const pair = tierColumns[n] ?? {}
      pair[tier[1] as 'seuil' | 'montant'] = k
      tierColumns[n] = pair
    }
  })
  for (const key of REQUIRED) {
    if (!columns.has(key)) {
      throw csvError(headerRecord.at, 'en-tête', `colonne « ${COLUMNS[key]} » absente`)
    }
  }
  const lineOf = new Map<string, number>()
  const missions: { mission: unknown; actions: Record<string, unknown>[] }[] = []
  const missionIndex = new Map<string, number>()
  const actionIndex = new Map<string, { mission: number; action: number; line: number }>()
  for (const r of records.slice(i + 1)) {
    if (isBlank(r)) continue
    const cell = (key: Column): string | undefined => {
      const k = columns.get(key)
      const value = k === undefined ? '' : (r.cells[k] ?? '').trim()
      return value === '' ? undefined : fromText(value)
    }
    const missionCell = cell('mission') ?? ''
    let mission: unknown
    try {
      mission = parseMission(missionCell, COLUMNS.mission)
    } catch (error) {
      if (!isAciError(error)) throw error
      throw csvError(r.at, COLUMNS.mission, error.message.replace(/^Mission : /, ''))
    }
    let mi = missionIndex.get(mission as string)
    if (mi === undefined) {
      mi = missions.length
      missionIndex.set(mission as string, mi)
      missions.push({ mission, actions: [] })
      lineOf.set(`missions[${mi}]`, r.at)
    }
    const actionId = cell('action') ?? ''
    let placed = actionIndex.get(actionId)
    if (placed !== undefined && placed.mission !== mi) {
      throw csvError(
        r.at,
        COLUMNS.action,
        `l’action « ${actionId} » est déjà dans une autre mission (ligne ${placed.line})`
      )
    }
    const actionLibelle = cell('actionLibelle')
    const livrables = cell('livrables')
      ?.split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
    const m = missions[mi] as { actions: Record<string, unknown>[] }
    if (placed === undefined) {
      placed = { mission: mi, action: m.actions.length, line: r.at }
      actionIndex.set(actionId, placed)
      m.actions.push({
        id: actionId,
        libelle: actionLibelle ?? '',
        ...(livrables === undefined ? {} : { livrables }),
        indicateurs: [],
      })
      lineOf.set(`missions[${mi}].actions[${placed.action}]`, r.at)
    } else {
      const action = m.actions[placed.action] as Record<string, unknown>
      if (actionLibelle !== undefined && actionLibelle !== action.libelle) {
        throw csvError(
          r.at,
          COLUMNS.actionLibelle,
          `l’action « ${actionId} » a déjà un autre libellé (ligne ${placed.line}) ; laissez la cellule vide ou répétez-le`
        )
      }
      if (livrables !== undefined) {
        const before = (action.livrables as string[] | undefined) ?? []
        if (before.length > 0 && before.join('\n') !== livrables.join('\n')) {
          throw csvError(
            r.at,
            COLUMNS.livrables,
            `l’action « ${actionId} » a déjà d’autres livrables (ligne ${placed.line}) ; laissez la cellule vide ou répétez-les`
          )
        }
        action.livrables = livrables
      }
    }
    const action = m.actions[placed.action] as { indicateurs: Record<string, unknown>[] }
    const typeCell = cell('type')
    const type = typeCell === undefined ? '' : (TYPE_WORDS.get(loose(typeCell)) ?? typeCell)
    const optional = (key: Column, read: (text: string) => unknown = (t) => t) => {
      const value = cell(key)
      return value === undefined ? {} : { [key]: read(value) }
    }
    const paliers: { seuil: string; montant: string }[] = []
    tierColumns.forEach((pair, n) => {
      const seuil = pair.seuil === undefined ? '' : (r.cells[pair.seuil] ?? '').trim()
      const montant = pair.montant === undefined ? '' : (r.cells[pair.montant] ?? '').trim()
      if (seuil === '' && montant === '') return
      if (seuil === '' || montant === '') {
        throw csvError(
          r.at,
          seuil === '' ? `Seuil ${n + 1}` : `Montant ${n + 1}`,
          'un palier a un seuil et un montant ; l’un des deux manque'
        )
      }
      paliers.push({ seuil: fromNumber(seuil), montant: fromNumber(montant) })
    })
    if (type === 'binaire' && paliers.length > 0) {
      throw csvError(
        r.at,
        'Seuil 1',
        'un indicateur binaire n’a pas de paliers ; videz ces cellules ou choisissez le type paliers'
      )
    }
    const sens = cell('sens')
    const k = action.indicateurs.length
    action.indicateurs.push({
      id: cell('id') ?? '',
      libelle: cell('libelle') ?? '',
      type,
      ...(sens === undefined ? {} : { sens: SENS_WORDS.get(loose(sens)) ?? sens }),
      ...optional('unite'),
      ...optional('reference', fromNumber),
      ...optional('cible', fromNumber),
      ...(type === 'paliers' ? { paliers } : {}),
      ...optional('max', fromNumber),
    })
    lineOf.set(`missions[${mi}].actions[${placed.action}].indicateurs[${k}]`, r.at)
  }
  const paths: Record<string, string> = {
    mission: COLUMNS.mission,
    id: COLUMNS.id,
    libelle: COLUMNS.libelle,
    type: COLUMNS.type,
    sens: COLUMNS.sens,
    unite: COLUMNS.unite,
    reference: COLUMNS.reference,
    cible: COLUMNS.cible,
    max: COLUMNS.max,
    paliers: 'Seuil 1',
  }
  return {
    raw: { ...(annee === undefined ? {} : { annee }), missions },
    lineOf,
    anneeLine,
    columnOf: (path) => {
      const tier = /\.paliers\[(\d+)\]\.(seuil|montant)$/.exec(path)
      if (tier !== null)
        return `${tier[2] === 'seuil' ? 'Seuil' : 'Montant'} ${Number(tier[1]) + 1}`
      if (/\.actions\[\d+\]\.(id)$/.test(path)) return COLUMNS.action
      if (/\.actions\[\d+\]\.libelle$/.test(path)) return COLUMNS.actionLibelle
      if (/\.actions\[\d+\]\.livrables/.test(path)) return COLUMNS.livrables
      const last = /\.([a-z]+)$/i.exec(path)?.[1]
      return last === undefined ? undefined : paths[last]
    },
  }
}

/**
 * Reads an annex from CSV text as annexeToCsv writes it, or as French Excel saves it after
 * editing (« CSV UTF-8 (délimité par des points-virgules) » : 8 000,00 ; 63,5 %). The text is
 * already decoded (the edges detect the encoding). Fails naming the CSV line and column.
 */
export function annexeFromCsv(text: string): Annexe {
  if (text.includes('\ufffd')) {
    throw csvError(
      1,
      'encodage',
      'le texte contient des caractères illisibles (�) : le fichier a sans doute été lu dans un autre encodage que le sien (UTF-8 ou Windows-1252)'
    )
  }
  const { records, unterminatedAt } = readCsv(text)
  if (unterminatedAt !== undefined) {
    throw csvError(unterminatedAt, 'texte entre guillemets', 'guillemet fermant manquant')
  }
  const assembled = assemble(records)
  try {
    return parseAnnexe(assembled.raw, 'annexe')
  } catch (error) {
    if (!isAciError(error) || error.argument === undefined) throw error
    const path = error.argument.replace(/^annexe\.?/, '')
    if (path === 'annee' && assembled.anneeLine !== undefined) {
      throw csvError(assembled.anneeLine, ANNEE, messageOf(error))
    }
    let prefix = path
    while (prefix !== '' && !assembled.lineOf.has(prefix)) {
      prefix = prefix.replace(/(\.[^.[]+|\[\d+\])$/, '')
    }
    const line = assembled.lineOf.get(prefix)
    if (line === undefined) throw error
    throw csvError(line, assembled.columnOf(path) ?? 'ligne', messageOf(error))
  }
}

/** The message of a parse error without its leading field path (the CSV names line and column). */
function messageOf(error: AciError): string {
  const text = error.message.replace(/^[^ ]+ : /, '')
  return text.endsWith('.') ? text.slice(0, -1) : text
}
