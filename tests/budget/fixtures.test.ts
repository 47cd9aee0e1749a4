// Two complete budgets of a taille 2 CPTS, one under each rate version, against their expected reports and hand computations.
import { describe, expect, it } from 'vitest'
import { type BudgetReport, budgetFromJson, budgetToJson, checkBudget } from '../../shared'
import { codes, fixtureText } from './support/budgets'

function load(name: string) {
  const doc = budgetFromJson(fixtureText(`${name}.json`))
  const expected = JSON.parse(fixtureText(`${name}.report.json`)) as BudgetReport
  return { doc, expected, report: checkBudget(doc) }
}

const charges = (r: BudgetReport) =>
  Object.fromEntries(r.sections.map((s) => [s.section, s.charges]))
const envelopes = (r: BudgetReport) =>
  Object.fromEntries(r.sections.map((s) => [s.section, s.enveloppe]))

describe('CPTS des Deux Rives : taille 2, avenant 2, exercice 2025', () => {
  const { doc, expected, report } = load('cpts-taille-2-aci-avenant-2')

  it('the file is in canonical form and gives the expected report', () => {
    expect(budgetToJson(doc)).toBe(fixtureText('cpts-taille-2-aci-avenant-2.json'))
    expect(report).toEqual(expected)
  })

  it('envelopes of the 2025 grid, taille 2, at the expected rates', () => {
    expect(envelopes(report)).toEqual({
      fonctionnement: '60000.00',
      acces: '94000.00', // 70 000 + 30 000 × 0,8
      parcours: '61250.00', // 35 000 + 35 000 × 0,75
      prevention: '30000.00', // 15 000 + 15 000 × 1
      crise: '17500.00', // plan update 17 500 + crisis 52 500 × 0
      qualite: null, // not engaged
      accompagnement: '11250.00', // 7 500 + 7 500 × 0,5
      hors_aci: null,
    })
    expect(report.totaux.enveloppe).toBe('274000.00')
  })

  it('charges by section, from the keys and amounts of each line', () => {
    // Coordinator 42 000 + 18 900 at 40/20/15/10/5/10 %; chargé de mission 30 000 + 13 500 at 60/40 %;
    // the year-end bonus 1 333,33 at 33,3333/33,3333/33,3334 % gives 444,44 / 444,44 / 444,45.
    expect(charges(report)).toEqual({
      // 16 800 + 7 560 + 9 600 + 6 500 + 950 + 1 440 + 12 000 + 900 + 1 200 + 1 800 + 1 200 + 444,44
      fonctionnement: '60394.44',
      // 8 400 + 3 780 + 720 + 38 000 + 600 + 444,44
      acces: '51944.44',
      // 6 300 + 2 835 + 18 000 + 8 100 + 720 + 43 000 + 600 + 444,45
      parcours: '79999.45',
      // 4 200 + 1 890 + 12 000 + 5 400 + 9 000 + 600 + 2 400
      prevention: '35490.00',
      // 2 100 + 945 + 6 000
      crise: '9045.00',
      qualite: '0.00',
      // 4 200 + 1 890 + 300 + 4 500
      accompagnement: '10890.00',
      // 15 000 + 3 000
      hors_aci: '18000.00',
    })
    expect(report.totaux).toMatchObject({
      charges: '265763.33',
      produits: '299400.00', // ACI 274 000 + FIR 15 000 + laboratory 3 000 + commune 5 000 + fees 2 400
      resultat: '33636.67',
      chargesSectionsAci: '247763.33',
      nonReparti: '0.00',
      produitsAci: '274000.00',
      emploisNature: '12400.00',
      contributionsNature: '12400.00',
    })
  })

  it('statuses: fonctionnement, parcours and prévention over; the others under', () => {
    expect(report.sections.map((s) => [s.section, s.status, s.difference])).toEqual([
      ['fonctionnement', 'over', '394.44'],
      ['acces', 'under', '42055.56'],
      ['parcours', 'over', '18749.45'],
      ['prevention', 'over', '5490.00'],
      ['crise', 'under', '8455.00'],
      ['qualite', 'no_envelope', null],
      ['accompagnement', 'under', '360.00'],
      ['hors_aci', 'no_envelope', null],
    ])
    // Fungible missions: 187 368,89 of charges for 214 000 of envelopes, 26 631,11 under.
    expect(report.fongibilite).toMatchObject({
      charges: '187368.89',
      enveloppe: '214000.00',
      status: 'under',
      difference: '26631.11',
    })
  })

  it('findings: Dr Martin over the PASS, overruns, yoga, the laboratory, the planned surplus', () => {
    expect(codes(report)).toEqual([
      'PASS-PLAFOND', // 12 000 + 38 000 = 50 000 > 47 100
      'ENVELOPPE-DEPASSEE', // parcours
      'ENVELOPPE-DEPASSEE', // prévention
      'FINANCEMENT-SECONDAIRE', // laboratoire pharmaceutique: warning
      'PASS-ALERTE', // 43 000 > 90 % × 47 100 = 42 390
      'SENAT-LOISIRS', // cours de yoga
      'SENAT-THESAURISATION', // 274 000 − 247 763,33 = 26 236,67
      'FINANCEMENT-SECONDAIRE', // ARS (FIR)
      'FINANCEMENT-SECONDAIRE', // collectivité
      'FONC-DEPASSEE',
      'FONGIBILITE',
      'MISSION-DEMARRAGE', // accompagnement from 1 March 2025
    ])
    expect(report.counts).toEqual({ error: 1, warning: 6, info: 5 })
    expect(report.findings[0]?.amounts).toEqual({
      total: '50000.00',
      plafond: '47100.00',
      depassement: '2900.00',
    })
    expect(report.findings[6]?.amounts).toEqual({
      produitsAci: '274000.00',
      chargesSectionsAci: '247763.33',
      excedent: '26236.67',
    })
  })
})

describe('CPTS du Pays des Trois Vallées : taille 2, ACI 2019, exercice 2021', () => {
  const { doc, expected, report } = load('cpts-taille-2-aci-2019')

  it('the file is in canonical form and gives the expected report', () => {
    expect(budgetToJson(doc)).toBe(fixtureText('cpts-taille-2-aci-2019.json'))
    expect(report).toEqual(expected)
    expect(report.references.bareme.id).toBe('aci-2019')
    expect(report.references.planComptable.id).toBe('pca-2018')
    expect(report.taille).toBe(2) // from 55 000 inhabitants
  })

  it('envelopes of the 2019 grid: the accès fixed part includes the two soins non programmés pieces', () => {
    expect(envelopes(report)).toEqual({
      fonctionnement: '60000.00',
      acces: '86750.00', // (17 500 + 12 000 + 45 000) + 17 500 × 0,7
      parcours: '56000.00', // 35 000 + 35 000 × 0,6
      prevention: '22500.00', // 15 000 + 15 000 × 0,5
      crise: null, // no crisis mission in aci-2019
      qualite: null,
      accompagnement: null,
      hors_aci: null,
    })
    expect(report.totaux.enveloppe).toBe('225250.00')
  })

  it('charges by section; the campaign keyed at 90 % leaves 500 € not allocated', () => {
    expect(charges(report)).toEqual({
      // 18 000 + 8 100 + 4 800 + 3 600 + 1 200 + 1 000 (20 % of 5 000) + 7 200
      fonctionnement: '43900.00',
      // 9 000 + 4 050 + 1 200 + 45 000
      acces: '59250.00',
      // 5 400 + 2 430 + 1 200 + 30 000 + 600
      parcours: '39630.00',
      // 3 600 + 1 620 + 600 + 3 500 (70 % of 5 000)
      prevention: '9320.00',
      crise: '8000.00',
      qualite: '0.00',
      accompagnement: '0.00',
      hors_aci: '0.00',
    })
    expect(report.totaux).toMatchObject({
      charges: '160600.00',
      nonReparti: '500.00',
      produits: '252550.00', // 225 250 + 1 800 + 10 000 + 2 000 + 12 000 + 1 500 (791, still in the 2018 chart)
      produitsAci: '237250.00', // 225 250 + 12 000 of fonds dédiés
    })
  })

  it('findings: ACI in 74, ACI fonds dédiés, crisis outside the 2019 grid, keys at 90 %, real estate, hoarding', () => {
    expect(codes(report)).toEqual([
      'ACI-FONDS-DEDIES',
      'CLE-SOMME',
      'CNCC-ACI-EN-74',
      'MISSION-HORS-BAREME',
      'FINANCEUR-ABSENT', // the mutual insurer's contribution
      'SENAT-IMMOBILIER', // 6125 crédit-bail immobilier
      'SENAT-THESAURISATION', // 237 250 − 160 100 = 77 150 > 10 % × 237 250 = 23 725
      'FINANCEMENT-SECONDAIRE', // département
      'MISSION-DEMARRAGE', // prévention from 1 April 2021
      'PASS-INCONNU', // no cap before 2022
    ])
    expect(report.counts).toEqual({ error: 4, warning: 3, info: 3 })
    expect(report.findings[6]?.amounts).toEqual({
      produitsAci: '237250.00',
      chargesSectionsAci: '160100.00',
      excedent: '77150.00',
      seuil: '23725.00',
    })
  })
})
