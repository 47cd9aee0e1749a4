// The FEC reader: the Fichier des écritures comptables (art. A47 A-1 LPF) checked whole, then its lines in integer cents.
import { AciError } from '../errors'
import { formatCents } from '../format'
import { isDigit } from '../text/chars'
import { LedgerColumns } from './columns'

/**
 * The 18 columns of art. A47 A-1 of the Livre des procédures fiscales, in their order. The
 * Montant/Sens variant replaces Debit and Credit by Montant and Sens (same article, 2°).
 */
export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const

export type FecFormat = 'debit_credit' | 'montant_sens'

/** One line of the FEC, its amounts in whole cents (one of them is 0 in a well-kept file). */
export interface LedgerLine {
  /** Line number in the file (the header is line 1). */
  readonly ligne: number
  readonly journal: string
  readonly journalLib: string
  readonly ecriture: string
  /** EcritureDate as YYYY-MM-DD. */
  readonly date: string
  readonly compte: string
  readonly compteLib: string
  readonly pieceRef: string
  readonly libelle: string
  readonly debit: number
  readonly credit: number
}

export interface FecProblem {
  /** Line of the file (1 = header); 0 for the file as a whole. */
  readonly ligne: number
  readonly colonne?: string
  readonly message: string
}

export interface Ledger {
  readonly format: FecFormat
  readonly separateur: '\t' | '|'
  /** The fiscal year the file was checked against: given, or from its first and last dates. */
  readonly exercice: { readonly debut: string; readonly fin: string }
  readonly exerciceDonne: boolean
  readonly lignes: readonly LedgerLine[]
  /** The lines by column, as the reader stores them (absent for a ledger built from objects). */
  readonly colonnes?: LedgerColumns
  /** Number of entries (distinct JournalCode + EcritureNum). */
  readonly ecritures: number
  /** What the file lacks without making its figures wrong (an empty PieceRef, a bad ValidDate…). */
  readonly avertissements: readonly FecProblem[]
}

export interface FecOptions {
  /** The fiscal year: every EcritureDate must fall inside it. Absent: the file's own first and last dates. */
  readonly exercice?: { readonly debut: string; readonly fin: string } | undefined
}

/** A FEC read: its ledger, or every problem found and no ledger (never a partial import). */
export type FecReading =
  | { readonly ledger: Ledger; readonly problemes: readonly [] }
  | { readonly ledger: undefined; readonly problemes: readonly FecProblem[] }

/** Problems listed in full up to this count; past it the file is certainly not the one meant. */
const MAX_PROBLEMS = 200

const loose = (name: string) => name.trim().toLowerCase()

/** Where each column sits, by its header name (case ignored, as exporting software varies in it). */
interface Layout {
  readonly width: number
  readonly format: FecFormat
  readonly at: Readonly<Record<string, number>>
}

function layoutOf(header: readonly string[]): Layout | string {
  const at: Record<string, number> = {}
  header.forEach((name, i) => {
    const key = loose(name)
    if (key !== '' && at[key] === undefined) at[key] = i
  })
  const hasDebitCredit = at.debit !== undefined && at.credit !== undefined
  const hasMontantSens = at.montant !== undefined && at.sens !== undefined
  const required = FEC_COLUMNS.filter(
    (c) => hasDebitCredit || (c !== 'Debit' && c !== 'Credit')
  ).map(loose)
  const missing = required.filter((c) => at[c] === undefined)
  if (!hasDebitCredit && !hasMontantSens) missing.push('debit', 'credit')
  if (missing.length > 0) {
    const names = missing.map((m) => FEC_COLUMNS.find((c) => loose(c) === m) ?? m)
    return `colonne${names.length > 1 ? 's' : ''} ${names.join(', ')} absente${names.length > 1 ? 's' : ''} de l’en-tête`
  }
  return { width: header.length, format: hasDebitCredit ? 'debit_credit' : 'montant_sens', at }
}

function notFec(reason: string): FecProblem {
  return {
    ligne: 1,
    message: `Ce fichier n’est pas un fichier des écritures comptables (FEC) : ${reason}. Un FEC (art. A47 A-1 du livre des procédures fiscales) commence par l’en-tête JournalCode, JournalLib, EcritureNum, EcritureDate, CompteNum, CompteLib, CompAuxNum, CompAuxLib, PieceRef, PieceDate, EcritureLib, Debit, Credit, EcritureLet, DateLet, ValidDate, Montantdevise, Idevise, séparé par des tabulations ou des barres verticales (|).`,
  }
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** "20250131" → "2025-01-31", or undefined when it is not a real date written AAAAMMJJ. */
export function fecDate(text: string): string | undefined {
  if (text.length !== 8) return undefined
  let year = 0
  let month = 0
  let day = 0
  for (let i = 0; i < 8; i++) {
    const d = text.charCodeAt(i) - 48
    if (d < 0 || d > 9) return undefined
    if (i < 4) year = year * 10 + d
    else if (i < 6) month = month * 10 + d
    else day = day * 10 + d
  }
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] as number)) {
    return undefined
  }
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) {
    return undefined
  }
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`
}

/**
 * An FEC amount in cents: digits, a decimal comma (a point is read too, the norm having no
 * thousands separator, so it cannot be mistaken), at most two decimals, an optional sign; an empty
 * cell is 0. NaN when it is none of that. Read character by character: it runs for every line.
 */
export function fecCents(text: string): number {
  return centsAt(text, 0, text.length)
}

/** fecCents of text[from, to), read in place. */
function centsAt(text: string, from: number, to: number): number {
  if (to === from) return 0
  let i = from
  let negative = false
  const first = text.charCodeAt(i)
  if (first === 45 || first === 43) {
    negative = first === 45
    i++
  }
  let euros = 0
  let digits = 0
  while (i < to) {
    const c = text.charCodeAt(i)
    if (!isDigit(c)) break
    euros = euros * 10 + (c - 48)
    digits++
    i++
  }
  if (digits === 0 || digits > 13) return Number.NaN
  let cents = 0
  if (i < to) {
    const sep = text.charCodeAt(i)
    const decimals = to - i - 1
    if ((sep !== 44 && sep !== 46) || decimals < 1 || decimals > 2) return Number.NaN
    const d1 = text.charCodeAt(i + 1) - 48
    const d2 = decimals === 2 ? text.charCodeAt(i + 2) - 48 : 0
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return Number.NaN
    cents = d1 * 10 + d2
  }
  const total = euros * 100 + cents
  return negative ? -total : total
}

const frenchIso = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/** Columns whose emptiness makes the figures wrong: an error. */
const ESSENTIAL = ['JournalCode', 'EcritureNum', 'EcritureDate', 'CompteNum'] as const
/** Columns the article requires but the figures do not need: a warning when empty. */
const DESCRIPTIVE = [
  'JournalLib',
  'CompteLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'ValidDate',
] as const

interface EntryState {
  firstLine: number
  balance: number
}

/**
 * Reads a FEC from its text (see decodeText for its bytes). The whole file is checked before
 * anything is returned:
 * - the header names the 18 columns of art. A47 A-1 LPF (case ignored; Montant and Sens may stand
 *   for Debit and Credit), separated by tabs or vertical bars; else the file is refused as not a FEC;
 * - every line has as many fields as the header;
 * - JournalCode, EcritureNum, EcritureDate and CompteNum are filled; EcritureDate is a real date
 *   AAAAMMJJ inside the fiscal year; Debit and Credit (or Montant, and Sens D/C or +1/-1) are
 *   amounts with a decimal comma and at most two decimals;
 * - every entry (a JournalCode and an EcritureNum) balances to the cent.
 * Problems are given with their line numbers, in French; with any of them there is no ledger.
 * Empty descriptive columns (JournalLib, CompteLib, PieceRef, PieceDate, EcritureLib, ValidDate)
 * and malformed PieceDate or ValidDate are warnings: the books' figures do not depend on them.
 */
export function readFec(text: string, options: FecOptions = {}): FecReading {
  const problems: FecProblem[] = []
  const warnings: FecProblem[] = []
  const fail = (problem: FecProblem) => ({ ledger: undefined, problemes: [problem] }) as const
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let end = text.indexOf('\n', start)
  if (end < 0) end = text.length
  const headerText = text.slice(start, text.charCodeAt(end - 1) === 13 ? end - 1 : end)
  if (headerText.trim() === '') return fail(notFec('le fichier est vide'))
  const separateur = headerText.includes('\t') ? '\t' : headerText.includes('|') ? '|' : undefined
  if (separateur === undefined) {
    return fail(
      notFec(
        headerText.includes(';')
          ? 'ses colonnes sont séparées par des points-virgules'
          : 'sa première ligne n’a ni tabulation ni barre verticale'
      )
    )
  }
  const layout = layoutOf(headerText.split(separateur))
  if (typeof layout === 'string') return fail(notFec(layout))

  const { at, width, format } = layout
  const col = (name: string) => at[loose(name)] as number
  const iJournal = col('JournalCode')
  const iJournalLib = col('JournalLib')
  const iNum = col('EcritureNum')
  const iDate = col('EcritureDate')
  const iCompte = col('CompteNum')
  const iCompteLib = col('CompteLib')
  const iPiece = col('PieceRef')
  const iPieceDate = col('PieceDate')
  const iLib = col('EcritureLib')
  const iValid = col('ValidDate')
  const iA = format === 'debit_credit' ? col('Debit') : col('Montant')
  const iB = format === 'debit_credit' ? col('Credit') : col('Sens')
  const given = options.exercice
  const debut = given?.debut
  const fin = given?.fin

  // A year has a few hundred dates, journals and accounts: each is read and kept once, so that
  // the lines share them. Fields are located in the text and only those kept are cut out of it:
  // on a 100 000-line file, allocating and collecting strings is most of the time.
  const columns = new LedgerColumns(text, Math.ceil(text.length / 64))
  const dates = new Map<number, number>()
  const sepCode = separateur.charCodeAt(0)
  const starts = new Int32Array(width)
  const ends = new Int32Array(width)
  const cell = (k: number) => text.slice(starts[k] as number, ends[k] as number)
  /** Does field k hold exactly `value`? Compared in place, without cutting the field out. */
  const holds = (k: number, value: string): boolean =>
    (ends[k] as number) - (starts[k] as number) === value.length &&
    text.startsWith(value, starts[k] as number)
  const labelAt = (k: number): number => columns.labels.of(cell(k))
  const compteAt = (k: number): number => columns.comptes.of(trimmed(cell(k)))
  // The previous line's journal and journal label, and each account's label: usually the same again.
  let lastJournal = -1
  let lastJournalLib = -1
  const compteLabels: number[] = []
  let dateIndex = 0
  let journalIndex = 0
  const blank = (k: number): boolean => {
    const stop = ends[k] as number
    for (let p = starts[k] as number; p < stop; p++) {
      const c = text.charCodeAt(p)
      if (c !== 32 && c !== 9 && c !== 160) return false
    }
    return true
  }
  /** The field's date (its index in the dates read), or -1 when it is not a real AAAAMMJJ date. */
  const dateAt = (k: number): number => {
    const from = starts[k] as number
    if ((ends[k] as number) - from !== 8) return -1
    let key = 0
    for (let p = from; p < from + 8; p++) {
      const d = text.charCodeAt(p) - 48
      if (d < 0 || d > 9) return -1
      key = key * 10 + d
    }
    let index = dates.get(key)
    if (index === undefined) {
      const iso = fecDate(cell(k))
      if (iso === undefined) return -1
      index = columns.dates.of(iso)
      dates.set(key, index)
    }
    return index
  }
  const essential = ESSENTIAL.map(col)
  const descriptive = DESCRIPTIVE.map(col)
  const entries = new Map<string, EntryState>()
  let current: EntryState | undefined
  let currentJournal = ''
  let currentNum = ''
  const add = (problem: FecProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem)
  }
  const warn = (problem: FecProblem) => {
    if (warnings.length < MAX_PROBLEMS) warnings.push(problem)
  }
  let minDate = '9999-12-31'
  let maxDate = '0000-01-01'
  let lineNumber = 1
  start = end + 1
  const length = text.length
  while (start < length) {
    lineNumber++
    end = text.indexOf('\n', start)
    if (end < 0) end = length
    const lineStart = start
    const stop = end > lineStart && text.charCodeAt(end - 1) === 13 ? end - 1 : end
    start = end + 1
    if (stop === lineStart) continue
    let count = 0
    let pos = lineStart
    for (;;) {
      const next = text.indexOf(separateur, pos)
      const fieldEnd = next < 0 || next >= stop ? stop : next
      if (count < width) {
        starts[count] = pos
        ends[count] = fieldEnd
      }
      count++
      if (fieldEnd === stop) break
      pos = fieldEnd + 1
    }
    // Some software ends every line with a separator the header lacks: an empty last field is no field.
    if (count === width + 1 && text.charCodeAt(stop - 1) === sepCode) count = width
    if (count !== width) {
      if (text.slice(lineStart, stop).trim() === '') continue
      add({ ligne: lineNumber, message: `${count} champs au lieu des ${width} de l’en-tête` })
      continue
    }
    let bad = false
    for (let k = 0; k < essential.length; k++) {
      if (blank(essential[k] as number)) {
        const name = ESSENTIAL[k] as string
        add({ ligne: lineNumber, colonne: name, message: `${name} vide` })
        bad = true
      }
    }
    if (bad) continue
    dateIndex = dateAt(iDate)
    if (dateIndex < 0) {
      add({
        ligne: lineNumber,
        colonne: 'EcritureDate',
        message: `date « ${cell(iDate)} » : date réelle au format AAAAMMJJ attendue`,
      })
      continue
    }
    const date = columns.dates.values[dateIndex] as string
    if (debut !== undefined && fin !== undefined && (date < debut || date > fin)) {
      add({
        ligne: lineNumber,
        colonne: 'EcritureDate',
        message: `date du ${frenchIso(date)} hors de l’exercice du ${frenchIso(debut)} au ${frenchIso(fin)}`,
      })
      continue
    }
    let debit: number
    let credit: number
    if (format === 'debit_credit') {
      debit = centsAt(text, starts[iA] as number, ends[iA] as number)
      credit = centsAt(text, starts[iB] as number, ends[iB] as number)
      if (Number.isNaN(debit)) {
        add({ ligne: lineNumber, colonne: 'Debit', message: amountMessage(cell(iA)) })
        continue
      }
      if (Number.isNaN(credit)) {
        add({ ligne: lineNumber, colonne: 'Credit', message: amountMessage(cell(iB)) })
        continue
      }
    } else {
      const a = cell(iA)
      const b = cell(iB)
      const amount = fecCents(a)
      if (Number.isNaN(amount) || a === '') {
        add({ ligne: lineNumber, colonne: 'Montant', message: amountMessage(a) })
        continue
      }
      const sens = b.trim().toUpperCase()
      if (sens === 'D' || sens === '+1' || sens === '1') {
        debit = amount
        credit = 0
      } else if (sens === 'C' || sens === '-1') {
        debit = 0
        credit = amount
      } else {
        add({
          ligne: lineNumber,
          colonne: 'Sens',
          message: `sens « ${b} » : D ou C (ou +1, -1) attendu`,
        })
        continue
      }
    }
    journalIndex =
      lastJournal >= 0 && holds(iJournal, columns.journaux.values[lastJournal] as string)
        ? lastJournal
        : columns.journaux.of(cell(iJournal))
    lastJournal = journalIndex
    const journal = columns.journaux.values[journalIndex] as string
    const ecriture = cell(iNum)
    // The lines of an entry follow one another: the entry is looked up once for all of them.
    if (current === undefined || journal !== currentJournal || ecriture !== currentNum) {
      const key = `${journal}\u0000${ecriture}`
      current = entries.get(key)
      if (current === undefined) {
        current = { firstLine: lineNumber, balance: 0 }
        entries.set(key, current)
      }
      currentJournal = journal
      currentNum = ecriture
    }
    current.balance += debit - credit
    if (date < minDate) minDate = date
    if (date > maxDate) maxDate = date
    for (let k = 0; k < descriptive.length; k++) {
      if (blank(descriptive[k] as number)) {
        const name = DESCRIPTIVE[k] as string
        warn({ ligne: lineNumber, colonne: name, message: `${name} vide` })
      }
    }
    if (ends[iPieceDate] !== starts[iPieceDate] && dateAt(iPieceDate) < 0) {
      warn({
        ligne: lineNumber,
        colonne: 'PieceDate',
        message: `date « ${cell(iPieceDate)} » illisible`,
      })
    }
    if (ends[iValid] !== starts[iValid] && dateAt(iValid) < 0) {
      warn({
        ligne: lineNumber,
        colonne: 'ValidDate',
        message: `date « ${cell(iValid)} » illisible`,
      })
    }
    const i = columns.reserve()
    columns.ligne[i] = lineNumber
    columns.debit[i] = debit
    columns.credit[i] = credit
    columns.date[i] = dateIndex
    columns.journal[i] = journalIndex
    if (
      lastJournalLib < 0 ||
      !holds(iJournalLib, columns.labels.values[lastJournalLib] as string)
    ) {
      lastJournalLib = labelAt(iJournalLib)
    }
    columns.journalLib[i] = lastJournalLib
    const compte = compteAt(iCompte)
    columns.compte[i] = compte
    let label = compteLabels[compte]
    if (label === undefined || !holds(iCompteLib, columns.labels.values[label] as string)) {
      label = labelAt(iCompteLib)
      compteLabels[compte] = label
    }
    columns.compteLib[i] = label
    const span = i * 6
    columns.spans[span] = starts[iNum] as number
    columns.spans[span + 1] = ends[iNum] as number
    columns.spans[span + 2] = starts[iPiece] as number
    columns.spans[span + 3] = ends[iPiece] as number
    columns.spans[span + 4] = starts[iLib] as number
    columns.spans[span + 5] = ends[iLib] as number
  }
  for (const [key, entry] of entries) {
    if (entry.balance !== 0) {
      const [journal, num] = key.split('\u0000') as [string, string]
      add({
        ligne: entry.firstLine,
        colonne: 'EcritureNum',
        message: `écriture ${num} du journal ${journal} déséquilibrée : débit − crédit = ${formatCents(entry.balance)}`,
      })
    }
  }
  if (problems.length === 0 && columns.count === 0) {
    problems.push({ ligne: 0, message: 'le FEC ne contient aucune écriture' })
  }
  if (problems.length > 0) {
    problems.sort((x, y) => x.ligne - y.ligne)
    return { ledger: undefined, problemes: problems }
  }
  return {
    ledger: {
      format,
      separateur,
      exercice:
        debut !== undefined && fin !== undefined
          ? { debut, fin }
          : { debut: minDate, fin: maxDate },
      exerciceDonne: given !== undefined,
      get lignes() {
        // Built on first use and kept: the sums and the mapping work on the columns.
        const lines = columns.lines()
        Object.defineProperty(this, 'lignes', { value: lines, enumerable: true })
        return lines
      },
      colonnes: columns,
      ecritures: entries.size,
      avertissements: warnings,
    },
    problemes: [],
  }
}

/** The cell without surrounding spaces; the same string when it has none (the usual case). */
function trimmed(cell: string): string {
  const last = cell.length - 1
  return cell.charCodeAt(0) === 32 || cell.charCodeAt(last) === 32 ? cell.trim() : cell
}

function amountMessage(cell: string): string {
  return `montant « ${cell} » : nombre avec une virgule décimale et au plus deux décimales attendu (par exemple 1234,56)`
}

/** A problem as a sentence: « ligne 12, EcritureDate : … ». */
export function problemText(problem: FecProblem): string {
  const where = problem.ligne === 0 ? 'fichier' : `ligne ${problem.ligne}`
  return `${where}${problem.colonne === undefined ? '' : `, ${problem.colonne}`} : ${problem.message}`
}

/** How many problems a refusal message lists before « et N autres ». */
const LISTED = 10

/**
 * Reads a FEC or throws AciError('fec_invalide') listing its problems with their lines (the
 * first ten, then how many more): the whole file is refused, nothing of it is imported.
 */
export function parseFec(text: string, options: FecOptions = {}): Ledger {
  const reading = readFec(text, options)
  if (reading.ledger !== undefined) return reading.ledger
  throw fecError(reading.problemes)
}

export function fecError(problems: readonly FecProblem[]): AciError {
  const first = problems[0]
  if (problems.length === 1 && first !== undefined && first.message.startsWith('Ce fichier')) {
    return new AciError('fec_invalide', first.message, 'fec')
  }
  const shown = problems.slice(0, LISTED).map(problemText)
  const more = problems.length - shown.length
  const count = problems.length >= MAX_PROBLEMS ? `au moins ${MAX_PROBLEMS}` : `${problems.length}`
  return new AciError(
    'fec_invalide',
    `FEC refusé, rien n’est importé (${count} problème${problems.length > 1 ? 's' : ''}) : ${shown.join(' ; ')}${more > 0 ? ` ; et ${more} autre${more > 1 ? 's' : ''}` : ''}.`,
    'fec'
  )
}
