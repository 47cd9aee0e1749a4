// The year-end cut-off, worked by hand: the notes' parcours example (B.6), in months and in days, and the journal it books.
import { describe, expect, it } from 'vitest'
import {
  cutoffJson,
  cutoffOf,
  parseContract,
  produitsARecevoir,
  produitsConstatesDAvance,
  scheduleOf,
} from '../../shared/contract'

// Notes B.6: parcours, taille 2, volet fixe 35 000 €, anniversary 1 July, calendar fiscal year.
// Signed 01/07/2024, so that 01/07/2025 opens contract year 2; fonctionnement (taille 2) 60 000 €.
const contract = parseContract({
  signature: '2024-07-01',
  taille: 2,
  missions: [{ mission: 'parcours', debut: '2024-07-01' }],
})
const fy2025 = { debut: '2025-01-01', fin: '2025-12-31' }

describe('régularisation : l’exemple des notes (B.6)', () => {
  it('in months: 26 250 received on 01/07/2025, 6/12 × 35 000 = 17 500 earned, PCA 8 750', () => {
    const c = cutoffOf(contract, fy2025, { repartition: 'mois' })
    const line = c.lignes.find((l) => l.droit.id === 'a2-fixe-parcours')
    expect(line?.encaisse.toFixed(2)).toBe('26250.00')
    expect(line?.produit.toFixed(2)).toBe('17500.00')
    expect(line?.pcaCloture.toFixed(2)).toBe('8750.00')
    expect(line?.calcul).toContain(
      'acquis au 31/12/2025 : 35\u202f000,00\u00a0€ × 6/12 mois = 17\u202f500,00\u00a0€'
    )
  })

  it('in months, the whole year: income 130 000, PCA 38 750 at opening and 23 750 at closing', () => {
    const c = cutoffOf(contract, fy2025, { repartition: 'mois' })
    // Year 1 (01/07/2024–30/06/2025), half of it in 2025:
    //   fonctionnement 60 000 received in 2024 → opening PCA 30 000, income 30 000;
    //   parcours fixe 26 250 received in 2024, 8 750 on 01/09/2025 → opening PCA 26 250 − 17 500 = 8 750, income 17 500;
    //   parcours variable 35 000 paid 01/09/2025 → income on payment 35 000.
    // Year 2 (from 01/07/2025), half of it in 2025:
    //   fonctionnement 45 000 received → income 30 000, PCA 15 000;
    //   parcours fixe 26 250 received → income 17 500, PCA 8 750.
    expect(c.totaux.produits.toFixed(2)).toBe('130000.00')
    expect(c.totaux.encaissements.toFixed(2)).toBe('115000.00') // 8 750 + 35 000 + 45 000 + 26 250
    expect(c.totaux.pcaOuverture.toFixed(2)).toBe('38750.00')
    expect(c.totaux.pcaCloture.toFixed(2)).toBe('23750.00')
    expect(c.totaux.parCloture.toFixed(2)).toBe('0.00')
    // 115 000 + 38 750 − 23 750 = 130 000.
    expect(
      c.journal.map((j) => [j.date, j.compte, j.debit.toFixed(2), j.credit.toFixed(2)])
    ).toEqual([
      ['2025-01-01', '487', '38750.00', '0.00'],
      ['2025-01-01', '706100', '0.00', '30000.00'],
      ['2025-01-01', '706121', '0.00', '8750.00'],
      ['2025-12-31', '487', '0.00', '23750.00'],
      ['2025-12-31', '706100', '15000.00', '0.00'],
      ['2025-12-31', '706121', '8750.00', '0.00'],
    ])
    expect(c.totaux.debit.toFixed(2)).toBe('62500.00')
    expect(c.totaux.credit.toFixed(2)).toBe('62500.00')
    expect(c.journal[3]?.libelle).toBe('Produits constatés d’avance au 31/12/2025')
    expect(c.journal[4]?.libelle).toBe(
      'Produits constatés d’avance au 31/12/2025 – Prestations de services – ACI fonctionnement'
    )
    expect(c.parCompte.map((a) => [a.compte, a.produit.toFixed(2)])).toEqual([
      ['706100', '60000.00'],
      ['706121', '35000.00'],
      ['706122', '35000.00'],
    ])
    expect(
      produitsConstatesDAvance(contract, '2025-12-31', { repartition: 'mois' }).toFixed(2)
    ).toBe('23750.00')
  })

  it('in days (the default): 184/365 of the year earned by 31/12/2025', () => {
    // 01/07/2025 → 01/01/2026: 184 days of a 365-day contract year.
    // Fixe: 35 000 × 184/365 = 17 643,835… → 17 643,84; PCA 26 250 − 17 643,84 = 8 606,16.
    // Fonctionnement: 60 000 × 184/365 = 30 246,575… → 30 246,58; PCA 45 000 − 30 246,58 = 14 753,42.
    const c = cutoffOf(contract, fy2025)
    expect(c.lignes.find((l) => l.droit.id === 'a2-fixe-parcours')?.pcaCloture.toFixed(2)).toBe(
      '8606.16'
    )
    expect(c.totaux.pcaCloture.toFixed(2)).toBe('23359.58')
    expect(produitsConstatesDAvance(scheduleOf(contract), '2025-12-31').toFixed(2)).toBe('23359.58')
    expect(c.hypotheses.map((h) => [h.code, h.valeur, h.parDefaut])).toEqual([
      ['repartition_temporelle', 'jours', true],
      ['compensation', 'par_droit', true],
      ['reconnaissance_variable', 'versement', true],
      ['comptes', '706 par enveloppe, 487, 4687', true],
      ['extourne', 'ouverture', true],
    ])
  })

  it('the variable estimated over its year: earned and unpaid at 31/12/2024 → produit à recevoir (4687)', () => {
    // Year-1 variable 35 000, paid 01/09/2025: 184 of its 365 days earned at 31/12/2024 → 17 643,84 to receive.
    const options = { variable: 'periode' } as const
    expect(produitsARecevoir(contract, '2024-12-31', options).toFixed(2)).toBe('17643.84')
    expect(produitsARecevoir(contract, '2024-12-31').toFixed(2)).toBe('0.00')
    const c = cutoffOf(contract, { debut: '2024-01-01', fin: '2024-12-31' }, options)
    const par = c.journal.filter((j) => j.ecriture === 'par')
    expect(par.map((j) => [j.compte, j.debit.toFixed(2), j.credit.toFixed(2)])).toEqual([
      ['4687', '17643.84', '0.00'],
      ['706122', '0.00', '17643.84'],
    ])
    // PCA at 31/12/2024 (days): fonctionnement 60 000 − 30 246,58 = 29 753,42; fixe 26 250 − 17 643,84 = 8 606,16.
    expect(c.totaux.pcaCloture.toFixed(2)).toBe('38359.58')
    expect(c.totaux.produits.toFixed(2)).toBe('65534.26') // 30 246,58 + 17 643,84 × 2
  })

  it('the JSON form: amounts as decimal strings, each line with its payments', () => {
    const json = cutoffJson(cutoffOf(contract, fy2025, { repartition: 'mois' }))
    expect(json.totaux.pcaCloture).toBe('23750.00')
    const line = json.lignes.find((l) => l.droit === 'a1-fixe-parcours')
    expect(line).toMatchObject({
      compte: '706121',
      montant: '35000.00',
      produit: '17500.00',
      encaisse: '8750.00',
      pcaOuverture: '8750.00',
      pcaCloture: '0.00',
      paiements: [
        { id: 'a1-fixe_avance-parcours', date: '2024-07-01', montant: '26250.00' },
        { id: 'a1-fixe_solde-parcours', date: '2025-09-01', montant: '8750.00' },
      ],
    })
    expect(json.journal[0]).toEqual({
      date: '2025-01-01',
      ecriture: 'extourne_pca',
      compte: '487',
      libelle: 'Extourne des produits constatés d’avance au 31/12/2024',
      debit: '38750.00',
      credit: '0.00',
      calcul: 'Total des comptes 706 : 30\u202f000,00\u00a0€ + 8\u202f750,00\u00a0€',
    })
  })
})
