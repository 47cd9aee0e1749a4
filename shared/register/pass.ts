// The PASS of a calendar year and what remains under it: the ceiling of art. D. 1434-44 CSP as two values a formula can use.
import { bundledPass, type PassTable } from '../budget'
import { AciError, describeValue } from '../errors'
import { Decimal, isAmountString, roundToCent, ZERO } from '../money'

function yearOf(value: unknown, argument: string): number {
  const year =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d{4}\s*$/.test(value)
        ? Number(value)
        : Number.NaN
  if (Number.isInteger(year) && year >= 1900 && year <= 9999) return year
  throw new AciError(
    'date_invalide',
    `${argument} : année attendue, un entier comme 2026, reçu ${describeValue(value)}.`,
    argument
  )
}

/**
 * The PASS of a calendar year (an integer, or its four digits as text), from the table of values
 * shipped with the product. A year before the ceiling existed (décret n° 2022-375, in force in
 * 2022) or after the last value published is a `pass_inconnu` error that says so: never a guess.
 */
export function passAnnuel(annee: unknown, argument = 'annee', table?: PassTable): Decimal {
  const year = yearOf(annee, argument)
  const pass = table ?? bundledPass()
  const amount = year < pass.firstYear ? undefined : pass.amount(year)
  if (amount !== undefined) return amount
  const message =
    year < pass.firstYear
      ? `${argument} : le plafond des indemnités et rémunérations (art. D. 1434-44 CSP) n’existe qu’à partir de ${pass.firstYear} (décret n° 2022-375 du 16 mars 2022), reçu ${year}.`
      : `${argument} : le PASS de ${year} n’est pas dans la table des valeurs (années ${pass.firstYear} à ${pass.lastYear}) ; il est fixé chaque année par arrêté.`
  throw new AciError('pass_inconnu', message, argument)
}

/** An amount already paid: a number or decimal text, empty meaning nothing paid; negative refused. */
function paidOf(value: unknown, argument: string): Decimal {
  if (value === null || value === undefined || value === '') return ZERO
  let amount: Decimal | undefined
  if (typeof value === 'number' && Number.isFinite(value)) amount = new Decimal(String(value))
  else if (typeof value === 'string') {
    const text = value
      .trim()
      .replace(/[ \u00a0\u202f]/g, '')
      .replace(',', '.')
    if (isAmountString(text)) amount = new Decimal(text)
  }
  if (amount === undefined || amount.isNegative()) {
    throw new AciError(
      'registre_invalide',
      `${argument} : montant déjà versé attendu, en euros, positif ou vide, reçu ${describeValue(value)}.`,
      argument
    )
  }
  // Excel's sums carry binary noise (12345.670000000002): read to the cent.
  return roundToCent(amount)
}

/**
 * What can still be paid to one professional in a calendar year: the year's PASS minus what they
 * have already received that year (art. D. 1434-44 CSP); negative when the ceiling is already
 * past, by the overrun. An empty amount already paid is 0, on every platform.
 */
export function resteSousPass(
  annee: unknown,
  dejaVerse: unknown,
  argument = { annee: 'annee', verse: 'verse' },
  table?: PassTable
): Decimal {
  const pass = passAnnuel(annee, argument.annee, table)
  return pass.minus(paidOf(dejaVerse, argument.verse))
}
