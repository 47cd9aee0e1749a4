// The register's time entries as a French Excel CSV (one row per entry), both ways, and the month's payments as CSV for the treasurer.
import { readCsv, writeCsv } from '../budget/csv-format'
import { AciError, isAciError } from '../errors'
import { parseMission } from '../missions'
import { type Decimal, sum, ZERO } from '../money'
import { normalizeWords } from '../text'
import { type DecodedText, type DecodeOptions, decodeText } from '../text/decode'
import { nameKey } from '../text/names'
import { NATURE_LABELS } from './budget-lines'
import type { CalculRegistre, StatutPlafond } from './compute'
import { parseRegistre, type Registre } from './parse'

const MARKER = 'Registre des temps ACI-CPTS'

/** The columns of an entry row, as the CSV heads them. */
const COLUMNS = {
  date: 'Date',
  personne: 'Personne',
  profession: 'Profession',
  membre: 'Membre à jour',
  heures: 'Heures',
  section: 'Section',
  activite: 'Activité',
  nature: 'Nature',
  verse: 'Versé le',
} as const
type Column = keyof typeof COLUMNS
const REQUIRED: readonly Column[] = ['date', 'personne', 'heures', 'section', 'nature']

function csvError(line: number, column: string, message: string): AciError {
  const argument = `ligne ${line}, ${column}`
  return new AciError('csv_invalide', `${argument} : ${message}.`, argument)
}

/** Words compared without case, accents or punctuation. */
function loose(text: string): string {
  return normalizeWords(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const HEADER_WORDS = new Map<string, Column>([
  ...(Object.entries(COLUMNS) as [Column, string][]).map(
    ([key, label]) => [loose(label), key] as const
  ),
  ['membre', 'membre'],
  ['verse', 'verse'],
  ['date de versement', 'verse'],
  ['duree', 'heures'],
  ['duree h', 'heures'],
  ['nombre d heures', 'heures'],
])

const NATURE_WORDS = new Map([
  ['indemnite', 'indemnite'],
  ['indemnites', 'indemnite'],
  ['indemnite pour perte de ressources', 'indemnite'],
  ['ipr', 'indemnite'],
  ['remuneration', 'remuneration'],
  ['remunerations', 'remuneration'],
  ['remuneration de mission', 'remuneration'],
  ['remuneration de la participation aux missions', 'remuneration'],
  ['rpmsp', 'remuneration'],
])

const SECTION_WORDS = new Map([
  ['fonctionnement', 'fonctionnement'],
  ['gouvernance', 'fonctionnement'],
  ['hors aci', 'hors_aci'],
])

const YES = new Set(['oui', 'vrai', 'true', 'x', '1'])
const NO = new Set(['non', 'faux', 'false', '0'])

/** A leading apostrophe (Excel's « text, not a formula ») is not part of the text. */
function fromText(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell
}

/** 15/03/2026 → 2026-03-15; anything else is left for the schema to refuse. */
function fromDate(cell: string): string {
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell)
  if (french === null) return cell
  const [, d, m, y] = french as unknown as [string, string, string, string]
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
}

/** "1,5" → "1.5"; spaces Excel puts between groups of digits removed. */
function fromNumber(cell: string): string {
  return cell.replace(/[ \u00a0\u202f]/g, '').replace(',', '.')
}

function sectionOf(cell: string, line: number): string {
  const word = SECTION_WORDS.get(loose(cell))
  if (word !== undefined) return word
  try {
    return parseMission(cell, COLUMNS.section)
  } catch (error) {
    if (!isAciError(error)) throw error
    throw csvError(
      line,
      COLUMNS.section,
      `« ${cell} » : fonctionnement (ou gouvernance), une mission (accès, parcours, prévention, crise, qualité, accompagnement) ou hors ACI attendu`
    )
  }
}

/** The rates and, optionally, the people and options the CSV does not carry. */
export interface RegistreComplement {
  readonly taux: readonly unknown[]
  readonly personnes?: readonly unknown[]
  readonly options?: unknown
}

interface Assembled {
  readonly raw: Record<string, unknown>
  /** `temps[3]` → its CSV line; `personnes[1]` → the line that first named that person. */
  readonly lineOf: ReadonlyMap<string, number>
}

function assemble(text: string, complement: RegistreComplement): Assembled {
  const { records, unterminatedAt } = readCsv(text)
  if (unterminatedAt !== undefined) {
    throw csvError(unterminatedAt, 'texte entre guillemets', 'guillemet fermant manquant')
  }
  let i = 0
  for (; i < records.length; i++) {
    const first = loose(records[i]?.cells[0] ?? '')
    if (first === 'date') break
  }
  const header = records[i]
  if (header === undefined) {
    throw csvError(
      1,
      'en-tête',
      `ligne d’en-tête introuvable ; attendu une ligne qui commence par « ${COLUMNS.date} » (${Object.values(COLUMNS).join(' ; ')})`
    )
  }
  const columns = new Map<Column, number>()
  header.cells.forEach((cell, k) => {
    const key = HEADER_WORDS.get(loose(cell))
    if (key !== undefined && !columns.has(key)) columns.set(key, k)
  })
  for (const key of REQUIRED) {
    if (!columns.has(key)) {
      throw csvError(header.at, 'en-tête', `colonne « ${COLUMNS[key]} » absente`)
    }
  }
  const personnes: Record<string, unknown>[] = [
    ...((complement.personnes ?? []) as Record<string, unknown>[]),
  ]
  const byKey = new Map<string, { index: number; line: number | undefined }>()
  personnes.forEach((p, index) => {
    if (typeof p?.id === 'string') byKey.set(nameKey(p.id), { index, line: undefined })
  })
  const lineOf = new Map<string, number>()
  const temps: Record<string, unknown>[] = []
  for (const r of records.slice(i + 1)) {
    if (r.cells.every((c) => c.trim() === '')) continue
    const cell = (key: Column): string | undefined => {
      const k = columns.get(key)
      const value = k === undefined ? '' : (r.cells[k] ?? '').trim()
      return value === '' ? undefined : fromText(value)
    }
    const name = cell('personne') ?? ''
    const profession = cell('profession')
    const membreCell = cell('membre')
    let membre: boolean | undefined
    if (membreCell !== undefined) {
      const word = loose(membreCell)
      if (YES.has(word)) membre = true
      else if (NO.has(word)) membre = false
      else throw csvError(r.at, COLUMNS.membre, `« ${membreCell} » : oui ou non attendu`)
    }
    const key = nameKey(name)
    const known = byKey.get(key)
    if (known === undefined && key !== '') {
      if (profession === undefined) {
        throw csvError(
          r.at,
          COLUMNS.profession,
          `profession de « ${name} » attendue à sa première ligne (elle désigne son taux horaire)`
        )
      }
      const index = personnes.length
      personnes.push({ id: name, profession, ...(membre === undefined ? {} : { membre }) })
      byKey.set(key, { index, line: r.at })
      lineOf.set(`personnes[${index}]`, r.at)
    } else if (known !== undefined) {
      const person = personnes[known.index] as Record<string, unknown>
      if (profession !== undefined && nameKey(profession) !== nameKey(String(person.profession))) {
        const where =
          known.line === undefined ? 'dans la liste des personnes' : `ligne ${known.line}`
        throw csvError(
          r.at,
          COLUMNS.profession,
          `« ${name} » a déjà la profession « ${String(person.profession)} » (${where}) ; une personne a une profession`
        )
      }
      if (membre !== undefined) {
        if (person.membre !== undefined && person.membre !== membre) {
          throw csvError(
            r.at,
            COLUMNS.membre,
            `« ${name} » est déjà dit ${person.membre ? 'membre à jour' : 'non à jour'} plus haut`
          )
        }
        person.membre = membre
      }
    }
    const sectionCell = cell('section')
    const natureCell = cell('nature')
    const activite = cell('activite')
    const verse = cell('verse')
    const heures = cell('heures')
    lineOf.set(`temps[${temps.length}]`, r.at)
    temps.push({
      personne: name,
      date: fromDate(cell('date') ?? ''),
      heures: heures === undefined ? '' : fromNumber(heures),
      section: sectionCell === undefined ? '' : sectionOf(sectionCell, r.at),
      ...(activite === undefined ? {} : { activite }),
      nature: natureCell === undefined ? '' : (NATURE_WORDS.get(loose(natureCell)) ?? natureCell),
      ...(verse === undefined ? {} : { verse: fromDate(verse) }),
    })
  }
  return {
    raw: {
      personnes,
      taux: [...complement.taux],
      temps,
      ...(complement.options === undefined ? {} : { options: complement.options }),
    },
    lineOf,
  }
}

const FIELD_COLUMNS: Readonly<Record<string, string>> = {
  personne: COLUMNS.personne,
  id: COLUMNS.personne,
  profession: COLUMNS.profession,
  membre: COLUMNS.membre,
  date: COLUMNS.date,
  heures: COLUMNS.heures,
  section: COLUMNS.section,
  activite: COLUMNS.activite,
  nature: COLUMNS.nature,
  verse: COLUMNS.verse,
}

/** The message of a parse error without its leading field path (the CSV names line and column). */
function messageOf(error: AciError): string {
  const text = error.message.replace(/^[^ ]+ : /, '')
  return text.endsWith('.') ? text.slice(0, -1) : text
}

export interface RegistreCsv {
  readonly registre: Registre
  /** The encoding read, when bytes were given. */
  readonly encodage: DecodedText['encodage'] | undefined
}

/**
 * Reads the time entries from CSV (bytes as the file holds them, decoded by the core's decoder
 * so that French Excel's Windows-1252 works, or text already decoded): a header row that starts
 * with « Date », then one row per entry (15/03/2026 ; Martin ; infirmier ; oui ; 1,5 ; parcours ;
 * réunion ; indemnité ; 30/04/2026). A person's profession is given at their first row (or in
 * `complement.personnes`); the rates come from `complement.taux`. Fails naming the CSV line and
 * column; an error in the rates names the rate.
 */
export function registreFromCsv(
  input: Uint8Array | string,
  complement: RegistreComplement,
  decode: DecodeOptions = {}
): RegistreCsv {
  const decoded = typeof input === 'string' ? undefined : decodeText(input, decode)
  const text = decoded?.text ?? (input as string)
  if (text.includes('\ufffd')) {
    throw csvError(
      1,
      'encodage',
      'le texte contient des caractères illisibles (�) : le fichier a sans doute été lu dans un autre encodage que le sien (UTF-8 ou Windows-1252)'
    )
  }
  const assembled = assemble(text, complement)
  try {
    return { registre: parseRegistre(assembled.raw), encodage: decoded?.encodage }
  } catch (error) {
    if (!isAciError(error) || error.argument === undefined) throw error
    const path = error.argument.replace(/^registre\.?/, '')
    const row = /^(temps|personnes)\[\d+\]/.exec(path)?.[0]
    const line = row === undefined ? undefined : assembled.lineOf.get(row)
    if (line === undefined) throw error
    const field = /\.([a-z]+)$/.exec(path)?.[1]
    throw csvError(line, (field && FIELD_COLUMNS[field]) ?? 'ligne', messageOf(error))
  }
}

/** Text Excel would run as a formula gets a leading apostrophe, which the reader removes. */
function textCell(text: string): string {
  return /^[=+\-@\t\r']/.test(text) ? `'${text}` : text
}

function frenchNumber(value: Decimal, decimals?: number): string {
  return (decimals === undefined ? value.toFixed() : value.toFixed(decimals)).replace('.', ',')
}

function frenchDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

/** The register's entries as CSV for French Excel, as registreFromCsv reads them (the rates stay apart). */
export function tempsToCsv(registre: Registre): string {
  const seen = new Set<string>()
  return writeCsv([
    [MARKER],
    [],
    Object.values(COLUMNS),
    ...registre.temps.map((t) => {
      const first = !seen.has(t.personne.cle)
      seen.add(t.personne.cle)
      return [
        frenchDate(t.date),
        textCell(t.ecrit),
        first ? textCell(t.personne.profession) : '',
        first && t.personne.membre !== undefined ? (t.personne.membre ? 'oui' : 'non') : '',
        frenchNumber(t.heures),
        t.section,
        t.activite === undefined ? '' : textCell(t.activite),
        t.nature,
        t.verse === undefined ? '' : frenchDate(t.verse),
      ]
    }),
  ])
}

const STATUT_LABELS: Readonly<Record<StatutPlafond, string>> = {
  'sous-plafond': 'sous le plafond',
  alerte: 'proche du plafond',
  depasse: 'plafond dépassé',
  'pass-inconnu': 'PASS inconnu',
  'avant-plafond': 'non plafonné',
}

/**
 * The month's payments (AAAA-MM: the entries dated in that month), one row per person and nature
 * with hours, amount, what is already paid and what remains, and the person's standing against
 * the PASS of that calendar year; a total row. French Excel CSV, UTF-8 with BOM, decimal comma.
 */
export function paiementsDuMoisCsv(calcul: CalculRegistre, mois: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(mois)) {
    throw new AciError(
      'date_invalide',
      `mois : mois attendu au format AAAA-MM, reçu « ${mois} ».`,
      'mois'
    )
  }
  const annee = Number(mois.slice(0, 4))
  const entries = calcul.registre.temps.filter((t) => t.date.startsWith(mois))
  const rows: string[][] = []
  let heures = ZERO
  let montant = ZERO
  let verse = ZERO
  for (const personne of calcul.registre.personnes) {
    for (const nature of ['indemnite', 'remuneration'] as const) {
      const list = entries.filter((t) => t.personne.cle === personne.cle && t.nature === nature)
      if (list.length === 0) continue
      const h = sum(list.map((t) => t.heures))
      const m = sum(list.map((t) => t.montant))
      const v = sum(list.filter((t) => t.verse !== undefined).map((t) => t.montant))
      heures = heures.plus(h)
      montant = montant.plus(m)
      verse = verse.plus(v)
      const plafond = calcul.plafonds.find(
        (p) => p.personne.cle === personne.cle && p.annee === annee
      )
      rows.push([
        textCell(personne.id),
        textCell(personne.profession),
        NATURE_LABELS[nature],
        frenchNumber(h),
        frenchNumber(m, 2),
        frenchNumber(v, 2),
        frenchNumber(m.minus(v), 2),
        plafond === undefined ? '' : frenchNumber(plafond.total, 2),
        plafond?.plafond === undefined ? '' : frenchNumber(plafond.plafond, 2),
        plafond === undefined ? '' : STATUT_LABELS[plafond.statut],
      ])
    }
  }
  const total =
    rows.length === 0
      ? []
      : [
          [
            'Total',
            '',
            '',
            frenchNumber(heures),
            frenchNumber(montant, 2),
            frenchNumber(verse, 2),
            frenchNumber(montant.minus(verse), 2),
            '',
            '',
            '',
          ],
        ]
  return writeCsv([
    [`Paiements du mois ${mois.slice(5, 7)}/${mois.slice(0, 4)} – ${MARKER}`],
    [],
    [
      'Personne',
      'Profession',
      'Nature',
      'Heures',
      'Montant',
      'Déjà versé',
      'Reste à verser',
      `Perçu en ${annee}`,
      `PASS ${annee}`,
      'Plafond',
    ],
    ...rows,
    ...total,
  ])
}
