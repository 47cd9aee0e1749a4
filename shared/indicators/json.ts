// The variable part as JSON: amounts as decimal strings, rates as decimal fractions, findings with their code and message.
import { Decimal, toAmountString } from '../money'
import type { VariableResult } from './compute'
import type { Constat } from './constats'
import type { Observation } from './observations'
import type { Scenario } from './scenarios'

/**
 * Decimals of a published rate: nine, as the contract and the budget accept a rate ("0.8").
 * With envelopes below 10 million euros, envelope × the rate rounded to nine decimals is within
 * half a cent of the exact amount, so the contract's own rounding gives back the amount to the cent.
 */
export const RATE_DECIMALS = 9

/** 0.342857142857… → "0.342857143", 1 → "1": a rate as the contract and the budget take it. */
export function rateString(rate: Decimal): string {
  return rate.toDecimalPlaces(RATE_DECIMALS, Decimal.ROUND_HALF_UP).toFixed()
}

/** An observation as the wire shows it: a decimal string, true or false, or null for none. */
export function observationJson(observation: Observation | undefined): string | boolean | null {
  if (observation === undefined) return null
  return typeof observation === 'boolean' ? observation : observation.toFixed()
}

export function constatJson(c: Constat) {
  return {
    code: c.code,
    severity: c.severity,
    message: c.message,
    source: c.source,
    ...(c.mission === undefined ? {} : { mission: c.mission }),
    ...(c.action === undefined ? {} : { action: c.action }),
    ...(c.indicateur === undefined ? {} : { indicateur: c.indicateur }),
    ...(c.ecart === undefined ? {} : { ecart: toAmountString(c.ecart) }),
  }
}

export type VariableJson = ReturnType<typeof variableJson>

/** The answer of POST /api/v1/contracts/variable, and what the pane shows. */
export function variableJson(result: VariableResult) {
  return {
    version: result.table.id,
    taille: result.taille,
    phase: result.phase ?? null,
    crise: result.crise,
    exigerLivrables: result.exigerLivrables,
    indicateurs: result.indicateurs.map((i) => ({
      id: i.indicateur.id,
      mission: i.indicateur.mission,
      action: i.indicateur.action,
      type: i.indicateur.type,
      observation: observationJson(i.observation),
      statut: i.statut,
      palier: i.palier === undefined ? null : i.palier + 1,
      montant: toAmountString(i.montant),
      max: toAmountString(i.max),
    })),
    actions: result.missions.flatMap((m) =>
      m.actions.map((a) => ({
        id: a.action.id,
        mission: m.mission,
        montant: toAmountString(a.montant),
        max: toAmountString(a.max),
        livrables: a.livrables.map((l) => ({ libelle: l.libelle, fourni: l.fourni })),
      }))
    ),
    missions: result.missions.map((m) => ({
      mission: m.mission,
      libelle: m.libelle,
      montant: toAmountString(m.montant),
      montantIndicateurs: toAmountString(m.montantIndicateurs),
      max: toAmountString(m.max),
      enveloppeVariable: toAmountString(m.enveloppeVariable),
      taux: rateString(m.taux),
    })),
    total: {
      montant: toAmountString(result.montant),
      enveloppeVariable: toAmountString(result.enveloppeVariable),
    },
    constats: result.constats.map(constatJson),
  }
}

/** The three scenarios side by side: per mission, the amount and rate in each. */
export function scenariosJson(scenarios: readonly Scenario[]) {
  return scenarios.map((s) => ({
    code: s.code,
    libelle: s.libelle,
    hypothese: s.hypothese,
    missions: s.resultat.missions.map((m) => ({
      mission: m.mission,
      montant: toAmountString(m.montant),
      taux: rateString(m.taux),
    })),
    total: toAmountString(s.resultat.montant),
  }))
}
