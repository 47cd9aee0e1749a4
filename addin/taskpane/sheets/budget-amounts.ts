// The check's arithmetic as the budget sheet shows it: each line's part per section, its actual split, the planned charges per section.
// These restate, in Decimals, what the core's check computes in cents from the same prepared lines;
// they belong in the core (one `lineAllocations` for the check and the sheet), and stay here until then.
import {
  centsToDecimal,
  Decimal,
  type PreparedLine,
  prepareActual,
  SECTIONS,
  type Section,
  toExcelNumber,
} from '../../../shared'

/** A number cell's value as Excel would hold it: a double from the exact decimal. */
export const euros = (amount: Decimal | string): number =>
  toExcelNumber(typeof amount === 'string' ? new Decimal(amount) : amount)

/** The amount each section gets from a line, as the check computes it (keys split to the cent). */
export function partsOf(prepared: PreparedLine): Map<Section, Decimal> {
  const parts = new Map<Section, Decimal>()
  prepared.parts?.forEach((cents, s) => {
    if (cents !== 0) parts.set(SECTIONS[s] as Section, centsToDecimal(cents))
  })
  return parts
}

/** The line's own split of its actual amount, by section; empty cells when it follows the plan. */
export function actualCells(
  line: PreparedLine,
  i: number,
  sections: readonly Section[]
): (number | null)[] {
  if (line.ligne.realise === undefined || line.ligne.repartitionRealise === undefined)
    return sections.map(() => null)
  const actual = prepareActual(line, i)
  return sections.map((s) => {
    const cents = actual?.parts?.[SECTIONS.indexOf(s)]
    return cents === undefined || cents === 0 ? null : euros(centsToDecimal(cents))
  })
}

/** Planned charges (class 6) per section, as the check splits them. */
export function plannedChargesBySection(prepared: readonly PreparedLine[]): Map<Section, Decimal> {
  const totals = new Map<Section, Decimal>()
  for (const line of prepared) {
    if (line.nature !== 'charge') continue
    for (const [section, amount] of partsOf(line)) {
      totals.set(section, (totals.get(section) ?? new Decimal(0)).plus(amount))
    }
  }
  return totals
}
