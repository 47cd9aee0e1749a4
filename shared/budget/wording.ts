// Small French wordings shared by the findings' messages.
import { frenchDate } from '../dates'
import { Decimal } from '../money'
import { centsToString } from './cents'
import type { PreparedLine } from './prepare'

export { frenchDate }

/**
 * 123450 → "1 234,50 €", exactly as formatEuros writes it, from whole cents without a Decimal:
 * the messages of line findings are built for thousands of lines.
 */
export function euros(cents: number): string {
  const text = centsToString(cents)
  const negative = text.startsWith('-')
  const [whole = '0', fraction = '00'] = (negative ? text.slice(1) : text).split('.')
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')},${fraction}\u00a0€`
}

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
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')
}
