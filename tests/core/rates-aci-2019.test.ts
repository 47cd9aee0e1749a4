// The 2019 grid, cell by cell, typed from the Assurance Maladie brochure (reference 004) and the France Assos Santé guide (002).
import { describe, expect, it } from 'vitest'
import {
  bundledCatalog,
  enveloppe,
  fixe,
  fonctionnement,
  total,
  variable,
  variableMax,
} from '../../shared'

const v = 'aci-2019'
const table = bundledCatalog().byVersionId(v)

// [line, taille 1, taille 2, taille 3, taille 4] as printed in the brochure "Dispositif de financement par taille de CPTS".
const printed = {
  fonctionnement: [50_000, 60_000, 75_000, 90_000],
  'acces.fixe': [15_000, 17_500, 25_000, 30_000],
  'acces.variable': [15_000, 17_500, 25_000, 30_000],
  'acces.snp_compensation': [10_000, 12_000, 15_000, 20_000],
  'acces.snp_enveloppe_flechee': [35_000, 45_000, 55_000, 70_000],
  'acces.total': [75_000, 92_000, 120_000, 150_000],
  'parcours.fixe': [25_000, 35_000, 45_000, 50_000],
  'parcours.variable': [25_000, 35_000, 45_000, 50_000],
  'parcours.total': [50_000, 70_000, 90_000, 100_000],
  'prevention.fixe': [10_000, 15_000, 17_500, 20_000],
  'prevention.variable': [10_000, 15_000, 17_500, 20_000],
  'prevention.total': [20_000, 30_000, 35_000, 40_000],
  'qualite.fixe': [7_500, 10_000, 15_000, 20_000],
  'qualite.variable': [7_500, 10_000, 15_000, 20_000],
  'qualite.total': [15_000, 20_000, 30_000, 40_000],
  'accompagnement.fixe': [5_000, 7_500, 10_000, 15_000],
  'accompagnement.variable': [5_000, 7_500, 10_000, 15_000],
  'accompagnement.total': [10_000, 15_000, 20_000, 30_000],
  total: [220_000, 287_000, 370_000, 450_000],
} as const

const amount = (line: keyof typeof printed, taille: number): number =>
  printed[line][taille - 1] ?? Number.NaN
const cell = (line: keyof typeof printed, taille: number) => amount(line, taille).toFixed(2)

describe('barème aci-2019 (ACI du 20 juin 2019)', () => {
  it('takes effect on 25 August 2019, the day after the JORF of 24 August 2019', () => {
    expect(table.effectiveDate).toBe('2019-08-25')
    expect(table.data.signedOn).toBe('2019-06-20')
  })

  it('has the five missions of 2019 and no crisis mission', () => {
    expect(table.missions.map((m) => [m.code, m.category])).toEqual([
      ['acces', 'socle'],
      ['parcours', 'socle'],
      ['prevention', 'socle'],
      ['qualite', 'optionnelle'],
      ['accompagnement', 'optionnelle'],
    ])
  })

  describe.each([1, 2, 3, 4])('taille %i', (t) => {
    it('fonctionnement', () => {
      expect(fonctionnement(t, v).toFixed(2)).toBe(cell('fonctionnement', t))
    })

    it('every component of every mission, as printed', () => {
      for (const m of table.missions) {
        for (const c of m.components) {
          const line = `${m.code}.${c.code}` as keyof typeof printed
          expect(c.amounts[t - 1]?.toFixed(2), line).toBe(cell(line, t))
        }
      }
    })

    it.each(['parcours', 'prevention', 'qualite', 'accompagnement'] as const)(
      '%s: fixe, variable, total',
      (m) => {
        expect(fixe(m, t, null, v).toFixed(2)).toBe(cell(`${m}.fixe`, t))
        expect(variable(m, t, 1, v).toFixed(2)).toBe(cell(`${m}.variable`, t))
        expect(enveloppe(m, t, null, v).toFixed(2)).toBe(cell(`${m}.total`, t))
      }
    )

    it('acces: the two soins non programmés pieces count in the volet fixe', () => {
      const fixeWithSnp =
        amount('acces.fixe', t) +
        amount('acces.snp_compensation', t) +
        amount('acces.snp_enveloppe_flechee', t)
      expect(fixe('acces', t, null, v).toFixed(2)).toBe(fixeWithSnp.toFixed(2))
      expect(variableMax('acces', t, v).toFixed(2)).toBe(cell('acces.variable', t))
      expect(enveloppe('acces', t, null, v).toFixed(2)).toBe(cell('acces.total', t))
    })

    it('financement total possible', () => {
      expect(total(t, null, v).toFixed(2)).toBe(cell('total', t))
      expect(table.total[t - 1]?.toFixed(2)).toBe(cell('total', t))
    })
  })
})
