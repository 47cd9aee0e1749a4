// A fast yes to « does budgetSchema accept this? »: the same rules, written out without building issues, for the budgets that are right.
import { isIsoDate } from '../dates'
import { MISSION_CODES } from '../missions'
import { PHASES } from '../rates/schema'
import { isDigit } from '../text/chars'
import { isCompte, natureOf } from './accounts'
import { centsOf, isCanonicalAmount } from './cents'
import { FINANCEURS } from './financeurs'
import { SECTIONS, sectionIndex } from './sections'

// Every pattern is the schema's own (schema.ts, wire-schemas.ts). This predicate may say no to
// a document the schema accepts (parseBudget then asks the schema, which decides), never yes to
// one it refuses: a property test compares the two on generated documents.

const TEXT = /^[^\r\n]*\S[^\r\n]*$/
const TAUX = /^(0(\.\d{1,9})?|1(\.0{1,9})?)$/
const VERSION = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/

type Fields = Record<string, unknown>

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isText = (value: unknown): boolean =>
  typeof value === 'string' && value.length <= 300 && isLineOfText(value)

/**
 * TEXT, one line holding something: no line break, found by two native searches, then the
 * usual label's first character (printable ASCII, not a space) says the rest; the pattern
 * decides any other.
 */
export function isLineOfText(text: string): boolean {
  if (text.indexOf('\n') !== -1 || text.indexOf('\r') !== -1) return false
  const first = text.charCodeAt(0)
  return (first > 32 && first < 127) || TEXT.test(text)
}

const isDate = (value: unknown): boolean => typeof value === 'string' && isIsoDate(value)

/** The schema's amount pattern (-?\d{1,13}(\.\d{1,2})?), which centsOf reads exactly. */
const isAmount = (value: unknown): boolean =>
  typeof value === 'string' && centsOf(value) !== undefined

const isPourcentage = (value: unknown): boolean => typeof value === 'string' && isPercentText(value)

/**
 * POURCENTAGE read character by character, for every key of every split: 0 to 99 with at most
 * four decimals, or 100 with only zeros after its point.
 */
export function isPercentText(text: string): boolean {
  const length = text.length
  let whole = 0
  while (whole < length && whole < 3 && isDigit(text.charCodeAt(whole))) whole++
  if (whole === 0) return false
  const hundred = whole === 3
  if (
    hundred &&
    !(text.charCodeAt(0) === 49 && text.charCodeAt(1) === 48 && text.charCodeAt(2) === 48)
  ) {
    return false
  }
  if (whole === length) return true
  const decimals = length - whole - 1
  if (text.charCodeAt(whole) !== 46 || decimals < 1 || decimals > 4) return false
  for (let i = whole + 1; i < length; i++) {
    const c = text.charCodeAt(i)
    if (hundred ? c !== 48 : !isDigit(c)) return false
  }
  return true
}

/** A whole number of inhabitants, 0 to 100 000 000. */
const isPopulation = (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100_000_000

const isOneOf = (list: readonly unknown[], value: unknown): boolean => list.includes(value)

/** The keys a strict object knows, one bit each (its place in the list), and the bits of those it requires. */
interface KeySet {
  readonly known: readonly string[]
  readonly required: number
}

function keySet(known: readonly string[], required: readonly string[]): KeySet {
  let mask = 0
  for (const key of required) mask |= 1 << known.indexOf(key)
  return { known, required: mask }
}

/**
 * Only the keys a strict object knows, the required ones present, and with `inOrder` in the
 * list's order (the canonical order of a Budget's fields, in which a line kept as it is must
 * already be): one pass over its keys, a bit set for each (no `in` test per required key, which
 * costs more than the rest on objects fresh from JSON.parse). Each key is looked for in the list
 * with ===: a property's name and the list's are the same interned string, told apart at once,
 * and a list of at most eight is read faster than a map is hashed.
 */
function onlyKeys(o: Fields, keys: KeySet, inOrder = false): boolean {
  const known = keys.known
  const count = known.length
  let seen = 0
  let previous = -1
  for (const key in o) {
    let i = 0
    while (i < count && known[i] !== key) i++
    if (i === count || (inOrder && i < previous)) return false
    previous = i
    seen |= 1 << i
  }
  return (seen & keys.required) === keys.required
}

const MISSION_KEYS = keySet(['mission', 'debut', 'taux', 'phase'], ['mission', 'debut'])
const PROFIL_KEYS = keySet(
  ['nom', 'taille', 'population', 'signature', 'version', 'exercice', 'missions', 'seuils'],
  ['nom', 'signature', 'exercice', 'missions']
)
const EXERCICE_KEYS = keySet(['debut', 'fin'], ['debut', 'fin'])
const SEUILS_KEYS = keySet(['thesaurisation', 'pass'], [])
const LIGNE_KEYS = keySet(
  [
    'compte',
    'libelle',
    'montant',
    'realise',
    'repartition',
    'repartitionRealise',
    'financeur',
    'beneficiaire',
  ],
  ['compte', 'libelle', 'montant']
)
const REPARTITION_KEYS = keySet(['mode', 'parts'], ['mode', 'parts'])
const MONTANT_PART_KEYS = keySet(['section', 'montant'], ['section', 'montant'])
const CLE_PART_KEYS = keySet(['section', 'pourcentage'], ['section', 'pourcentage'])
const BUDGET_KEYS = keySet(['$schema', 'profil', 'lignes'], ['profil', 'lignes'])

function isMission(m: unknown): boolean {
  return (
    isObject(m) &&
    onlyKeys(m, MISSION_KEYS) &&
    isOneOf(MISSION_CODES, m.mission) &&
    isDate(m.debut) &&
    (m.taux === undefined || (typeof m.taux === 'string' && TAUX.test(m.taux))) &&
    (m.phase === undefined || isOneOf(PHASES, m.phase))
  )
}

function isProfil(p: unknown): boolean {
  if (!isObject(p) || !onlyKeys(p, PROFIL_KEYS)) {
    return false
  }
  const { exercice, missions, seuils, population } = p
  if (
    !isText(p.nom) ||
    (p.taille !== undefined && !isOneOf([1, 2, 3, 4], p.taille)) ||
    (population !== undefined && !isPopulation(population)) ||
    !isDate(p.signature) ||
    (p.version !== undefined && !(typeof p.version === 'string' && VERSION.test(p.version))) ||
    !isObject(exercice) ||
    !onlyKeys(exercice, EXERCICE_KEYS) ||
    !isDate(exercice.debut) ||
    !isDate(exercice.fin) ||
    !Array.isArray(missions) ||
    missions.length > MISSION_CODES.length
  ) {
    return false
  }
  // Indexed, not every(): a hole in an array is a missing mission, as the schema sees it.
  for (let i = 0; i < missions.length; i++) if (!isMission(missions[i])) return false
  return (
    seuils === undefined ||
    (isObject(seuils) &&
      onlyKeys(seuils, SEUILS_KEYS) &&
      (seuils.thesaurisation === undefined || isPourcentage(seuils.thesaurisation)) &&
      (seuils.pass === undefined || isPourcentage(seuils.pass)))
  )
}

/**
 * A split; `keys`: whether its keys and its parts' are to be checked (see isLigneWritten).
 * `canonical`: also as canonicalization leaves it (see isReadyLigne): keys in canonical order,
 * the parts' sections each once and in SECTIONS order, their values in canonical form.
 */
function isRepartition(r: unknown, keys: boolean, canonical = false): boolean {
  if (!isObject(r) || (keys && !onlyKeys(r, REPARTITION_KEYS, canonical))) return false
  const parts = r.parts
  if (!Array.isArray(parts) || parts.length < 1 || parts.length > SECTIONS.length) return false
  const amounts = r.mode === 'montants'
  if (!amounts && r.mode !== 'cles') return false
  const partKeys = amounts ? MONTANT_PART_KEYS : CLE_PART_KEYS
  let previous = -1
  // Indexed, not for…of: a hole in the array is a part that is not an object.
  for (let j = 0; j < parts.length; j++) {
    const part = parts[j]
    if (!isObject(part) || (keys && !onlyKeys(part, partKeys, canonical))) return false
    if (canonical) {
      const index = typeof part.section === 'string' ? sectionIndex(part.section) : -1
      if (index <= previous) return false
      previous = index
    } else if (!isOneOf(SECTIONS, part.section)) {
      return false
    }
    const value = amounts ? part.montant : part.pourcentage
    const valid = canonical
      ? amounts
        ? isCanonicalAmountText(value)
        : isCanonicalPercent(value)
      : amounts
        ? isAmount(value)
        : isPourcentage(value)
    if (!valid) return false
  }
  return true
}

/** One line as budgetSchema takes it (the same may-say-no rule as isBudgetShape). */
export function isLigne(l: unknown): boolean {
  return isLigneOf(l, true)
}

/**
 * isLigne for a line one of the core's readers wrote, field by field: it holds a line's fields
 * and no other, in its split and parts too, so only their values are checked. The required
 * fields need no look at the keys either: a value that is missing is not a string.
 */
export function isLigneWritten(l: unknown): boolean {
  return isLigneOf(l, false)
}

function isLigneOf(l: unknown, keys: boolean): boolean {
  return (
    isObject(l) &&
    (!keys || onlyKeys(l, LIGNE_KEYS)) &&
    typeof l.compte === 'string' &&
    isCompte(l.compte) &&
    isText(l.libelle) &&
    isAmount(l.montant) &&
    (l.realise === undefined || isAmount(l.realise)) &&
    (l.repartition === undefined || isRepartition(l.repartition, keys)) &&
    (l.repartitionRealise === undefined || isRepartition(l.repartitionRealise, keys)) &&
    (l.financeur === undefined || isOneOf(FINANCEURS, l.financeur)) &&
    (l.beneficiaire === undefined || isText(l.beneficiaire))
  )
}

/**
 * True only when budgetSchema accepts the input as it is. Fast on the budgets that are right
 * (no issue built, nothing copied); for the others the schema speaks, with its French messages.
 */
export function isBudgetShape(input: unknown): boolean {
  if (!isBudgetFrame(input)) return false
  const lignes = (input as { lignes: unknown[] }).lignes
  for (let i = 0; i < lignes.length; i++) if (!isLigne(lignes[i])) return false
  return true
}

/**
 * isBudgetShape without the lines: the document's keys, its profile, and an array of lines, each
 * of which isLigne then says of, where the reader goes over them anyway.
 */
export function isBudgetFrame(input: unknown): boolean {
  if (!isObject(input) || !onlyKeys(input, BUDGET_KEYS)) return false
  if (input.$schema !== undefined && typeof input.$schema !== 'string') return false
  return Array.isArray(input.lignes) && isProfil(input.profil)
}

/**
 * A text as canonicalization leaves it: TEXT, and trimmed (its ends not white space). `oneLine`:
 * the text is known to hold no line break (a cell of a CSV without quotes), so that only its
 * length says whether it holds something, its ends being no white space.
 */
export function isTrimmedText(value: unknown, oneLine = false): boolean {
  if (typeof value !== 'string' || value.length > 300) return false
  if (oneLine ? value.length === 0 : !isLineOfText(value)) return false
  const first = value.charCodeAt(0)
  const last = value.charCodeAt(value.length - 1)
  // Printable ASCII at both ends says it at once; any other end is asked of trim.
  return (first > 32 && first < 127 && last > 32 && last < 127) || value.trim() === value
}

/**
 * An amount as centsToString writes it, within the schema's thirteen digits before the point;
 * `separator` as isCanonicalAmount's (a comma: as this project's CSV files write an amount).
 */
export function isCanonicalAmountText(value: unknown, separator = 46): boolean {
  if (typeof value !== 'string' || !isCanonicalAmount(value, separator)) return false
  const sign = value.charCodeAt(0) === 45 /* - */ ? 1 : 0
  return value.length - sign - 3 <= 13
}

/** A key of a split as minimalDecimal leaves it: POURCENTAGE, and no trailing zero after a point. */
export function isCanonicalPercent(value: unknown): boolean {
  if (typeof value !== 'string' || !isPercentText(value)) return false
  const last = value.charCodeAt(value.length - 1)
  return last !== 48 /* 0 */ || value.indexOf('.') === -1
}

/**
 * A line that needs nothing more, as it stands: isLigne says yes to it, checkLigne nothing
 * against it, and canonicalization leaves it as it is (fields in canonical order, texts trimmed,
 * amounts as centsToString writes them, keys without trailing zeros, parts in section order). A
 * parse keeps such a line after this one look, where any other is checked, then canonicalized.
 * It may say no to a line that is (it is then read the long way), never yes to one that is not:
 * a property test holds it to that.
 */
export function isReadyLigne(l: unknown): boolean {
  return (
    isObject(l) &&
    onlyKeys(l, LIGNE_KEYS, true) &&
    isCanonicalAmountText(l.montant) &&
    (l.realise === undefined || isCanonicalAmountText(l.realise)) &&
    (l.repartition === undefined || isRepartition(l.repartition, true, true)) &&
    (l.repartitionRealise === undefined ||
      (l.realise !== undefined && isRepartition(l.repartitionRealise, true, true))) &&
    hasReadyWords(l)
  )
}

/**
 * isReadyLigne's rules for a line's words, its amounts and splits aside: an account of the chart,
 * its label and its beneficiary trimmed texts (`oneLine` as isTrimmedText's), a known funder, a
 * beneficiary only on a charge. The rows reader asks them of a line whose amounts and splits it
 * found canonical as it read them.
 */
export function hasReadyWords(l: Fields, oneLine = false): boolean {
  const compte = l.compte
  return (
    typeof compte === 'string' &&
    isCompte(compte) &&
    isTrimmedText(l.libelle, oneLine) &&
    (l.financeur === undefined || isOneOf(FINANCEURS, l.financeur)) &&
    (l.beneficiaire === undefined ||
      (isTrimmedText(l.beneficiaire, oneLine) && natureOf(compte) === 'charge'))
  )
}
