// parseAnnexe: an annex document checked once (shapes, then ids and missions) into the Annexe type the rest of the module trusts.
import * as v from 'valibot'
import { AciError } from '../errors'
import type { MissionCode } from '../missions'
import { Decimal } from '../money'
import { pathOf } from '../wire-schemas'
import {
  type ActionDocument,
  type AnnexeDocument,
  annexeSchema,
  type IndicateurDocument,
  type Sens,
} from './schema'

/** A tier: reached when the value is ≥ seuil (`hausse`) or ≤ seuil (`baisse`), bounds included. */
export interface Palier {
  readonly seuil: Decimal
  readonly montant: Decimal
}

interface IndicateurCommun {
  readonly id: string
  readonly libelle: string
  readonly unite: string | undefined
  readonly reference: Decimal | undefined
  readonly cible: Decimal | undefined
  /** The most the indicator can earn: a binary's amount, the best tier's amount of a tiered one. */
  readonly max: Decimal
  readonly mission: MissionCode
  /** The id of the action the indicator belongs to. */
  readonly action: string
}

export interface IndicateurBinaire extends IndicateurCommun {
  readonly type: 'binaire'
}

export interface IndicateurPaliers extends IndicateurCommun {
  readonly type: 'paliers'
  readonly sens: Sens
  /** In the annex's order (checked for order by checkAnnexe, not reordered). */
  readonly paliers: readonly Palier[]
  /** The maximum as the annex writes it, when it does (checked against the best tier). */
  readonly maxEcrit: Decimal | undefined
}

export type Indicateur = IndicateurBinaire | IndicateurPaliers

export interface Action {
  readonly id: string
  readonly libelle: string
  /** Evidence the CPAM asks for at the dialogue de gestion. */
  readonly livrables: readonly string[]
  readonly indicateurs: readonly Indicateur[]
}

export interface AnnexeMission {
  readonly mission: MissionCode
  readonly actions: readonly Action[]
}

/** A contract year's indicator annex, checked: every id unique, each mission once. */
export interface Annexe {
  /** Contract year (1 to 5), when the annex says it. */
  readonly annee: number | undefined
  readonly missions: readonly AnnexeMission[]
}

export function annexeError(argument: string, message: string): AciError {
  return new AciError('contrat_invalide', `${argument} : ${message}`, argument)
}

/** "8000" or 8000 → Decimal; the schema has checked the form. */
function decimalOf(value: string | number): Decimal {
  return new Decimal(typeof value === 'number' ? String(value) : value)
}

function optionalDecimal(value: string | number | undefined): Decimal | undefined {
  return value === undefined ? undefined : decimalOf(value)
}

function indicateurOf(doc: IndicateurDocument, mission: MissionCode, action: string): Indicateur {
  const common = {
    id: doc.id,
    libelle: doc.libelle,
    unite: doc.unite,
    reference: optionalDecimal(doc.reference),
    cible: optionalDecimal(doc.cible),
    mission,
    action,
  }
  if (doc.type === 'binaire') return { ...common, type: 'binaire', max: decimalOf(doc.max) }
  const paliers = doc.paliers.map((p) => ({
    seuil: decimalOf(p.seuil),
    montant: decimalOf(p.montant),
  }))
  return {
    ...common,
    type: 'paliers',
    sens: doc.sens,
    paliers,
    max: Decimal.max(...paliers.map((p) => p.montant)),
    maxEcrit: optionalDecimal(doc.max),
  }
}

function actionOf(doc: ActionDocument, mission: MissionCode): Action {
  return {
    id: doc.id,
    libelle: doc.libelle,
    livrables: doc.livrables ?? [],
    indicateurs: doc.indicateurs.map((i) => indicateurOf(i, mission, doc.id)),
  }
}

/**
 * The annex as a checked type from JSON (already parsed): fails with an AciError naming the field
 * at fault (`annexe.missions[0].actions[1].indicateurs[0].paliers`), or an id used twice, or a
 * mission written twice. `whole` is how messages name the document (`annexe` by default).
 */
export function parseAnnexe(input: unknown, whole = 'annexe'): Annexe {
  const result = v.safeParse(annexeSchema, input)
  if (!result.success) {
    const issue = result.issues[0]
    const path = pathOf(issue, '')
    throw annexeError(path === '' ? whole : `${whole}.${path}`, `${issue.message}.`)
  }
  return annexeOfDocument(result.output, whole)
}

/** An annex document the schema has already accepted (inside a larger request), checked for what ties its fields together. */
export function annexeOfDocument(doc: AnnexeDocument, whole = 'annexe'): Annexe {
  const missions = new Set<MissionCode>()
  const actions = new Map<string, string>()
  const indicateurs = new Map<string, string>()
  doc.missions.forEach((m, i) => {
    const at = `${whole}.missions[${i}]`
    if (missions.has(m.mission)) {
      throw annexeError(`${at}.mission`, `la mission ${m.mission} est écrite deux fois.`)
    }
    missions.add(m.mission)
    m.actions.forEach((a, j) => {
      const actionAt = `${at}.actions[${j}]`
      const before = actions.get(a.id)
      if (before !== undefined) {
        throw annexeError(
          `${actionAt}.id`,
          `l’identifiant d’action « ${a.id} » est déjà celui de ${before} ; chaque action a son identifiant.`
        )
      }
      actions.set(a.id, actionAt)
      a.indicateurs.forEach((ind, k) => {
        const indAt = `${actionAt}.indicateurs[${k}]`
        const seen = indicateurs.get(ind.id)
        if (seen !== undefined) {
          throw annexeError(
            `${indAt}.id`,
            `l’identifiant d’indicateur « ${ind.id} » est déjà celui de ${seen} ; chaque indicateur a son identifiant.`
          )
        }
        indicateurs.set(ind.id, indAt)
      })
    })
  })
  return {
    annee: doc.annee,
    missions: doc.missions.map((m) => ({
      mission: m.mission,
      actions: m.actions.map((a) => actionOf(a, m.mission)),
    })),
  }
}

/** Every indicator of the annex, in its order (mission, action, indicator). */
export function indicateursOf(annexe: Annexe): Indicateur[] {
  return annexe.missions.flatMap((m) => m.actions.flatMap((a) => a.indicateurs))
}

/** Every action of the annex, in its order. */
export function actionsOf(annexe: Annexe): Action[] {
  return annexe.missions.flatMap((m) => m.actions)
}

/** "8000.00" → "8000", "63.50" → "63.5": the shortest decimal text of a value. */
function plain(value: Decimal): string {
  return value.toFixed()
}

/** The annex back as its JSON document (amounts and values as decimal text): parseAnnexe reads it back to the same annex. */
export function annexeDocument(annexe: Annexe): AnnexeDocument {
  return {
    ...(annexe.annee === undefined ? {} : { annee: annexe.annee as 1 | 2 | 3 | 4 | 5 }),
    missions: annexe.missions.map((m) => ({
      mission: m.mission,
      actions: m.actions.map((a) => ({
        id: a.id,
        libelle: a.libelle,
        ...(a.livrables.length === 0 ? {} : { livrables: [...a.livrables] }),
        indicateurs: a.indicateurs.map((i): IndicateurDocument => {
          const common = {
            id: i.id,
            libelle: i.libelle,
            ...(i.unite === undefined ? {} : { unite: i.unite }),
            ...(i.reference === undefined ? {} : { reference: plain(i.reference) }),
            ...(i.cible === undefined ? {} : { cible: plain(i.cible) }),
          }
          if (i.type === 'binaire') return { ...common, type: 'binaire', max: plain(i.max) }
          return {
            ...common,
            type: 'paliers',
            sens: i.sens,
            paliers: i.paliers.map((p) => ({ seuil: plain(p.seuil), montant: plain(p.montant) })),
            ...(i.maxEcrit === undefined ? {} : { max: plain(i.maxEcrit) }),
          }
        }),
      })),
    })),
  }
}
