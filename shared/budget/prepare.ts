// Each budget line read once: its amount in cents, its nature, its account, and its split by section.
import { AciError } from '../errors'
import { Decimal, timesToCent } from '../money'
import { isDigit } from '../text/chars'
import { type Account, type Chart, type Nature, natureOf } from './accounts'
import { centsOf, centsToDecimal, centsToString } from './cents'
import type { FindingLine } from './findings'
import type { BudgetLigne, Repartition } from './schema'
import { SECTIONS, sectionIndex } from './sections'
import { splitCents } from './split'

/** 100 % as an integer key: percentages have at most four decimals. */
export const HUNDRED_PERCENT = 1_000_000

export interface PreparedLine extends Allocation {
  readonly ligne: BudgetLigne
  readonly cents: number
  readonly nature: Nature
  /** The chart's account (or the one it subdivides); undefined when unknown. */
  readonly account: Account | undefined
}

function invalid(argument: string, message: string): AciError {
  return new AciError('budget_invalide', `${argument} : ${message}`, argument)
}

/**
 * "33.3333" → 333333: a key of a clé de répartition as an integer (hundredths of a basis point,
 * 1 000 000 being 100 %), exact; NaN when it is not a percentage of at most four decimals.
 */
function readPercent(text: string): number {
  const length = text.length
  let whole = 0
  let i = 0
  while (i < length && i < 3) {
    const c = text.charCodeAt(i)
    if (!isDigit(c)) break
    whole = whole * 10 + (c - 48)
    i += 1
  }
  if (i === 0) return Number.NaN
  let fraction = 0
  let scale = 10_000
  if (i < length) {
    if (text.charCodeAt(i) !== 46 || i + 1 === length || length - i - 1 > 4) return Number.NaN
    for (let k = i + 1; k < length; k++) {
      const c = text.charCodeAt(k)
      if (!isDigit(c)) return Number.NaN
      scale /= 10 // 1000, 100, 10, 1: exact
      fraction += (c - 48) * scale
    }
  }
  return whole * 10_000 + fraction
}

function badPercent(argument: string): AciError {
  return invalid(argument, 'pourcentage attendu : de 0 à 100, au plus quatre décimales.')
}

export function badAmount(argument: string): AciError {
  return invalid(
    argument,
    'montant attendu : euros avec un point décimal et au plus deux décimales.'
  )
}

function sectionAt(section: string, at: string, j: number): number {
  const index = sectionIndex(section)
  if (index < 0) throw invalid(`${at}.parts[${j}].section`, 'section inconnue.')
  return index
}

/** Nothing for any section: copied for each split (a copy of a packed array is cheaper than a fill). */
const NO_SECTION: readonly number[] = /* @__PURE__ */ SECTIONS.map(() => 0)

/** How much of an amount goes to each section, and how much is allocated in all. */
export interface Allocation {
  /** Cents allocated to each section, in SECTIONS order; undefined when there is no split. */
  readonly parts: readonly number[] | undefined
  /** Σ parts. */
  readonly allocated: number
  /** For a split by keys: the keys' total, 1 000 000 being 100 %. */
  readonly keysTotal: number | undefined
}

/**
 * An amount shared by a split. By keys: the amount × the keys' total (the amount itself when
 * they make 100 %, else rounded once to the cent), shared by largest remainder. By amounts: the
 * amounts given. `at` names the split in errors (`lignes[3].repartition`).
 */
export function allocate(
  cents: number,
  repartition: Repartition | undefined,
  at: string
): Allocation {
  if (repartition === undefined) return { parts: undefined, allocated: 0, keysTotal: undefined }
  const bySection = NO_SECTION.slice()
  if (repartition.mode === 'cles') {
    let total = 0
    for (let j = 0; j < repartition.parts.length; j++) {
      const part = repartition.parts[j] as { section: string; pourcentage: string }
      const key = readPercent(part.pourcentage)
      if (!(key <= HUNDRED_PERCENT)) throw badPercent(`${at}.parts[${j}].pourcentage`)
      bySection[sectionAt(part.section, at, j)] = key
      total += key
    }
    const allocated =
      total === HUNDRED_PERCENT
        ? cents
        : (centsOf(
            timesToCent(centsToDecimal(cents), new Decimal(total).div(HUNDRED_PERCENT)).toFixed(2)
          ) as number)
    return { parts: splitCents(allocated, bySection), allocated, keysTotal: total }
  }
  let allocated = 0
  for (let j = 0; j < repartition.parts.length; j++) {
    const part = repartition.parts[j] as { section: string; montant: string }
    const amount = centsOf(part.montant)
    if (amount === undefined) throw badAmount(`${at}.parts[${j}].montant`)
    bySection[sectionAt(part.section, at, j)] = amount
    allocated += amount
  }
  return { parts: bySection, allocated, keysTotal: undefined }
}

/**
 * A line read once: amount in cents, nature, account, and the cents each section receives
 * (see allocate). Each section appears once in a split (checkLigne refuses it twice).
 */
export function prepareLine(ligne: BudgetLigne, i: number, chart: Chart): PreparedLine {
  const cents = centsOf(ligne.montant)
  if (cents === undefined) throw badAmount(`lignes[${i}].montant`)
  const nature = natureOf(ligne.compte)
  if (nature === undefined) {
    throw invalid(
      `lignes[${i}].compte`,
      'compte de charges (6), de produits (7) ou de contributions en nature (86, 87) attendu.'
    )
  }
  const { parts, allocated, keysTotal } = allocate(
    cents,
    ligne.repartition,
    `lignes[${i}].repartition`
  )
  return {
    ligne,
    cents,
    nature,
    account: chart.lookup(ligne.compte),
    parts,
    allocated,
    keysTotal,
  }
}

/** The line as a finding names it (built only for lines that have a finding). */
export function lineRef(line: PreparedLine): FindingLine {
  return {
    compte: line.ligne.compte,
    libelle: line.ligne.libelle,
    montant: centsToString(line.cents),
  }
}
