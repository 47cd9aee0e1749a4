// The one rounding of the register: each time entry's amount, hours × hourly rate, to the cent.
import { type Decimal, timesToCent } from '../money'

/**
 * What one time entry pays: hours × the hourly rate in force on its day, rounded half up to the
 * cent (shared/money.ts), here and only here. Every total of the register (per person, section,
 * month, calendar year) is an exact sum of these amounts, so the totals always add up and each
 * line of a payment can be traced to its entry. No text fixes a rounding rule for these sums;
 * rounding each entry is what a payment slip of hours at a rate shows.
 *
 * @example montantTemps(new Decimal('2.5'), new Decimal('58.33')) // 145.83 (145.825 half up)
 */
export function montantTemps(heures: Decimal, horaire: Decimal): Decimal {
  return timesToCent(horaire, heures)
}
