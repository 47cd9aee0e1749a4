// Empty cells read the same on every platform: Excel for Windows passes an empty referenced cell as 0, Excel on the web as null.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as aci from '../../addin/functions/functions'
import { installCustomFunctions, removeCustomFunctions } from './support/custom-functions'

beforeAll(() => {
  installCustomFunctions()
})
afterAll(() => {
  removeCustomFunctions()
})

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

/** The review's contract: signed 15/04/2022, taille 3, accès from 15/10/2022 and parcours from 01/01/2023. */
const SIGNATURE = serial('2022-04-15')
const MISSIONS = [['acces'], ['parcours']]
const DEBUTS = [[serial('2022-10-15')], [serial('2023-01-01')]]
const totalOf = (rows: unknown[][]) => rows.at(-1)?.[4]

/** An empty cell as each platform passes it. */
const WEB = null
const WINDOWS = 0

describe('an empty cell gives the same number on the web and on Windows', () => {
  it('ECHEANCIER: an empty taux cell is 0 % on both (972 698,63 €); only an omitted taux is 100 % (1 372 698,63 €)', () => {
    const call = (taux: unknown) =>
      totalOf(aci.echeancier(SIGNATURE, [[3]], MISSIONS, DEBUTS, taux as unknown[][]))
    expect(call([[WEB]])).toBe(972698.63)
    expect(call([[WINDOWS]])).toBe(972698.63)
    expect(call([[WEB], [WEB]])).toBe(972698.63)
    expect(call([[WINDOWS], [WINDOWS]])).toBe(972698.63)
    expect(call(null)).toBe(1372698.63)
    expect(call(undefined)).toBe(1372698.63)
  })

  it('ECHEANCIER: empty prorata and version cells are omitted arguments on both', () => {
    const call = (prorata: unknown, version: unknown) =>
      totalOf(aci.echeancier(SIGNATURE, [[3]], MISSIONS, DEBUTS, null as never, prorata, version))
    expect(call(WEB, WEB)).toBe(1372698.63)
    expect(call(WINDOWS, WINDOWS)).toBe(1372698.63)
    expect(call([[WINDOWS]], [[WINDOWS]])).toBe(1372698.63)
    expect(call('', '')).toBe(1372698.63)
  })

  it('ECHEANCIER: an empty cell among five tailles says the same on both', () => {
    const web = thrown(() => aci.echeancier(SIGNATURE, [[3, 3, WEB, 4, 4]], MISSIONS, DEBUTS))
    const windows = thrown(() =>
      aci.echeancier(SIGNATURE, [[3, 3, WINDOWS, 4, 4]], MISSIONS, DEBUTS)
    )
    expect(windows).toEqual(web)
    expect(web.message).toContain('reçu 4 valeurs')
  })

  it('PCA: two empty taux cells give the same amount on both', () => {
    const call = (taux: unknown) =>
      aci.pca(SIGNATURE, [[3]], MISSIONS, DEBUTS, serial('2023-12-31'), taux as unknown[][])
    expect(call([[WEB], [WEB]])).toBe(call([[WINDOWS], [WINDOWS]]))
    expect(call([[WEB], [WEB]])).toBe(7745.9)
    expect(call(null)).toBe(call(undefined))
  })

  it('PRODUITS_EXERCICE: an empty taux cell and empty prorata and version cells give the same amount on both', () => {
    const call = (taux: unknown, empty: unknown) =>
      aci.produitsExercice(
        SIGNATURE,
        [[3]],
        MISSIONS,
        DEBUTS,
        serial('2023-01-01'),
        serial('2023-12-31'),
        taux as unknown[][],
        empty,
        empty
      )
    expect(call([[WEB]], WEB)).toBe(call([[WINDOWS]], WINDOWS))
    expect(call([[WEB]], WEB)).toBeLessThan(call(null, WEB))
  })

  it('VARIABLE: an empty taux cell is 0 € on both; an empty version cell is the grid in force today', () => {
    expect(aci.variable('acces', 2, WEB, 'aci-2019')).toBe(0)
    expect(aci.variable('acces', 2, WINDOWS, 'aci-2019')).toBe(0)
    expect(aci.variable('acces', 2, [[WEB]], 'aci-2019')).toBe(0)
    expect(aci.variable('acces', 2, '', 'aci-2019')).toBe(0)
    expect(aci.variable('acces', 2, 0.5, WEB)).toBe(aci.variable('acces', 2, 0.5, WINDOWS))
    expect(aci.variable('acces', 2, 0.5, [[WEB]])).toBe(aci.variable('acces', 2, 0.5, [[WINDOWS]]))
  })

  it('ENVELOPPE: an empty version cell is the grid in force today on both', () => {
    expect(aci.enveloppe('acces', 2, WEB)).toBe(aci.enveloppe('acces', 2, WINDOWS))
    expect(aci.enveloppe('acces', 2, [[WEB]])).toBe(aci.enveloppe('acces', 2, [[WINDOWS]]))
    expect(aci.enveloppe('acces', 2, WEB)).toBe(aci.enveloppe('acces', 2))
  })
})

describe('a closing date before the signature is refused', () => {
  it('PCA(…; cloture = 2,5) is #VALEUR! with a French message, no longer 0', () => {
    const error = thrown(() => aci.pca(SIGNATURE, [[3]], MISSIONS, DEBUTS, 2.5))
    expect(error.code).toBe('#VALUE!')
    expect(error.message).toBe(
      'cloture : date de clôture du 02/01/1900 antérieure à la signature du contrat (15/04/2022) ; date postérieure à la signature attendue.'
    )
  })

  it('PRODUITS_EXERCICE: an exercise ending before the signature is #VALEUR! too; the signature day itself is accepted', () => {
    const error = thrown(() =>
      aci.produitsExercice(
        SIGNATURE,
        [[3]],
        MISSIONS,
        DEBUTS,
        serial('2021-01-01'),
        serial('2021-12-31')
      )
    )
    expect(error.code).toBe('#VALUE!')
    expect(error.message).toMatch(/^fin : fin d’exercice du 31\/12\/2021 antérieure à la signature/)
    expect(aci.pca(SIGNATURE, [[3]], MISSIONS, DEBUTS, SIGNATURE)).toBeGreaterThan(0)
  })
})
