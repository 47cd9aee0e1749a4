// French display of amounts and rates, as a treasurer writes them: 12 500,00 € and 75 %.
import { type Decimal, toAmountString } from './money'

/** The thin no-break space that French typography (and Intl fr-FR) puts between groups of digits. */
const GROUP = '\u202f'
/** The no-break space before the euro sign and the percent sign. */
const NBSP = '\u00a0'

/** "1234567" → "1 234 567": the digits of a whole number by groups of three, a minus sign kept in front. */
export function groupThousands(digits: string): string {
  const negative = digits.charCodeAt(0) === 45
  const body = negative ? digits.slice(1) : digits
  const length = body.length
  if (length <= 3) return digits
  const head = ((length - 1) % 3) + 1
  let grouped = body.slice(0, head)
  for (let i = head; i < length; i += 3) grouped += GROUP + body.slice(i, i + 3)
  return negative ? `-${grouped}` : grouped
}

/**
 * 123450 (cents) → "1 234,50 €", as formatEuros writes the same amount, from whole cents without
 * a Decimal: the messages of line findings are built for thousands of lines.
 */
export function formatCents(cents: number): string {
  const magnitude = Math.abs(cents)
  const euros = Math.floor(magnitude / 100)
  const rest = magnitude - euros * 100
  return `${cents < 0 ? '-' : ''}${groupThousands(String(euros))},${rest < 10 ? '0' : ''}${rest}${NBSP}€`
}

/** 12500 → "12 500,00 €" (rounded to the cent; negative amounts keep their sign). */
export function formatEuros(amount: Decimal): string {
  const fixed = toAmountString(amount)
  const negative = fixed.startsWith('-')
  const [integerPart = '0', cents = '00'] = (negative ? fixed.slice(1) : fixed).split('.')
  return `${negative ? '-' : ''}${groupThousands(integerPart)},${cents}${NBSP}€`
}

/** « 1 erreur », « 2 erreurs », « 0 avertissement » : a French count (zero and one are singular). */
export function countOf(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? plural : singular}`
}

/** « 1 erreur, 7 avertissements, 0 information » : the findings of a check, counted. */
export function findingCounts(counts: {
  readonly error: number
  readonly warning: number
  readonly info: number
}): string {
  return [
    countOf(counts.error, 'erreur', 'erreurs'),
    countOf(counts.warning, 'avertissement', 'avertissements'),
    countOf(counts.info, 'information', 'informations'),
  ].join(', ')
}

/** 0.755 → "75,5 %" (a fraction shown as a percentage, without trailing zeros). */
export function formatPercent(fraction: Decimal): string {
  const percent = fraction.times(100).toDecimalPlaces(2)
  const [integerPart = '0', decimals] = percent.abs().toFixed().split('.')
  const sign = percent.isNegative() ? '-' : ''
  return `${sign}${groupThousands(integerPart)}${decimals ? `,${decimals}` : ''}${NBSP}%`
}
