// The dialogue de gestion, mission by mission: indicators reached and not, amount claimed against the maximum, evidence still missing — as JSON.
import { toAmountString } from '../money'
import type { IndicatorResult, MissionResult, VariableResult } from './compute'
import { observationJson, rateString } from './json'

function indicatorLine(i: IndicatorResult) {
  return {
    id: i.indicateur.id,
    libelle: i.indicateur.libelle,
    action: i.indicateur.action,
    observation: observationJson(i.observation),
    ...(i.palier === undefined ? {} : { palier: i.palier + 1 }),
    statut: i.statut,
    montant: toAmountString(i.montant),
    max: toAmountString(i.max),
  }
}

function missionDialogue(m: MissionResult) {
  const indicateurs = m.actions.flatMap((a) => a.indicateurs)
  return {
    mission: m.mission,
    libelle: m.libelle,
    montantReclame: toAmountString(m.montant),
    enveloppeVariable: toAmountString(m.enveloppeVariable),
    maxIndicateurs: toAmountString(m.max),
    taux: rateString(m.taux),
    atteints: indicateurs.filter((i) => i.statut === 'atteint').map(indicatorLine),
    nonAtteints: indicateurs
      .filter((i) => i.statut !== 'atteint' && i.statut !== 'sans_observation')
      .map(indicatorLine),
    sansObservation: indicateurs.filter((i) => i.statut === 'sans_observation').map(indicatorLine),
    livrablesManquants: m.actions
      .map((a) => ({
        action: a.action.id,
        libelle: a.action.libelle,
        livrables: a.livrables.filter((l) => !l.fourni).map((l) => l.libelle),
      }))
      .filter((a) => a.livrables.length > 0),
  }
}

export type DialogueJson = ReturnType<typeof dialogueJson>

/**
 * What the CPTS brings to the dialogue de gestion for a contract year: per mission, the indicators
 * reached (with their tier), those not reached or withheld, those without observation, the amount
 * claimed against the envelope, and the evidence still missing. Plain JSON (decimal strings), for
 * the pane, a sheet, and the dossier that will embed it.
 */
export function dialogueJson(result: VariableResult) {
  return {
    version: result.table.id,
    taille: result.taille,
    crise: result.crise,
    montantReclame: toAmountString(result.montant),
    enveloppeVariable: toAmountString(result.enveloppeVariable),
    missions: result.missions.map(missionDialogue),
  }
}
