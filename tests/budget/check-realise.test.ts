// checkBudget with actual amounts (réalisé): spent, remaining and percentages per section, and the findings on actuals, computed by hand.
import { describe, expect, it } from 'vitest'
import { type BudgetReport, checkBudget, parseBudget } from '../../shared'
import { type ActualReport, percentOf } from '../../shared/budget'
import { chartFor } from '../../shared/budget/accounts'
import { prepareLine } from '../../shared/budget/prepare'
import { prepareActual } from '../../shared/budget/realise'
import { Decimal } from '../../shared/money'
import { cleanBudget, errorOf, findingsOf, fixtureText, only } from './support/budgets'

/** The clean budget (each section spends exactly its envelope) with actual amounts on some lines. */
function withActuals(realise: Record<string, string>, extra: unknown[] = []) {
  const doc = cleanBudget()
  return parseBudget({
    ...doc,
    lignes: [
      ...doc.lignes.map((l) =>
        realise[l.libelle] === undefined ? l : { ...l, realise: realise[l.libelle] }
      ),
      ...extra,
    ],
  })
}

const actualOf = (r: BudgetReport, section: string) =>
  r.sections.find((s) => s.section === section)?.realise as ActualReport

describe('réalisé par section : dépensé, reste, pourcentages', () => {
  // Envelopes: fonctionnement 60 000, accès 100 000, parcours 70 000, prévention 30 000, crise 17 500.
  const report = checkBudget(
    withActuals({
      'Salaire de la coordinatrice': '52500.00',
      'Régulation des soins non programmés': '112000.00',
      'Réunions pluriprofessionnelles': '35000.00',
      'Mise à jour du plan de crise': '17500.00',
      'Financement ACI': '208125.00', // the 75 % advance
    })
  )

  it('fonctionnement: 52 500 spent of 60 000 planned and 60 000 of envelope', () => {
    expect(actualOf(report, 'fonctionnement')).toEqual({
      charges: '52500.00',
      produits: '0.00',
      ecartBudget: '-7500.00',
      execution: '87.50', // 52 500 / 60 000
      reste: '7500.00', // 60 000 − 52 500
      consommation: '87.50',
      status: 'under',
      difference: '7500.00',
      statusLabel: 'sous l’enveloppe de 7\u202f500,00\u00a0€',
    })
  })

  it('accès: 112 000 spent, 12 000 over the budget and the envelope', () => {
    expect(actualOf(report, 'acces')).toMatchObject({
      charges: '112000.00',
      ecartBudget: '12000.00',
      execution: '112.00',
      reste: '-12000.00',
      consommation: '112.00',
      status: 'over',
      difference: '12000.00',
    })
  })

  it('prévention, no actual yet: nothing spent, everything left; qualité: no envelope', () => {
    expect(actualOf(report, 'prevention')).toMatchObject({
      charges: '0.00',
      execution: '0.00',
      reste: '30000.00',
      consommation: '0.00',
      status: 'under',
    })
    expect(actualOf(report, 'qualite')).toMatchObject({
      charges: '0.00',
      execution: null, // nothing planned
      reste: null,
      consommation: null,
      status: 'no_envelope',
    })
  })

  it('totals: 217 000 spent of 277 500, 78,20 %', () => {
    // 52 500 + 112 000 + 35 000 + 0 + 17 500 = 217 000; 217 000 / 277 500 = 78,198… % → 78,20 %.
    expect(report.totaux.realise).toEqual({
      charges: '217000.00',
      produits: '208125.00',
      ecartBudget: '-60500.00',
      execution: '78.20',
      reste: '60500.00',
      consommation: '78.20',
      status: 'under',
      difference: '60500.00',
      statusLabel: 'sous l’enveloppe de 60\u202f500,00\u00a0€',
      resultat: '-8875.00',
      chargesSectionsAci: '217000.00',
      chargesHorsAci: '0.00',
      nonReparti: '0.00',
      produitsAci: '208125.00',
    })
  })

  it('an overrun found on the actuals, not on the budget: marked réalisé', () => {
    const f = only(report, 'ENVELOPPE-DEPASSEE')
    expect(f).toMatchObject({
      base: 'realise',
      severity: 'warning',
      section: 'acces',
      amounts: { charges: '112000.00', enveloppe: '100000.00', depassement: '12000.00' },
    })
    expect(f.message).toMatch(
      /^Réalisé — Mission Accès aux soins : 112\u202f000,00\u00a0€ de charges/
    )
    // Fungibility what-if on actuals: missions 164 500 for 217 500 of envelopes.
    expect(only(report, 'FONGIBILITE')).toMatchObject({
      base: 'realise',
      amounts: { charges: '164500.00', enveloppe: '217500.00', ecart: '53000.00' },
    })
    expect(report.findings.map((f) => f.code)).toEqual(['ENVELOPPE-DEPASSEE', 'FONGIBILITE'])
    expect(report.counts).toEqual({ error: 0, warning: 1, info: 1 })
  })

  it('percentages are rounded half up to two decimals, in one place', () => {
    expect(percentOf(new Decimal('1'), new Decimal('8'))).toBe('12.50')
    expect(percentOf(new Decimal('0.00125'), new Decimal('1'))).toBe('0.13') // 0,125 % → 0,13
    expect(percentOf(new Decimal('2'), new Decimal('3'))).toBe('66.67')
    expect(percentOf(new Decimal('5'), new Decimal('0'))).toBeNull()
  })
})

describe('les constats sur le réalisé', () => {
  it('the PASS cap exceeded on actuals only', () => {
    // Planned 40 000 < 47 100; actual 48 000, 900 over the PASS 2025.
    const report = checkBudget(
      withActuals({}, [
        {
          compte: '6228',
          libelle: 'Indemnités – Dr Anne Martin',
          montant: '40000.00',
          realise: '48000.00',
          beneficiaire: 'Dr Anne Martin',
          repartition: { mode: 'montants', parts: [{ section: 'acces', montant: '40000.00' }] },
        },
      ])
    )
    const f = only(report, 'PASS-PLAFOND')
    expect(f).toMatchObject({
      base: 'realise',
      severity: 'error',
      beneficiaire: 'Dr Anne Martin',
      amounts: { total: '48000.00', plafond: '47100.00', depassement: '900.00' },
    })
    expect(f.message).toContain('Réalisé — Dr Anne Martin : 48\u202f000,00\u00a0€')
  })

  it('a negative actual, leisure spent, and an own split of actuals whose keys miss 100 %', () => {
    const report = checkBudget(
      withActuals({}, [
        {
          compte: '604',
          libelle: 'Fournitures',
          montant: '100.00',
          realise: '-50.00',
          repartition: { mode: 'montants', parts: [{ section: 'fonctionnement', montant: '100' }] },
        },
        {
          compte: '6257',
          libelle: 'Sortie en voile des membres',
          montant: '0',
          realise: '900',
          repartitionRealise: {
            mode: 'cles',
            parts: [{ section: 'fonctionnement', pourcentage: '90' }],
          },
        },
      ])
    )
    expect(only(report, 'MONTANT-NEGATIF')).toMatchObject({
      base: 'realise',
      ligne: { compte: '604', libelle: 'Fournitures', montant: '-50.00' },
    })
    expect(only(report, 'CLE-SOMME')).toMatchObject({
      base: 'realise',
      amounts: { montant: '900.00', reparti: '810.00', nonReparti: '90.00' },
    })
    const leisure = findingsOf(report, 'SENAT-LOISIRS')
    expect(leisure.map((f) => [f.base, f.amounts.montant])).toEqual([
      [undefined, '0.00'],
      ['realise', '900.00'],
    ])
    // The unbudgeted line (montant 0) has no split of its plan to report: only its actual counts.
    expect(findingsOf(report, 'REPARTITION-ABSENTE')).toEqual([])
    expect(report.totaux.realise?.nonReparti).toBe('90.00')
  })

  it('unbudgeted spending with no split: REPARTITION-ABSENTE on its actual', () => {
    const report = checkBudget(
      withActuals({}, [{ compte: '6064', libelle: 'Imprimante', montant: '0', realise: '450' }])
    )
    expect(only(report, 'REPARTITION-ABSENTE')).toMatchObject({
      base: 'realise',
      ligne: { montant: '450.00' },
    })
    expect(report.totaux.realise).toMatchObject({ charges: '450.00', nonReparti: '450.00' })
  })

  it('a split of actuals without an actual amount is refused', () => {
    const doc = cleanBudget()
    const error = errorOf(() =>
      parseBudget({
        ...doc,
        lignes: [
          {
            ...doc.lignes[0],
            repartitionRealise: { mode: 'cles', parts: [{ section: 'acces', pourcentage: '100' }] },
          },
        ],
      })
    )
    expect(error.code).toBe('budget_invalide')
    expect(error.argument).toBe('lignes[0].repartitionRealise')
    expect(error.message).toContain('montant réalisé')
  })
})

describe('répartition du réalisé', () => {
  const chart = chartFor('2025-01-01', 'test')
  const actualParts = (ligne: unknown) => {
    const doc = parseBudget({ ...cleanBudget(), lignes: [ligne] })
    const line = prepareLine(doc.lignes[0] as never, 0, chart)
    return prepareActual(line, 0)?.parts?.filter((p) => p !== 0)
  }

  it('by default, the planned keys: 333,33 at 40/60 % gives 133,33 and 200,00', () => {
    // 13 333,2 and 19 999,8 cents: the leftover cent goes to the larger remainder (,8).
    expect(
      actualParts({
        compte: '6411',
        libelle: 'Salaire',
        montant: '1000',
        realise: '333.33',
        repartition: {
          mode: 'cles',
          parts: [
            { section: 'fonctionnement', pourcentage: '40' },
            { section: 'acces', pourcentage: '60' },
          ],
        },
      })
    ).toEqual([13_333, 20_000])
  })

  it('planned amounts: the actual in their proportions, 1 000 over 600/300 gives 666,67/333,33', () => {
    const ligne = (montant: string) => ({
      compte: '6411',
      libelle: 'Salaire',
      montant,
      realise: '1000',
      repartition: {
        mode: 'montants',
        parts: [
          { section: 'fonctionnement', montant: '600' },
          { section: 'parcours', montant: '300' },
        ],
      },
    })
    expect(actualParts(ligne('900'))).toEqual([66_667, 33_333])
    // A plan that leaves 100 of 1 000 unallocated leaves 10 % of the actual unallocated too.
    expect(actualParts(ligne('1000'))).toEqual([60_000, 30_000])
  })

  it('an own split of actuals replaces the planned one', () => {
    expect(
      actualParts({
        compte: '6411',
        libelle: 'Salaire',
        montant: '1000',
        realise: '800',
        repartition: { mode: 'cles', parts: [{ section: 'fonctionnement', pourcentage: '100' }] },
        repartitionRealise: {
          mode: 'montants',
          parts: [
            { section: 'acces', montant: '500' },
            { section: 'crise', montant: '300' },
          ],
        },
      })
    ).toEqual([50_000, 30_000])
  })
})

describe('CPTS des Deux Rives : réalisé 2025', () => {
  const doc = parseBudget(JSON.parse(fixtureText('cpts-taille-2-aci-avenant-2-realise.json')))
  const report = checkBudget(doc)

  it('gives the expected report', () => {
    expect(report).toEqual(
      JSON.parse(fixtureText('cpts-taille-2-aci-avenant-2-realise.report.json'))
    )
  })

  it('parcours: 79 717,95 spent for an envelope of 61 250, 130,15 % consumed', () => {
    // 6 300 + 2 835 (coordinator 15 %) + 13 750 (chargé de mission, own split 50 %) + 7 425
    // (his social charges 12 375 × 60 %) + 780 + 47 500 + 683,50 + 444,45 = 79 717,95.
    expect(actualOf(report, 'parcours')).toMatchObject({
      charges: '79717.95',
      ecartBudget: '-281.50',
      execution: '99.65', // 79 717,95 / 79 999,45
      reste: '-18467.95',
      consommation: '130.15',
      status: 'over',
    })
  })

  it('Paul Durand over the PASS on actuals (47 500 > 47 100), only under the alert in the plan', () => {
    const pass = findingsOf(report, 'PASS-PLAFOND')
    expect(pass.map((f) => [f.base ?? 'budget', f.beneficiaire, f.amounts.depassement])).toEqual([
      ['budget', 'Dr Anne Martin', '2900.00'],
      ['realise', 'Paul Durand (infirmier)', '400.00'],
    ])
  })

  it('without its actuals, the same budget gives the committed report of the plan', () => {
    const plan = parseBudget(JSON.parse(fixtureText('cpts-taille-2-aci-avenant-2.json')))
    const expected = JSON.parse(fixtureText('cpts-taille-2-aci-avenant-2.report.json'))
    expect(checkBudget(plan)).toEqual(expected)
    expect(JSON.stringify(checkBudget(plan), null, 2)).toBe(JSON.stringify(expected, null, 2))
    expect(JSON.stringify(checkBudget(plan))).not.toContain('realise')
  })
})
