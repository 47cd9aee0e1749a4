// One reader of budgets from rows of cells: a CSV and a sheet holding the same budget read back to the same Budget, Excel's values and French text alike.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readBudgetSheet, writeBudget } from '../../addin/taskpane/sheets/budget-workbook'
import { MemoryWorkbook } from '../../addin/taskpane/workbook/memory-workbook'
import {
  AciError,
  type BudgetRows,
  budgetFromCsv,
  budgetFromRows,
  budgetToCsv,
  bundledCatalog,
  isBudget,
  parseBudget,
  type RowsEdge,
} from '../../shared'
import { financeurOf, fromAmount, fromPercent } from '../../shared/budget/cells'
import { FINANCEUR_LABELS, FINANCEURS } from '../../shared/budget/financeurs'
import { errorOf } from './support/budgets'

/** A budget both forms can hold: splits by amounts, actuals, a funder, a beneficiary, thresholds. */
const budget = () =>
  parseBudget({
    profil: {
      nom: 'CPTS des Rives',
      taille: 2,
      signature: '2023-03-01',
      exercice: { debut: '2025-01-01', fin: '2025-12-31' },
      missions: [
        { mission: 'acces', debut: '2023-03-01', taux: '0.8' },
        { mission: 'parcours', debut: '2024-09-15' },
        { mission: 'crise', debut: '2023-03-01', taux: '0', phase: 'mise_a_jour' },
      ],
      seuils: { thesaurisation: '10', pass: '90' },
    },
    lignes: [
      {
        compte: '6411',
        libelle: 'Salaire de la coordinatrice',
        montant: '42000.00',
        realise: '39500.50',
        repartition: {
          mode: 'montants',
          parts: [
            { section: 'fonctionnement', montant: '30000.00' },
            { section: 'acces', montant: '12000.00' },
          ],
        },
        repartitionRealise: {
          mode: 'montants',
          parts: [
            { section: 'fonctionnement', montant: '29500.50' },
            { section: 'acces', montant: '10000.00' },
          ],
        },
      },
      {
        compte: '6226',
        libelle: 'Indemnités de coordination',
        montant: '1234.56',
        beneficiaire: 'Dr Anne Martin',
        repartition: { mode: 'montants', parts: [{ section: 'parcours', montant: '1234.56' }] },
      },
      { compte: '706', libelle: 'Financement ACI', montant: '150000.00', financeur: 'aci' },
    ],
  })

const table = bundledCatalog().byVersionId('aci-avenant-2')

describe('a budget as rows of cells', () => {
  it('a CSV and a sheet holding the same budget read back to the same Budget', async () => {
    const doc = budget()
    const fromCsv = budgetFromCsv(budgetToCsv(doc))
    const workbook = new MemoryWorkbook()
    const ref = await writeBudget(workbook, doc, table, '2026-11-23')
    const fromSheet = await readBudgetSheet(workbook, ref.key)
    expect(fromSheet).toEqual(fromCsv)
    expect(fromCsv).toEqual(doc)
    expect(isBudget(fromCsv)).toBe(true)
    expect(isBudget(fromSheet)).toBe(true)
  })

  it('a bad account is said at its CSV line, and at its row of the sheet', async () => {
    const doc = budget()
    const csv = budgetToCsv(doc).replace('\r\n6226;', '\r\n512;')
    expect(errorOf(() => budgetFromCsv(csv)).message).toMatch(
      /^ligne 21 du fichier CSV, lignes\[1\]\.compte : compte attendu/
    )
    const workbook = new MemoryWorkbook()
    const ref = await writeBudget(workbook, doc, table, '2026-11-23')
    // Row 5 of the sheet is the first line; the second line's account is typed over.
    workbook.setCell(ref.sheet, 5, 0, '512')
    // Said at its address on the sheet (row index 5 is Excel's row 6), as the treasurer sees it.
    await expect(readBudgetSheet(workbook, ref.key)).rejects.toThrow(
      /Budget 2025 !A6 \(« Compte »\) : compte attendu/
    )
  })

  const edge: RowsEdge = {
    cellError: (place, message) =>
      new AciError('budget_invalide', `${place.block} ${place.at} ${place.column} : ${message}`),
    rowError: (error, place) =>
      new AciError(error.code, `${place.block} ${place.at} : ${error.message}`, error.argument),
  }

  /** The same budget typed as Excel holds it: numbers, a date serial, 80 % as 0.8, thresholds as fractions. */
  const excelRows = (montant: string | number | boolean): BudgetRows => ({
    profil: [
      { at: 1, cells: ['Nom de la CPTS', 'CPTS des Rives'] },
      { at: 2, cells: ['Taille', 2] },
      { at: 3, cells: ['Signature du contrat', 44986] },
      { at: 4, cells: ['Début de l’exercice', '01/01/2025'] },
      { at: 5, cells: ['Fin de l’exercice', '2025-12-31'] },
      { at: 6, cells: ['Alerte PASS (% du plafond)', 0.9] },
    ],
    missions: {
      header: { at: 0, cells: ['Code', 'Démarrage', 'Taux attendu', 'Phase'] },
      rows: [
        { at: 1, cells: ['Accès aux soins', 44986, 0.8, null] },
        { at: 2, cells: ['crise', '01/03/2023', '0 %', 'Mise à jour'] },
      ],
    },
    lignes: {
      header: { at: 0, cells: ['Compte', 'Libellé', 'Montant', 'Fonctionnement', 'Financeur'] },
      rows: [
        { at: 1, cells: ['6411', 'Salaire', montant, 0.1 + 0.2, null] },
        { at: 2, cells: [706, 'ACI', '1 000,00 €', null, 'ACI (assurance maladie)'] },
      ],
    },
  })

  it('reads Excel’s values and French text alike', () => {
    const read = budgetFromRows(excelRows(0.3), { edge })
    expect(read.profil).toMatchObject({
      signature: '2023-03-01',
      exercice: { debut: '2025-01-01', fin: '2025-12-31' },
      seuils: { pass: '90' },
      missions: [
        { mission: 'acces', debut: '2023-03-01', taux: '0.8' },
        { mission: 'crise', debut: '2023-03-01', taux: '0', phase: 'mise_a_jour' },
      ],
    })
    expect(read.lignes[0]).toMatchObject({
      montant: '0.30',
      repartition: { mode: 'montants', parts: [{ section: 'fonctionnement', montant: '0.30' }] },
    })
    expect(read.lignes[1]).toMatchObject({ compte: '706', montant: '1000.00', financeur: 'aci' })
  })

  it('reads a funder by the label the files write, by its code, or spelled otherwise; keeps an unknown one for the schema', () => {
    for (const code of FINANCEURS) {
      const label = FINANCEUR_LABELS[code]
      expect(financeurOf(label)).toBe(code)
      expect(financeurOf(code)).toBe(code)
      expect(financeurOf(label.toUpperCase())).toBe(code)
    }
    expect(financeurOf('Collectivite territoriale')).toBe('collectivite')
    expect(financeurOf('aci (assurance maladie)')).toBe('aci')
    expect(financeurOf('Mécène')).toBe('Mécène')
    const rows = excelRows(1)
    const unknown = {
      ...rows,
      lignes: {
        ...rows.lignes,
        rows: [{ at: 2, cells: [706, 'ACI', '1 000,00 €', null, 'Mécène'] }],
      },
    }
    expect(errorOf(() => budgetFromRows(unknown, { edge })).message).toMatch(
      /^lignes 2 : lignes\[0\]\.financeur : /
    )
  })

  it('names the cell no reader can take, and the row of a document error', () => {
    expect(errorOf(() => budgetFromRows(excelRows(true), { edge })).message).toBe(
      'lignes 1 Montant : montant attendu (un nombre), lu true'
    )
    expect(errorOf(() => budgetFromRows(excelRows('douze'), { edge })).message).toMatch(
      /^lignes 1 : lignes\[0\]\.montant : montant attendu/
    )
  })
})

describe('French amounts and percentages in cells', () => {
  // The long way, for every text: group spaces, a trailing € or %, the decimal comma.
  const slow = (cell: string, sign: RegExp) =>
    cell
      .replace(/[ \u00a0\u2009\u202f]/g, '')
      .replace(sign, '')
      .replace(',', '.')

  it('read a bare number ("42000,50") or one with its unit ("40%", "950,06 €") the way they read any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^-?\d{1,9}(,\d{0,4})?$/),
          fc.stringMatching(/^-?\d{1,9}(,\d{0,4})?[ \u00a0\u2009\u202f]{0,2}[%€]{1,2}$/),
          fc.string({ unit: fc.constantFrom('1', '0', ',', '-', ' ', '\u202f', '€', '%', 'a') })
        ),
        (cell) => {
          expect(fromAmount(cell)).toBe(slow(cell, /€$/))
          expect(fromPercent(cell)).toBe(slow(cell, /%$/))
        }
      )
    )
    expect(fromAmount('42 000,50 €')).toBe('42000.50')
    expect(fromAmount('-17,5')).toBe('-17.5')
    expect(fromPercent('33,3333 %')).toBe('33.3333')
    expect(fromPercent('40%')).toBe('40')
    expect(fromPercent('40%%')).toBe('40%')
    expect(fromAmount('950,06\u202f€')).toBe('950.06')
    expect(fromAmount('950,06 %')).toBe('950.06%')
  })
})
