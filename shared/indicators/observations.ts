// Observed values of an annex's indicators (a number, a percentage, done or not done) and the status of each action's evidence, read once.
import { AciError, describeValue } from '../errors'
import { Decimal } from '../money'
import { normalizeWords } from '../text'
import { type Annexe, actionsOf, type Indicateur, indicateursOf } from './parse'

/** A tiered indicator's value, in the unit of its thresholds, or whether a binary indicator is done. */
export type Observation = Decimal | boolean

export interface Observations {
  /** By indicator id; an indicator absent here was not observed. */
  readonly valeurs: ReadonlyMap<string, Observation>
  /** Ids that name no indicator of the annex. */
  readonly inconnues: readonly string[]
}

export interface LivrablesStatus {
  /** By action id: provided or not, one per evidence item of the action, in its order. */
  readonly fournis: ReadonlyMap<string, readonly boolean[]>
  /** Ids that name no action of the annex. */
  readonly inconnues: readonly string[]
}

function invalid(argument: string, message: string): AciError {
  return new AciError('contrat_invalide', `${argument} : ${message}`, argument)
}

const DONE = new Map<string, boolean>([
  ['oui', true],
  ['vrai', true],
  ['true', true],
  ['fait', true],
  ['atteint', true],
  ['realise', true],
  ['x', true],
  ['1', true],
  ['non', false],
  ['faux', false],
  ['false', false],
  ['non fait', false],
  ['pas fait', false],
  ['non atteint', false],
  ['non realise', false],
  ['0', false],
])

/** Spaces Excel puts between groups of digits (space, no-break space, narrow no-break space). */
const GROUPS = /[ \u00a0\u202f]/g

/** "63,5 %" → 63.5 and "1 250" → 1250: a value as typed in French, in the indicator's unit; undefined when it is not a number. */
export function readNumber(text: string): Decimal | undefined {
  const compact = text.replace(GROUPS, '').replace(/%$/, '').replace(',', '.')
  return /^-?\d{1,15}(\.\d{1,12})?$/.test(compact) ? new Decimal(compact) : undefined
}

/** Is the observation of a binary indicator done (true), not done (false)? Words in French, any case. */
export function readDone(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (value === 1 || value === 0) return value === 1
  if (typeof value === 'string') return DONE.get(normalizeWords(value))
  return undefined
}

/** One observation checked against its indicator; undefined when there is none (null, empty). */
export function readObservation(
  value: unknown,
  indicateur: Indicateur,
  argument: string
): Observation | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (indicateur.type === 'binaire') {
    const done = readDone(value)
    if (done !== undefined) return done
    throw invalid(
      argument,
      `indicateur binaire ${indicateur.id} : fait ou non fait attendu (true/false, oui/non), reçu ${describeValue(value)}.`
    )
  }
  if (typeof value === 'number' && Number.isFinite(value)) return new Decimal(value)
  if (value instanceof Decimal && value.isFinite()) return value
  const read = typeof value === 'string' ? readNumber(value) : undefined
  if (read !== undefined) return read
  throw invalid(
    argument,
    `indicateur à paliers ${indicateur.id} : valeur observée attendue, un nombre dans l’unité des seuils${indicateur.unite === undefined ? '' : ` (${indicateur.unite})`}, reçu ${describeValue(value)}.`
  )
}

function record(input: unknown, argument: string, what: string): [string, unknown][] {
  if (input === undefined || input === null) return []
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw invalid(argument, `objet attendu, ${what}.`)
  }
  if (input instanceof Map) return [...input.entries()]
  return Object.entries(input)
}

/**
 * Observations by indicator id (`{ "ald-sans-mt": 75, "annuaire": true, "depistage": "63,5 %" }`),
 * or a Map: numbers (or decimal text, comma or point, « % » allowed) for tiered indicators, done or
 * not done for binary ones, null or empty for no observation.
 */
export function parseObservations(
  input: unknown,
  annexe: Annexe,
  argument = 'observations'
): Observations {
  const byId = new Map(indicateursOf(annexe).map((i) => [i.id, i]))
  const valeurs = new Map<string, Observation>()
  const inconnues: string[] = []
  for (const [id, value] of record(
    input,
    argument,
    'un identifiant d’indicateur → sa valeur observée'
  )) {
    const indicateur = byId.get(id)
    if (indicateur === undefined) {
      inconnues.push(id)
      continue
    }
    const observation = readObservation(value, indicateur, `${argument}.${id}`)
    if (observation !== undefined) valeurs.set(id, observation)
  }
  return { valeurs, inconnues }
}

/**
 * The evidence status by action id (`{ "mt": [true, false] }`, one boolean per evidence item of
 * the action, in its order); an action not given has none of its evidence provided.
 */
export function parseLivrables(
  input: unknown,
  annexe: Annexe,
  argument = 'livrables'
): LivrablesStatus {
  const byId = new Map(actionsOf(annexe).map((a) => [a.id, a]))
  const fournis = new Map<string, readonly boolean[]>()
  const inconnues: string[] = []
  for (const [id, value] of record(
    input,
    argument,
    'un identifiant d’action → une liste de true/false'
  )) {
    const action = byId.get(id)
    if (action === undefined) {
      inconnues.push(id)
      continue
    }
    const at = `${argument}.${id}`
    if (!Array.isArray(value) || value.length !== action.livrables.length) {
      throw invalid(
        at,
        `liste de ${action.livrables.length} valeurs true/false attendue, une par livrable de l’action ${id}, reçu ${describeValue(value)}.`
      )
    }
    const status = value.map((item, k) => {
      const done = readDone(item)
      if (done === undefined) {
        throw invalid(`${at}[${k}]`, `true ou false attendu, reçu ${describeValue(item)}.`)
      }
      return done
    })
    fournis.set(id, status)
  }
  return { fournis, inconnues }
}
