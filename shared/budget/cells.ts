// French Excel's words and cells for a budget: one vocabulary and one reader per kind of value, for the CSV and the sheet alike.
import { excelSerialToIso, isoFromFrenchDate } from '../dates'
import { MISSION_CODES, MISSION_WORDS, type MissionCode } from '../missions'
import { Decimal, roundToCent } from '../money'
import type { Phase } from '../rates/schema'
import { normalizeWords } from '../text'
import { isDigit } from '../text/chars'
import { type AmountString, centsOf, centsToString } from './cents'
import { FINANCEUR_LABELS, FINANCEURS, type Financeur } from './financeurs'
import { minimalDecimal } from './parse'
import { SECTIONS, type Section, sectionLabel } from './sections'
import { isCanonicalAmountText, isCanonicalPercent } from './shape'

/** A cell as a spreadsheet holds it: text (a CSV, or typed in Excel), a number (Excel's double, a date serial), a boolean, or nothing. */
export type Cell = string | number | boolean | null

// --- the words -------------------------------------------------------------------------------

/** The profile's fields, each under one label: what the CSV and the sheet write. */
export const PROFIL_LABELS = {
  nom: 'Nom de la CPTS',
  taille: 'Taille',
  population: 'Population',
  signature: 'Date de signature du contrat',
  version: 'Version du barème',
  debut: 'Début de l’exercice',
  fin: 'Fin de l’exercice',
  thesaurisation: 'Seuil de thésaurisation',
  pass: 'Seuil d’alerte PASS',
} as const
export type ProfilField = keyof typeof PROFIL_LABELS

/** Labels read as well, from sheets written before the labels were one (« Signature du contrat »…). */
const PROFIL_ALIASES: Record<ProfilField, readonly string[]> = {
  nom: [],
  taille: [],
  population: ['Population couverte'],
  signature: ['Signature du contrat'],
  version: ['Barème'],
  debut: [],
  fin: [],
  thesaurisation: ['Excédent ACI toléré (%)', 'Excédent ACI toléré'],
  pass: ['Alerte PASS (% du plafond)', 'Alerte PASS'],
}

/** The columns of the missions table, each under one header (and the sheet's older ones). */
export const MISSION_HEADERS = {
  mission: 'Missions engagées',
  debut: 'Début',
  taux: 'Taux d’atteinte attendu',
  phase: 'Phase du plan de crise',
} as const
export type MissionColumn = keyof typeof MISSION_HEADERS
const MISSION_ALIASES: Record<MissionColumn, readonly string[]> = {
  mission: ['Code', 'Mission'],
  debut: ['Démarrage', 'Date de début'],
  taux: ['Taux attendu', 'Taux d’atteinte', 'Taux'],
  phase: ['Phase'],
}

/** The line's own columns; then one per section, « Réalisé » and its split. */
export const LIGNE_HEADERS = {
  compte: 'Compte',
  libelle: 'Libellé',
  montant: 'Montant',
  mode: 'Répartition',
  financeur: 'Financeur',
  beneficiaire: 'Bénéficiaire',
  realise: 'Réalisé',
  modeRealise: 'Répartition du réalisé',
} as const
export type LigneColumn = keyof typeof LIGNE_HEADERS

/** « Réalisé – Accès aux soins »: a section's column in the split of actuals. */
export function actualSectionHeader(section: Section): string {
  return `${LIGNE_HEADERS.realise} – ${sectionLabel(section)}`
}

/** The crisis plan's phases as French Excel users write them. */
export const PHASE_LABELS: Record<Phase, string> = {
  redaction: 'rédaction',
  mise_a_jour: 'mise à jour',
}

/** The modes of a split as the CSV writes them. */
export const MODE_LABELS = { montants: 'montants', cles: 'clés' } as const
export type Mode = keyof typeof MODE_LABELS

/** Words to compare a header or a label by: no case, no accents, no punctuation (« Début de l’exercice » = "debut de l exercice"). */
export function loose(text: string): string {
  return normalizeWords(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

export interface Vocabulary {
  readonly missions: ReadonlyMap<string, MissionCode>
  readonly phases: ReadonlyMap<string, Phase>
  readonly financeurs: ReadonlyMap<string, Financeur>
  readonly modes: ReadonlyMap<string, Mode>
  readonly profil: ReadonlyMap<string, ProfilField>
  readonly sections: ReadonlyMap<string, Section>
  readonly missionColumns: ReadonlyMap<string, MissionColumn>
  readonly ligneColumns: ReadonlyMap<string, LigneColumn>
  /** « Réalisé – <section> » columns, by their loose header. */
  readonly actualSections: ReadonlyMap<string, Section>
}

let vocabulary: Vocabulary | undefined

function byLoose<K extends string>(
  labels: Record<K, string>,
  aliases?: Record<K, readonly string[]>
) {
  const map = new Map<string, K>()
  for (const key of Object.keys(labels) as K[]) {
    map.set(loose(labels[key]), key)
    for (const alias of aliases?.[key] ?? []) map.set(loose(alias), key)
  }
  return map
}

/** The words a cell may hold, by their loose form: codes, labels and aliases (built on first use). */
export function words(): Vocabulary {
  if (vocabulary !== undefined) return vocabulary
  const missions = new Map<string, MissionCode>()
  for (const code of MISSION_CODES) {
    missions.set(code, code)
    missions.set(loose(MISSION_WORDS[code].label), code)
    for (const alias of MISSION_WORDS[code].aliases) missions.set(loose(alias), code)
  }
  const financeurs = new Map<string, Financeur>()
  for (const code of FINANCEURS) {
    financeurs.set(loose(code), code)
    financeurs.set(loose(FINANCEUR_LABELS[code]), code)
  }
  const sections = new Map<string, Section>()
  const actualSections = new Map<string, Section>()
  for (const section of SECTIONS) {
    sections.set(loose(section), section)
    sections.set(loose(sectionLabel(section)), section)
    actualSections.set(loose(actualSectionHeader(section)), section)
    actualSections.set(loose(`${LIGNE_HEADERS.realise} ${section}`), section)
  }
  const phases = new Map<string, Phase>()
  for (const phase of Object.keys(PHASE_LABELS) as Phase[]) {
    phases.set(loose(phase), phase)
    phases.set(loose(PHASE_LABELS[phase]), phase)
  }
  vocabulary = {
    missions,
    phases,
    financeurs,
    modes: new Map([
      ['montants', 'montants'],
      ['cles', 'cles'],
    ]),
    profil: byLoose(PROFIL_LABELS, PROFIL_ALIASES),
    sections,
    missionColumns: byLoose(MISSION_HEADERS, MISSION_ALIASES),
    ligneColumns: byLoose(LIGNE_HEADERS),
    actualSections,
  }
  return vocabulary
}

const looked = /* @__PURE__ */ new Map<string, string>()

/** A cell's loose form, remembered: the same few words come back on every row ("clés", a funder's label). */
export function looseCell(cell: string): string {
  let key = looked.get(cell)
  if (key === undefined) {
    key = loose(cell)
    if (looked.size < 1_000) looked.set(cell, key)
  }
  return key
}

/** Codes and the labels the CSV and the sheet write for them, compared with a cell as it is. */
type Labels<T extends string> = readonly { readonly code: T; readonly label: string }[]

function labelsOf<T extends string>(labels: Readonly<Record<T, string>>): Labels<T> {
  return (Object.keys(labels) as T[]).map((code) => ({ code, label: labels[code] }))
}

const MODES: Labels<Mode> = /* @__PURE__ */ labelsOf(MODE_LABELS)
const FUNDERS: Labels<Financeur> = /* @__PURE__ */ labelsOf(FINANCEUR_LABELS)

/**
 * The code a cell names: a label as the files write it is known at once, by comparing it with
 * the few labels (as on every line of a file; looking its loose form up costs more); any other
 * spelling, or a code, by its loose form in `table`; the cell itself for the schema to refuse.
 */
function labelled<T extends string>(
  labels: Labels<T>,
  table: ReadonlyMap<string, T>,
  cell: string
): T | string {
  for (let i = 0; i < labels.length; i++) {
    const entry = labels[i] as Labels<T>[number]
    if (cell === entry.label) return entry.code
  }
  return lookup(table, cell)
}

/** The mode a split's cell names (« clés », « montants »). */
export function modeOf(cell: string): Mode | string {
  return labelled(MODES, words().modes, cell)
}

/** The funder a cell names (« ACI (Assurance Maladie) », or its code). */
export function financeurOf(cell: string): Financeur | string {
  return labelled(FUNDERS, words().financeurs, cell)
}

/** The code a cell names in a table of words, or the cell itself for the schema to refuse. */
export function lookup<T extends string>(table: ReadonlyMap<string, T>, cell: string): T | string {
  return table.get(looseCell(cell)) ?? cell
}

// --- the cells -------------------------------------------------------------------------------

/** Spaces Excel or a copied text may put between groups of digits (space, no-break space, narrow no-break space, thin space). */
const GROUPS = /[ \u00a0\u2009\u202f]/g

export const isBlank = (cell: Cell | undefined): boolean =>
  cell === null ||
  cell === undefined ||
  (typeof cell === 'string' && (cell.length === 0 || cell.trim() === ''))

/** A cell as text: trimmed, and the apostrophe that keeps Excel from running a text as a formula removed. */
export function fromText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  const text = (typeof cell === 'string' ? cell : String(cell)).trim()
  return text.charCodeAt(0) === 39 /* ' */ ? text.slice(1) : text
}

/** A group space between digits, or before a unit: space, no-break, thin or narrow no-break space. */
const isGroupSpace = (c: number) => c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f

/**
 * A French number without its group spaces and its trailing unit, with a decimal point. A number
 * as a CSV file holds it (an optional minus, digits, at most one decimal comma: -?\d+(,\d*)?),
 * maybe followed by its unit (« 40% », « 40 % », « 950,06 € »), is read in one loop, as it is
 * for every amount and key of every line; anything else has its group spaces, then its unit,
 * removed, and its comma made a point.
 */
function fromFrenchNumber(cell: string, unit: number, unitAtEnd: RegExp): string {
  const length = cell.length
  let i = cell.charCodeAt(0) === 45 ? 1 : 0 // '-'
  let digits = 0
  let comma = -1
  for (; i < length; i++) {
    const c = cell.charCodeAt(i)
    if (isDigit(c)) digits++
    else if (c === 44 && comma === -1 && digits > 0) comma = i
    else break
  }
  if (digits > 0) {
    let end = i
    while (end < length && isGroupSpace(cell.charCodeAt(end))) end++
    if (i === length || (end === length - 1 && cell.charCodeAt(end) === unit)) {
      const number = i === length ? cell : cell.slice(0, i)
      return comma === -1 ? number : `${number.slice(0, comma)}.${number.slice(comma + 1)}`
    }
  }
  return cell.replace(GROUPS, '').replace(unitAtEnd, '').replace(',', '.')
}

// A regular expression written in a function is a new object at each call: these are made once.
const EURO_AT_END = /€$/
const PERCENT_AT_END = /%$/

/** "42 000,50 €" → "42000.50"; anything else is left for the schema to refuse. */
export function fromAmount(cell: string): string {
  return fromFrenchNumber(cell, 0x20ac /* € */, EURO_AT_END)
}

/** "33,5 %" → "33.5". */
export function fromPercent(cell: string): string {
  return fromFrenchNumber(cell, 37 /* % */, PERCENT_AT_END)
}

/**
 * An amount cell: French text ("42 000,50 €") as written, or Excel's double rounded to the cent
 * with the project's one rounding (the cell shows it with its `# ##0,00 €` format: its shortest
 * decimal form is what was typed). Undefined for an empty cell; text that is no amount is kept
 * for the schema to refuse; `bad` for what no amount can be (a boolean, an infinite number).
 */
export function amountCell(cell: Cell | undefined): AmountString | string | undefined | typeof BAD {
  if (cell === null || cell === undefined) return undefined
  if (typeof cell === 'string') {
    const text = cell.trim()
    return text === '' ? undefined : fromAmount(text)
  }
  if (typeof cell !== 'number' || !Number.isFinite(cell)) return BAD
  const shortest = String(cell)
  const cents = centsOf(shortest)
  if (cents !== undefined) return centsToString(cents)
  return roundToCent(new Decimal(shortest)).toFixed(2)
}

/**
 * An amount cell exactly as this project's files write it, « 42000,00 » or « -12,50 »: digits
 * without a leading zero (but « 0 » alone), a decimal comma, two decimals, at most thirteen
 * digits before it, never « -0,00 ». Its canonical form at once ("42000.00": what amountCell
 * gives, as centsToString writes it); undefined for any other cell, which amountCell reads.
 */
export function writtenAmount(cell: string): AmountString | undefined {
  if (!isCanonicalAmountText(cell, 44 /* , */)) return undefined
  const comma = cell.length - 3
  return `${cell.slice(0, comma)}.${cell.slice(comma + 1)}`
}

/**
 * A key cell as this project's files write a whole percentage, « 40% » (a number with no comma,
 * then « % »): « 40 » at once when that is a key in canonical form (isCanonicalPercent), what
 * percentCell gives; undefined for any other cell, which percentCell reads.
 */
export function writtenPercent(cell: string): string | undefined {
  const end = cell.length - 1
  if (end < 1 || cell.charCodeAt(end) !== 37 /* % */ || !isDigit(cell.charCodeAt(end - 1))) {
    return undefined
  }
  const number = cell.slice(0, end)
  return isCanonicalPercent(number) ? number : undefined
}

/** A cell no reader can take: the caller says so where the cell is. */
export const BAD: unique symbol = Symbol('bad cell')

/**
 * A percentage (thresholds, keys of a split) as the budget holds it ("90"): text is written in
 * percent (« 90 % », « 90 »); a number is Excel's, a cell shown as 90 % holding 0.9.
 */
export function percentCell(cell: Cell | undefined): string | undefined | typeof BAD {
  if (cell === null || cell === undefined) return undefined
  if (typeof cell === 'string') {
    const text = cell.trim()
    return text === '' ? undefined : fromPercent(text)
  }
  if (typeof cell !== 'number' || !Number.isFinite(cell)) return BAD
  return minimalDecimal(new Decimal(String(cell)).times(100).toDecimalPlaces(4).toFixed())
}

/**
 * An expected rate as the budget holds it, a fraction ("0.8"): text is written in percent
 * (« 80 % », « 80 »); a number is Excel's, 0.8 for a cell shown as 80 %, or 80 typed as such.
 */
export function rateCell(cell: Cell | undefined): string | undefined | typeof BAD {
  if (isBlank(cell)) return undefined
  if (typeof cell === 'string') {
    const percent = fromPercent(cell.trim())
    return /^\d+(\.\d+)?$/.test(percent)
      ? minimalDecimal(new Decimal(percent).div(100).toFixed())
      : cell.trim()
  }
  if (typeof cell !== 'number' || !Number.isFinite(cell)) return BAD
  const value = new Decimal(String(cell))
  return minimalDecimal((cell > 1 ? value.div(100) : value).toDecimalPlaces(9).toFixed())
}

/** A date: "31/01/2025" or "2025-01-31" as text, or Excel's day serial; other text is left for the schema to refuse. */
export function dateCell(cell: Cell | undefined): string | undefined | typeof BAD {
  if (isBlank(cell)) return undefined
  if (typeof cell === 'string') return isoFromFrenchDate(cell.trim()) ?? cell.trim()
  if (typeof cell !== 'number') return BAD
  return excelSerialToIso(cell) ?? BAD
}

/** A whole number (taille, population): "85 000" as text, or Excel's number; other text is left for the schema. */
export function integerCell(cell: Cell | undefined): number | string | undefined | typeof BAD {
  if (isBlank(cell)) return undefined
  if (typeof cell === 'number') return cell
  if (typeof cell !== 'string') return BAD
  const compact = cell.trim().replace(GROUPS, '')
  return /^\d{1,12}$/.test(compact) ? Number(compact) : cell.trim()
}
