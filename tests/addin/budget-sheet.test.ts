// The budget sheet written to a workbook and read back: the same budget, the same check, nothing of the user's replaced.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { failureNotice } from '../../addin/taskpane/actions/notice'
import { budgetSheetPlan } from '../../addin/taskpane/sheets/budget-plan'
import { BudgetSheetError } from '../../addin/taskpane/sheets/budget-read'
import {
  listBudgets,
  readBudgetSheet,
  writeBudget,
  writeControl,
} from '../../addin/taskpane/sheets/budget-workbook'
import { MemoryWorkbook } from '../../addin/taskpane/workbook/memory-workbook'
import { OfficeWorkbook } from '../../addin/taskpane/workbook/office-workbook'
import { isFormula, type SheetPlan } from '../../addin/taskpane/workbook/plan'
import {
  BUNDLED_TABLE_FILES,
  type BudgetDocument,
  budgetFromJson,
  bundledCatalog,
  Catalog,
  checkBudget,
  loadRateTable,
} from '../../shared'
import { FakeExcel } from './support/office/fake-excel'

const fixture = (name: string): BudgetDocument =>
  budgetFromJson(readFileSync(new URL(`../budget/fixtures/${name}.json`, import.meta.url), 'utf8'))

const avenant2 = () => fixture('cpts-taille-2-aci-avenant-2')
const table = bundledCatalog().byVersionId('aci-avenant-2')
const TODAY = '2026-11-23'

function plan(
  doc: BudgetDocument,
  names = { sheets: [] as string[], tables: [] as string[] }
): SheetPlan {
  return budgetSheetPlan({ doc, table, today: TODAY }, names)
}

describe('the budget sheet plan', () => {
  it('names the sheet after the financial year and finds a free name beside the user’s sheets', () => {
    const doc = avenant2()
    expect(plan(doc).name).toBe('Budget 2025')
    const taken = plan(doc, { sheets: ['budget 2025', 'Budget 2025 (2)'], tables: ['Budget_2025'] })
    expect(taken.name).toBe('Budget 2025 (3)')
    expect(taken.tables.map((t) => t.name)).toEqual([
      'Budget_2025_2',
      'Enveloppes_2025_2',
      'Profil_2025_2',
    ])
  })

  it('writes the envelopes as ACI.* formulas on the profile’s cells, with the core’s values', () => {
    const p = plan(avenant2())
    const env = p.tables.find((t) => t.name === 'Enveloppes_2025')
    expect(env?.columns.map((c) => c.header)).toEqual([
      'Section',
      'Code',
      'Démarrage',
      'Taux attendu',
      'Phase',
      'Volet fixe',
      'Volet variable',
      'Enveloppe',
      'Charges prévues',
      'Écart',
    ])
    const fonctionnement = env?.rows[0]
    const acces = env?.rows[1]
    // taille 2 under avenant 2: fonctionnement 60 000; accès fixe 70 000, variable 30 000 × 80 %.
    expect(fonctionnement?.[5]).toMatchObject({
      formula: expect.stringMatching(/^=ACI\.FONCTIONNEMENT\(\$[A-Z]+\$\d+,\$[A-Z]+\$\d+\)$/),
      value: 60000,
    })
    expect(acces?.[1]).toBe('acces')
    expect(acces?.[3]).toBe(0.8)
    expect(acces?.[5]).toMatchObject({
      formula: expect.stringMatching(/^=ACI\.FIXE\(\[@Code\],/),
      value: 70000,
    })
    expect(acces?.[6]).toMatchObject({
      formula: expect.stringMatching(/^=ACI\.VARIABLE\(\[@Code\],/),
      value: 24000,
    })
    expect(acces?.[7]).toMatchObject({ value: 94000 })
    const crise = env?.rows.find((r) => r[1] === 'crise')
    expect(crise?.[4]).toBe('mise à jour')
    expect(crise?.[5]).toMatchObject({ value: 17500 })
  })

  it('formats money as # ##0,00 €, freezes the header and highlights overruns', () => {
    const p = plan(avenant2())
    const budget = p.tables[0]
    expect(budget?.columns.find((c) => c.header === 'Montant')?.format).toBe('#,##0.00 "€"')
    expect(budget?.columns.find((c) => c.header === 'Compte')?.validation).toMatchObject({
      kind: 'list',
    })
    expect(budget?.columns.find((c) => c.header === 'Financeur')?.validation).toMatchObject({
      kind: 'list',
    })
    expect(p.freezeRows).toBe(4)
    expect(p.highlights.length).toBe(2)
  })

  it('starts a new budget from a CPTS’s typical lines, its ACI income what the fiscal year earns', () => {
    const doc = avenant2()
    const p = plan({ profil: doc.profil, lignes: [] })
    const rows = p.tables[0]?.rows ?? []
    expect(rows.map((r) => r[0])).toContain('6411')
    // The cut-off's sub-accounts: 706100 fonctionnement, 706111 accès fixe, 706112 accès variable.
    // Fiscal year 2025, contract signed 1 March 2023: 59 days of year 2 and 306 of year 3 (365 each).
    const fonctionnement = rows.find((r) => r[0] === '706100')
    expect(fonctionnement?.[1]).toBe('ACI – fonctionnement (part de l’exercice)')
    // 60 000 × 59/365 + 60 000 × 306/365 = 9 698,63 + 50 301,37
    expect(fonctionnement?.[3]).toBe(60000)
    const fixe = rows.find((r) => r[0] === '706111')
    expect(fixe?.[1]).toBe('ACI – accès aux soins, volet fixe (part de l’exercice)')
    // 70 000 × 59/365 + 70 000 × 306/365
    expect(fixe?.[3]).toBe(70000)
    // Year 2's variable, 30 000 × 80 %, paid (and earned) in 2025; year 3's after it.
    expect(rows.find((r) => r[0] === '706112')?.[3]).toBe(24000)
    // Accompagnement from 1 March 2025: 7 500 × 306/365 = 6 287,67.
    expect(rows.find((r) => r[0] === '706161')?.[3]).toBe(6287.67)
    const aci = rows.filter((r) => String(r[0]).startsWith('706'))
    const total = aci.reduce((a, r) => a + Math.round(Number(r[3]) * 100), 0)
    expect(total).toBe(27186643) // produitsAciExercice 271 866,43 €, the cut-off's 706 total
  })

  it('keeps the envelopes as formulas when the profile’s contract cannot be computed', () => {
    const doc = avenant2()
    // A mission starting before the contract is signed: the contract is refused, the envelopes stay.
    const profil = {
      ...doc.profil,
      missions: doc.profil.missions.map((m) =>
        m.mission === 'acces' ? { ...m, debut: '2020-01-01' } : m
      ),
    }
    const p = plan({ profil, lignes: [] })
    const rows = p.tables[0]?.rows ?? []
    const fixe = rows.find((r) => r[0] === '706111')
    expect(fixe?.[1]).toBe('ACI – accès aux soins, volet fixe')
    expect(isFormula(fixe?.[3] ?? null)).toBe(true)
    expect(fixe?.[3]).toMatchObject({ value: 70000 })
  })
})

describe('written to the in-memory workbook and read back', () => {
  for (const name of [
    'cpts-taille-2-aci-2019',
    'cpts-taille-2-aci-avenant-2',
    'cpts-taille-2-aci-avenant-2-realise',
  ]) {
    it(`${name}: the check of the sheet equals the check of the file, section by section`, async () => {
      const doc = fixture(name)
      const workbook = new MemoryWorkbook(['Feuil1'])
      const ref = await writeBudget(
        workbook,
        doc,
        bundledCatalog().inForceOn(doc.profil.signature),
        TODAY
      )
      const year = doc.profil.exercice.debut.slice(0, 4)
      expect(ref).toEqual({ key: year, sheet: `Budget ${year}` })
      const back = await readBudgetSheet(workbook, ref.key)
      // The sheet computes the taille from the population (=ACI.TAILLE): the file's taille is not kept beside it.
      const { taille, ...profil } = doc.profil
      expect(back.profil).toEqual(doc.profil.population === undefined ? doc.profil : profil)
      expect(taille ?? 2).toBe(2)
      expect(
        back.lignes.map((l) => [l.compte, l.libelle, l.montant, l.financeur, l.beneficiaire])
      ).toEqual(
        doc.lignes.map((l) => [l.compte, l.libelle, l.montant, l.financeur, l.beneficiaire])
      )
      const before = checkBudget(doc)
      const after = checkBudget(back)
      expect(after.sections).toEqual(before.sections)
      expect(after.totaux).toEqual(before.totaux)
    })
  }

  it('never replaces a sheet: a second budget of the same year gets its own sheet and tables', async () => {
    const doc = avenant2()
    const workbook = new MemoryWorkbook(['Budget 2025'])
    const first = await writeBudget(workbook, doc, table, TODAY)
    const second = await writeBudget(workbook, doc, table, TODAY)
    expect([first.sheet, second.sheet]).toEqual(['Budget 2025 (2)', 'Budget 2025 (3)'])
    expect(await listBudgets(workbook)).toEqual([
      { key: '2025', sheet: 'Budget 2025 (2)' },
      { key: '2025_2', sheet: 'Budget 2025 (3)' },
    ])
  })

  it('reads an amount typed in the preview, and names the row of a bad one in French', async () => {
    const doc = avenant2()
    const workbook = new MemoryWorkbook()
    const ref = await writeBudget(workbook, { profil: doc.profil, lignes: [] }, table, TODAY)
    const sheet = workbook.sheets[0]
    if (sheet === undefined) throw new Error('no sheet')
    // Row 5 of the sheet is the first line (6411); column D is Montant, E Fonctionnement.
    workbook.setCell(ref.sheet, 4, 3, 42000)
    workbook.setCell(ref.sheet, 4, 4, 42000)
    const back = await readBudgetSheet(workbook, ref.key)
    expect(back.lignes[0]).toMatchObject({
      compte: '6411',
      montant: '42000.00',
      repartition: {
        mode: 'montants',
        parts: [{ section: 'fonctionnement', montant: '42000.00' }],
      },
    })
    // A line still at 0 says nothing and is left out; with an amount, its bad account is named.
    workbook.setCell(ref.sheet, 5, 0, '999')
    const read = await readBudgetSheet(workbook, ref.key)
    expect(read.lignes.map((l) => l.compte)).not.toContain('999')
    expect(read.lignes.map((l) => l.compte)).not.toContain('645')
    workbook.setCell(ref.sheet, 5, 3, 1000)
    await expect(readBudgetSheet(workbook, ref.key)).rejects.toThrow(
      /^Une cellule à corriger dans la feuille « Budget 2025 » : Budget 2025 !A6 \(« Compte »\) : /
    )
  })

  it('names every bad cell at once by its sheet and address (D19), not by the table’s row', async () => {
    const doc = avenant2()
    const workbook = new MemoryWorkbook()
    const ref = await writeBudget(workbook, { profil: doc.profil, lignes: [] }, table, TODAY)
    // The first use: « 1 2OO » (letters O) in D19 and E19 (623), « 2 000 € » in D17 and E17
    // (6251, right), and a third bad amount higher up, in G15 (616).
    workbook.setCell(ref.sheet, 18, 3, '1 2OO')
    workbook.setCell(ref.sheet, 18, 4, '1 2OO')
    workbook.setCell(ref.sheet, 16, 3, '2 000 €')
    workbook.setCell(ref.sheet, 16, 4, '2 000 €')
    workbook.setCell(ref.sheet, 14, 3, 500)
    workbook.setCell(ref.sheet, 14, 6, 'cinq cents')
    const error = await readBudgetSheet(workbook, ref.key).then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(BudgetSheetError)
    expect((error as BudgetSheetError).problems).toEqual([
      'Budget 2025 !G15 (« Parcours pluriprofessionnels ») : montant attendu (un nombre, par exemple 1 200,50), lu "cinq cents".',
      'Budget 2025 !D19 (« Montant ») : montant attendu (un nombre, par exemple 1 200,50), lu "1 2OO".',
      'Budget 2025 !E19 (« Fonctionnement ») : montant attendu (un nombre, par exemple 1 200,50), lu "1 2OO".',
    ])
    expect((error as Error).message).toBe('3 cellules à corriger dans la feuille « Budget 2025 » :')
    // The failure notice lists them, one item each.
    expect(failureNotice('Contrôle', error)).toEqual({
      intent: 'error',
      title: 'Contrôle : échec',
      text: '3 cellules à corriger dans la feuille « Budget 2025 » :',
      items: (error as BudgetSheetError).problems,
    })
    // Corrected, the sheet reads, « 2 000 € » included.
    workbook.setCell(ref.sheet, 18, 3, 1200)
    workbook.setCell(ref.sheet, 18, 4, 1200)
    workbook.setCell(ref.sheet, 14, 6, 500)
    const back = await readBudgetSheet(workbook, ref.key)
    const charges = back.lignes.filter((l) => l.compte.startsWith('6'))
    expect(charges.map((l) => [l.compte, l.montant])).toEqual([
      ['616', '500.00'],
      ['6251', '2000.00'],
      ['623', '1200.00'],
    ])
  })

  it('writes the control sheet with the report, its findings and a chart', async () => {
    const doc = avenant2()
    const workbook = new MemoryWorkbook()
    await writeBudget(workbook, doc, table, TODAY)
    const report = checkBudget(doc)
    const { sheet: name } = await writeControl(
      workbook,
      { report, origin: 'local', note: null },
      { sheet: 'Budget 2025' },
      TODAY
    )
    expect(name).toBe('Contrôle 2025')
    const control = workbook.sheets.find((s) => s.name === name)?.plan
    expect(control?.charts).toHaveLength(1)
    const findings = control?.tables.find((t) => t.name === 'Constats_2025')
    expect(findings?.rows).toHaveLength(report.findings.length)
    const sections = control?.tables.find((t) => t.name === 'Controle_2025')
    expect(sections?.rows[0]?.slice(0, 3)).toEqual(['Fonctionnement', 60000, expect.any(Number)])
  })
})

describe('written to Excel through Office.js (a recording stand-in)', () => {
  it('writes a budget sheet of 10 or of 500 lines in the same two round trips, and reads it back in two', async () => {
    const counts: number[] = []
    for (const size of [10, 500]) {
      const base = avenant2()
      const lignes = Array.from({ length: size }, (_, i) => ({
        ...(base.lignes[i % base.lignes.length] as BudgetDocument['lignes'][number]),
        libelle: `Ligne ${i + 1}`,
      }))
      const excel = new FakeExcel({ sheets: ['Feuil1', 'Budget 2025'] })
      const workbook = new OfficeWorkbook(excel.run)
      const ref = await writeBudget(workbook, { ...base, lignes }, table, TODAY)
      expect(ref.sheet).toBe('Budget 2025 (2)')
      counts.push(excel.syncs)
      const before = excel.syncs
      const tables = await workbook.listTables()
      expect(tables.map((t) => t.name)).toEqual(['Budget_2025', 'Enveloppes_2025', 'Profil_2025'])
      expect(excel.syncs - before).toBe(1)
    }
    expect(counts).toEqual([2, 2])
  })
})

describe('with a rate table downloaded after the build', () => {
  // The next avenant as the service would publish it: the avenant 2 grid under a new id and date.
  const next = loadRateTable({
    ...(structuredClone(BUNDLED_TABLE_FILES[1]) as Record<string, unknown>),
    id: 'aci-avenant-3',
    title: 'Avenant 3 (essai)',
    effectiveDate: '2026-06-01',
  })
  const catalog = new Catalog([...bundledCatalog().tables, next])

  it('writes, reads back and checks a contract signed under it, offline, with the pane’s catalog', async () => {
    const base = avenant2()
    const profil = {
      ...base.profil,
      signature: '2026-07-01',
      exercice: { debut: '2026-07-01', fin: '2027-06-30' },
    }
    const missions = profil.missions.map((m) => ({ ...m, debut: '2026-07-01' }))
    const doc = { profil: { ...profil, missions }, lignes: base.lignes }
    const workbook = new MemoryWorkbook()
    const ref = await writeBudget(workbook, doc, next, TODAY)
    const back = await readBudgetSheet(workbook, ref.key, catalog)
    // In force at signature in the pane's catalog: no version written into the budget.
    expect(back.profil.version).toBeUndefined()
    expect(checkBudget(back, { catalog }).references.bareme.id).toBe('aci-avenant-3')
    // The build's tables alone do not know it, and say so.
    await expect(readBudgetSheet(workbook, ref.key)).rejects.toThrow(
      /version « aci-avenant-3 » inconnue/
    )
  })
})
