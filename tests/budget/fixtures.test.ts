// Two complete budgets of a taille 2 CPTS, one under each rate version, against their expected reports and hand computations.
import { describe, expect, it } from 'vitest'
import {
  type BudgetReport,
  budgetFromJson,
  budgetToJson,
  checkBudget,
  contractOfBudget,
  cutoffOf,
  parseBudget,
} from '../../shared'
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
      'ACI-PRODUITS-EXERCICE', // 274 000 budgeted, 271 866,43 earned in 2025
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
    expect(report.counts).toEqual({ error: 1, warning: 7, info: 5 })
    expect(report.findings[0]?.amounts).toEqual({
      total: '50000.00',
      plafond: '47100.00',
      depassement: '2900.00',
    })
    expect(report.findings[7]?.amounts).toEqual({
      produitsAci: '274000.00',
      chargesSectionsAci: '247763.33',
      excedent: '26236.67',
    })
  })
})

describe('the fiscal year as the budget’s basis (Deux Rives, exercice 2025)', () => {
  const { doc, report } = load('cpts-taille-2-aci-avenant-2')
  const line = (droit: string) => report.produitsExercice?.lignes.find((l) => l.droit === droit)

  it('counts what 2025 earns of contract years 2 and 3, day by day', () => {
    // Contract signed 1 March 2023: year 2 runs 01/03/2024–28/02/2025 (365 days, 59 of them in
    // 2025), year 3 runs 01/03/2025–29/02/2026 … 28/02/2026 (365 days, 306 of them in 2025).
    expect(line('a2-fonctionnement')).toMatchObject({
      enveloppe: '60000.00',
      acquisAvant: '50301.37', // 60 000 × 306/365
      produit: '9698.63', // 60 000 × 59/365 = 9 698,630…
      acquisApres: '0.00',
    })
    expect(line('a3-fonctionnement')).toMatchObject({
      enveloppe: '60000.00',
      produit: '50301.37', // 60 000 × 306/365 = 50 301,369…
      acquisApres: '9698.63',
    })
    expect(line('a2-fixe-acces')?.produit).toBe('11315.07') // 70 000 × 59/365 = 11 315,068…
    expect(report.produitsExercice?.parAnnee.map((y) => [y.annee, y.enveloppe, y.produit])).toEqual(
      [
        [2, '280250.00', '100003.42'],
        [3, '274000.00', '171863.01'],
      ]
    )
    // 100 003,42 + 171 863,01
    expect(report.produitsAciExercice).toBe('271866.43')
    expect(report.produitsExercice?.enveloppesContrat).toBe('554250.00') // 280 250 + 274 000
  })

  it('equals the cut-off’s 706 total for the same contract and year', () => {
    const cutoff = cutoffOf(contractOfBudget(doc.profil), doc.profil.exercice)
    expect(report.produitsAciExercice).toBe(cutoff.totaux.produits.toFixed(2))
    const byAccount = Object.fromEntries(
      cutoff.parCompte.map((c) => [c.compte, c.produit.toFixed(2)])
    )
    for (const c of report.produitsExercice?.parCompte ?? []) {
      expect(c.produit).toBe(byAccount[c.compte] ?? '0.00')
    }
  })

  it('says the budget counts 2 133,57 € more ACI income than the year earns', () => {
    const f = report.findings.find((x) => x.code === 'ACI-PRODUITS-EXERCICE')
    expect(f?.severity).toBe('warning')
    expect(f?.amounts).toEqual({
      produitsAci: '274000.00',
      produitsAciExercice: '271866.43',
      ecart: '2133.57', // 274 000 − 271 866,43
      enveloppes: '554250.00',
    })
    expect(report.produitsExercice?.ecartBudget).toBe('2133.57')
  })

  it('says why when the profile’s contract cannot be computed, and gives no figure', () => {
    const profil = {
      ...doc.profil,
      missions: doc.profil.missions.map((m) =>
        m.mission === 'acces' ? { ...m, debut: '2020-01-01' } : m
      ),
    }
    const odd = checkBudget(parseBudget({ ...doc, profil }))
    expect(odd.produitsAciExercice).toBeNull()
    expect(odd.produitsExercice).toBeNull()
    const f = odd.findings.find((x) => x.code === 'ACI-PRODUITS-EXERCICE')
    expect(f?.severity).toBe('info')
    expect(f?.message).toMatch(
      /^Produits ACI de l’exercice du 01\/01\/2025 au 31\/12\/2025 non calculés : le contrat du profil ne se calcule pas \(.+\)\.$/
    )
    // The rest of the report is the budget's, as before.
    expect(odd.totaux.enveloppe).toBe(report.totaux.enveloppe)
  })

  it('says nothing when the budget counts exactly what the year earns', () => {
    const aci = doc.lignes.filter((l) => l.financeur === 'aci')
    const first = aci[0]
    if (first === undefined) throw new Error('no ACI income line in the fixture')
    const total = aci.reduce((a, l) => a + Math.round(Number(l.montant) * 100), 0)
    const wanted = Math.round(Number(report.produitsAciExercice) * 100)
    const shifted = Math.round(Number(first.montant) * 100) + wanted - total
    const montant = (shifted / 100).toFixed(2)
    const same = checkBudget(
      parseBudget({
        ...doc,
        lignes: doc.lignes.map((l) =>
          l === first ? { ...l, montant, repartition: undefined } : l
        ),
      })
    )
    expect(same.totaux.produitsAci).toBe('271866.43')
    expect(same.findings.some((x) => x.code === 'ACI-PRODUITS-EXERCICE')).toBe(false)
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
      'ACI-PRODUITS-EXERCICE', // 237 250 budgeted, 221 551,37 earned in 2021
      'FINANCEUR-ABSENT', // the mutual insurer's contribution
      'SENAT-IMMOBILIER', // 6125 crédit-bail immobilier
      'SENAT-THESAURISATION', // 237 250 − 160 100 = 77 150 > 10 % × 237 250 = 23 725
      'FINANCEMENT-SECONDAIRE', // département
      'MISSION-DEMARRAGE', // prévention from 1 April 2021
      'PASS-INCONNU', // no cap before 2022
    ])
    expect(report.counts).toEqual({ error: 4, warning: 4, info: 3 })
    expect(report.findings[7]?.amounts).toEqual({
      produitsAci: '237250.00',
      chargesSectionsAci: '160100.00',
      excedent: '77150.00',
      seuil: '23725.00',
    })
  })
})
