// Loading a reference data file (chart of accounts, PASS, word lists): schema check, then its SHA-256 fingerprint.
import * as v from 'valibot'
import { AciError } from '../errors'
import { canonicalJson, sha256Hex } from '../rates/canonical'
import { isoDateSchema } from '../wire-schemas'

export const text = v.pipe(v.string('texte attendu'), v.nonEmpty('texte non vide attendu'))

/** Where the data comes from: every reference file names its document and article. */
export const sourceSchema = v.strictObject({
  document: text,
  article: text,
  // A pattern rather than v.url(): URL is not promised in Office's JavaScript-only runtime.
  url: v.optional(
    v.pipe(v.string(), v.regex(/^https:\/\/[^\s/$.?#][^\s]*$/, 'adresse web https attendue'))
  ),
})

export const dataHeader = {
  $schema: v.optional(v.string()),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'identifiant en minuscules attendu')),
  title: text,
  source: sourceSchema,
  effectiveDate: isoDateSchema,
  notes: v.array(text),
}

export type Source = v.InferOutput<typeof sourceSchema>

export function dataError(id: string, message: string): AciError {
  return new AciError('donnees_invalides', `Données ${id} : ${message}`, 'donnees')
}

/** Validates a data file against its schema; fails naming the file and the field at fault. */
export function parseDataFile<S extends v.GenericSchema>(
  schema: S,
  raw: unknown
): { data: v.InferOutput<S>; sha256: string } {
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : '(sans identifiant)'
  const parsed = v.safeParse(schema, raw)
  if (!parsed.success) {
    const issue = parsed.issues[0]
    throw dataError(id, `${v.getDotPath(issue) ?? '(racine)'} : ${issue.message}.`)
  }
  const { $schema: _editorHint, ...published } = parsed.output as Record<string, unknown>
  return { data: parsed.output, sha256: sha256Hex(canonicalJson(published)) }
}
