// The avenant 2 grid, cell by cell, typed from the Assurance Maladie table "mise à jour du 9 avril 2025" (reference 000),
// with its damaged accès aux soins row reconciled (notes-aci-rates §7).
import { describe, expect, it } from 'vitest'
import { bundledCatalog, enveloppe, fixe, fonctionnement, total, variable } from '../../shared'

const v = 'aci-avenant-2'
const table = bundledCatalog().byVersionId(v)

const printed = {
  fonctionnement: [50_000, 60_000, 75_000, 90_000],
  'acces.fixe': [55_000, 70_000, 90_000, 110_000],
  'acces.variable': [25_000, 30_000, 35_000, 45_000],
  'acces.total': [80_000, 100_000, 125_000, 155_000],
  'parcours.fixe': [25_000, 35_000, 45_000, 50_000],
  'parcours.variable': [25_000, 35_000, 45_000, 50_000],
  'parcours.total': [50_000, 70_000, 90_000, 100_000],
  'prevention.fixe': [10_000, 15_000, 17_500, 20_000],
  'prevention.variable': [10_000, 15_000, 17_500, 20_000],
  'prevention.total': [20_000, 30_000, 35_000, 40_000],
  'crise.redaction_plan': [25_000, 35_000, 45_000, 50_000],
  'crise.mise_a_jour_plan': [12_500, 17_500, 22_500, 25_000],
  'crise.survenue_crise': [37_500, 52_500, 67_500, 75_000],
  'crise.total': [62_500, 87_500, 112_500, 125_000],
  'qualite.fixe': [7_500, 10_000, 15_000, 20_000],
  'qualite.variable': [7_500, 10_000, 15_000, 20_000],
  'qualite.total': [15_000, 20_000, 30_000, 40_000],
  'accompagnement.fixe': [5_000, 7_500, 10_000, 15_000],
  'accompagnement.variable': [5_000, 7_500, 10_000, 15_000],
  'accompagnement.total': [10_000, 15_000, 20_000, 30_000],
  total: [287_500, 382_500, 487_500, 580_000],
} as const

const amount = (line: keyof typeof printed, taille: number): number =>
  printed[line][taille - 1] ?? Number.NaN
const cell = (line: keyof typeof printed, taille: number) => amount(line, taille).toFixed(2)

describe('barème aci-avenant-2 (avenant 2, JO du 31 mars 2022)', () => {
  it('takes effect on 1 April 2022 and is documented by the table of 9 April 2025', () => {
    expect(table.effectiveDate).toBe('2022-04-01')
    expect(table.data.documentedBy.map((d) => d.date)).toContain('2025-04-09')
    expect(table.data.notes.join(' ')).toMatch(/déduite/)
    expect(table.data.notes.join(' ')).toMatch(/90 000 \(fixe\) \+ 35 000 \(variable\)/)
  })

  it('adds the crisis mission as a socle mission', () => {
    expect(table.missions.map((m) => [m.code, m.category])).toEqual([
      ['acces', 'socle'],
      ['parcours', 'socle'],
      ['prevention', 'socle'],
      ['crise', 'socle'],
      ['qualite', 'optionnelle'],
      ['accompagnement', 'optionnelle'],
    ])
  })

  describe.each([1, 2, 3, 4])('taille %i', (t) => {
    it('fonctionnement', () => {
      expect(fonctionnement(t, v).toFixed(2)).toBe(cell('fonctionnement', t))
    })

    it('every component of every mission', () => {
      for (const m of table.missions) {
        for (const c of m.components) {
          const line = `${m.code}.${c.code}` as keyof typeof printed
          expect(c.amounts[t - 1]?.toFixed(2), line).toBe(cell(line, t))
        }
      }
    })

    it.each(['acces', 'parcours', 'prevention', 'qualite', 'accompagnement'] as const)(
      '%s: fixe, variable, total',
      (m) => {
        expect(fixe(m, t, null, v).toFixed(2)).toBe(cell(`${m}.fixe`, t))
        expect(variable(m, t, 1, v).toFixed(2)).toBe(cell(`${m}.variable`, t))
        expect(enveloppe(m, t, null, v).toFixed(2)).toBe(cell(`${m}.total`, t))
      }
    )

    it('crise: first writing, yearly update, serious crisis', () => {
      expect(fixe('crise', t, 'rédaction', v).toFixed(2)).toBe(cell('crise.redaction_plan', t))
      expect(fixe('crise', t, null, v).toFixed(2)).toBe(cell('crise.redaction_plan', t))
      expect(fixe('crise', t, 'mise à jour', v).toFixed(2)).toBe(cell('crise.mise_a_jour_plan', t))
      expect(variable('crise', t, 1, v).toFixed(2)).toBe(cell('crise.survenue_crise', t))
      expect(enveloppe('crise', t, null, v).toFixed(2)).toBe(cell('crise.total', t))
      const updateYear = amount('crise.mise_a_jour_plan', t) + amount('crise.survenue_crise', t)
      expect(enveloppe('crise', t, 'mise_a_jour', v).toFixed(2)).toBe(updateYear.toFixed(2))
    })

    it('financement total possible', () => {
      expect(total(t, null, v).toFixed(2)).toBe(cell('total', t))
      expect(table.total[t - 1]?.toFixed(2)).toBe(cell('total', t))
    })
  })

  it('changes from 2019 only the accès line and the new crisis mission', () => {
    const before = bundledCatalog().byVersionId('aci-2019')
    expect(
      [1, 2, 3, 4].map((t) => table.total[t - 1]?.minus(before.total[t - 1] ?? 0).toNumber())
    ).toEqual([67_500, 95_500, 117_500, 130_000])
    expect(
      [1, 2, 3, 4].map((t) =>
        enveloppe('acces', t, null, v)
          .minus(enveloppe('acces', t, null, before))
          .toNumber()
      )
    ).toEqual([5_000, 8_000, 5_000, 5_000])
  })
})
