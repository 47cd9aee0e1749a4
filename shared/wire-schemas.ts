// Valibot pieces every schema of the product shares: dates, the contract's values (taille, population, version, rate), strict objects, the path of a field at fault.
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

// The contract's values, as the budget and the contract documents both take them. Functions, not
// constants: the schemas that use them are built on first use, so a bundle without them
// (Excel's functions) builds none.

/** Taille 1 to 4. */
export function tailleSchema() {
  return v.picklist([1, 2, 3, 4], 'taille attendue : un entier de 1 à 4')
}

/** A whole number of inhabitants. */
export function populationSchema() {
  return v.pipe(
    v.number('population attendue : un nombre entier d’habitants'),
    v.integer('population attendue : un nombre entier d’habitants'),
    v.minValue(0, 'population attendue : un nombre positif d’habitants'),
    // POPULATION_MAX of funding.ts, written out: this module is a leaf the rate tables load too.
    v.maxValue(100_000_000, 'population attendue : au plus 100 000 000 d’habitants')
  )
}

/** The id of a rate table version ("aci-avenant-2"). */
export function versionIdSchema() {
  return v.pipe(
    v.string('identifiant de version attendu'),
    v.regex(
      /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/,
      'identifiant de version attendu, par exemple aci-avenant-2'
    )
  )
}

/** An achievement rate, a fraction from 0 to 1 as decimal text ("0.8"), as the envelopes API takes it. */
export function tauxSchema() {
  return v.pipe(
    v.string('taux attendu sous forme de texte décimal, par exemple "0.8"'),
    v.regex(
      /^(0(\.\d{1,9})?|1(\.0{1,9})?)$/,
      'taux d’atteinte attendu : une fraction de 0 à 1 avec un point décimal, par exemple "0.8"'
    )
  )
}
