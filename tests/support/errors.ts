// The AciError a call throws, for tests that read its code, argument and message.
import { AciError } from '../../shared'

/** The AciError a call throws (fails if it throws nothing, rethrows anything else). */
export function errorOf(call: () => unknown): AciError {
  try {
    call()
  } catch (error) {
    if (error instanceof AciError) return error
    throw error
  }
  throw new Error('aucune erreur levée')
}
