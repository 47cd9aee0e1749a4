// ACI.ECHEANCIER and ACI.PCA: the contract's schedule and deferred income from Excel's arguments, to the cent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as aci from '../../addin/functions/functions'
import { ECHEANCIER_HEADER } from '../../addin/functions/spill'
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

describe('ACI.ECHEANCIER', () => {
  // notes-aci-rates §9.8: avenant 2 grid, taille 3, accès aux soins; anniversary 15 April,
  // mission started 15/10/2022: 182 days to the anniversary out of 365.
  const rows = aci.echeancier(
    serial('2022-04-15'),
    [[3]],
    [['acces']],
    [[serial('2022-10-15')]]
  ) as unknown[][]

  it('spills a header, the payments in date order and a total', () => {
    expect(rows[0]).toEqual([...ECHEANCIER_HEADER])
    expect(rows.at(-1)?.[0]).toBe('Total')
    const dates = rows.slice(1, -1).map((r) => r[0] as number)
    expect(dates).toEqual([...dates].sort((a, b) => a - b))
  })

  it('gives the worked example of the notes: 33 657,53 advanced at the start, 11 219,18 balance, 67 500 for year 2', () => {
    const at = (date: string) =>
      rows.filter((r) => r[0] === serial(date) && r[3] === 'Accès aux soins')
    // 0.75 × 90 000 × 182/365 = 33 657.534… → 33 657.53
    expect(at('2022-10-15').map((r) => r[4])).toEqual([33657.53])
    // At the first anniversary: 75 % of year 2's fixed part. 90 000 × 182/365 = 44 876.71; − 33 657.53 = 11 219.18,
    // paid with the variable part after the dialogue de gestion (anniversary + 2 months by default).
    expect(at('2023-04-15').map((r) => r[4])).toContain(67500)
    expect(at('2023-06-15').map((r) => r[4])).toContain(11219.18)
  })

  it('sums to the shared core’s schedule, and follows the month proration when asked', () => {
    const contract = core.parseContract({
      signature: '2022-04-15',
      taille: 3,
      missions: [{ mission: 'acces', debut: '2022-10-15' }],
    })
    expect(rows.at(-1)?.[4]).toBe(core.toExcelNumber(core.scheduleOf(contract).totaux.total))
    const months = aci.echeancier(
      '2022-04-15',
      [[3]],
      [['acces']],
      [['2022-10-15']],
      undefined,
      'mois'
    ) as unknown[][]
    expect(months.find((r) => r[0] === serial('2022-10-15'))?.[4]).toBe(33750)
  })

  it('takes a rate per mission and a crisis recognised as 1', () => {
    const withRates = aci.echeancier(
      '2023-03-01',
      [[2]],
      [['acces'], ['crise']],
      [['2023-03-01'], ['2023-03-01']],
      [[0.8], [1]]
    ) as unknown[][]
    const variable = withRates.filter((r) => String(r[2]).toLowerCase().includes('variable'))
    // taille 2: accès variable 30 000 × 80 % = 24 000; crise variable 52 500 when a crisis is recognised.
    expect(variable.filter((r) => r[3] === 'Accès aux soins').map((r) => r[4])).toEqual([
      24000, 24000, 24000, 24000, 24000,
    ])
    expect(variable.filter((r) => r[3] === 'Crises sanitaires graves').map((r) => r[4])).toEqual([
      52500, 52500, 52500, 52500, 52500,
    ])
  })

  it('says what is wrong in French, naming the argument', () => {
    const noStart = thrown(() =>
      aci.echeancier('2022-04-15', [[3]], [['acces'], ['parcours']], [['2022-10-15']])
    )
    expect(noStart.code).toBe('#VALUE!')
    expect(noStart.message).toMatch(/^debuts : date de démarrage attendue pour la mission parcours/)
    const unknown = thrown(() =>
      aci.echeancier('2022-04-15', [[3]], [['soins palliatifs']], [['2022-10-15']])
    )
    expect(unknown.code).toBe('#N/A')
    expect(unknown.message).toMatch(/^missions : mission « soins palliatifs » inconnue/)
    const badDate = thrown(() => aci.echeancier('15 avril', [[3]], [['acces']], [['2022-10-15']]))
    expect(badDate.message).toMatch(/^signature : date attendue/)
  })
})

describe('ACI.PCA', () => {
  it('is the shared core’s deferred income at the closing date', () => {
    const contract = core.parseContract({
      signature: '2022-04-15',
      taille: 3,
      missions: [{ mission: 'acces', debut: '2022-10-15' }],
    })
    for (const cloture of ['2022-12-31', '2023-12-31', '2024-12-31']) {
      expect(aci.pca('2022-04-15', [[3]], [['acces']], [['2022-10-15']], serial(cloture))).toBe(
        core.toExcelNumber(core.produitsConstatesDAvance(contract, cloture))
      )
    }
  })

  it('at 31/12/2022: what was received for the time after the closing', () => {
    // Fonctionnement of year 1 (taille 3: 75 000, paid 15/04/2022 for 15/04/2022 → 14/04/2023):
    // earned 75 000 × 261/365 = 53 630.14, deferred 21 369.86.
    // Accès, fixed part of year 1: 90 000 × 182/365 = 44 876.71 for 15/10/2022 → 14/04/2023, of which
    // 33 657.53 received; earned 44 876.71 × 78/182 = 19 232.88; deferred 33 657.53 − 19 232.88 = 14 424.65.
    expect(aci.pca('2022-04-15', [[3]], [['acces']], [['2022-10-15']], '2022-12-31')).toBe(35794.51)
  })
})
