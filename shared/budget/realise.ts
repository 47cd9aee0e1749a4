// The actual amount of a line (réalisé) and its split by section: its own split, or the planned one's proportions.
import { Decimal, timesToCent } from '../money'
import { centsOf, centsToDecimal } from './cents'
import { type Allocation, allocate, badAmount, type PreparedLine } from './prepare'
import { splitInProportion } from './split'

/** The split in proportion lives with the method in split.ts; re-exported for its older importers. */
export { splitInProportion }

/** A line's actual amount read like its planned one: `cents` is the actual, `parts` its split. */
export interface PreparedActual extends PreparedLine {
  /** The split is the line's own `repartitionRealise`, not derived from the planned split. */
  readonly ownSplit: boolean
}

const NONE: Allocation = { parts: undefined, allocated: 0, keysTotal: undefined }

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
