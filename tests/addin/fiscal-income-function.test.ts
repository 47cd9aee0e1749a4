// ACI.PRODUITS_EXERCICE: a fiscal year's ACI income from Excel's arguments, equal to the cut-off's 706 total, and its refusals as Excel errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as aci from '../../addin/functions/functions'
import * as core from '../../shared'
import { installCustomFunctions, removeCustomFunctions } from './support/custom-functions'

beforeAll(() => {
  installCustomFunctions()
})
afterAll(() => {
  removeCustomFunctions()
})

/** Excel's serial of an ISO date, from the calendar (not with the code under test). */
const serial = (iso: string) =>
  (Date.parse(`${iso}T00:00:00Z`) - Date.parse('1899-12-30T00:00:00Z')) / 86_400_000

function thrown(call: () => unknown): { code: string; message: string } {
  try {
    call()
  } catch (error) {
    return error as { code: string; message: string }
  }
  throw new Error('aucune erreur levée')
}

describe('ACI.PRODUITS_EXERCICE', () => {
  const contract = core.parseContract({
    signature: '2022-04-15',
    taille: 3,
    missions: [{ mission: 'acces', debut: '2022-10-15' }],
  })

  it('is the cut-off’s 706 total for each calendar year of the contract', () => {
    for (const year of [2022, 2023, 2024, 2025, 2026, 2027]) {
      const exercice = { debut: `${year}-01-01`, fin: `${year}-12-31` }
      expect(
        aci.produitsExercice(
          serial('2022-04-15'),
          [[3]],
          [['acces']],
          [[serial('2022-10-15')]],
          serial(exercice.debut),
          serial(exercice.fin)
        )
      ).toBe(core.toExcelNumber(core.cutoffOf(contract, exercice).totaux.produits))
    }
  })

  it('in 2022: fonctionnement 75 000 × 261/365 and accès 44 876,71 × 78/182', () => {
    // 53 630.14 + 19 232.88, the earned parts of notes-aci-rates §9.8 at 31/12/2022.
    expect(
      aci.produitsExercice(
        '2022-04-15',
        [[3]],
        [['acces']],
        [['2022-10-15']],
        '2022-01-01',
        '2022-12-31'
      )
    ).toBe(72863.02)
  })

  it('takes the rates and the prorata in months as ACI.PCA does', () => {
    const byMonths = core.parseContract({
      signature: '2022-04-15',
      taille: 3,
      missions: [{ mission: 'acces', debut: '2022-10-15', taux: '0.5' }],
      options: { prorata: 'mois' },
    })
    const exercice = { debut: '2023-01-01', fin: '2023-12-31' }
    expect(
      aci.produitsExercice(
        '2022-04-15',
        [[3]],
        [['acces']],
        [['2022-10-15']],
        exercice.debut,
        exercice.fin,
        [[0.5]],
        'mois'
      )
    ).toBe(
      core.toExcelNumber(core.cutoffOf(byMonths, exercice, { repartition: 'mois' }).totaux.produits)
    )
  })

  it('says in French what is wrong, as #VALEUR!', () => {
    const badDate = thrown(() =>
      aci.produitsExercice(
        '2022-04-15',
        [[3]],
        [['acces']],
        [['2022-10-15']],
        'janvier',
        '2022-12-31'
      )
    )
    expect(badDate.code).toBe('#VALUE!')
    expect(badDate.message).toMatch(/^debut : date attendue/)
    const reversed = thrown(() =>
      aci.produitsExercice(
        '2022-04-15',
        [[3]],
        [['acces']],
        [['2022-10-15']],
        '2022-12-31',
        '2022-01-01'
      )
    )
    expect(reversed.code).toBe('#VALUE!')
    expect(reversed.message).toMatch(/précède son début/)
  })
})
