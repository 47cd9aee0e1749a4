// Small French wordings shared by the findings' messages.
import { frenchDate } from '../dates'
import { formatCents, groupThousands } from '../format'
import { Decimal } from '../money'
import type { PreparedLine } from './prepare'

export { frenchDate }

/** 123450 → "1 234,50 €", exactly as formatEuros writes it (formatCents). */
export const euros = formatCents

/** 999_900 (keys) → "99,99 %", exact to the fourth decimal. */
export function keysPercent(total: number): string {
  return `${new Decimal(total).div(10_000).toFixed().replace('.', ',')}\u00a0%`
}

/** « Salaire de la coordinatrice » (6411, 42 000,00 €) */
export function lineWords(line: PreparedLine): string {
  return `« ${line.ligne.libelle} » (compte ${line.ligne.compte}, ${euros(line.cents)})`
}

/** 62000 → "62 000", with the narrow no-break space of French typography (as formatEuros). */
export function groupDigits(value: number): string {
  return groupThousands(String(value))
}
