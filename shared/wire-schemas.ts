// Valibot pieces every schema of the product shares: calendar dates, strict objects, and the path of a field at fault.
import * as v from 'valibot'
import { isIsoDate } from './dates'

/** A real calendar date written YYYY-MM-DD (2022-02-30 is refused). */
export const isoDateSchema = v.pipe(
  v.string('date attendue au format AAAA-MM-JJ'),
  v.isoDate('date attendue au format AAAA-MM-JJ'),
  v.check(isIsoDate, 'date du calendrier attendue (ce jour n’existe pas)'),
  v.description('Date au format AAAA-MM-JJ.')
)

/** A strictObject whose messages tell an unknown field, a missing field and a value that is not an object apart. */
export function strict<E extends v.ObjectEntries>(entries: E, what: string) {
  return v.strictObject(entries, (issue) => {
    if (issue.expected === 'never') return `champ inconnu ${issue.received.replace(/"/g, '')}`
    if (issue.expected?.startsWith('"')) return 'champ obligatoire absent'
    return `${what} attendu`
  })
}

/** `lignes[3].repartition.parts[0].montant`: the field at fault, as the messages name it; `whole` for the document itself. */
export function pathOf(issue: v.BaseIssue<unknown>, whole: string): string {
  let path = ''
  for (const item of issue.path ?? []) {
    const key = item.key
    if (typeof key === 'number') path += `[${key}]`
    else path += path === '' ? String(key) : `.${String(key)}`
  }
  return path === '' ? whole : path
}
