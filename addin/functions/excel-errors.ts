// The one place a domain error becomes an Excel error: a bad value is #VALEUR!, an unknown version or mission #N/A.
/// <reference types="custom-functions-runtime" />
import { type AciErrorKind, isAciError } from '../../shared'

// Literal codes for a runtime without the ErrorCode enum (CustomFunctionsRuntime 1.2); same strings as the enum.
const INVALID_VALUE = '#VALUE!' as CustomFunctions.ErrorCode
const NOT_AVAILABLE = '#N/A' as CustomFunctions.ErrorCode

/** Only #VALUE! and #N/A carry a message to the user (Microsoft, custom-functions-errors), so only these two are used. */
function codeOf(kind: AciErrorKind): CustomFunctions.ErrorCode {
  const codes = CustomFunctions.ErrorCode
  switch (kind) {
    case 'invalid':
      return codes?.invalidValue ?? INVALID_VALUE
    case 'not_found':
      return codes?.notAvailable ?? NOT_AVAILABLE
    default: {
      const unmapped: never = kind
      return unmapped
    }
  }
}

/**
 * The Excel error for anything a function threw. Built at call time only: outside Office,
 * `CustomFunctions.Error` does not exist, and the bundle must still load there.
 */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (isAciError(error)) return new CustomFunctions.Error(codeOf(error.kind), error.message)
  // Not the user's input but a fault of the add-in: still a French message in the cell rather
  // than a bare #VALEUR!, and the details in the runtime's console.
  console.error('ACI-CPTS : erreur inattendue dans une fonction ACI', error)
  const detail = error instanceof Error ? error.message : String(error)
  return new CustomFunctions.Error(
    codeOf('invalid'),
    `Erreur inattendue du complément ACI-CPTS (${detail}). Signalez-la avec la formule en cause.`
  )
}
