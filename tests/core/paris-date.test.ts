// Today's date in France computed from the EU summer-time rule, checked against the time-zone database.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { todayInFrance } from '../../shared'
import { parisOffsetHours } from '../../shared/dates'

const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

describe('date du jour en France', () => {
  it.each([
    // The changes of 2026: 29 March and 25 October, at 01:00 UTC.
    ['2026-03-29T00:59:59Z', 1],
    ['2026-03-29T01:00:00Z', 2],
    ['2026-10-25T00:59:59Z', 2],
    ['2026-10-25T01:00:00Z', 1],
    ['2026-12-01T15:00:00Z', 1],
    ['2026-07-14T12:00:00Z', 2],
  ] as const)('%s : UTC+%i', (instant, offset) => {
    expect(parisOffsetHours(Date.parse(instant))).toBe(offset)
  })

  it.each([
    ['2026-12-31T22:59:59Z', '2026-12-31'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
    ['2026-06-30T21:59:59Z', '2026-06-30'],
    ['2026-06-30T22:00:00Z', '2026-07-01'],
  ])('%s est le %s à Paris', (instant, day) => {
    expect(todayInFrance(new Date(instant))).toBe(day)
  })

  it('donne le même jour que la base des fuseaux horaires, de 1996 à 2037', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2037, 11, 31) }),
        (instant) => {
          expect(todayInFrance(new Date(instant))).toBe(PARIS.format(new Date(instant)))
        }
      ),
      { numRuns: 5_000 }
    )
  })
})
