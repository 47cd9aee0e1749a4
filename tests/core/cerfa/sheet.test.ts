// The CERFA sheet as data (charges beside produits, formulas on the budget sheet's table) and its French CSV in whole euros.
import { describe, expect, it } from 'vitest'
import {
  type CerfaCell,
  cerfaSheet,
  cerfaTable,
  cerfaToCsv,
  parseBudget,
  sheetGrid,
} from '../../../shared'
import budgetAvenant2 from '../../budget/fixtures/cpts-taille-2-aci-avenant-2.json'
import budgetRealise from '../../budget/fixtures/cpts-taille-2-aci-avenant-2-realise.json'

const formulaOf = (cell: CerfaCell | undefined) =>
  typeof cell === 'object' && cell !== null ? cell.formula : undefined
const shownOf = (cell: CerfaCell | undefined) =>
  typeof cell === 'object' && cell !== null ? cell.value : cell

/** The grid row whose cell in `column` is `label`. */
function rowOf(grid: CerfaCell[][], column: number, label: string): CerfaCell[] {
  const row = grid.find((r) => r[column] === label)
  if (row === undefined) throw new Error(`pas de ligne ${label}`)
  return row
}

describe('the CERFA 12156 sheet', () => {
  const table = cerfaTable(parseBudget(budgetAvenant2), '12156')
  const grid = sheetGrid(cerfaSheet(table, { budgetTable: 'Budget_2025' }))

  it('lays charges on the left and produits on the right, under the form’s headers', () => {
    expect(grid[3]).toEqual(['Charges', 'Montant', null, 'Produits', 'Montant'])
    expect(grid[4]?.[0]).toBe('60 – Achats')
    expect(grid[4]?.[3]).toBe(
      '70 – Vente de produits finis, de marchandises, prestations de services'
    )
    expect(rowOf(grid, 3, '    Intercommunalité(s) EPCI')[4]).toBe(5000)
  })

  it('writes the amounts as SUMIFS over the budget table, with the value they give', () => {
    const achats = rowOf(grid, 0, '60 – Achats')[1]
    expect(formulaOf(achats)).toBe('=SUMIFS(Budget_2025[Montant],Budget_2025[Compte],"60*")')
    expect(shownOf(achats)).toBe(22200)
    const vente = rowOf(
      grid,
      3,
      '70 – Vente de produits finis, de marchandises, prestations de services'
    )[4]
    expect(formulaOf(vente)).toBe(
      '=SUMIFS(Budget_2025[Montant],Budget_2025[Compte],"70*")+SUMIFS(Budget_2025[Montant],Budget_2025[Compte],"74*",Budget_2025[Financeur],"ACI (Assurance Maladie)")'
    )
    expect(formulaOf(rowOf(grid, 3, '    Organismes sociaux')[4])).toBe(
      '=SUMIFS(Budget_2025[Montant],Budget_2025[Compte],"74*",Budget_2025[Financeur],"Assurance Maladie hors ACI")'
    )
    // « À préciser » is what the other rows leave of 74: the detail always adds up to the chapter.
    expect(formulaOf(rowOf(grid, 3, '    Financeur à préciser')[4])).toMatch(
      /^=E\d+-SUM\(E\d+(,E\d+){9}\)$/
    )
    const totals = rowOf(grid, 0, 'Total des charges')
    expect(formulaOf(totals[1])).toBe('=SUM(B5,B6,B7,B8,B9,B10,B11,B12,B13)')
    expect(shownOf(totals[1])).toBe(265763.33)
    expect(shownOf(rowOf(grid, 0, 'Excédent (produits − charges)')[1])).toBe(33636.67)
  })

  it('takes a project’s column of the budget table', () => {
    const project = sheetGrid(
      cerfaSheet(cerfaTable(parseBudget(budgetAvenant2), '12156', { section: 'prevention' }), {
        budgetTable: 'Budget_2025',
      })
    )
    expect(formulaOf(rowOf(project, 0, '64 – Charges de personnel')[1])).toBe(
      '=SUMIFS(Budget_2025[Prévention],Budget_2025[Compte],"64*")'
    )
  })

  it('exports a French CSV: BOM, semicolons, whole euros that still add up', () => {
    const csv = cerfaToCsv(table)
    expect(
      csv.startsWith(
        '\ufeffCERFA n° 12156*06 — Budget prévisionnel — Association — CPTS des Deux Rives;'
      )
    ).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    // 64: 105 733,33 → 105 733; the charges 265 763,33 → 265 763, still the sum of their rows.
    expect(lines).toContain('64 – Charges de personnel;105733;;"    Région(s)";0')
    expect(lines).toContain('Total des charges;265763;;Total des produits;299400')
    expect(lines).toContain(
      'Excédent (produits − charges);33637;;Insuffisance (charges − produits);0'
    )
    const withCents = cerfaToCsv(table, { centimes: true })
    expect(withCents).toContain('Total des charges;265763,33;')
  })
})

describe('the CERFA 15059 sheet', () => {
  it('has planned, actual, gap, whether to explain and the explanation, on both sides', () => {
    const table = cerfaTable(parseBudget(budgetRealise), '15059', { seuilEcart: '5' })
    const grid = sheetGrid(cerfaSheet(table, { budgetTable: 'Budget_2025' }))
    expect(grid[3]).toEqual([
      'Charges',
      'Prévu',
      'Réalisé',
      'Écart',
      'À expliquer',
      'Explication de l’écart',
      null,
      'Produits',
      'Prévu',
      'Réalisé',
      'Écart',
      'À expliquer',
      'Explication de l’écart',
    ])
    const services = rowOf(grid, 0, '61 – Services extérieurs')
    expect(formulaOf(services[2])).toBe('=SUMIFS(Budget_2025[Réalisé],Budget_2025[Compte],"61*")')
    expect(shownOf(services[2])).toBe(16550)
    expect(formulaOf(services[3])).toBe('=C6-B6')
    expect(shownOf(services[3])).toBe(-1500)
    expect(formulaOf(services[4])).toBe('=IF(OR(AND(B6=0,C6<>0),ABS(C6-B6)>0.05*ABS(B6)),"oui","")')
    expect(shownOf(services[4])).toBe('oui')
    expect(services[5]).toBeNull()
  })
})
