// Spreading a yearly amount over months: evenly, or by a line's monthly profile, without creating or losing a cent.
import { splitCents } from '../budget'
import { AciError } from '../errors'

/**
 * A monthly profile: the weight of each calendar month, January first (12 non-negative
 * integers: [0,0,0,0,0,0,1,1,0,0,0,0] for a summer-only spending), for the budget line it names
 * by its index in the budget, or for every line whose account starts with `compte`.
 */
export interface MonthlyProfile {
  readonly ligne?: number
  readonly compte?: string
  readonly poids: readonly number[]
}

export function checkProfiles(profils: readonly MonthlyProfile[] | undefined, at: string): void {
  profils?.forEach((p, i) => {
    const where = `${at}[${i}]`
    if (p.ligne === undefined && p.compte === undefined) {
      throw new AciError('tresorerie_invalide', `${where} : ligne ou compte attendu.`, where)
    }
    if (
      p.poids.length !== 12 ||
      p.poids.some((w) => !Number.isSafeInteger(w) || w < 0 || w > 1_000_000) ||
      p.poids.every((w) => w === 0)
    ) {
      throw new AciError(
        'tresorerie_invalide',
        `${where}.poids : 12 poids entiers de 0 à 1 000 000, de janvier à décembre, pas tous nuls.`,
        `${where}.poids`
      )
    }
  })
}

/** The profile of a budget line: by its index first, else the longest account prefix. */
export function profileFor(
  profils: readonly MonthlyProfile[] | undefined,
  index: number,
  compte: string
): readonly number[] | undefined {
  if (profils === undefined) return undefined
  const own = profils.find((p) => p.ligne === index)
  if (own !== undefined) return own.poids
  let best: MonthlyProfile | undefined
  for (const p of profils) {
    if (p.ligne !== undefined || p.compte === undefined || !compte.startsWith(p.compte)) continue
    if (best === undefined || p.compte.length > (best.compte?.length ?? 0)) best = p
  }
  return best?.poids
}

/**
 * `cents` over `months` ("AAAA-MM"): by the profile's weight of each month's calendar month, else
 * evenly; largest remainder, so the months sum to the amount. A profile that gives no weight to
 * any of these months spreads evenly (stated by the caller's hypotheses).
 */
export function spreadByMonth(
  cents: number,
  months: readonly string[],
  poids?: readonly number[]
): number[] {
  let weights = months.map(() => 1)
  if (poids !== undefined) {
    const own = months.map((m) => poids[Number(m.slice(5, 7)) - 1] ?? 0)
    if (own.some((w) => w > 0)) weights = own
  }
  return splitCents(cents, weights)
}
