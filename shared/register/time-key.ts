// The clé de répartition by time: an amount split between the budget's sections in proportion to the hours spent on each, to the cent.
import { SECTIONS, type Section, splitAmount } from '../budget'
import { AciError } from '../errors'
import type { Decimal } from '../money'
import type { Temps } from './parse'

/** The hours of one section, and its share of an amount split by time. */
export interface PartTemps {
  readonly section: Section
  readonly heures: Decimal
  readonly montant: Decimal
}

/**
 * Splits `montant` between the sections in proportion to the hours of `temps` on each (a coordinator's
 * salary, a budgeted envelope of indemnities…): the largest-remainder split of the core
 * (splitAmount), so the parts add up to the amount exactly and each is within a cent of
 * montant × hours of the section ÷ all hours; equal remainders go to the earlier section in the
 * budget's order. Sections without hours are left out. No hours at all: an error, since there is
 * nothing to split by.
 */
export function repartitionParTemps(montant: Decimal, temps: readonly Temps[]): PartTemps[] {
  const hours = new Map<Section, Decimal>()
  for (const t of temps) {
    const before = hours.get(t.section)
    hours.set(t.section, before === undefined ? t.heures : before.plus(t.heures))
  }
  const sections = SECTIONS.filter((s) => hours.has(s))
  if (sections.length === 0) {
    throw new AciError(
      'registre_invalide',
      'temps : aucune heure à laquelle rapporter la répartition ; une clé par le temps demande des temps passés.',
      'temps'
    )
  }
  const weights = sections.map((s) => hours.get(s) as Decimal)
  const parts = splitAmount(montant, weights)
  return sections.map((section, i) => ({
    section,
    heures: weights[i] as Decimal,
    montant: parts[i] as Decimal,
  }))
}
