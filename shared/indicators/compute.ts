// From observations to money: the amount of each indicator, action and mission of an annex, the mission's rate, and the findings.
import { formatEuros, formatPercent } from '../format'
import type { MissionCode } from '../missions'
import { Decimal, sum, ZERO } from '../money'
import type { Phase } from '../rates/schema'
import type { RateTable, Taille } from '../rates/table'
import {
  checkAnnexe,
  maximaOf,
  missionLabel,
  type ResolvedContext,
  resolveContext,
  type VariableContext,
  variableEnvelope,
} from './checks'
import { type Constat, constat, sortConstats } from './constats'
import {
  type LivrablesStatus,
  type Observation,
  type Observations,
  parseLivrables,
  parseObservations,
} from './observations'
import type { Action, Annexe, Indicateur } from './parse'
import { palierAtteint } from './tiers'

/**
 * What an indicator's observation gives: `atteint` (it earns its reached tier or its maximum),
 * `non_atteint` (observed, no tier reached or not done), `sans_observation` (earns nothing, listed),
 * `crise_non_reconnue` (the crisis mission's variable is due only after a recognised crisis),
 * `livrables_manquants` (evidence missing while the options require it), `hors_bareme`.
 */
export type IndicatorStatus =
  | 'atteint'
  | 'non_atteint'
  | 'sans_observation'
  | 'crise_non_reconnue'
  | 'livrables_manquants'
  | 'hors_bareme'

export interface IndicatorResult {
  readonly indicateur: Indicateur
  readonly observation: Observation | undefined
  readonly statut: IndicatorStatus
  /** Index of the tier the value reaches (tiered indicators), even when the amount is withheld. */
  readonly palier: number | undefined
  /** What the observation earns on the annex's terms alone, before the crisis and evidence conditions. */
  readonly montantObserve: Decimal
  readonly montant: Decimal
  readonly max: Decimal
}

export interface ActionResult {
  readonly action: Action
  readonly mission: MissionCode
  readonly montant: Decimal
  readonly max: Decimal
  /** One per evidence item, in the action's order. */
  readonly livrables: readonly { readonly libelle: string; readonly fourni: boolean }[]
  readonly indicateurs: readonly IndicatorResult[]
}

export interface MissionResult {
  readonly mission: MissionCode
  readonly libelle: string
  /** The variable part earned: the indicators' total, at most the envelope. */
  readonly montant: Decimal
  /** The indicators' total before the envelope's cap. */
  readonly montantIndicateurs: Decimal
  /** The sum of the indicators' maxima. */
  readonly max: Decimal
  /** The mission's variable envelope in the grid (0 when the grid has no such mission). */
  readonly enveloppeVariable: Decimal
  /** montant / enveloppeVariable, exact (0 for an empty envelope). */
  readonly taux: Decimal
  readonly actions: readonly ActionResult[]
}

export interface VariableOptions {
  /**
   * Whether an action's indicators earn nothing while some of its evidence is missing. No text
   * says how the CPAM weighs missing evidence (open question): by default it is reported, not deducted.
   */
  readonly exigerLivrables?: boolean
}

export interface VariableResult {
  readonly table: RateTable
  readonly taille: Taille
  readonly phase: Phase | undefined
  readonly crise: boolean
  readonly exigerLivrables: boolean
  readonly missions: readonly MissionResult[]
  /** Every indicator, in the annex's order. */
  readonly indicateurs: readonly IndicatorResult[]
  readonly montant: Decimal
  readonly enveloppeVariable: Decimal
  /** Errors first, then warnings, then information. */
  readonly constats: readonly Constat[]
}

/** A fraction of an envelope, exact to the precision of the arithmetic; 0 for an empty envelope. */
export function rateOf(montant: Decimal, envelope: Decimal): Decimal {
  return envelope.isZero() ? ZERO : montant.div(envelope)
}

function observed(
  indicateur: Indicateur,
  observation: Observation | undefined
): { montant: Decimal; palier: number | undefined; atteint: boolean } {
  if (observation === undefined) return { montant: ZERO, palier: undefined, atteint: false }
  if (indicateur.type === 'binaire') {
    return observation === true
      ? { montant: indicateur.max, palier: undefined, atteint: true }
      : { montant: ZERO, palier: undefined, atteint: false }
  }
  const tier = palierAtteint(observation as Decimal, indicateur.paliers, indicateur.sens)
  return tier === undefined
    ? { montant: ZERO, palier: undefined, atteint: false }
    : { montant: tier.montant, palier: indicateur.paliers.indexOf(tier), atteint: true }
}

function scaleConstat(indicateur: Indicateur, value: Decimal): Constat | undefined {
  if (indicateur.type !== 'paliers' || indicateur.unite?.trim() !== '%') return undefined
  const lowest = Decimal.min(...indicateur.paliers.map((p) => p.seuil))
  if (!(value.gt(ZERO) && value.lt(1) && lowest.gt(1))) return undefined
  return constat(
    'OBSERVATION-ECHELLE',
    `Indicateur ${indicateur.id} : valeur ${value.toFixed().replace('.', ',')} lue en points de pourcentage (${value.toFixed().replace('.', ',')} %), alors que les seuils commencent à ${lowest.toFixed().replace('.', ',')} % ; pour ${value.times(100).toFixed().replace('.', ',')} %, écrivez ${value.times(100).toFixed().replace('.', ',')}.`,
    { mission: indicateur.mission, action: indicateur.action, indicateur: indicateur.id }
  )
}

/**
 * The variable part of a contract year, indicator by indicator: each indicator earns its reached
 * tier's amount (bounds included) or its maximum when done, nothing without observation; an
 * action, a mission sum their indicators exactly (amounts are exact to the cent by the schema, so
 * nothing is rounded); a mission earns at most its envelope, and the crisis mission only after a
 * crisis recognised by the ARS. The rate of a mission is its amount over its variable envelope.
 */
export function evaluateAnnexe(
  annexe: Annexe,
  context: ResolvedContext,
  observations: Observations,
  livrables: LivrablesStatus = { fournis: new Map(), inconnues: [] },
  options: VariableOptions = {}
): VariableResult {
  const exigerLivrables = options.exigerLivrables ?? false
  const constats: Constat[] = checkAnnexe(annexe, context)
  const detail: Constat[] = []
  const missions: MissionResult[] = []
  for (const m of annexe.missions) {
    const envelope = variableEnvelope(context, m.mission)
    const criseRefusee = m.mission === 'crise' && !context.crise
    const actions: ActionResult[] = m.actions.map((action) => {
      const status = livrables.fournis.get(action.id)
      const items = action.livrables.map((libelle, k) => ({
        libelle,
        fourni: status?.[k] ?? false,
      }))
      const missing = items.filter((i) => !i.fourni).map((i) => i.libelle)
      if (missing.length > 0) {
        detail.push(
          constat(
            'LIVRABLES-MANQUANTS',
            `Action ${action.id} (${missionLabel(m.mission)}) : ${missing.length === 1 ? 'livrable manquant' : `${missing.length} livrables manquants`} : ${missing.join(' ; ')}.`,
            { mission: m.mission, action: action.id }
          )
        )
      }
      const indicateurs = action.indicateurs.map((ind): IndicatorResult => {
        const observation = observations.valeurs.get(ind.id)
        if (observation instanceof Decimal) {
          const warning = scaleConstat(ind, observation)
          if (warning) detail.push(warning)
        }
        const got = observed(ind, observation)
        let statut: IndicatorStatus
        if (envelope === undefined) statut = 'hors_bareme'
        else if (observation === undefined) statut = 'sans_observation'
        else if (!got.atteint) statut = 'non_atteint'
        else if (criseRefusee) statut = 'crise_non_reconnue'
        else if (exigerLivrables && missing.length > 0) statut = 'livrables_manquants'
        else statut = 'atteint'
        return {
          indicateur: ind,
          observation,
          statut,
          palier: got.palier,
          montantObserve: got.montant,
          montant: statut === 'atteint' ? got.montant : ZERO,
          max: ind.max,
        }
      })
      return {
        action,
        mission: m.mission,
        montant: sum(indicateurs.map((i) => i.montant)),
        max: sum(indicateurs.map((i) => i.max)),
        livrables: items,
        indicateurs,
      }
    })
    const montantIndicateurs = sum(actions.map((a) => a.montant))
    const enveloppeVariable = envelope ?? ZERO
    const montant = Decimal.min(montantIndicateurs, enveloppeVariable)
    if (montantIndicateurs.gt(enveloppeVariable) && envelope !== undefined) {
      constats.push(
        constat(
          'MISSION-PLAFONNEE',
          `Mission ${missionLabel(m.mission)} : les indicateurs atteints totalisent ${formatEuros(montantIndicateurs)}, plus que le volet variable de ${formatEuros(enveloppeVariable)} ; retenu : ${formatEuros(enveloppeVariable)}.`,
          { mission: m.mission }
        )
      )
    }
    if (criseRefusee) {
      const would = sum(actions.flatMap((a) => a.indicateurs.map((i) => i.montantObserve)))
      if (would.gt(ZERO)) {
        constats.push(
          constat(
            'CRISE-NON-RECONNUE',
            `Mission ${missionLabel('crise')} : les indicateurs observés rapporteraient ${formatEuros(would)}, mais aucune crise sanitaire grave n’est reconnue par l’ARS pour cette année : 0,00\u00a0€.`,
            { mission: 'crise' }
          )
        )
      }
    }
    missions.push({
      mission: m.mission,
      libelle: missionLabel(m.mission),
      montant,
      montantIndicateurs,
      max: maximaOf(m),
      enveloppeVariable,
      taux: rateOf(montant, enveloppeVariable),
      actions,
    })
  }
  const indicateurs = missions.flatMap((m) => m.actions.flatMap((a) => a.indicateurs))
  const absentes = indicateurs.filter((i) => i.statut === 'sans_observation')
  if (absentes.length > 0) {
    constats.push(
      constat(
        'OBSERVATION-ABSENTE',
        `${absentes.length === 1 ? 'Un indicateur sans valeur observée ne rapporte rien' : `${absentes.length} indicateurs sans valeur observée ne rapportent rien`} : ${absentes.map((i) => i.indicateur.id).join(', ')}.`
      )
    )
  }
  if (observations.inconnues.length > 0) {
    constats.push(
      constat(
        'OBSERVATION-INCONNUE',
        `Observations ignorées, aucun indicateur de l’annexe n’a cet identifiant : ${observations.inconnues.join(', ')}.`
      )
    )
  }
  if (livrables.inconnues.length > 0) {
    constats.push(
      constat(
        'LIVRABLES-INCONNUS',
        `État des livrables ignoré, aucune action de l’annexe n’a cet identifiant : ${livrables.inconnues.join(', ')}.`
      )
    )
  }
  const montant = sum(missions.map((m) => m.montant))
  const enveloppeVariable = sum(missions.map((m) => m.enveloppeVariable))
  return {
    table: context.table,
    taille: context.taille,
    phase: context.phase,
    crise: context.crise,
    exigerLivrables,
    missions,
    indicateurs,
    montant,
    enveloppeVariable,
    constats: sortConstats([...constats, ...detail]),
  }
}

/**
 * The one call for an annex and its observations as they come (JSON, a Map, the pane's cells):
 * the context is checked (taille, version or date, phase, crisis), then the observations and the
 * evidence against the annex, then everything is computed.
 */
export function variableOf(
  annexe: Annexe,
  context: VariableContext,
  observations?: unknown,
  livrables?: unknown,
  options: VariableOptions = {}
): VariableResult {
  return evaluateAnnexe(
    annexe,
    resolveContext(context),
    parseObservations(observations, annexe),
    parseLivrables(livrables, annexe),
    options
  )
}

/** "Mission Accès aux soins : 29 000,00 € sur 35 000,00 € (82,86 %)": one line per mission, for a summary. */
export function missionSummary(m: MissionResult): string {
  return `Mission ${m.libelle} : ${formatEuros(m.montant)} sur ${formatEuros(m.enveloppeVariable)} (${formatPercent(m.taux)})`
}
