// The FEC reader: the Fichier des écritures comptables (art. A47 A-1 LPF) checked whole, then its lines in integer cents.
import { AciError } from '../errors'

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
  const length = text.length
  if (length === 0) return 0
  let i = 0
  let negative = false
  const first = text.charCodeAt(0)
  if (first === 45 || first === 43) {
    negative = first === 45
    i = 1
  }
  let euros = 0
  let digits = 0
  while (i < length) {
    const c = text.charCodeAt(i)
    if (c < 48 || c > 57) break
    euros = euros * 10 + (c - 48)
    digits++
    i++
  }
  if (digits === 0 || digits > 13) return Number.NaN
  let cents = 0
  if (i < length) {
    const sep = text.charCodeAt(i)
    const decimals = length - i - 1
    if ((sep !== 44 && sep !== 46) || decimals < 1 || decimals > 2) return Number.NaN
    const d1 = text.charCodeAt(i + 1) - 48
    const d2 = decimals === 2 ? text.charCodeAt(i + 2) - 48 : 0
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return Number.NaN
    cents = d1 * 10 + d2
  }
  const total = euros * 100 + cents
  return negative ? -total : total
}

/** "1234567" cents → "12 345,67" for messages. */
function frenchCents(cents: number): string {
  const magnitude = Math.abs(cents)
  const euros = Math.floor(magnitude / 100)
  const rest = magnitude % 100
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')
  return `${cents < 0 ? '-' : ''}${grouped},${rest < 10 ? '0' : ''}${rest}\u00a0€`
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

  const lignes: LedgerLine[] = []
  const entries = new Map<string, EntryState>()
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
    const stop = text.charCodeAt(end - 1) === 13 ? end - 1 : end
    const lineText = text.slice(start, stop)
    start = end + 1
    if (lineText === '') continue
    const f = lineText.split(separateur)
    if (f.length !== width) {
      if (lineText.trim() === '') continue
      add({
        ligne: lineNumber,
        message: `${f.length} champs au lieu des ${width} de l’en-tête`,
      })
      continue
    }
    let bad = false
    for (const name of ESSENTIAL) {
      if ((f[col(name)] as string).trim() === '') {
        add({ ligne: lineNumber, colonne: name, message: `${name} vide` })
        bad = true
      }
    }
    if (bad) continue
    const rawDate = f[iDate] as string
    const date = fecDate(rawDate)
    if (date === undefined) {
      add({
        ligne: lineNumber,
        colonne: 'EcritureDate',
        message: `date « ${rawDate} » : date réelle au format AAAAMMJJ attendue`,
      })
      continue
    }
    if (debut !== undefined && fin !== undefined && (date < debut || date > fin)) {
      add({
        ligne: lineNumber,
        colonne: 'EcritureDate',
        message: `date du ${frenchIso(date)} hors de l’exercice du ${frenchIso(debut)} au ${frenchIso(fin)}`,
      })
      continue
    }
    const a = f[iA] as string
    const b = f[iB] as string
    let debit: number
    let credit: number
    if (format === 'debit_credit') {
      debit = fecCents(a)
      credit = fecCents(b)
      if (Number.isNaN(debit)) {
        add({ ligne: lineNumber, colonne: 'Debit', message: amountMessage(a) })
        continue
      }
      if (Number.isNaN(credit)) {
        add({ ligne: lineNumber, colonne: 'Credit', message: amountMessage(b) })
        continue
      }
    } else {
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
    const journal = f[iJournal] as string
    const ecriture = f[iNum] as string
    const key = `${journal}\u0000${ecriture}`
    const entry = entries.get(key)
    if (entry === undefined) entries.set(key, { firstLine: lineNumber, balance: debit - credit })
    else entry.balance += debit - credit
    if (date < minDate) minDate = date
    if (date > maxDate) maxDate = date
    for (const name of DESCRIPTIVE) {
      if ((f[col(name)] as string).trim() === '') {
        warn({ ligne: lineNumber, colonne: name, message: `${name} vide` })
      }
    }
    const pieceDate = f[iPieceDate] as string
    if (pieceDate !== '' && fecDate(pieceDate) === undefined) {
      warn({ ligne: lineNumber, colonne: 'PieceDate', message: `date « ${pieceDate} » illisible` })
    }
    const validDate = f[iValid] as string
    if (validDate !== '' && fecDate(validDate) === undefined) {
      warn({ ligne: lineNumber, colonne: 'ValidDate', message: `date « ${validDate} » illisible` })
    }
    lignes.push({
      ligne: lineNumber,
      journal,
      journalLib: f[iJournalLib] as string,
      ecriture,
      date,
      compte: (f[iCompte] as string).trim(),
      compteLib: f[iCompteLib] as string,
      pieceRef: f[iPiece] as string,
      libelle: f[iLib] as string,
      debit,
      credit,
    })
  }
  for (const [key, entry] of entries) {
    if (entry.balance !== 0) {
      const [journal, num] = key.split('\u0000') as [string, string]
      add({
        ligne: entry.firstLine,
        colonne: 'EcritureNum',
        message: `écriture ${num} du journal ${journal} déséquilibrée : débit − crédit = ${frenchCents(entry.balance)}`,
      })
    }
  }
  if (problems.length === 0 && lignes.length === 0) {
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
      lignes,
      ecritures: entries.size,
      avertissements: warnings,
    },
    problemes: [],
  }
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
