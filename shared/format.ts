// French display of amounts and rates, as a treasurer writes them: 12 500,00 € and 75 %.
import { type Decimal, roundToCent } from './money'

/** The thin no-break space that French typography (and Intl fr-FR) puts between groups of digits. */
const GROUP = '\u202f'
/** The no-break space before the euro sign and the percent sign. */
const NBSP = '\u00a0'

function groupDigits(integerPart: string): string {
  return integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP)
}

/** 12500 → "12 500,00 €" (rounded to the cent; negative amounts keep their sign). */
export function formatEuros(amount: Decimal): string {
  const fixed = roundToCent(amount).toFixed(2)
  const negative = fixed.startsWith('-')
  const [integerPart = '0', cents = '00'] = (negative ? fixed.slice(1) : fixed).split('.')
  return `${negative ? '-' : ''}${groupDigits(integerPart)},${cents}${NBSP}€`
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
  return `${sign}${groupDigits(integerPart)}${decimals ? `,${decimals}` : ''}${NBSP}%`
}
