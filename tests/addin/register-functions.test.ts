// ACI.PASS and ACI.RESTE_PASS as Excel calls them: the PASS of a calendar year and what remains under it (art. D. 1434-44 CSP), an empty cell read the same on every platform, French errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pass, restePass } from '../../addin/functions/functions'
import {
  excelErrorOf as excelError,
  installCustomFunctions,
  removeCustomFunctions,
} from './support/custom-functions'

beforeAll(() => {
  installCustomFunctions()
})
afterAll(() => {
  removeCustomFunctions()
})

describe('ACI.PASS', () => {
  it.each([
    [2022, 41_136],
    [2023, 43_992],
    [2024, 46_368],
    [2025, 47_100],
    [2026, 48_060],
  ])('PASS %i = %i € (notes-aci-rates §11)', (annee, montant) => {
    expect(pass(annee)).toBe(montant)
    expect(pass([[annee]])).toBe(montant)
    expect(pass(String(annee))).toBe(montant)
  })

  it('answers #N/A for a year the table does not have, saying why, never a guess', () => {
    const later = excelError(() => pass(2031))
    expect(later.code).toBe('#N/A')
    expect(later.message).toMatch(/^annee : le PASS de 2031 n’est pas dans la table/)
    const before = excelError(() => pass(2021))
    expect(before.code).toBe('#N/A')
    expect(before.message).toMatch(/n’existe qu’à partir de 2022/)
  })

  it('answers #VALUE! for what is not a year', () => {
    for (const value of ['deux mille', 2026.5, null, 46_000, [[2025, 2026]]]) {
      const error = excelError(() => pass(value))
      expect(error.code).toBe('#VALUE!')
      expect(error.message).toMatch(/^annee : année attendue/)
    }
  })
})

describe('ACI.RESTE_PASS', () => {
  it('gives the PASS minus what was already received, negative by the overrun', () => {
    expect(restePass(2026, 41_500)).toBe(6_560)
    expect(restePass(2026, 12_345.67)).toBe(35_714.33)
    expect(restePass(2025, 48_000)).toBe(-900)
    expect(restePass(2026, '41 500,00')).toBe(6_560)
  })

  it('reads an empty cell the same on every platform: nothing received yet', () => {
    // Excel on the web passes null, Excel for Windows 0, an omitted argument undefined.
    expect(restePass(2026, null)).toBe(48_060)
    expect(restePass(2026, 0)).toBe(48_060)
    expect(restePass(2026)).toBe(48_060)
    expect(restePass(2026, '')).toBe(48_060)
  })

  it('reads the binary noise of Excel’s sums to the cent', () => {
    expect(restePass(2026, 0.1 + 0.2)).toBe(48_059.7)
  })

  it('refuses a negative or non-numeric amount, and a year without a PASS', () => {
    expect(excelError(() => restePass(2026, -5)).message).toMatch(
      /^verse : montant déjà versé attendu/
    )
    expect(excelError(() => restePass(2026, 'beaucoup')).code).toBe('#VALUE!')
    expect(excelError(() => restePass(2031, 100)).code).toBe('#N/A')
  })
})
