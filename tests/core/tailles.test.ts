// Size of a territory from its population, at every threshold of the brochure (taille 1 < 40 000 ≤ taille 2 < 80 000 ≤ taille 3 < 175 000 ≤ taille 4).
import { describe, expect, it } from 'vitest'
import { taille } from '../../shared'
import { errorOf } from '../support/errors'

describe('taille(population)', () => {
  it.each([
    [0, 1],
    [1, 1],
    [39_999, 1],
    [40_000, 2],
    [79_999, 2],
    [80_000, 3],
    [174_999, 3],
    [175_000, 4],
    [2_000_000, 4],
  ])('%i habitants → taille %i', (population, expected) => {
    expect(taille(population, 'aci-2019')).toBe(expected)
    expect(taille(population, 'aci-avenant-2')).toBe(expected)
  })

  it.each([
    [-1, /nombre d’habitants attendu/],
    [40_000.5, /entier/],
    [Number.NaN, /non numérique/],
    [Number.POSITIVE_INFINITY, /non numérique/],
    [100_000_001, /100/],
    ['40000', /« 40000 »/],
    [null, /vide/],
    [true, /VRAI/],
  ])('rejects %s', (population, message) => {
    const error = errorOf(() => taille(population, 'aci-2019'))
    expect(error.message).toMatch(message)
    expect(error).toMatchObject({
      code: 'population_invalide',
      argument: 'population',
      kind: 'invalid',
    })
  })
})
