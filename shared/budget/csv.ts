// A budget as a CSV file for French Excel: a profile block, the missions, then one row per line with one column per section.
import { AciError, isAciError } from '../errors'
import { MISSION_CODES, MISSION_WORDS, type MissionCode } from '../missions'
import { Decimal } from '../money'
import type { Phase } from '../rates/schema'
import { normalizeWords } from '../text'
import { type CsvRecord, readCsv, writeCsv } from './csv-format'
import { FINANCEUR_LABELS, FINANCEURS, type Financeur } from './financeurs'
import { minimalDecimal, parseBudget } from './parse'
import type { BudgetDocument, BudgetLigne, BudgetMission, Repartition } from './schema'
import { SECTIONS, type Section, sectionLabel } from './sections'

const MARKER = 'Budget ACI-CPTS'
const FORMAT = 'format 1'

const PROFIL_KEYS = {
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
type ProfilKey = keyof typeof PROFIL_KEYS

const MISSIONS_HEADER = [
  'Missions engagées',
  'Début',
  'Taux d’atteinte attendu',
  'Phase du plan de crise',
]
/** Which columns of actuals (réalisé) a budget needs: none, the amount, or also its own split. */
interface ActualColumns {
  readonly amount: boolean
  readonly split: boolean
}

const REALISE = 'Réalisé'
const REALISE_MODE = 'Répartition du réalisé'
/** « Réalisé – Accès aux soins »: a section's column in the split of actuals. */
const actualSectionHeader = (s: Section) => `${REALISE} – ${sectionLabel(s)}`

/**
 * The header of the lines block: the line's fields, then one column per section; then, only
 * when some line has actuals, their column (and the columns of their own split, when some line
 * has one). A budget without actuals keeps the layout it always had.
 */
function linesHeader(actuals: ActualColumns): string[] {
  return [
    'Compte',
    'Libellé',
    'Montant',
    'Répartition',
    'Financeur',
    'Bénéficiaire',
    ...SECTIONS.map(sectionLabel),
    ...(actuals.amount ? [REALISE] : []),
    ...(actuals.split ? [REALISE_MODE, ...SECTIONS.map(actualSectionHeader)] : []),
  ]
}
const MODE_LABELS = { montants: 'montants', cles: 'clés' } as const
const PHASE_LABELS: Record<Phase, string> = { redaction: 'rédaction', mise_a_jour: 'mise à jour' }

// --- export -----------------------------------------------------------------------------------

/**
 * Free text as a cell Excel will not run as a formula: text starting with = + - @ (or a tab,
 * or the apostrophe itself) gets a leading apostrophe, which the import removes (lossless).
 */
function textCell(text: string): string {
  return /^[=+\-@\t\r']/.test(text) ? `'${text}` : text
}

/** "-1234.50" → "-1234,50": an amount as French Excel reads a number. */
function amountCell(amount: string): string {
  return amount.replace('.', ',')
}

/** "33.3333" → "33,3333%". */
function percentCell(percent: string): string {
  return `${percent.replace('.', ',')}%`
}

/** "2025-01-31" → "31/01/2025", as French Excel writes a date. */
function dateCell(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

function missionRow(m: BudgetMission): string[] {
  return [
    MISSION_WORDS[m.mission].label,
    dateCell(m.debut),
    m.taux === undefined ? '' : percentCell(new Decimal(m.taux).times(100).toFixed()),
    m.phase === undefined ? '' : PHASE_LABELS[m.phase],
  ]
}

/** A split as its mode's word and one cell per section. */
function splitCells(r: Repartition | undefined): string[] {
  const bySection = new Map<Section, string>()
  if (r?.mode === 'montants') {
    for (const p of r.parts) bySection.set(p.section, amountCell(p.montant))
  } else if (r?.mode === 'cles') {
    for (const p of r.parts) bySection.set(p.section, percentCell(p.pourcentage))
  }
  return [
    r === undefined ? '' : MODE_LABELS[r.mode],
    ...SECTIONS.map((s) => bySection.get(s) ?? ''),
  ]
}

function lineRow(l: BudgetLigne, actuals: ActualColumns): string[] {
  const [mode = '', ...sections] = splitCells(l.repartition)
  return [
    l.compte,
    textCell(l.libelle),
    amountCell(l.montant),
    mode,
    l.financeur === undefined ? '' : FINANCEUR_LABELS[l.financeur],
    l.beneficiaire === undefined ? '' : textCell(l.beneficiaire),
    ...sections,
    ...(actuals.amount ? [l.realise === undefined ? '' : amountCell(l.realise)] : []),
    ...(actuals.split ? splitCells(l.repartitionRealise) : []),
  ]
}

/**
 * The budget as CSV for French Excel (UTF-8 with BOM, `;`, decimal comma, dates JJ/MM/AAAA,
 * percentages with %). Give it a parsed document: budgetFromCsv(budgetToCsv(doc)) equals doc.
 */
export function budgetToCsv(doc: BudgetDocument): string {
  const p = doc.profil
  const actuals: ActualColumns = {
    amount: doc.lignes.some((l) => l.realise !== undefined),
    split: doc.lignes.some((l) => l.repartitionRealise !== undefined),
  }
  const values: Record<ProfilKey, string> = {
    nom: textCell(p.nom),
    taille: p.taille === undefined ? '' : String(p.taille),
    population: p.population === undefined ? '' : String(p.population),
    signature: dateCell(p.signature),
    version: p.version ?? '',
    debut: dateCell(p.exercice.debut),
    fin: dateCell(p.exercice.fin),
    thesaurisation:
      p.seuils?.thesaurisation === undefined ? '' : percentCell(p.seuils.thesaurisation),
    pass: p.seuils?.pass === undefined ? '' : percentCell(p.seuils.pass),
  }
  return writeCsv([
    [MARKER, FORMAT],
    [],
    ['Profil', 'Valeur'],
    ...(Object.keys(PROFIL_KEYS) as ProfilKey[]).map((k) => [PROFIL_KEYS[k], values[k]]),
    [],
    MISSIONS_HEADER,
    ...p.missions.map(missionRow),
    [],
    linesHeader(actuals),
    ...doc.lignes.map((l) => lineRow(l, actuals)),
  ])
}

// --- import -----------------------------------------------------------------------------------

export function csvError(line: number, column: string, message: string): AciError {
  const argument = `ligne ${line}, ${column}`
  return new AciError('csv_invalide', `${argument} : ${message}.`, argument)
}

export function fromText(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell
}

/** Spaces Excel may put between groups of digits (space, no-break space, narrow no-break space). */
const GROUPS = /[ \u00a0\u202f]/g

/** "42 000,50 €" → "42000.50"; anything else is left for the schema to refuse. */
export function fromAmount(cell: string): string {
  const compact = cell.replace(GROUPS, '').replace(/€$/, '').replace(',', '.')
  return compact
}

/** "33,5 %" → "33.5". */
export function fromPercent(cell: string): string {
  return cell.replace(GROUPS, '').replace(/%$/, '').replace(',', '.')
}

/** "80 %" → "0.8" (a rate as the document holds it); text that is not a percentage is left as it is. */
function fromRate(cell: string): string {
  const percent = fromPercent(cell)
  return /^\d+(\.\d+)?$/.test(percent)
    ? minimalDecimal(new Decimal(percent).div(100).toFixed())
    : cell
}

/** "31/01/2025" → "2025-01-31"; an ISO date stays; anything else is left for the schema to refuse. */
function fromDate(cell: string): string {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell)
  return match === null
    ? cell
    : `${match[3]}-${(match[2] as string).padStart(2, '0')}-${(match[1] as string).padStart(2, '0')}`
}

function fromInteger(cell: string): number | string {
  const compact = cell.replace(GROUPS, '')
  return /^\d{1,12}$/.test(compact) ? Number(compact) : cell
}

/** Words to compare a header or a label by: no case, no accents, no punctuation (« Début de l’exercice » = "debut de l exercice"). */
export function loose(text: string): string {
  return normalizeWords(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const looked = /* @__PURE__ */ new Map<string, string>()

/** The code a cell names in a table of words, or the cell itself for the schema to refuse. */
function lookup<T extends string>(words: ReadonlyMap<string, T>, cell: string): T | string {
  // The same few words come back on every row ("clés", a funder's label): normalize each once.
  let key = looked.get(cell)
  if (key === undefined) {
    key = loose(cell)
    if (looked.size < 1_000) looked.set(cell, key)
  }
  return words.get(key) ?? cell
}

type Block = 'profil' | 'missions' | 'lignes'

export interface Vocabulary {
  readonly missions: ReadonlyMap<string, MissionCode>
  readonly phases: ReadonlyMap<string, Phase>
  readonly financeurs: ReadonlyMap<string, Financeur>
  readonly modes: ReadonlyMap<string, 'montants' | 'cles'>
  readonly profil: ReadonlyMap<string, ProfilKey>
  readonly sections: ReadonlyMap<string, Section>
  readonly blocks: ReadonlyMap<string, Block>
}

let vocabulary: Vocabulary | undefined

/** The words a cell may hold, by their loose form: codes, labels and aliases (built on first import). */
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
  for (const section of SECTIONS) {
    sections.set(loose(section), section)
    sections.set(loose(sectionLabel(section)), section)
  }
  vocabulary = {
    missions,
    phases: new Map([
      ['redaction', 'redaction'],
      ['mise a jour', 'mise_a_jour'],
    ]),
    financeurs,
    modes: new Map([
      ['montants', 'montants'],
      ['cles', 'cles'],
    ]),
    profil: new Map(
      (Object.keys(PROFIL_KEYS) as ProfilKey[]).map((k) => [loose(PROFIL_KEYS[k]), k])
    ),
    sections,
    blocks: new Map([
      ['profil', 'profil'],
      [loose(MISSIONS_HEADER[0] as string), 'missions'],
      ['compte', 'lignes'],
    ]),
  }
  return vocabulary
}

/** Where the columns of actuals are in the lines block, when its header has them. */
interface ActualLayout {
  readonly amount: number | undefined
  readonly mode: number | undefined
  readonly sections: { index: number; section: Section }[]
}
const NO_ACTUALS: ActualLayout = { amount: undefined, mode: undefined, sections: [] }
const LOOSE_REALISE = 'realise'
const LOOSE_REALISE_MODE = 'repartition du realise'

const isBlank = (r: CsvRecord) => r.cells.every((c) => c.trim() === '')

interface Assembled {
  readonly raw: { profil: Record<string, unknown>; lignes: Record<string, unknown>[] }
  /** The CSV line of each budget line and each mission, to say where a later error is. */
  readonly lineOf: number[]
  readonly missionLineOf: number[]
  readonly profilLineOf: Map<string, number>
}

function assemble(records: readonly CsvRecord[]): Assembled {
  const vocabulary = words()
  const rows = records.filter((r) => !isBlank(r))
  const first = rows[0]
  if (first === undefined || loose(first.cells[0] ?? '') !== loose(MARKER)) {
    throw csvError(
      first?.line ?? 1,
      'A',
      `fichier de budget ACI-CPTS attendu, commençant par « ${MARKER} ; ${FORMAT} » (séparateur point-virgule)`
    )
  }
  if (loose(first.cells[1] ?? '') !== loose(FORMAT)) {
    throw csvError(first.line, 'B', `version du format attendue : « ${FORMAT} »`)
  }
  const profil: Record<string, unknown> = { missions: [] }
  const exercice: Record<string, unknown> = {}
  const seuils: Record<string, unknown> = {}
  const missions: Record<string, unknown>[] = []
  const lignes: Record<string, unknown>[] = []
  const lineOf: number[] = []
  const missionLineOf: number[] = []
  const profilLineOf = new Map<string, number>()
  let block: Block | undefined
  let sectionColumns: { index: number; section: Section }[] = []
  let actual: ActualLayout = NO_ACTUALS
  let headerWidth = 0
  for (const row of rows.slice(1)) {
    const cells = row.cells.map((c) => c.trim())
    const cell = (i: number) => cells[i] ?? ''
    // A row that starts with an account number is a line, never a block's header.
    const header = /^\d/.test(cell(0)) ? undefined : vocabulary.blocks.get(loose(cell(0)))
    if (header !== undefined) {
      block = header
      if (header === 'lignes') {
        headerWidth = cells.length
        sectionColumns = []
        actual = { amount: undefined, mode: undefined, sections: [] }
        cells.forEach((c, index) => {
          if (index < 6) return
          const name = loose(c)
          const section = vocabulary.sections.get(name)
          if (section !== undefined) sectionColumns.push({ index, section })
          else if (name === LOOSE_REALISE) actual = { ...actual, amount: index }
          else if (name === LOOSE_REALISE_MODE) actual = { ...actual, mode: index }
          else if (name.startsWith(`${LOOSE_REALISE} `)) {
            const of = vocabulary.sections.get(name.slice(LOOSE_REALISE.length + 1))
            if (of === undefined) {
              throw csvError(row.line, `colonne ${index + 1}`, `section inconnue « ${c} »`)
            }
            actual.sections.push({ index, section: of })
          } else if (c !== '') {
            throw csvError(row.line, `colonne ${index + 1}`, `section inconnue « ${c} »`)
          }
        })
      }
      continue
    }
    const width = block === 'profil' ? 2 : block === 'missions' ? 4 : headerWidth
    const extra = cells.findIndex((c, i) => i >= width && c !== '')
    if (block !== undefined && extra >= 0) {
      throw csvError(
        row.line,
        `colonne ${extra + 1}`,
        `valeur en trop « ${cells[extra]} » : un point-virgule dans un texte doit être entre guillemets`
      )
    }
    if (block === 'profil') {
      const key = vocabulary.profil.get(loose(cell(0)))
      if (key === undefined) {
        throw csvError(
          row.line,
          'A',
          `information du profil inconnue « ${cell(0)} » ; attendues : ${Object.values(PROFIL_KEYS).join(', ')}`
        )
      }
      profilLineOf.set(key, row.line)
      const value = cell(1)
      if (value === '') continue
      if (key === 'nom') profil.nom = fromText(value)
      else if (key === 'taille' || key === 'population') profil[key] = fromInteger(value)
      else if (key === 'signature') profil.signature = fromDate(value)
      else if (key === 'version') profil.version = value
      else if (key === 'debut' || key === 'fin') exercice[key] = fromDate(value)
      else seuils[key] = fromPercent(value)
    } else if (block === 'missions') {
      const mission: Record<string, unknown> = {
        mission: lookup(vocabulary.missions, cell(0)),
        debut: fromDate(cell(1)),
      }
      if (cell(2) !== '') mission.taux = fromRate(cell(2))
      if (cell(3) !== '') mission.phase = lookup(vocabulary.phases, cell(3))
      missions.push(mission)
      missionLineOf.push(row.line)
    } else if (block === 'lignes') {
      const ligne: Record<string, unknown> = {
        compte: cell(0),
        libelle: fromText(cell(1)),
        montant: fromAmount(cell(2)),
      }
      const mode = cell(3) === '' ? undefined : lookup(vocabulary.modes, cell(3))
      const filled = sectionColumns.filter((c) => cell(c.index) !== '')
      if (mode !== undefined) {
        ligne.repartition = {
          mode,
          parts: filled.map((c) =>
            mode === 'cles'
              ? { section: c.section, pourcentage: fromPercent(cell(c.index)) }
              : { section: c.section, montant: fromAmount(cell(c.index)) }
          ),
        }
      } else if (filled.length > 0) {
        throw csvError(
          row.line,
          'Répartition',
          'les sections sont remplies mais le mode de répartition manque : « montants » ou « clés »'
        )
      }
      if (cell(4) !== '') ligne.financeur = lookup(vocabulary.financeurs, cell(4))
      if (cell(5) !== '') ligne.beneficiaire = fromText(cell(5))
      if (actual.amount !== undefined && cell(actual.amount) !== '') {
        ligne.realise = fromAmount(cell(actual.amount))
      }
      const actualMode =
        actual.mode === undefined || cell(actual.mode) === ''
          ? undefined
          : lookup(vocabulary.modes, cell(actual.mode))
      const actualFilled = actual.sections.filter((c) => cell(c.index) !== '')
      if (actualMode !== undefined) {
        ligne.repartitionRealise = {
          mode: actualMode,
          parts: actualFilled.map((c) =>
            actualMode === 'cles'
              ? { section: c.section, pourcentage: fromPercent(cell(c.index)) }
              : { section: c.section, montant: fromAmount(cell(c.index)) }
          ),
        }
      } else if (actualFilled.length > 0) {
        throw csvError(
          row.line,
          REALISE_MODE,
          'les sections du réalisé sont remplies mais le mode de répartition du réalisé manque : « montants » ou « clés »'
        )
      }
      lignes.push(ligne)
      lineOf.push(row.line)
    } else {
      throw csvError(row.line, 'A', 'bloc « Profil », « Missions engagées » ou « Compte » attendu')
    }
  }
  if (Object.keys(exercice).length > 0) profil.exercice = exercice
  if (Object.keys(seuils).length > 0) profil.seuils = seuils
  profil.missions = missions
  return { raw: { profil, lignes }, lineOf, missionLineOf, profilLineOf }
}

const PROFIL_FIELD: Record<string, ProfilKey> = {
  'profil.nom': 'nom',
  'profil.taille': 'taille',
  'profil.population': 'population',
  'profil.signature': 'signature',
  'profil.version': 'version',
  'profil.exercice.debut': 'debut',
  'profil.exercice.fin': 'fin',
  'profil.seuils.thesaurisation': 'thesaurisation',
  'profil.seuils.pass': 'pass',
}

/** The CSV line an error of parseBudget is about, when it can be told. */
function csvLineOf(argument: string | undefined, a: Assembled): number | undefined {
  if (argument === undefined) return undefined
  const line = /^lignes\[(\d+)\]/.exec(argument)
  if (line !== null) return a.lineOf[Number(line[1])]
  const mission = /^profil\.missions\[(\d+)\]/.exec(argument)
  if (mission !== null) return a.missionLineOf[Number(mission[1])]
  const key = PROFIL_FIELD[argument]
  return key === undefined ? undefined : a.profilLineOf.get(key)
}

/**
 * Reads a budget from CSV text as budgetToCsv writes it, or as French Excel saves it after
 * editing ("CSV UTF-8 (délimité par des points-virgules)": amounts like 42 000,00, dates
 * JJ/MM/AAAA, percentages like 40 %). Fails naming the CSV line, then as parseBudget does.
 */
export function budgetFromCsv(text: string): BudgetDocument {
  const { records, unterminatedAt } = readCsv(text)
  if (unterminatedAt !== undefined) {
    throw csvError(unterminatedAt, 'texte entre guillemets', 'guillemet fermant manquant')
  }
  const assembled = assemble(records)
  try {
    return parseBudget(assembled.raw)
  } catch (error) {
    if (!isAciError(error)) throw error
    const line = csvLineOf(error.argument, assembled)
    if (line === undefined) throw error
    throw new AciError(error.code, `ligne ${line} du fichier CSV, ${error.message}`, error.argument)
  }
}
