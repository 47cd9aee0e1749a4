// The checks of an annex against the rate grid of its contract year: maxima against each variable envelope, tiers in order, the crisis condition.
import { AciError, describeValue } from '../errors'
import { formatEuros } from '../format'
import { parsePhase, parseTaille, resolveTable, type VersionRef } from '../funding'
import { MISSION_WORDS, type MissionCode } from '../missions'
import { type Decimal, sum } from '../money'
import type { Phase } from '../rates/schema'
import type { RateTable, Taille } from '../rates/table'
import { type Constat, constat } from './constats'
import type { Annexe, AnnexeMission } from './parse'
import { palierHorsOrdre } from './tiers'

/** What the annex is read against: the CPTS's taille, the grid of the contract year, its crisis plan phase, a recognised crisis. */
export interface VariableContext {
  readonly taille: unknown
  /** A version id, a date (the grid in force that day), a table, or nothing for today's grid. */
  readonly version?: VersionRef
  /** The crisis plan's phase that year (« rédaction » or « mise à jour »); the variable envelope does not depend on it in the current grids. */
  readonly phase?: unknown
  /** Whether the ARS recognised a serious health crisis in the contract year (default: no). */
  readonly crise?: unknown
}

export interface ResolvedContext {
  readonly table: RateTable
  readonly taille: Taille
  readonly phase: Phase | undefined
  readonly crise: boolean
}

export function resolveContext(context: VariableContext): ResolvedContext {
  const crise = context.crise ?? false
  if (typeof crise !== 'boolean') {
    throw new AciError(
      'contrat_invalide',
      `crise : true ou false attendu (crise sanitaire grave reconnue par l’ARS dans l’année), reçu ${describeValue(crise)}.`,
      'crise'
    )
  }
  return {
    taille: parseTaille(context.taille),
    table: resolveTable(context.version),
    phase: parsePhase(context.phase),
    crise,
  }
}

export function missionLabel(code: MissionCode): string {
  return MISSION_WORDS[code].label
}

/** The mission's variable envelope in the grid, or undefined when the grid has no such mission. */
export function variableEnvelope(
  context: ResolvedContext,
  mission: MissionCode
): Decimal | undefined {
  return context.table.mission(mission)?.variable[context.taille - 1]
}

/** The sum of the maxima of a mission's indicators. */
export function maximaOf(mission: AnnexeMission): Decimal {
  return sum(mission.actions.flatMap((a) => a.indicateurs.map((i) => i.max)))
}

function grid(context: ResolvedContext): string {
  return `barème ${context.table.id}, taille ${context.taille}`
}

/** The findings on the annex itself, before any observation. */
export function checkAnnexe(annexe: Annexe, context: ResolvedContext): Constat[] {
  const constats: Constat[] = []
  for (const m of annexe.missions) {
    const label = missionLabel(m.mission)
    const envelope = variableEnvelope(context, m.mission)
    if (envelope === undefined) {
      constats.push(
        constat(
          'MISSION-HORS-BAREME',
          `Mission ${label} (${m.mission}) : absente du ${grid(context)} ; ses indicateurs ne rapportent rien.`,
          { mission: m.mission }
        )
      )
    } else {
      const maxima = maximaOf(m)
      const ecart = maxima.minus(envelope)
      if (!ecart.isZero()) {
        constats.push(
          constat(
            'MAXIMA-ENVELOPPE',
            `Mission ${label} (${m.mission}) : les maxima des indicateurs totalisent ${formatEuros(maxima)} pour un volet variable de ${formatEuros(envelope)} (${grid(context)}) : ${formatEuros(ecart.abs())} ${ecart.isNegative() ? 'de moins' : 'de trop'}.`,
            { mission: m.mission, ecart }
          )
        )
      }
    }
    for (const action of m.actions) {
      for (const ind of action.indicateurs) {
        if (ind.type !== 'paliers') continue
        const at = palierHorsOrdre(ind.paliers, ind.sens)
        if (at >= 0) {
          constats.push(
            constat(
              'PALIERS-ORDRE',
              `Indicateur ${ind.id} (${label}) : le palier ${at + 1} est hors d’ordre ; attendu des seuils strictement croissants et des montants ${ind.sens === 'hausse' ? 'croissants avec le seuil (sens hausse)' : 'décroissants quand le seuil croît (sens baisse)'}.`,
              { mission: m.mission, action: action.id, indicateur: ind.id }
            )
          )
        }
        if (ind.maxEcrit !== undefined && !ind.maxEcrit.eq(ind.max)) {
          constats.push(
            constat(
              'PALIERS-MAX',
              `Indicateur ${ind.id} (${label}) : maximum écrit ${formatEuros(ind.maxEcrit)}, mais le meilleur palier rapporte ${formatEuros(ind.max)} ; le calcul retient les paliers.`,
              { mission: m.mission, action: action.id, indicateur: ind.id }
            )
          )
        }
      }
    }
  }
  const crise = annexe.missions.find((m) => m.mission === 'crise')
  const criseEnvelope = variableEnvelope(context, 'crise')
  if (crise !== undefined && criseEnvelope !== undefined && !context.crise) {
    constats.push(
      constat(
        'CRISE-CONDITIONNELLE',
        `Mission ${missionLabel('crise')} : son volet variable (${formatEuros(criseEnvelope)}) n’est dû que si une crise sanitaire grave est reconnue par l’ARS ; aucune crise reconnue pour cette année : 0,00\u00a0€.`,
        { mission: 'crise' }
      )
    )
  }
  if (crise === undefined && criseEnvelope !== undefined && context.crise) {
    constats.push(
      constat(
        'CRISE-HORS-ANNEXE',
        `Mission ${missionLabel('crise')} : une crise est reconnue, mais l’annexe n’a pas d’indicateur pour la mission crise ; son volet variable (${formatEuros(criseEnvelope)}) n’est pas calculé ici.`,
        { mission: 'crise' }
      )
    )
  }
  return constats
}
