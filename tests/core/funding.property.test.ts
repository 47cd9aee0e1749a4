// Invariants of the funding arithmetic, for any version, taille, mission and rate (fast-check).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  bundledCatalog,
  Decimal,
  enveloppe,
  fixe,
  roundToCent,
  taille,
  timesToCent,
  variable,
  variableMax,
} from '../../shared'

const catalog = bundledCatalog()
const versionAndMission = fc
  .constantFrom(...catalog.tables)
  .chain((table) =>
    fc.tuple(fc.constant(table), fc.constantFrom(...table.missions.map((m) => m.code)))
  )
const tailles = fc.constantFrom(1, 2, 3, 4)
const rates = fc.double({ min: 0, max: 1, noNaN: true })

describe('propriétés du volet variable', () => {
  it('0 ≤ variable ≤ variable envelope, and a whole number of cents', () => {
    fc.assert(
      fc.property(versionAndMission, tailles, rates, ([table, mission], t, taux) => {
        const v = variable(mission, t, taux, table)
        expect(v.gte(0)).toBe(true)
        expect(v.lte(variableMax(mission, t, table))).toBe(true)
        expect(v.decimalPlaces()).toBeLessThanOrEqual(2)
      })
    )
  })

  it('is monotonic in taux', () => {
    fc.assert(
      fc.property(versionAndMission, tailles, rates, rates, ([table, mission], t, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        expect(variable(mission, t, low, table).lte(variable(mission, t, high, table))).toBe(true)
      })
    )
  })

  it('at taux 1 equals the envelope’s variable part, at taux 0 is zero', () => {
    fc.assert(
      fc.property(versionAndMission, tailles, ([table, mission], t) => {
        expect(
          variable(mission, t, 1, table).equals(
            enveloppe(mission, t, null, table).minus(fixe(mission, t, null, table))
          )
        ).toBe(true)
        expect(variable(mission, t, 0, table).isZero()).toBe(true)
      })
    )
  })

  it('equals envelope × taux rounded half up to the cent, for rates given as numbers, strings or Decimals', () => {
    fc.assert(
      fc.property(versionAndMission, tailles, rates, ([table, mission], t, taux) => {
        const expected = roundToCent(variableMax(mission, t, table).times(new Decimal(taux)))
        expect(variable(mission, t, taux, table).toFixed(2)).toBe(expected.toFixed(2))
        expect(variable(mission, t, new Decimal(taux), table).toFixed(2)).toBe(expected.toFixed(2))
        expect(variable(mission, t, new Decimal(taux).toFixed(), table).toFixed(2)).toBe(
          expected.toFixed(2)
        )
      })
    )
  })
})

describe('propriétés de l’enveloppe et de la taille', () => {
  it('envelope = fixe + variable at 100 %, for every phase of the crisis plan', () => {
    fc.assert(
      fc.property(
        versionAndMission,
        tailles,
        fc.constantFrom(null, 'rédaction', 'mise à jour'),
        ([table, mission], t, phase) => {
          const p = table.mission(mission)?.phases.length ? phase : null
          expect(
            enveloppe(mission, t, p, table).equals(
              fixe(mission, t, p, table).plus(variable(mission, t, 1, table))
            )
          ).toBe(true)
        }
      )
    )
  })

  it('taille is monotonic in population', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...catalog.tables),
        fc.nat(1_000_000),
        fc.nat(1_000_000),
        (table, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a]
          expect(taille(low, table)).toBeLessThanOrEqual(taille(high, table))
        }
      )
    )
  })
})

describe('produit exact au centime', () => {
  it('the integer fast path and decimal.js agree to the cent on any amount and factor', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
          fc.integer({ min: -1000, max: 1000 }).map((n) => n / 1000)
        ),
        (cents, factor) => {
          const amount = new Decimal(cents.toString()).dividedBy(100)
          const expected = roundToCent(amount.times(new Decimal(factor)))
          expect(timesToCent(amount, factor).toFixed(2)).toBe(expected.toFixed(2))
        }
      ),
      { numRuns: 5000 }
    )
  })

  it('rounds ties half up, away from zero', () => {
    const amount = new Decimal('0.05')
    expect(timesToCent(amount, 0.5).toFixed(2)).toBe('0.03')
    expect(timesToCent(amount.negated(), 0.5).toFixed(2)).toBe('-0.03')
    expect(timesToCent(new Decimal('35000'), 0.123455).toFixed(2)).toBe('4320.93')
    expect(timesToCent(new Decimal('17500'), 0.333333).toFixed(2)).toBe('5833.33')
  })
})
