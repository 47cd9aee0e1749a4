// The tier rule, row by row from the taille-3 annex: at, just below and just above each threshold, in both directions; binary indicators done or not.
import { describe, expect, it } from 'vitest'
import { Decimal, parseAnnexe, variableOf } from '../../../shared'
import { annexeTaille3 } from './annexe-taille-3'

const annexe = parseAnnexe(annexeTaille3)
const context = { taille: 3, version: 'aci-avenant-2', crise: true }

/** What one indicator earns for one observation, everything else unobserved. */
function earned(id: string, value: unknown): string {
  const result = variableOf(annexe, context, { [id]: value })
  const indicator = result.indicateurs.find((i) => i.indicateur.id === id)
  return indicator?.montant.toFixed(2) ?? 'absent'
}

describe('sens baisse: the tier of lowest threshold the value does not exceed (value ≤ seuil)', () => {
  // « Patients en ALD sans médecin traitant : 40 et moins → 8 000 · de 41 à 90 → 5 000 · de 91 à 180 → 2 000 ».
  it.each([
    [0, '8000.00'],
    [39, '8000.00'],
    [40, '8000.00'],
    [40.5, '5000.00'],
    [41, '5000.00'],
    [89, '5000.00'],
    [90, '5000.00'],
    [91, '2000.00'],
    [179, '2000.00'],
    [180, '2000.00'],
    [180.01, '0.00'],
    [181, '0.00'],
  ])('ald-sans-mt = %s patients → %s €', (value, amount) => {
    expect(earned('ald-sans-mt', value)).toBe(amount)
  })

  // Délai en ophtalmologie : 30 jours et moins → 5 000 · 60 → 3 000 · 90 → 1 000.
  it.each([
    [29, '5000.00'],
    [30, '5000.00'],
    [31, '3000.00'],
    [59, '3000.00'],
    [60, '3000.00'],
    [61, '1000.00'],
    [89, '1000.00'],
    [90, '1000.00'],
    [91, '0.00'],
  ])('delai-ophtalmo = %s jours → %s €', (value, amount) => {
    expect(earned('delai-ophtalmo', value)).toBe(amount)
  })
})

describe('sens hausse: the tier of highest threshold the value reaches (value ≥ seuil)', () => {
  // « Taux de dépistage : socle 60 % → 1 000 · intermédiaire 63 % → 2 000 · objectif 66 % → 3 000 ».
  it.each([
    [59.9, '0.00'],
    [60, '1000.00'],
    [60.1, '1000.00'],
    [62.9, '1000.00'],
    [63, '2000.00'],
    [63.1, '2000.00'],
    [65.99, '2000.00'],
    [66, '3000.00'],
    [66.1, '3000.00'],
    [100, '3000.00'],
  ])('depistage-colorectal = %s % → %s €', (value, amount) => {
    expect(earned('depistage-colorectal', value)).toBe(amount)
  })

  // Actions de prévention : 2 → 2 000 · 4 → 4 000 · 6 → 7 000.
  it.each([
    [1, '0.00'],
    [2, '2000.00'],
    [3, '2000.00'],
    [4, '4000.00'],
    [5, '4000.00'],
    [6, '7000.00'],
    [7, '7000.00'],
  ])('actions-menees = %s → %s €', (value, amount) => {
    expect(earned('actions-menees', value)).toBe(amount)
  })

  it('reads a value typed in French: « 63,5 % » is 63.5 points, « 1 250 » is 1250', () => {
    expect(earned('depistage-colorectal', '63,5 %')).toBe('2000.00')
    expect(earned('depistage-colorectal', '65,99')).toBe('2000.00')
    expect(earned('mt-orientes', '1 250')).toBe('3000.00')
    expect(earned('depistage-colorectal', new Decimal('66'))).toBe('3000.00')
  })
})

describe('binary indicators', () => {
  it.each([
    [true, '4000.00'],
    [false, '0.00'],
    ['oui', '4000.00'],
    ['Fait', '4000.00'],
    ['non fait', '0.00'],
    [1, '4000.00'],
    [0, '0.00'],
  ])('annuaire observed %s → %s €', (value, amount) => {
    expect(earned('annuaire', value)).toBe(amount)
  })

  it('without observation earns nothing and is listed as such', () => {
    const result = variableOf(annexe, context, { annuaire: null })
    const annuaire = result.indicateurs.find((i) => i.indicateur.id === 'annuaire')
    expect(annuaire?.statut).toBe('sans_observation')
    expect(annuaire?.montant.toFixed(2)).toBe('0.00')
    const absent = result.constats.find((c) => c.code === 'OBSERVATION-ABSENTE')
    expect(absent?.message).toContain('annuaire')
    expect(absent?.severity).toBe('info')
  })

  it.each([
    ['annuaire', 'peut-être', 'indicateur binaire annuaire : fait ou non fait attendu'],
    ['ald-sans-mt', true, 'indicateur à paliers ald-sans-mt : valeur observée attendue'],
    ['ald-sans-mt', 'soixante', 'indicateur à paliers ald-sans-mt'],
  ])('refuses %s observed as %s, naming the observation', (id, value, message) => {
    expect(() => variableOf(annexe, context, { [id]: value })).toThrow(message)
  })
})
