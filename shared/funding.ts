// The ACI funding arithmetic: taille, fonctionnement, volet fixe, volet variable, enveloppe, total.
import { AciError, describeValue } from './errors'
import { type MissionCode, parseMission } from './missions'
import { Decimal, ONE, sum, timesToCent, ZERO } from './money'
import { bundledCatalog } from './rates/catalog'
import { PHASES, type Phase } from './rates/schema'
import type { Mission, PerTaille, RateTable, Taille } from './rates/table'
import { normalizeWords } from './text'

/** A version id ("aci-2019"), a date ("2024-04-01"), a table already resolved, or nothing for today. */
export type VersionRef = string | RateTable | null | undefined

/** Above this, a population is a typing mistake, not a territory (France has under 70 million inhabitants). */
export const POPULATION_MAX = 100_000_000

export function resolveTable(version: VersionRef, argument = 'version'): RateTable {
  return typeof version === 'object' && version !== null
    ? version
    : bundledCatalog().resolve(version, argument)
}

export function parseTaille(value: unknown, argument = 'taille'): Taille {
  if (value === 1 || value === 2 || value === 3 || value === 4) return value
  throw new AciError(
    'taille_invalide',
    `${argument} : taille attendue, un entier de 1 à 4, reçu ${describeValue(value)}.`,
    argument
  )
}

export function parsePopulation(value: unknown, argument = 'population'): number {
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 0 &&
    value <= POPULATION_MAX
  ) {
    return value
  }
  throw new AciError(
    'population_invalide',
    `${argument} : nombre d’habitants attendu, un entier de 0 à ${POPULATION_MAX.toLocaleString('fr-FR')}, reçu ${describeValue(value)}.`,
    argument
  )
}

/**
 * An achievement rate already checked: a fraction from 0 to 1, kept as the number Excel passed
 * (read later as its shortest decimal form) or as a Decimal.
 */
export type Taux = number | Decimal

function tauxError(value: unknown, argument: string): AciError {
  return new AciError(
    'taux_invalide',
    `${argument} : taux d’atteinte attendu entre 0 et 1 (75 % = 0,75), reçu ${describeValue(value)}.`,
    argument
  )
}

/** Checks an achievement rate (a number, a decimal string or a Decimal) without converting a number. */
export function checkTaux(value: unknown, argument = 'taux'): Taux {
  if (typeof value === 'number') {
    if (value >= 0 && value <= 1) return value // false for NaN
    throw tauxError(value, argument)
  }
  let rate: Decimal | undefined
  if (value instanceof Decimal) rate = value
  else if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value))
    rate = new Decimal(value.trim())
  if (rate !== undefined && !rate.isNaN() && rate.gte(ZERO) && rate.lte(ONE)) return rate
  throw tauxError(value, argument)
}

/** An achievement rate as a Decimal: a fraction from 0 to 1 (75 % is 0,75). */
export function parseTaux(value: unknown, argument = 'taux'): Decimal {
  const rate = checkTaux(value, argument)
  return typeof rate === 'number' ? new Decimal(rate) : rate
}

const PHASE_WORDS = new Map<string, Phase>([
  ['redaction', 'redaction'],
  ['1re redaction', 'redaction'],
  ['premiere redaction', 'redaction'],
  ['redaction du plan', 'redaction'],
  ['1re redaction du plan', 'redaction'],
  ['mise a jour', 'mise_a_jour'],
  ['mise a jour du plan', 'mise_a_jour'],
  ['maj', 'mise_a_jour'],
  ['actualisation', 'mise_a_jour'],
])

/** The crisis plan's phase: « rédaction » (first writing) or « mise à jour » (yearly update); empty = none. */
export function parsePhase(value: unknown, argument = 'phase'): Phase | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'string') {
    const phase = PHASE_WORDS.get(normalizeWords(value))
    if (phase) return phase
  }
  throw new AciError(
    'phase_invalide',
    `${argument} : phase du plan de crise attendue, « rédaction » ou « mise à jour », reçu ${describeValue(value)}.`,
    argument
  )
}

/** The mission in this table, or fails: unknown words, or a mission this version does not have. */
export function missionOf(table: RateTable, value: unknown, argument = 'mission'): Mission {
  const code: MissionCode = parseMission(value, argument, table.missionLabels)
  const mission = table.mission(code)
  if (mission) return mission
  throw new AciError(
    'mission_absente',
    `${argument} : la mission ${code} n’existe pas dans le barème ${table.id} (en vigueur depuis le ${table.effectiveDate}) ; missions de ce barème : ${table.missions.map((m) => m.code).join(', ')}.`,
    argument
  )
}

/** The phase to use for a mission: none outside the crisis mission, its first phase by default. */
export function phaseFor(mission: Mission, phase: unknown, argument = 'phase'): Phase | undefined {
  const parsed = parsePhase(phase, argument)
  if (mission.phases.length === 0) {
    if (parsed !== undefined) {
      throw new AciError(
        'phase_invalide',
        `${argument} : la phase ne s’applique qu’à la mission crise ; laissez-la vide pour la mission ${mission.code}.`,
        argument
      )
    }
    return undefined
  }
  return parsed ?? mission.phases[0]
}

/** The taille (1 to 4) of a territory from its population, with the thresholds of the version. */
export function taille(population: unknown, version?: VersionRef): Taille {
  const inhabitants = parsePopulation(population)
  const table = resolveTable(version)
  for (const row of table.tailles) {
    if (row.populationBelow === null || inhabitants < row.populationBelow) return row.taille
  }
  return 4
}

/** Fonctionnement of the community for a taille. Amounts of a table are exact to the cent by its schema. */
export function fonctionnement(tailleValue: unknown, version?: VersionRef): Decimal {
  const t = parseTaille(tailleValue)
  return resolveTable(version).fonctionnement.amounts[t - 1] as Decimal
}

/** Volet fixe of a mission; for the crisis mission, the phase of its plan (default: first writing). */
export function fixe(
  mission: unknown,
  tailleValue: unknown,
  phase?: unknown,
  version?: VersionRef
): Decimal {
  const table = resolveTable(version)
  const m = missionOf(table, mission)
  const t = parseTaille(tailleValue)
  return fixeOf(m, phaseFor(m, phase), t)
}

/** The volet fixe of a mission already resolved, for a phase already checked. */
export function fixeOf(mission: Mission, phase: Phase | undefined, t: Taille): Decimal {
  return (mission.fixe.get(phase) as PerTaille)[t - 1] as Decimal
}

/** Maximal volet variable of a mission (its envelope at 100 % achievement). */
export function variableMax(mission: unknown, tailleValue: unknown, version?: VersionRef): Decimal {
  const m = missionOf(resolveTable(version), mission)
  return m.variable[parseTaille(tailleValue) - 1] as Decimal
}

/** Volet variable at an achievement rate: the variable envelope × taux, rounded to the cent. */
export function variable(
  mission: unknown,
  tailleValue: unknown,
  taux: unknown,
  version?: VersionRef
): Decimal {
  return variableAt(variableMax(mission, tailleValue, version), checkTaux(taux))
}

/** The variable envelope × an achievement rate already checked, rounded to the cent. */
export function variableAt(envelope: Decimal, rate: Taux): Decimal {
  return rate === 1 ? envelope : timesToCent(envelope, rate)
}

/** Enveloppe of a mission: volet fixe + maximal volet variable. */
export function enveloppe(
  mission: unknown,
  tailleValue: unknown,
  phase?: unknown,
  version?: VersionRef
): Decimal {
  const table = resolveTable(version)
  return fixe(mission, tailleValue, phase, table).plus(variableMax(mission, tailleValue, table))
}

/**
 * Total possible for a taille: fonctionnement + the envelopes of the missions given
 * (all the version's missions when none; each counted once; the crisis plan in its first-writing phase).
 */
export function total(
  tailleValue: unknown,
  missions?: readonly unknown[] | null,
  version?: VersionRef
): Decimal {
  const table = resolveTable(version)
  const t = parseTaille(tailleValue)
  const chosen =
    missions === null || missions === undefined
      ? table.missions
      : [
          ...new Map(
            missions.map((m) => missionOf(table, m, 'missions')).map((m) => [m.code, m])
          ).values(),
        ]
  return sum([
    table.fonctionnement.amounts[t - 1] as Decimal,
    ...chosen.map((m) => fixeOf(m, m.phases[0], t)),
    ...chosen.map((m) => m.variable[t - 1] as Decimal),
  ])
}

export { PHASES, type Phase }
