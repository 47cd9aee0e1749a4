// A budget as a JSON file: what the task pane saves and the API receives, checked on the way in.
import { AciError } from '../errors'
import type { DecodeOptions } from '../text/decode'
import type { BudgetOptions } from './context'
import { type ImportEncoding, importText, refuseReplacement } from './import'
import { parseBudgetJson } from './parse'
import type { BudgetDocument } from './schema'

/** The budget as JSON text, two-space indented, fields in canonical order (parse it first for the canonical form). */
export function budgetToJson(doc: BudgetDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`
}

/**
 * Reads a budget from JSON text: fails on malformed JSON, then as parseBudget does, against the
 * rate tables of `options.catalog` (the build's by default).
 */
export function budgetFromJson(text: string, options: BudgetOptions = {}): BudgetDocument {
  refuseReplacement(text, 'fichier JSON du budget')
  return readBudgetJson(text, options)
}

function readBudgetJson(text: string, options: BudgetOptions): BudgetDocument {
  let raw: unknown
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    throw new AciError(
      'json_invalide',
      'budget : texte JSON invalide (vérifier les guillemets, les virgules et les accolades).',
      'budget'
    )
  }
  return parseBudgetJson(raw, options)
}

/** A budget read from a JSON file, with the encoding its bytes were read in. */
export interface BudgetJsonImport extends ImportEncoding {
  readonly budget: BudgetDocument
}

/**
 * Reads a budget from a JSON file's bytes (or text already decoded) as budgetFromJson does, the
 * bytes decoded by decodeText: a JSON saved as « ANSI » (Windows-1252) keeps its accents. A
 * U+FFFD in the text is refused, never read.
 */
export function importBudgetJson(
  input: Uint8Array | string,
  options: DecodeOptions & BudgetOptions = {}
): BudgetJsonImport {
  const { text, ...encoding } = importText(input, 'fichier JSON du budget', options)
  return { budget: readBudgetJson(text, options), ...encoding }
}
