// What an action tells the person once it is done: a French title and text, and whether it went well.
import { isAciError } from '../../../shared'
import { BudgetSheetError } from '../sheets/budget-read'

export interface Notice {
  readonly intent: 'success' | 'error' | 'info'
  readonly title: string
  readonly text: string
  /** What to correct, one item each (every bad cell of a sheet), under the text. */
  readonly items?: readonly string[]
}

/** Every action's state carries what to say about it; null says nothing. */
export interface Outcome {
  readonly notice: Notice | null
}

/** An error in French: the core's message as it is, any other error's message. */
export function messageOf(error: unknown): string {
  if (isAciError(error)) return error.message
  if (error instanceof Error) return error.message
  return String(error)
}

/** The notice of an action that failed: « Import : échec » and why. */
export function failureNotice(label: string, error: unknown): Notice {
  const notice: Notice = { intent: 'error', title: `${label} : échec`, text: messageOf(error) }
  if (error instanceof BudgetSheetError && error.problems.length > 1) {
    return { ...notice, items: error.problems }
  }
  return notice
}
