// The rates the indicators give, in the shapes the contract (schedule, cut-off) and the budget profile take a rate in.
import { MISSION_CODES, type MissionCode } from '../missions'
import type { VariableResult } from './compute'
import { rateString } from './json'

/** The contract's five years (shared/contract: CONTRACT_YEARS), written here to keep this module apart from it. */
const YEARS = 5

/**
 * A mission's fields of the contract document: `taux`, one rate per contract year (decimal text,
 * as the contract's schema takes it), or for the crisis mission `crisesReconnues`, one boolean per
 * year (the contract has no rate for it: its variable is all or nothing).
 */
export type ContractRateFields =
  | { readonly taux: string[] }
  | { readonly crisesReconnues: boolean[] }

export interface ContractRates {
  /** Per mission of any year's annex: spread into the contract's mission (`{ ...mission, ...missions.acces }`). */
  readonly missions: Partial<Record<MissionCode, ContractRateFields>>
  /** Years and missions where a rate could not be carried as it is, said in French. */
  readonly remarques: readonly string[]
}

/**
 * The contract's rates from the indicators, one result per contract year (index 0 = year 1;
 * undefined or null where there is no annex). A year without annex keeps the rate the user typed
 * (`saisis`, one per mission) or the contract's default of 1. Rates are rounded to nine decimals:
 * the contract's variable payment, envelope × rate rounded to the cent, is then the indicators' amount.
 */
export function contractRates(
  years: readonly (VariableResult | null | undefined)[],
  saisis: Partial<Record<MissionCode, string>> = {}
): ContractRates {
  const missions: Partial<Record<MissionCode, ContractRateFields>> = {}
  const remarques: string[] = []
  const present = new Set(years.flatMap((y) => y?.missions.map((m) => m.mission) ?? []))
  for (const code of MISSION_CODES) {
    if (!present.has(code)) continue
    const perYear = Array.from({ length: YEARS }, (_, k) =>
      years[k]?.missions.find((m) => m.mission === code)
    )
    if (code === 'crise') {
      missions.crise = {
        crisesReconnues: perYear.map((m, k) => {
          if (m === undefined) return false
          if (m.montant.gt(0) && m.montant.lt(m.enveloppeVariable)) {
            remarques.push(
              `Année ${k + 1}, mission crise : ${rateString(m.taux)} de l’enveloppe atteint ; le contrat ne connaît que crise reconnue (tout) ou non (rien) : compté comme reconnue.`
            )
          }
          return m.montant.gt(0)
        }),
      }
      continue
    }
    missions[code] = {
      taux: perYear.map((m) => (m === undefined ? (saisis[code] ?? '1') : rateString(m.taux))),
    }
  }
  return { missions, remarques }
}

/** The budget profile's rates from one contract year's indicators: `taux` per mission (decimal text). */
export function budgetRates(result: VariableResult): Partial<Record<MissionCode, string>> {
  return Object.fromEntries(result.missions.map((m) => [m.mission, rateString(m.taux)]))
}
