// French display of amounts and rates, identical to what Intl fr-FR prints.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  countOf,
  Decimal,
  findingCounts,
  formatCents,
  formatEuros,
  formatPercent,
  groupThousands,
  roundToCent,
  toAmountString,
} from '../../shared'

describe('formatEuros', () => {
  it.each([
    ['12500', '12\u202f500,00\u00a0€'],
    ['0', '0,00\u00a0€'],
    ['580000', '580\u202f000,00\u00a0€'],
    ['1234567.891', '1\u202f234\u202f567,89\u00a0€'],
    ['0.005', '0,01\u00a0€'],
    ['-17500.5', '-17\u202f500,50\u00a0€'],
  ])('%s → %s', (amount, shown) => {
    expect(formatEuros(new Decimal(amount))).toBe(shown)
  })

  it('matches Intl fr-FR for amounts of the grids', () => {
    const intl = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
    for (const amount of ['7500', '17500', '287500', '37500.25']) {
      expect(formatEuros(new Decimal(amount))).toBe(intl.format(Number(amount)))
    }
  })
})

describe('roundToCent', () => {
  it('rounds half up to the cent exactly as decimal.js does, an amount in whole cents kept as it is', () => {
    const decimals = fc
      .tuple(
        fc.boolean(),
        fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.bigInt({ min: 0n, max: 10n ** 36n })),
        fc.integer({ min: 0, max: 12 })
      )
      .map(([negative, digits, scale]) => {
        const text = digits.toString().padStart(scale + 1, '0')
        const point = text.length - scale
        return new Decimal(
          `${negative ? '-' : ''}${text.slice(0, point)}${scale > 0 ? `.${text.slice(point)}` : ''}`
        )
      })
    fc.assert(
      fc.property(decimals, (amount) => {
        const rounded = roundToCent(amount)
        const expected = amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
        expect(rounded.equals(expected)).toBe(true)
        expect(rounded.toFixed(2)).toBe(expected.toFixed(2))
        expect(rounded.isNegative()).toBe(expected.isNegative())
        // The wire form, the one toFixed(2) gives, and the French display built on it.
        expect(toAmountString(amount)).toBe(expected.toFixed(2))
      }),
      { numRuns: 500 }
    )
    for (const text of [
      '-0',
      '-0.001',
      '0.5',
      '-12.3',
      '1e15',
      '1.5e30',
      '-2.675e31',
      '99999999999999999999999999999.995',
    ]) {
      const amount = new Decimal(text)
      expect(toAmountString(amount)).toBe(
        amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
      )
    }
    expect(toAmountString(new Decimal('1.5e30'))).toBe('1500000000000000000000000000000.00')
    expect(formatEuros(new Decimal('-0.001'))).toBe('0,00\u00a0€')
    expect(roundToCent(new Decimal('0.005')).toFixed(2)).toBe('0.01')
    expect(roundToCent(new Decimal('-0.005')).toFixed(2)).toBe('-0.01')
    expect(roundToCent(new Decimal('2.675')).toFixed(2)).toBe('2.68')
  })
})

describe('formatPercent and the wire form', () => {
  it('shows fractions as French percentages', () => {
    expect(formatPercent(new Decimal('0.75'))).toBe('75\u00a0%')
    expect(formatPercent(new Decimal('0.755'))).toBe('75,5\u00a0%')
    expect(formatPercent(new Decimal('1'))).toBe('100\u00a0%')
  })

  it('writes amounts as decimal strings with two decimals', () => {
    expect(toAmountString(new Decimal('12500'))).toBe('12500.00')
    expect(toAmountString(new Decimal('0.125'))).toBe('0.13')
  })
})

describe('countOf and findingCounts: French counts', () => {
  it('puts zero and one in the singular, the rest in the plural, with French digit groups', () => {
    expect(countOf(0, 'erreur', 'erreurs')).toBe('0 erreur')
    expect(countOf(1, 'erreur', 'erreurs')).toBe('1 erreur')
    expect(countOf(2, 'erreur', 'erreurs')).toBe('2 erreurs')
    expect(countOf(12_500, 'ligne', 'lignes')).toBe('12\u202f500 lignes')
  })

  it('says the three severities of a check in one phrase', () => {
    expect(findingCounts({ error: 1, warning: 7, info: 0 })).toBe(
      '1 erreur, 7 avertissements, 0 information'
    )
  })
})

describe('groupThousands and formatCents', () => {
  it('group digits by three from the right, a minus sign in front', () => {
    expect(groupThousands('7')).toBe('7')
    expect(groupThousands('123')).toBe('123')
    expect(groupThousands('1234')).toBe('1\u202f234')
    expect(groupThousands('-123')).toBe('-123')
    expect(groupThousands('-1234567')).toBe('-1\u202f234\u202f567')
    expect(formatCents(0)).toBe('0,00\u00a0€')
    expect(formatCents(-5)).toBe('-0,05\u00a0€')
    expect(formatCents(123_456_789)).toBe('1\u202f234\u202f567,89\u00a0€')
  })

  it('write any whole number as Intl fr-FR does, and any amount in cents as formatEuros', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), (n) => {
        expect(groupThousands(String(n))).toBe(n.toLocaleString('fr-FR').replace('\u2212', '-'))
        expect(formatCents(n)).toBe(formatEuros(new Decimal(n).div(100)))
      })
    )
  })
})
