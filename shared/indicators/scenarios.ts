// Scenarios of the variable part for the budget, side by side: objectives reached, base tier only, nothing.
import type { MissionCode } from '../missions'
import { type Decimal, ZERO } from '../money'
import type { ResolvedContext } from './checks'
import { evaluateAnnexe, type VariableResult } from './compute'
import type { Observation } from './observations'
import { type Annexe, indicateursOf } from './parse'

/**
 * The CPAM and the ARS advise budgeting the variable part as a bonus (notes-field-2026 §5.2):
 * the budget compares what each scenario would bring.
 */
export const SCENARIOS = ['objectifs_atteints', 'socle_seulement', 'rien'] as const
export type ScenarioCode = (typeof SCENARIOS)[number]

export const SCENARIO_LABELS: Record<ScenarioCode, { libelle: string; hypothese: string }> = {
  objectifs_atteints: {
    libelle: 'Objectifs atteints',
    hypothese:
      'Chaque indicateur à paliers atteint son meilleur palier, chaque indicateur binaire est fait.',
  },
  socle_seulement: {
    libelle: 'Socle seulement',
    hypothese:
      'Chaque indicateur à paliers atteint son palier le moins rémunéré (le socle) ; chaque indicateur binaire, qui n’a qu’un niveau, est compté fait.',
  },
  rien: {
    libelle: 'Rien',
    hypothese: 'Aucun indicateur atteint : le volet variable compté comme un bonus, à 0 €.',
  },
}

export interface Scenario {
  readonly code: ScenarioCode
  readonly libelle: string
  readonly hypothese: string
  readonly resultat: VariableResult
}

/** The observation that puts an indicator exactly at the tier the scenario assumes. */
function observationFor(code: ScenarioCode, annexe: Annexe): Map<string, Observation> {
  const valeurs = new Map<string, Observation>()
  if (code === 'rien') return valeurs
  for (const ind of indicateursOf(annexe)) {
    if (ind.type === 'binaire') {
      valeurs.set(ind.id, true)
      continue
    }
    let chosen = ind.paliers[0]
    for (const p of ind.paliers) {
      if (chosen === undefined) chosen = p
      else if (
        code === 'objectifs_atteints' ? p.montant.gt(chosen.montant) : p.montant.lt(chosen.montant)
      )
        chosen = p
    }
    if (chosen !== undefined) valeurs.set(ind.id, chosen.seuil)
  }
  return valeurs
}

/** The three scenarios for the annex, under the same context (the crisis variable still needs a recognised crisis). */
export function scenariosOf(annexe: Annexe, context: ResolvedContext): Scenario[] {
  return SCENARIOS.map((code) => ({
    code,
    ...SCENARIO_LABELS[code],
    resultat: evaluateAnnexe(annexe, context, {
      valeurs: observationFor(code, annexe),
      inconnues: [],
    }),
  }))
}

/** Amount of a mission in a result (0 when the annex has no such mission). */
export function montantOf(result: VariableResult, mission: MissionCode): Decimal {
  return result.missions.find((m) => m.mission === mission)?.montant ?? ZERO
}
