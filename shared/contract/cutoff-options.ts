// What a cut-off is asked for: the fiscal year, checked, and the options on how income is recognised.
import * as v from 'valibot'
import { AciError } from '../errors'
import { type Exercice, exerciceSchema } from './schema'

/**
 * When the variable part is income (notes-aci-rates §10, notes B.6, question B.9-2):
 * `versement` (default) when it is notified, taken as its payment date, the amount being known
 * only after the dialogue de gestion; `periode` over the contract year it rewards, as an explicit
 * estimate at the rates of the contract document (earned but unpaid → produits à recevoir).
 */
export const VARIABLE_RECOGNITIONS = ['versement', 'periode'] as const
export type VariableRecognition = (typeof VARIABLE_RECOGNITIONS)[number]

/** How an entitlement is spread over its period: by days (default) or by whole months elapsed (notes B.6, B.9-3). */
export const REPARTITIONS = ['jours', 'mois'] as const
export type RepartitionTemporelle = (typeof REPARTITIONS)[number]

export interface CutoffOptions {
  readonly variable?: VariableRecognition
  readonly repartition?: RepartitionTemporelle
}

function exerciceError(argument: string, message: string): AciError {
  return new AciError('exercice_invalide', `${argument} : ${message}`, argument)
}

/** A fiscal year checked: two real dates, the end not before the start. */
export function parseExercice(input: unknown): Exercice {
  const result = v.safeParse(exerciceSchema, input)
  if (!result.success) {
    const issue = result.issues[0]
    const key = issue.path?.[0]?.key
    throw exerciceError(
      typeof key === 'string' ? `exercice.${key}` : 'exercice',
      `${issue.message}.`
    )
  }
  const { debut, fin } = result.output
  if (fin < debut) {
    throw exerciceError(
      'exercice.fin',
      `la fin de l’exercice (${fin}) précède son début (${debut}).`
    )
  }
  return { debut, fin }
}

/** The options with their defaults filled in. */
export interface Settings {
  readonly variable: VariableRecognition
  readonly repartition: RepartitionTemporelle
}

export function parseOptions(options: CutoffOptions | undefined): Settings {
  const variable = options?.variable ?? 'versement'
  const repartition = options?.repartition ?? 'jours'
  if (!VARIABLE_RECOGNITIONS.includes(variable)) {
    throw exerciceError(
      'options.variable',
      'reconnaissance du volet variable attendue : versement ou periode.'
    )
  }
  if (!REPARTITIONS.includes(repartition)) {
    throw exerciceError('options.repartition', 'répartition attendue : jours ou mois.')
  }
  return { variable, repartition }
}
