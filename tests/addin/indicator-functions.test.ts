// ACI.PALIER and ACI.ATTEINTE: one tiered indicator and a mission's rate from Excel's cells, the same amounts as the shared core, errors as #VALEUR! and #N/A with French messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as aci from '../../addin/functions/functions'
import * as core from '../../shared'
import { annexeTaille3 } from '../core/indicators/annexe-taille-3'
import { installCustomFunctions, removeCustomFunctions } from './support/custom-functions'

beforeAll(() => {
  installCustomFunctions()
})
afterAll(() => {
  removeCustomFunctions()
})

function thrown(call: () => unknown): { code: string; message: string } {
  try {
    call()
  } catch (error) {
    return error as { code: string; message: string }
  }
  throw new Error('aucune erreur levée')
}

/** « Patients en ALD sans médecin traitant : 40 et moins → 8 000 · 41 à 90 → 5 000 · 91 à 180 → 2 000 », as a column of thresholds and one of amounts. */
const seuilsMT = [[40], [90], [180]]
const montantsMT = [[8000], [5000], [2000]]

describe('ACI.PALIER', () => {
  it.each([
    [39, 8000],
    [40, 8000],
    [41, 5000],
    [90, 5000],
    [91, 2000],
    [180, 2000],
    [181, 0],
  ])('sens "baisse": %s patients → %s €', (valeur, montant) => {
    expect(aci.palier(valeur, seuilsMT, montantsMT, 'baisse')).toBe(montant)
  })

  it.each([
    [0.599, 0],
    [0.6, 1000],
    [0.629, 1000],
    [0.63, 2000],
    [0.66, 3000],
    [0.7, 3000],
  ])('sens "hausse" (défaut), cellules en pourcentage: %s → %s €', (valeur, montant) => {
    // « Taux de dépistage : 60 % → 1 000 · 63 % → 2 000 · 66 % → 3 000 », thresholds in a row.
    expect(aci.palier(valeur, [[0.6, 0.63, 0.66]], [[1000, 2000, 3000]])).toBe(montant)
    expect(aci.palier(valeur, [[0.6, 0.63, 0.66]], [[1000, 2000, 3000]], 'hausse')).toBe(montant)
  })

  it('an empty value is no observation: nothing; empty tier pairs are no tiers (null, or the 0 of Excel for Windows)', () => {
    expect(aci.palier(null, seuilsMT, montantsMT, 'baisse')).toBe(0)
    expect(aci.palier([[null]], seuilsMT, montantsMT, 'baisse')).toBe(0)
    expect(aci.palier(75, [[40], [90], [null], [0]], [[8000], [5000], [null], [0]], 'baisse')).toBe(
      5000
    )
    // One tier: Excel hands a single value typed for a range argument as a 1×1 matrix.
    expect(aci.palier(75, [[90]], [[5000]], 'baisse')).toBe(5000)
  })

  it('reads a value typed as French text', () => {
    expect(aci.palier('63,5 %', [[60, 63, 66]], [[1000, 2000, 3000]])).toBe(2000)
  })

  it('gives each tiered indicator of the annex what the shared core gives it', () => {
    const annexe = core.parseAnnexe(annexeTaille3)
    for (const ind of core.indicateursOf(annexe)) {
      if (ind.type !== 'paliers') continue
      for (const p of ind.paliers) {
        for (const delta of [-1, 0, 1]) {
          const value = p.seuil.plus(delta).toNumber()
          const expected = core
            .variableOf(annexe, { taille: 3, version: 'aci-avenant-2' }, { [ind.id]: value })
            .indicateurs.find((i) => i.indicateur.id === ind.id)
            ?.montant.toNumber()
          const got = aci.palier(
            value,
            ind.paliers.map((t) => [t.seuil.toNumber()]),
            ind.paliers.map((t) => [t.montant.toNumber()]),
            ind.sens
          )
          expect(got, `${ind.id} = ${value}`).toBe(expected)
        }
      }
    }
  })

  it('takes its two ranges from a row of the annex’s table (thresholds side by side, then amounts)', () => {
    const annexe = core.parseAnnexe(annexeTaille3)
    const table = core.annexeTable(annexe)
    const excel = (cell: core.AnnexeCell) =>
      cell === undefined ? null : typeof cell === 'string' ? cell : core.toExcelNumber(cell)
    const row = table.rows.find((r) => r[4] === 'ald-sans-mt') as core.AnnexeCell[]
    const from = table.premierSeuil
    const seuils = [row.slice(from, from + table.paliers).map(excel)]
    const montants = [row.slice(from + table.paliers, from + 2 * table.paliers).map(excel)]
    expect(table.header[from]).toBe('Seuil 1')
    expect(table.header[from + table.paliers]).toBe('Montant 1')
    expect(aci.palier(75, seuils, montants, row[7])).toBe(5000)
  })

  it.each([
    [
      'tiers out of order',
      () => aci.palier(75, seuilsMT, montantsMT, 'hausse'),
      'seuils : paliers hors d’ordre au palier 2',
    ],
    [
      'a direction that is neither',
      () => aci.palier(75, seuilsMT, montantsMT, 'moins'),
      'sens : sens attendu : « hausse »',
    ],
    [
      'as many amounts as thresholds',
      () => aci.palier(75, seuilsMT, [[8000], [5000]], 'baisse'),
      'montants : autant de montants que de seuils attendus',
    ],
    [
      'half a tier',
      () => aci.palier(75, [[40], [null]], [[8000], [5000]], 'baisse'),
      'seuils : le palier 2 a un montant sans seuil',
    ],
    [
      'an amount below the cent',
      () => aci.palier(75, [[40]], [[8000.005]], 'baisse'),
      'montants : montant en euros attendu, positif et au centime',
    ],
    [
      'a value that is not a number',
      () => aci.palier('beaucoup', seuilsMT, montantsMT, 'baisse'),
      'valeur : valeur observée attendue',
    ],
  ])('#VALEUR! for %s, with a French message', (_, call, message) => {
    const error = thrown(call)
    expect(error.code).toBe('#VALUE!')
    expect(error.message).toContain(message)
  })
})

describe('ACI.ATTEINTE', () => {
  it('is the mission’s total over its variable envelope, and feeds ACI.VARIABLE back to the same amount', () => {
    // Accès aux soins at taille 3 (35 000 € variable): 5 000 + 2 000 + 6 000 + 3 000 + 4 000 + 1 000 + 0.
    const montants = [[5000], [2000], [6000], [3000], [4000], [1000], [0]]
    const taux = aci.atteinte('acces', 3, montants, null, 'aci-avenant-2')
    expect(taux).toBe(0.6)
    expect(aci.variable('acces', 3, taux, 'aci-avenant-2')).toBe(21000)
    // Prévention: 9 000 / 17 500, a rate with no exact decimal form, still gives back 9 000,00.
    const prevention = aci.atteinte('prévention', 3, [[2000, 0, 7000]], null, 'aci-avenant-2')
    expect(prevention).toBeCloseTo(0.5142857142857143, 15)
    expect(aci.variable('prevention', 3, prevention, 'aci-avenant-2')).toBe(9000)
  })

  it('pays the crisis mission only when the ARS recognised a crisis', () => {
    expect(aci.atteinte('crise', 3, [[67500]], true, 'aci-avenant-2')).toBe(1)
    expect(aci.atteinte('crise', 3, [[67500]], false, 'aci-avenant-2')).toBe(0)
    expect(aci.atteinte('crise', 3, [[67500]], null, 'aci-avenant-2')).toBe(0)
  })

  it('ignores empty cells, and gives 0 for a mission with nothing earned', () => {
    expect(aci.atteinte('qualite', 3, [[null], [''], [null]], null, 'aci-avenant-2')).toBe(0)
  })

  it('#VALEUR! for amounts above the envelope, a crisis flag on another mission; #N/A for an unknown mission', () => {
    const over = thrown(() =>
      aci.atteinte('accompagnement', 3, [[6000], [6000]], null, 'aci-avenant-2')
    )
    expect(over.code).toBe('#VALUE!')
    expect(over.message).toBe(
      'montants : les indicateurs totalisent 12\u202f000,00\u00a0€, plus que le volet variable de la mission accompagnement (10\u202f000,00\u00a0€, barème aci-avenant-2, taille 3) : vérifiez les maxima de l’annexe.'
    )
    const flag = thrown(() => aci.atteinte('acces', 3, [[1000]], true))
    expect(flag.code).toBe('#VALUE!')
    expect(flag.message).toContain('crise : la crise reconnue ne concerne que la mission crise')
    expect(thrown(() => aci.atteinte('urgences', 3, [[1000]])).code).toBe('#N/A')
    expect(thrown(() => aci.atteinte('crise', 3, [[1000]], null, 'aci-2019')).code).toBe('#N/A')
  })
})
