// The tier rule of a tiered indicator: which tier a value reaches, bounds included, in either direction.
import { type Decimal, ZERO } from '../money'
import type { Palier } from './parse'
import type { Sens } from './schema'

/**
 * The tier a value reaches, or undefined when it reaches none.
 * `hausse` (more is better): the tier of highest threshold the value reaches (value ≥ seuil).
 * `baisse` (less is better): the tier of lowest threshold the value does not exceed (value ≤ seuil).
 * Bounds are inclusive, as real annexes write them (« 40 et moins », « de 41 à 90 », « 66 % »).
 */
export function palierAtteint(
  value: Decimal,
  paliers: readonly Palier[],
  sens: Sens
): Palier | undefined {
  let best: Palier | undefined
  for (const p of paliers) {
    if (sens === 'hausse') {
      if (value.gte(p.seuil) && (best === undefined || p.seuil.gt(best.seuil))) best = p
    } else if (value.lte(p.seuil) && (best === undefined || p.seuil.lt(best.seuil))) best = p
  }
  return best
}

/** What a value earns on tiers: the reached tier's amount, nothing when no tier is reached. */
export function montantPalier(value: Decimal, paliers: readonly Palier[], sens: Sens): Decimal {
  return palierAtteint(value, paliers, sens)?.montant ?? ZERO
}

/**
 * Whether the tiers are in the order of achievement: thresholds strictly rising, and amounts
 * strictly rising with achievement (rising with the threshold for `hausse`, falling for `baisse`).
 * Returns the index of the first tier out of order, or -1.
 */
export function palierHorsOrdre(paliers: readonly Palier[], sens: Sens): number {
  for (let i = 1; i < paliers.length; i++) {
    const before = paliers[i - 1] as Palier
    const p = paliers[i] as Palier
    if (!p.seuil.gt(before.seuil)) return i
    if (sens === 'hausse' ? !p.montant.gt(before.montant) : !p.montant.lt(before.montant)) return i
  }
  return -1
}
