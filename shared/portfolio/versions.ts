// The rate versions in force for a fiscal year: those of the contract years it touches, each the version in force on the year's first day, as the contract's schedule takes them.
import { addDays, addYears } from '../contract/calendar'
import { isAciError } from '../errors'
import type { Catalog } from '../rates/catalog'

/** The ACI contract runs five years from its signature (contrat type, art. 6). */
const CONTRACT_YEARS = 5

export interface InForce {
  /** Contract years 1 to 5 the fiscal year touches. */
  readonly annees: number[]
  /** The version in force on the first day of each of those years, each once, oldest first. */
  readonly versions: string[]
}

/**
 * The contract years a fiscal year touches and their versions. Each contract year takes the
 * version in force on its first day (the resolver of shared/contract: "barème de chaque année de
 * contrat"). A fiscal year outside the five years takes the version in force on its first day.
 */
export function inForceFor(
  signature: string,
  exercice: { readonly debut: string; readonly fin: string },
  catalog: Catalog
): InForce {
  const annees: number[] = []
  const versions: string[] = []
  const add = (date: string) => {
    try {
      const id = catalog.inForceOn(date).id
      if (!versions.includes(id)) versions.push(id)
    } catch (error) {
      // A day before the first grid: no version was in force, so none is expected.
      if (!isAciError(error) || error.code !== 'date_anterieure') throw error
    }
  }
  for (let k = 0; k < CONTRACT_YEARS; k++) {
    const debut = addYears(signature, k)
    if (debut > exercice.fin) break
    const fin = addDays(addYears(signature, k + 1), -1)
    if (fin < exercice.debut) continue
    annees.push(k + 1)
    add(debut)
  }
  if (annees.length === 0) add(exercice.debut > signature ? exercice.debut : signature)
  return { annees, versions }
}
