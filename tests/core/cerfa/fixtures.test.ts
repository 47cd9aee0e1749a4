// The CERFA tables of the fixture budgets, chapter by chapter, against sums done by hand from the fixtures' lines.
import { describe, expect, it } from 'vitest'
import { type CerfaTable, cerfaTable, checkBudget, parseBudget } from '../../../shared'
import budget2019 from '../../budget/fixtures/cpts-taille-2-aci-2019.json'
import budgetAvenant2 from '../../budget/fixtures/cpts-taille-2-aci-avenant-2.json'
import budgetRealise from '../../budget/fixtures/cpts-taille-2-aci-avenant-2-realise.json'

/** Each row's planned amount by code, the rows with nothing left out. */
function amounts(table: CerfaTable): Record<string, string> {
  const out: Record<string, string> = {}
  for (const l of table.lignes) if (l.montant !== '0.00') out[l.code] = l.montant
  return out
}

describe('CERFA 12156 of the fixture budgets, by hand', () => {
  it('CPTS des Deux Rives, 2025 (avenant 2): the association', () => {
    const table = cerfaTable(parseBudget(budgetAvenant2), '12156')
    expect(amounts(table)).toEqual({
      // 6064 1 200 + 604 6 000 + 604 15 000
      '60': '22200.00',
      // 6132 9 600 + 616 950 + 6185 4 500 + 6185 3 000
      '61': '18050.00',
      // 6226 6 500 + 626 2 880 + 6228 (12 000 + 38 000 + 43 000 + 9 000) + 6251 3 000 + 623 3 600 + 6257 1 800
      '62': '119780.00',
      // 6411 42 000 + 645 18 900 + 6411 30 000 + 645 13 500 + 6413 1 333,33
      '64': '105733.33',
      // 70611 60 000 + 70621 94 000 + 70631 61 250 + 70641 30 000 + 70651 17 500 + 70661 11 250
      '70': '274000.00',
      // 741 FIR 15 000 + 741 communauté de communes 5 000
      '74': '20000.00',
      '74.autres_etablissements_publics': '15000.00',
      '74.intercommunalite': '5000.00',
      // 7551 3 000 + 7561 2 400
      '75': '5400.00',
      // 864 10 000 + 8611 2 400; 875 10 000 + 871 2 400
      '86': '12400.00',
      '86.benevoles': '10000.00',
      '86.mise_a_disposition': '2400.00',
      '87': '12400.00',
      '87.benevolat': '10000.00',
      '87.prestations': '2400.00',
    })
    expect(table.totaux).toEqual({
      charges: '265763.33',
      produits: '299400.00',
      ecart: '33636.67',
      emplois: '12400.00',
      contributions: '12400.00',
    })
    expect(table.equilibre).toMatchObject({
      equilibre: false,
      excedent: '33636.67',
      insuffisance: null,
    })
    // The form's rows are there even when empty, in its order.
    expect(table.lignes.filter((l) => l.niveau === 'chapitre').map((l) => l.chapitre)).toEqual([
      '60',
      '61',
      '62',
      '63',
      '64',
      '65',
      '66',
      '67',
      '68',
      '70',
      '73',
      '74',
      '75',
      '76',
      '77',
      '78',
      '86',
      '87',
    ])
    expect(table.lignes.find((l) => l.code === '74.intercommunalite')?.parLibelle).toBe(true)
  })

  it('CPTS du Pays des Trois Vallées, 2021 (ACI 2019): ACI booked in 74 shown in 70, 79 on a row of its own', () => {
    const table = cerfaTable(parseBudget(budget2019), '12156')
    expect(amounts(table)).toEqual({
      '60': '8000.00', // 604
      '61': '13200.00', // 6132 6 000 + 6125 7 200
      '62': '87200.00', // 6226 4 800 + 6228 45 000 + 6228 30 000 + 6251 2 400 + 623 5 000
      '64': '52200.00', // 6411 36 000 + 645 16 200
      '70': '225250.00', // 7408, funded by the ACI
      '74': '10000.00', // 748, conseil départemental
      '74.departement': '10000.00',
      '75': '3800.00', // 7561 1 800 + 7551 2 000
      '78': '12000.00', // 7894
      '79': '1500.00', // 791
    })
    expect(table.totaux).toMatchObject({
      charges: '160600.00',
      produits: '252550.00',
      ecart: '91950.00',
    })
    const row79 = table.lignes.find((l) => l.code === '79')
    expect(row79).toMatchObject({ source: 'aci_cpts', libelle: 'Transferts de charges' })
    expect(table.avertissements.join('\n')).toMatch(/Financement ACI.*présenté en 70/)
    expect(table.avertissements.join('\n')).toMatch(/Chapitre 79/)
  })

  it('the prevention project of the Deux Rives takes each line’s share in that section only', () => {
    const budget = parseBudget(budgetAvenant2)
    const table = cerfaTable(budget, '12156', { section: 'prevention' })
    expect(table.perimetre).toBe('Prévention')
    expect(amounts(table)).toEqual({
      // 6411 42 000 × 10 % + 645 18 900 × 10 % + 6411 30 000 × 40 % + 645 13 500 × 40 %
      '64': '23490.00',
      // 6228 9 000 + 6251 3 000 × 20 % + 623 2 400 (of 3 600)
      '62': '12000.00',
      '70': '30000.00', // 70641
    })
    expect(table.equilibre).toMatchObject({ excedent: null, insuffisance: '5490.00' })
    // The same charges as the check's prevention section.
    const report = checkBudget(budget)
    expect(report.sections.find((s) => s.section === 'prevention')?.charges).toBe(
      table.totaux.charges
    )
  })
})

describe('CERFA 15059 of the budget with actuals', () => {
  it('planned, actual and gap per chapter; the gaps above the threshold to explain', () => {
    const budget = parseBudget(budgetRealise)
    const table = cerfaTable(budget, '15059', { seuilEcart: '5' })
    const row = (code: string) => table.lignes.find((l) => l.code === code)
    // 60: 6064 987,45 + 604 6 000 + 604 14 250 against 22 200 planned: −4,3 %, under 5 %.
    expect(row('60')).toMatchObject({
      montant: '22200.00',
      realise: '21237.45',
      ecart: '-962.55',
      aExpliquer: false,
      explication: '',
    })
    // 61: the evening trainings cost 3 000 instead of 4 500: −1 500 of 18 050, −8,3 %.
    expect(row('61')).toMatchObject({ realise: '16550.00', ecart: '-1500.00', aExpliquer: true })
    // 62: 6226 6 800 + 626 3 120 + 6228 (10 000 + 36 000 + 47 500 + 7 200) + 6251 3 417,50 + 623 3 600 + 6257 (1 800 + 850)
    expect(row('62')).toMatchObject({ realise: '120287.50', aExpliquer: false })
    expect(table.totauxRealises).toMatchObject({ charges: '260183.28', produits: '299250.00' })
    expect(table.seuilEcart).toBe('5')
    expect(cerfaTable(budget, '15059').lignes.find((l) => l.code === '61')?.aExpliquer).toBe(false)
  })

  it('is refused for a budget without actuals, and for a threshold that is not a percentage', () => {
    expect(() => cerfaTable(parseBudget(budgetAvenant2), '15059')).toThrow(
      /aucune ligne du budget n’a de montant réalisé/
    )
    expect(() => cerfaTable(parseBudget(budgetRealise), '15059', { seuilEcart: '120' })).toThrow(
      /seuilEcart/
    )
  })
})
