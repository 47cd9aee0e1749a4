// The dossier as a JSON file: written deterministically, read back and checked against its schema.
import * as v from 'valibot'
import { AciError } from '../index'
import { type Dossier, dossierSchema } from './schema'

/** Two-space JSON with a final newline, fields in the schema's order: the same dossier gives the same bytes. */
export function dossierToJson(dossier: Dossier): string {
  return `${JSON.stringify(dossier, null, 2)}\n`
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = ''
  for (const item of issue.path ?? []) {
    const key = item.key
    path += typeof key === 'number' ? `[${key}]` : path === '' ? String(key) : `.${String(key)}`
  }
  return path === '' ? 'dossier' : `dossier.${path}`
}

/** A dossier read from JSON (already parsed) and checked against its schema; fails naming the field. */
export function parseDossier(input: unknown): Dossier {
  const result = v.safeParse(dossierSchema, input)
  if (!result.success) {
    const issue = result.issues[0]
    throw new AciError('donnees_invalides', `${pathOf(issue)} : ${issue.message}.`, pathOf(issue))
  }
  return result.output
}

/** A dossier read from JSON text (a BOM allowed). */
export function dossierFromJson(text: string): Dossier {
  let raw: unknown
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    throw new AciError('json_invalide', 'dossier : texte JSON invalide.', 'dossier')
  }
  return parseDossier(raw)
}
