// The one error type of the domain: a stable code, the argument at fault, a French message.

/**
 * What went wrong, as a stable code the edges map once:
 * `invalid` codes are a bad value (Excel #VALEUR!, HTTP 400/422),
 * `not_found` codes name something that does not exist (Excel #N/A, HTTP 404/422).
 */
export const ERROR_KINDS = {
  taille_invalide: 'invalid',
  population_invalide: 'invalid',
  taux_invalide: 'invalid',
  phase_invalide: 'invalid',
  date_invalide: 'invalid',
  mission_invalide: 'invalid',
  mission_inconnue: 'not_found',
  mission_absente: 'not_found',
  version_inconnue: 'not_found',
  date_anterieure: 'not_found',
  bareme_invalide: 'invalid',
  budget_invalide: 'invalid',
  json_invalide: 'invalid',
  csv_invalide: 'invalid',
  plan_comptable_absent: 'not_found',
  donnees_invalides: 'invalid',
  contrat_invalide: 'invalid',
  exercice_invalide: 'invalid',
  encodage_invalide: 'invalid',
  fec_invalide: 'invalid',
  regles_invalides: 'invalid',
  tresorerie_invalide: 'invalid',
  registre_invalide: 'invalid',
  pass_inconnu: 'not_found',
  cerfa_invalide: 'invalid',
} as const

export type AciErrorCode = keyof typeof ERROR_KINDS
export type AciErrorKind = (typeof ERROR_KINDS)[AciErrorCode]

export class AciError extends Error {
  override readonly name = 'AciError'
  readonly code: AciErrorCode
  /** The argument or field at fault, in the user's words (`taille`, `mission`, `taux`…). */
  readonly argument: string | undefined

  constructor(code: AciErrorCode, message: string, argument?: string) {
    super(message)
    this.code = code
    this.argument = argument
  }

  get kind(): AciErrorKind {
    return ERROR_KINDS[this.code]
  }
}

export function isAciError(error: unknown): error is AciError {
  return error instanceof AciError
}

/** How a value the user gave is shown back in a message: short, quoted if text. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'vide'
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value
    return `« ${shown} »`
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value).replace('.', ',') : 'non numérique'
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX'
  if (Array.isArray(value)) return 'une plage de plusieurs cellules'
  return 'une valeur non reconnue'
}
