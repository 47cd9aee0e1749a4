// The associations' chart of accounts, one data file per version (règlement ANC n° 2018-06, then ANC n° 2022-06).
import * as v from 'valibot'
import { frenchDate } from '../dates'
import { AciError } from '../errors'
import { isDigit } from '../text/chars'
import pca2018 from './data/pca-2018.json'
import pca2025 from './data/pca-2025.json'
import { dataError, dataHeader, parseDataFile, type Source, text } from './data-file'

/** What a budget line may be booked on: charges (6), produits (7), contributions in kind (86, 87). */
export const COMPTE_PATTERN = /^(?:[67]\d{1,7}|8[67]\d{0,6})$/

/**
 * COMPTE_PATTERN read character by character, for the account of every line of every budget
 * (twice as fast as the pattern): 6 or 7 then 1 to 7 digits, or 86 or 87 then at most 6.
 */
export function isCompte(text: string): boolean {
  const length = text.length
  if (length < 2 || length > 8) return false
  const first = text.charCodeAt(0)
  let i = 1
  if (first === 56 /* 8 */) {
    const second = text.charCodeAt(1)
    if (second !== 54 && second !== 55) return false
    i = 2
  } else if (first !== 54 && first !== 55) return false
  for (; i < length; i++) if (!isDigit(text.charCodeAt(i))) return false
  return true
}

const accountSchema = v.strictObject({
  numero: v.pipe(
    v.string('numéro de compte attendu'),
    v.regex(COMPTE_PATTERN, 'compte de classe 6, 7, 86 ou 87 attendu')
  ),
  libelle: text,
  negatifAdmis: v.optional(v.literal(true, 'negatifAdmis : true ou absent')),
})

/** The schema of the file, built when a file is loaded (never when this module is). */
export function chartSchema() {
  return v.strictObject({
    ...dataHeader,
    comptes: v.pipe(v.array(accountSchema), v.minLength(1, 'au moins un compte attendu')),
  })
}

/** What a line's account says about it: a charge, a produit, or a contribution in kind (86 use, 87 resource). */
export type Nature = 'charge' | 'produit' | 'emploi' | 'contribution'

/** The nature of an account by its class (ANC 2018-06: class 6, class 7, accounts 86 and 87). */
export function natureOf(numero: string): Nature | undefined {
  const first = numero.charCodeAt(0)
  if (first === 54) return 'charge' // '6'
  if (first === 55) return 'produit' // '7'
  if (numero.startsWith('86')) return 'emploi'
  if (numero.startsWith('87')) return 'contribution'
  return undefined
}

export interface Account {
  readonly numero: string
  readonly libelle: string
  /**
   * A contra account whose budget amount is normally negative (rabais obtenus 609, RRR accordés
   * 709, variation des stocks 603, remboursements de charges de personnel 649…).
   */
  readonly negatifAdmis: boolean
}

export interface Chart {
  readonly id: string
  readonly title: string
  /** Applies to financial years opened on or after this date. */
  readonly effectiveDate: string
  readonly source: Source
  readonly notes: readonly string[]
  readonly sha256: string
  readonly accounts: readonly Account[]
  /**
   * The account itself, or the account of three digits or more that it subdivides (70611 → 706);
   * undefined when the chart has neither.
   */
  lookup(numero: string): Account | undefined
}

/** Sub-accounts are opened below an account of at least this many digits, never below a bare class heading. */
const PARENT_DIGITS = 3

/** Checks a chart file and prepares its lookups; fails naming the file and the account at fault. */
export function loadChart(raw: unknown): Chart {
  const { data, sha256 } = parseDataFile(chartSchema(), raw)
  const byNumero = new Map<string, Account>()
  for (const entry of data.comptes) {
    if (byNumero.has(entry.numero)) throw dataError(data.id, `compte ${entry.numero} en double.`)
    byNumero.set(entry.numero, {
      numero: entry.numero,
      libelle: entry.libelle,
      negatifAdmis: entry.negatifAdmis === true,
    })
  }
  for (const numero of byNumero.keys()) {
    if (numero.length > 2 && !byNumero.has(numero.slice(0, 2))) {
      throw dataError(
        data.id,
        `le compte ${numero} n’a pas de compte de tête ${numero.slice(0, 2)}.`
      )
    }
  }
  const found = new Map<string, Account | null>()
  const lookup = (numero: string): Account | undefined => {
    const exact = byNumero.get(numero)
    if (exact !== undefined) return exact
    let hit = found.get(numero)
    if (hit === undefined) {
      hit = null
      for (let length = numero.length - 1; length >= PARENT_DIGITS; length--) {
        const parent = byNumero.get(numero.slice(0, length))
        if (parent !== undefined) {
          hit = parent
          break
        }
      }
      if (found.size < 10_000) found.set(numero, hit)
    }
    return hit ?? undefined
  }
  return {
    id: data.id,
    title: data.title,
    effectiveDate: data.effectiveDate,
    source: data.source,
    notes: data.notes,
    sha256,
    accounts: [...byNumero.values()],
    lookup,
  }
}

/** The chart files shipped with the product, oldest first. A new regulation = one more file here. */
export const BUNDLED_CHART_FILES: readonly unknown[] = [pca2018, pca2025]

let bundled: readonly Chart[] | undefined

/** The bundled charts, loaded and checked once, oldest first. */
export function bundledCharts(): readonly Chart[] {
  if (bundled === undefined) {
    const charts = BUNDLED_CHART_FILES.map(loadChart).sort((a, b) =>
      a.effectiveDate < b.effectiveDate ? -1 : 1
    )
    for (let i = 1; i < charts.length; i++) {
      if (charts[i]?.effectiveDate === charts[i - 1]?.effectiveDate) {
        throw dataError('plans comptables', 'deux plans prennent effet le même jour.')
      }
    }
    bundled = charts
  }
  return bundled
}

/**
 * The chart for a financial year opened on `debut` (YYYY-MM-DD): the last one in force on that
 * date. ANC 2018-06 applies to years opened from 1 January 2020; earlier years (CRC n° 99-01)
 * are not bundled.
 */
export function chartFor(debut: string, argument = 'exercice.debut'): Chart {
  const charts = bundledCharts()
  let chart: Chart | undefined
  for (const candidate of charts) {
    if (candidate.effectiveDate <= debut) chart = candidate
  }
  if (chart !== undefined) return chart
  const first = charts[0] as Chart
  throw new AciError(
    'plan_comptable_absent',
    `${argument} : aucun plan comptable n’est disponible pour un exercice ouvert le ${frenchDate(debut)} ; le premier (${first.id}, ${first.title}) s’applique aux exercices ouverts à compter du ${frenchDate(first.effectiveDate)}.`,
    argument
  )
}
