// The actual amount of a line (réalisé) and its split by section: its own split, or the planned one's proportions.
import { Decimal, timesToCent } from '../money'
import { centsOf, centsToDecimal } from './cents'
import { type Allocation, allocate, badAmount, type PreparedLine } from './prepare'
import { splitCents } from './split'

/** A line's actual amount read like its planned one: `cents` is the actual, `parts` its split. */
export interface PreparedActual extends PreparedLine {
  /** The split is the line's own `repartitionRealise`, not derived from the planned split. */
  readonly ownSplit: boolean
}

const NONE: Allocation = { parts: undefined, allocated: 0, keysTotal: undefined }

/**
 * Shares `cents` in proportion to `weights` by largest remainder, to the cent. splitCents when
 * its integer arithmetic is exact; else the same method in decimals (weights of planned amounts
 * above a million euros can overflow 2^53 in splitCents's products).
 */
export function splitInProportion(cents: number, weights: readonly number[]): number[] {
  let total = 0
  let largest = 0
  for (const w of weights) {
    total += w
    if (w > largest) largest = w
  }
  if (total * largest <= Number.MAX_SAFE_INTEGER) return splitCents(cents, weights)
  const magnitude = Math.abs(cents)
  const exact = weights.map((w) => new Decimal(magnitude).times(w).div(total))
  const shares = exact.map((e) => e.floor().toNumber())
  let left = magnitude - shares.reduce((a, b) => a + b, 0)
  const order = weights.map((_, i) => i)
  const remainder = (i: number) => (exact[i] as Decimal).minus(shares[i] as number)
  order.sort((a, b) => remainder(b).comparedTo(remainder(a)) || a - b)
  for (const i of order) {
    if (left <= 0) break
    shares[i] = (shares[i] as number) + 1
    left -= 1
  }
  return cents < 0 ? shares.map((s) => (s === 0 ? 0 : -s)) : shares
}

/**
 * The actual split in the planned proportions. Keys: the same keys. Amounts: the actual × the
 * planned allocated / planned amount (the actual itself when the plan is fully allocated, else
 * rounded once to the cent), shared in proportion to the planned parts. Parts of both signs, or
 * all zero, give no proportions: the actual stays unallocated.
 */
function followPlan(actual: number, line: PreparedLine, at: string): Allocation {
  const { ligne, parts } = line
  if (parts === undefined) return NONE
  if (ligne.repartition?.mode === 'cles') return allocate(actual, ligne.repartition, at)
  const positive = parts.every((p) => p >= 0)
  const negative = parts.every((p) => p <= 0)
  const weights = parts.map(Math.abs)
  if ((!positive && !negative) || weights.every((w) => w === 0)) {
    return { parts: parts.map(() => 0), allocated: 0, keysTotal: undefined }
  }
  let allocated = actual
  if (line.cents !== 0 && line.allocated !== line.cents) {
    const scaled = centsOf(
      timesToCent(centsToDecimal(actual), new Decimal(line.allocated).div(line.cents)).toFixed(2)
    )
    if (scaled !== undefined) allocated = scaled
  }
  return { parts: splitInProportion(allocated, weights), allocated, keysTotal: undefined }
}

/**
 * The actual side of a prepared line, or undefined when the line has no `realise`. The split is
 * `repartitionRealise` when given (checked as the planned split is), else the planned split's.
 */
export function prepareActual(line: PreparedLine, i: number): PreparedActual | undefined {
  const { ligne } = line
  if (ligne.realise === undefined) return undefined
  const cents = centsOf(ligne.realise)
  if (cents === undefined) throw badAmount(`lignes[${i}].realise`)
  const own = ligne.repartitionRealise
  const allocation =
    own === undefined
      ? followPlan(cents, line, `lignes[${i}].repartition`)
      : allocate(cents, own, `lignes[${i}].repartitionRealise`)
  return {
    ligne,
    cents,
    nature: line.nature,
    account: line.account,
    ...allocation,
    ownSplit: own !== undefined,
  }
}
