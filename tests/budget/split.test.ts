// The largest-remainder split: the notes' worked example, the tie-break, and the invariants for any amount and keys.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AciError, centsOf, centsToString, Decimal, splitAmount, splitCents } from '../../shared'

describe('répartition au plus fort reste', () => {
  it('58 000,00 € by hours 562 / 402 / 321 / 193 / 129 (notes B.4): the two left-over cents go to ,8586 and ,7747', () => {
    // Exact shares (1 607 h): 20 283,7586 / 14 509,0230 / 11 585,5632 / 6 965,7747 / 4 655,8805.
    // Floors: 20 283,75 + 14 509,02 + 11 585,56 + 6 965,77 + 4 655,88 = 57 999,98: two cents left.
    // Largest remainders (in cents): 0,86 (line 1) and 0,47 (line 4).
    const shares = splitAmount(
      new Decimal('58000'),
      [562, 402, 321, 193, 129].map((h) => new Decimal(h))
    )
    expect(shares.map((s) => s.toFixed(2))).toEqual([
      '20283.76',
      '14509.02',
      '11585.56',
      '6965.78',
      '4655.88',
    ])
    // Rounding each share on its own would lose a cent: 57 999,99 €.
    const naive = [562, 402, 321, 193, 129].map((h) =>
      new Decimal('58000').times(h).div(1607).toDecimalPlaces(2)
    )
    expect(naive.reduce((a, b) => a.plus(b)).toFixed(2)).toBe('57999.99')
    expect(shares.reduce((a, b) => a.plus(b)).toFixed(2)).toBe('58000.00')
  })

  it('1 333,33 € by 33,3333 / 33,3333 / 33,3334 %: 444,44 / 444,44 / 444,45', () => {
    // 133 333 c × 0,333333 = 44 444,288889 c twice, × 0,333334 = 44 444,422222 c:
    // floors 3 × 44 444 = 133 332 c, the last cent to the largest remainder (the third).
    expect(splitCents(133_333, [333_333, 333_333, 333_334])).toEqual([44_444, 44_444, 44_445])
  })

  it('equal remainders go to the earlier key (section order)', () => {
    // 1,00 € in three equal parts: 33,33 each and one cent left, to the first.
    expect(splitCents(100, [1, 1, 1])).toEqual([34, 33, 33])
    // 0,02 € in four: two cents for the first two.
    expect(splitCents(2, [5, 5, 5, 5])).toEqual([1, 1, 0, 0])
  })

  it('a negative amount is split as its magnitude, then negated', () => {
    expect(splitCents(-100, [1, 1, 1])).toEqual([-34, -33, -33])
  })

  it('a zero key receives nothing; all keys zero: nothing is allocated', () => {
    expect(splitCents(1_001, [0, 1, 0, 1])).toEqual([0, 501, 0, 500])
    expect(splitCents(5_000, [0, 0])).toEqual([0, 0])
  })

  it('refuses negative or fractional weights, and weights too large to stay exact', () => {
    expect(() => splitCents(100, [-1, 2])).toThrow(RangeError)
    expect(() => splitCents(100, [0.5, 2])).toThrow(RangeError)
    expect(() => splitCents(100, [2 ** 30, 2 ** 30])).toThrow(RangeError)
    expect(() => splitAmount(new Decimal('1.234'), [new Decimal(1)])).toThrow(AciError)
    expect(() => splitAmount(new Decimal('10'), [new Decimal(-1)])).toThrow(AciError)
  })
})

describe('montants en centimes', () => {
  it.each([
    ['0', 0],
    ['12', 1_200],
    ['12.5', 1_250],
    ['12.05', 1_205],
    ['-0.01', -1],
    ['-0.00', 0],
    ['9999999999999.99', 999_999_999_999_999],
  ])('%s → %i cents', (text, cents) => {
    expect(centsOf(text)).toBe(cents)
  })

  it.each(['', '-', '1.', '.5', '1.234', '12,5', '1e3', ' 12', '12 ', '+12', '10000000000000'])(
    'refuses « %s »',
    (text) => {
      expect(centsOf(text)).toBeUndefined()
    }
  )

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [123_450, '1234.50'],
    [999_999_999_999_999, '9999999999999.99'],
  ])('%i cents → %s', (cents, text) => {
    expect(centsToString(cents)).toBe(text)
  })
})

const amounts = fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 })
const weights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 })

describe('propriétés de la répartition', () => {
  it('the shares always sum to the amount, to the cent', () => {
    fc.assert(
      fc.property(amounts, weights, (cents, keys) => {
        const shares = splitCents(cents, keys)
        const total = shares.reduce((a, b) => a + b, 0)
        expect(total).toBe(keys.some((k) => k > 0) ? cents : 0)
      })
    )
  })

  it('each share is within one cent of its exact value (checked in exact Decimal arithmetic)', () => {
    fc.assert(
      fc.property(amounts, weights, (cents, keys) => {
        const sum = keys.reduce((a, b) => a + b, 0)
        fc.pre(sum > 0)
        splitCents(cents, keys).forEach((share, i) => {
          const exact = new Decimal(cents).times(keys[i] as number).div(sum)
          expect(exact.minus(share).abs().lt(1)).toBe(true)
        })
      })
    )
  })

  it('gives the largest remainders their cent, the earlier share on a tie, as a sort of the remainders would', () => {
    // The method written the plain way, in BigInt: floors, then the remainders sorted (largest
    // first, earlier share first on a tie), one cent each to the first of them.
    const reference = (cents: number, keys: number[]): number[] => {
      const total = BigInt(keys.reduce((a, b) => a + b, 0))
      const magnitude = BigInt(Math.abs(cents))
      const floors = keys.map((k) => (magnitude * BigInt(k)) / total)
      const remainders = keys.map((k) => (magnitude * BigInt(k)) % total)
      let left = magnitude - floors.reduce((a, b) => a + b, 0n)
      const order = keys.map((_, i) => i)
      order.sort((a, b) => {
        const ra = remainders[a] as bigint
        const rb = remainders[b] as bigint
        return ra === rb ? a - b : ra > rb ? -1 : 1
      })
      for (const i of order) {
        if (left === 0n) break
        floors[i] = (floors[i] as bigint) + 1n
        left -= 1n
      }
      return floors.map((f) => (cents < 0 ? -Number(f) : Number(f)) || 0)
    }
    fc.assert(
      fc.property(amounts, weights, (cents, keys) => {
        fc.pre(keys.some((k) => k > 0))
        expect(splitCents(cents, keys)).toEqual(reference(cents, keys))
      })
    )
    // Ties everywhere: equal keys.
    expect(splitCents(5, [1, 1, 1, 1, 1, 1, 1])).toEqual([1, 1, 1, 1, 1, 0, 0])
    expect(splitCents(-3, [2, 0, 2, 2])).toEqual([-1, 0, -1, -1])
  })

  it('the same amount in euros gives the same shares through splitAmount', () => {
    fc.assert(
      fc.property(amounts, weights, (cents, keys) => {
        const euros = splitAmount(
          new Decimal(centsToString(cents)),
          keys.map((k) => new Decimal(k).div(10_000))
        )
        expect(euros.map((e) => e.toFixed(2))).toEqual(splitCents(cents, keys).map(centsToString))
      })
    )
  })
})
