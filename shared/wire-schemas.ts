// Valibot pieces every schema of the product shares: calendar dates and amounts as decimal strings.
import * as v from 'valibot'
import { isIsoDate } from './dates'

/** A real calendar date written YYYY-MM-DD (2022-02-30 is refused). */
export const isoDateSchema = v.pipe(
  v.string('date attendue au format AAAA-MM-JJ'),
  v.isoDate('date attendue au format AAAA-MM-JJ'),
  v.check(isIsoDate, 'date du calendrier attendue (ce jour n’existe pas)'),
  v.description('Date au format AAAA-MM-JJ.')
)
