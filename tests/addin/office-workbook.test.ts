// The workbook through Office.js, against a recording stand-in of Excel: what is written where, in two round trips whatever the size.
import { OfficeMockObject } from 'office-addin-mock'
import { describe, expect, it } from 'vitest'
import {
  COLUMN_PADDING_POINTS,
  columnWidthPoints,
  type ExcelRun,
  needsTextPrefix,
  OfficeWorkbook,
  POINTS_PER_CHARACTER,
  structuredColumn,
} from '../../addin/taskpane/workbook/office-workbook'
import type { PlanCell, SheetPlan, TablePlan } from '../../addin/taskpane/workbook/plan'
import type { NamesInUse } from '../../addin/taskpane/workbook/workbook'
import { FakeExcel } from './support/office/fake-excel'

const EUROS = '#,##0.00 "€"'
const SHEET = 'Budget 2026'

function budgetRows(count: number): PlanCell[][] {
  return Array.from({ length: count }, (_, i) => [
    i % 2 === 0 ? '6226' : '706',
    i === 0 ? '= honoraires du comptable' : `Ligne ${i + 1}`,
    100 + i,
    { formula: '=[@Montant]-[@Affecté]', value: 0 },
  ])
}

/** A budget-like sheet: a title, a note, a block of labels, two tables, a rule, a chart. */
function samplePlan(bodyRows: number, overrides: Partial<SheetPlan> = {}): SheetPlan {
  const budget: TablePlan = {
    name: 'Budget_2026',
    at: 'A8',
    columns: [
      {
        header: 'Compte',
        format: '@',
        width: 10,
        validation: { kind: 'list', source: '=$K$2:$K$40', prompt: 'Compte du plan comptable.' },
      },
      { header: 'Libellé', format: null, width: 40 },
      {
        header: 'Montant',
        format: EUROS,
        width: 15,
        total: 'sum',
        validation: { kind: 'decimal', prompt: 'Montant de la ligne, en euros.' },
      },
      { header: 'Reste', format: EUROS, total: 'sum' },
    ],
    rows: budgetRows(bodyRows),
    showTotals: true,
    style: 'TableStyleMedium2',
  }
  const envelopes: TablePlan = {
    name: 'Enveloppes_2026',
    at: 'F8',
    columns: [
      {
        header: 'Code',
        format: '@',
        total: { label: 'Total' },
        validation: {
          kind: 'list',
          source: ['fonctionnement', 'acces'],
          prompt: 'Code de la section.',
        },
      },
      {
        header: 'Taux',
        format: '0%',
        validation: { kind: 'decimal', min: 0, max: 1, prompt: 'Taux attendu.' },
      },
    ],
    rows: [],
    showTotals: true,
    style: 'TableStyleMedium4',
  }
  return {
    name: SHEET,
    blocks: [
      { at: 'A1', rows: [['Budget prévisionnel 2026']], style: 'title' },
      { at: 'A2', rows: [['-10 % si la mission est en retard']], style: 'note' },
      {
        at: 'A3',
        rows: [
          ['Compte', 'Montant'],
          ['6226', { formula: '=SUM(Budget_2026[Montant])', value: 1200.5 }],
          ['+ produits', null],
        ],
        style: 'label',
        formats: ['@', EUROS],
      },
    ],
    tables: [budget, envelopes],
    highlights: [{ range: 'D9:D18', above: 0, fill: '#FDE7E9', font: '#A4262C' }],
    charts: [{ title: 'Charges par section', source: 'A3:B5', at: 'H1:M15' }],
    freezeRows: 8,
    widths: [12, undefined, 15],
    ...overrides,
  }
}

async function written(plan: SheetPlan, seed: ConstructorParameters<typeof FakeExcel>[0] = {}) {
  const excel = new FakeExcel(seed)
  const name = await new OfficeWorkbook(excel.run).addSheet(() => plan)
  return { excel, name }
}

const at = (range: string) => `${SHEET}!${range}`

describe('OfficeWorkbook.addSheet: what is written where', () => {
  it('adds the sheet with the plan’s name, writes in the second batch, activates it, then freezes its rows', async () => {
    const { excel, name } = await written(samplePlan(10))
    expect(name).toBe(SHEET)
    expect(excel.written('worksheets.add').map((w) => w.value)).toEqual([SHEET])
    expect(excel.writes.every((w) => w.batch === 1)).toBe(true)
    expect(excel.writes.slice(-2)).toMatchObject([
      { target: SHEET, property: 'activate' },
      { target: SHEET, property: 'freezePanes.freezeRows', value: 8 },
    ])
  })

  it('replaces only the sheet it is asked to, in the same two round trips, at its place', async () => {
    const excel = new FakeExcel({
      sheets: ['Feuil1'],
      tables: [
        { name: 'Budget_2025', sheet: 'Budget 2025', at: 'A1', values: [['Compte']] },
        { name: 'Budget_2026', sheet: 'Ancien contrôle', at: 'A1', values: [['Section']] },
      ],
    })
    excel.workbook.worksheets.create('Notes')
    let seen: NamesInUse | undefined
    const name = await new OfficeWorkbook(excel.run).addSheet(
      (names) => {
        seen = names
        return samplePlan(1, { name: 'Ancien contrôle' })
      },
      { replacing: 'Ancien contrôle' }
    )
    expect(name).toBe('Ancien contrôle')
    // Its name and tables are free for the plan; every other sheet and table is still taken.
    expect(seen).toEqual({ sheets: ['Feuil1', 'Budget 2025', 'Notes'], tables: ['Budget_2025'] })
    expect(excel.written('delete').map((w) => w.target)).toEqual(['Ancien contrôle'])
    expect(excel.written('position').map((w) => w.value)).toEqual([2])
    expect(excel.workbook.worksheets.all.map((s) => s.sheetName)).toEqual([
      'Feuil1',
      'Budget 2025',
      'Notes',
      'Ancien contrôle',
    ])
    expect(excel.syncs).toBe(2)
  })

  it('reads only the names of the sheets and tables in the first round trip', async () => {
    const excel = new FakeExcel({
      sheets: ['Feuil1'],
      tables: [{ name: 'Budget_2025', sheet: 'Budget 2025', at: 'A1', values: [['Compte']] }],
    })
    let seen: NamesInUse | undefined
    await new OfficeWorkbook(excel.run).addSheet((names) => {
      seen = names
      return samplePlan(1)
    })
    expect(excel.loads).toEqual([
      { batch: 0, target: 'workbook.worksheets', what: 'items/name' },
      { batch: 0, target: 'workbook.tables', what: 'items/name' },
    ])
    expect(seen).toEqual({ sheets: ['Feuil1', 'Budget 2025'], tables: ['Budget_2025'] })
  })

  it('writes a block as one formulas matrix, texts that Excel would parse kept as text', async () => {
    const { excel } = await written(samplePlan(10))
    expect(excel.writesTo(at('A1')).formulas).toEqual([['Budget prévisionnel 2026']])
    // A label beginning with `-` is not a formula, `6226` is not a number.
    expect(excel.writesTo(at('A2')).formulas).toEqual([["'-10 % si la mission est en retard"]])
    expect(excel.writesTo(at('A3:B5')).formulas).toEqual([
      ['Compte', 'Montant'],
      ["'6226", '=SUM(Budget_2026[Montant])'],
      ["'+ produits", null],
    ])
    expect(excel.writesTo(at('A3:B5')).numberFormat).toEqual([
      ['@', EUROS],
      ['@', EUROS],
      ['@', EUROS],
    ])
  })

  it('styles blocks: title bold 14, note italic grey, label bold', async () => {
    const { excel } = await written(samplePlan(10))
    expect(excel.writesTo(at('A1'))).toMatchObject({
      'format.font.bold': true,
      'format.font.size': 14,
    })
    expect(excel.writesTo(at('A2'))).toMatchObject({
      'format.font.italic': true,
      'format.font.color': '#605E5C',
    })
    expect(excel.writesTo(at('A3:B5'))).toMatchObject({ 'format.font.bold': true })
    expect(excel.writesTo(at('A3:B5'))['format.font.size']).toBeUndefined()
  })

  it('adds every table over its header and constants before writing any formula', async () => {
    const { excel } = await written(samplePlan(10))
    // First the header and the constants (a formula cell left empty)…
    const constants = excel.writesTo(at('A8:D18')).formulas as unknown[][]
    expect(constants).toHaveLength(11)
    expect(constants[0]).toEqual(['Compte', 'Libellé', 'Montant', 'Reste'])
    expect(constants[1]).toEqual(["'6226", "'= honoraires du comptable", 100, ''])
    expect(constants[10]).toEqual(["'706", 'Ligne 10', 109, ''])
    expect(excel.written('tables.add').map((w) => w.value)).toEqual([
      { address: 'A8:D18', hasHeaders: true },
      { address: 'F8:G9', hasHeaders: true },
    ])
    expect(excel.writesTo('table@Budget 2026!A8:D18')).toEqual({
      name: 'Budget_2026',
      style: 'TableStyleMedium2',
      showTotals: true,
    })
    // …then the body with its formulas, once every table exists: structured references
    // (`[@Montant]`, another table's `Budget_2026[…]`) are only valid over existing tables.
    const body = excel.writesTo(at('A9:D18')).formulas as unknown[][]
    expect(body[0]).toEqual(["'6226", "'= honoraires du comptable", 100, '=[@Montant]-[@Affecté]'])
    expect(body[9]).toEqual(["'706", 'Ligne 10', 109, '=[@Montant]-[@Affecté]'])
    const order = excel.writes.map((w) => `${w.property} ${w.target}`)
    const lastTable = Math.max(...order.flatMap((w, i) => (w.startsWith('tables.add') ? [i] : [])))
    const firstFormula = excel.writes.findIndex(
      (write) => write.property === 'formulas' && JSON.stringify(write.value).includes('[@')
    )
    expect(firstFormula).toBeGreaterThan(lastTable)
  })

  it('formats a table’s body by column, in one matrix whatever the number of rows', async () => {
    const { excel } = await written(samplePlan(10))
    const formats = excel.writesTo(at('A9:D18')).numberFormat as unknown[][]
    expect(formats).toHaveLength(10)
    expect(new Set(formats.map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify(['@', 'General', EUROS, EUROS])])
    )
  })

  it('lets a row’s format win over its column’s (a table of parameters)', async () => {
    const params: TablePlan = {
      name: 'Profil_2026',
      at: 'A1',
      columns: [
        { header: 'Paramètre', format: null },
        { header: 'Valeur', format: null },
      ],
      rows: [
        ['Début', 46023],
        ['Taux', 0.75],
      ],
      rowFormats: ['dd/mm/yyyy', '0%'],
      showTotals: false,
      style: 'TableStyleLight9',
    }
    const { excel } = await written(
      samplePlan(1, { blocks: [], tables: [params], highlights: [], charts: [] })
    )
    expect(excel.writesTo(at('A2:B3')).numberFormat).toEqual([
      ['dd/mm/yyyy', 'dd/mm/yyyy'],
      ['0%', '0%'],
    ])
  })

  it('writes the totals row: SUBTOTAL(109) for a sum, the text for a label', async () => {
    const { excel } = await written(samplePlan(10))
    expect(excel.writesTo(at('C19')).formulas).toEqual([['=SUBTOTAL(109,[Montant])']])
    expect(excel.writesTo(at('D19')).formulas).toEqual([['=SUBTOTAL(109,[Reste])']])
    expect(excel.writesTo(at('F10')).formulas).toEqual([['Total']])
    expect(excel.writesTo(at('A19')).formulas).toBeUndefined()
  })

  it('makes an empty table with one empty row', async () => {
    const { excel } = await written(samplePlan(10))
    expect(excel.writesTo(at('F8:G9')).formulas).toEqual([
      ['Code', 'Taux'],
      ['', ''],
    ])
    expect(excel.writesTo('table@Budget 2026!F8:G9')).toMatchObject({
      name: 'Enveloppes_2026',
      showTotals: true,
    })
  })

  it('puts list and decimal validations on the columns’ bodies, with a French prompt and alert', async () => {
    const { excel } = await written(samplePlan(10))
    expect(excel.writesTo(at('A9:A18'))).toEqual({
      'dataValidation.rule': { list: { inCellDropDown: true, source: '=$K$2:$K$40' } },
      'dataValidation.prompt': {
        showPrompt: true,
        title: 'Compte',
        message: 'Compte du plan comptable.',
      },
      'dataValidation.errorAlert': {
        showAlert: true,
        style: 'Stop',
        title: 'Saisie refusée',
        message: 'Compte : Choisissez une valeur de la liste.',
      },
    })
    expect(excel.writesTo(at('C9:C18'))['dataValidation.rule']).toEqual({
      decimal: { formula1: -1e15, formula2: 1e15, operator: 'Between' },
    })
    expect(excel.writesTo(at('F9'))['dataValidation.rule']).toEqual({
      list: { inCellDropDown: true, source: 'fonctionnement,acces' },
    })
    expect(excel.writesTo(at('G9'))).toMatchObject({
      'dataValidation.rule': { decimal: { formula1: 0, formula2: 1, operator: 'Between' } },
      'dataValidation.errorAlert': {
        showAlert: true,
        style: 'Stop',
        title: 'Saisie refusée',
        message: 'Taux : Saisissez un nombre compris entre 0 et 1.',
      },
    })
  })

  it('refuses a list item with a comma before writing anything', async () => {
    const plan = samplePlan(1)
    const [budget, envelopes] = plan.tables as [TablePlan, TablePlan]
    const bad: TablePlan = {
      ...envelopes,
      columns: [
        {
          header: 'Code',
          format: null,
          validation: { kind: 'list', source: ['a,b'], prompt: 'Code.' },
        },
      ],
    }
    const excel = new FakeExcel()
    await expect(
      new OfficeWorkbook(excel.run).addSheet(() => ({ ...plan, tables: [budget, bad] }))
    ).rejects.toThrow(/virgule/)
    expect(excel.writes).toEqual([])
  })

  it('adds the highlight rule, the chart, the frozen rows and the widths in points', async () => {
    const { excel } = await written(samplePlan(10))
    expect(excel.writesTo(at('D9:D18'))).toEqual({
      'conditionalFormats.add': 'CellValue',
      'conditionalFormat.cellValue.format.fill.color': '#FDE7E9',
      'conditionalFormat.cellValue.format.font.color': '#A4262C',
      'conditionalFormat.cellValue.rule': { formula1: '0', operator: 'GreaterThan' },
    })
    expect(excel.writesTo(`chart 1 of ${SHEET}`)).toEqual({
      add: { type: 'ColumnClustered', source: 'A3:B5', seriesBy: 'Columns' },
      'title.text': 'Charges par section',
      setPosition: ['H1', 'M15'],
    })
    expect(excel.written('freezePanes.freezeRows').map((w) => w.value)).toEqual([8])
    const widths = Object.fromEntries(
      excel.written('format.columnWidth').map((w) => [w.target, w.value])
    )
    // The sheet's widths (A, C) win over the tables' columns (A: 10, B: 40, C: 15).
    expect(widths).toEqual({
      [at('A:A')]: columnWidthPoints(12),
      [at('B:B')]: columnWidthPoints(40),
      [at('C:C')]: columnWidthPoints(15),
    })
  })

  it('freezes nothing when the plan freezes no row', async () => {
    const { excel } = await written(samplePlan(3, { freezeRows: 0 }))
    expect(excel.written('freezePanes.freezeRows')).toEqual([])
  })
})

describe('OfficeWorkbook.addSheet: names in use', () => {
  it('throws a French error and writes nothing when the sheet name is taken', async () => {
    const excel = new FakeExcel({ sheets: ['budget 2026'] })
    await expect(new OfficeWorkbook(excel.run).addSheet(() => samplePlan(10))).rejects.toThrow(
      'La feuille « Budget 2026 » existe déjà dans le classeur : elle n’est pas remplacée.'
    )
    expect(excel.writes).toEqual([])
    expect(excel.syncs).toBe(1)
    expect(excel.workbook.worksheets.all.map((s) => s.sheetName)).toEqual(['budget 2026'])
  })

  it('throws a French error and writes nothing when a table name is taken', async () => {
    const excel = new FakeExcel({
      tables: [{ name: 'enveloppes_2026', sheet: 'Ancien', at: 'A1', values: [['Code'], ['']] }],
    })
    await expect(new OfficeWorkbook(excel.run).addSheet(() => samplePlan(10))).rejects.toThrow(
      'Le tableau « Enveloppes_2026 » existe déjà dans le classeur.'
    )
    expect(excel.writes).toEqual([])
    expect(excel.syncs).toBe(1)
  })

  it('refuses a plan naming two of its tables alike', async () => {
    const plan = samplePlan(1)
    const [budget, envelopes] = plan.tables as [TablePlan, TablePlan]
    const excel = new FakeExcel()
    await expect(
      new OfficeWorkbook(excel.run).addSheet(() => ({
        ...plan,
        tables: [budget, { ...envelopes, name: 'BUDGET_2026' }],
      }))
    ).rejects.toThrow('figure deux fois')
    expect(excel.writes).toEqual([])
  })
})

describe('OfficeWorkbook: round trips', () => {
  it('writes a sheet in 2 syncs, with as many API writes, for 10 body rows as for 500', async () => {
    const small = await written(samplePlan(10))
    const large = await written(samplePlan(500))
    expect(small.excel.syncs).toBe(2)
    expect(large.excel.syncs).toBe(2)
    expect(large.excel.writes.length).toBe(small.excel.writes.length)
    expect((large.excel.writesTo(at('A8:D508')).formulas as unknown[][]).length).toBe(501)
  })

  it('lists the tables with their sheets in one sync', async () => {
    const excel = new FakeExcel({
      tables: [
        { name: 'Budget_2025', sheet: 'Budget 2025', at: 'A1', values: [['Compte'], ['']] },
        { name: 'Profil_2025', sheet: 'Budget 2025', at: 'D1', values: [['Clé'], ['']] },
      ],
    })
    const tables = await new OfficeWorkbook(excel.run).listTables()
    expect(tables).toEqual([
      { name: 'Budget_2025', sheet: 'Budget 2025' },
      { name: 'Profil_2025', sheet: 'Budget 2025' },
    ])
    expect(excel.syncs).toBe(1)
    expect(excel.loads).toEqual([
      { batch: 0, target: 'workbook.tables', what: 'items/name,items/worksheet/name' },
    ])
  })
})

describe('OfficeWorkbook.readTables', () => {
  const seeded = () =>
    new FakeExcel({
      tables: [
        {
          name: 'Budget_2025',
          sheet: 'Budget 2025',
          at: 'B3',
          values: [
            ['Compte', 'Libellé', 'Montant'],
            ['6226', 'Honoraires', 1200.5],
            ['706', '', ''],
          ],
        },
      ],
    })

  it('reads headers and rows, an empty cell as null and a missing table as null, in 2 syncs', async () => {
    const excel = seeded()
    const read = await new OfficeWorkbook(excel.run).readTables(['Absent', 'budget_2025'])
    expect(read).toEqual([
      null,
      {
        name: 'Budget_2025',
        sheet: 'Budget 2025',
        headers: ['Compte', 'Libellé', 'Montant'],
        rows: [
          ['6226', 'Honoraires', 1200.5],
          ['706', null, null],
        ],
      },
    ])
    expect(excel.syncs).toBe(2)
  })

  it('takes one sync when no table is found, none when no name is asked', async () => {
    const excel = seeded()
    const workbook = new OfficeWorkbook(excel.run)
    expect(await workbook.readTables(['Absent'])).toEqual([null])
    expect(excel.syncs).toBe(1)
    expect(await workbook.readTables([])).toEqual([])
    expect(excel.syncs).toBe(1)
  })

  it('reads back what addSheet wrote: texts stay texts, numbers numbers', async () => {
    const { excel } = await written(samplePlan(2))
    const [budget, envelopes] = await new OfficeWorkbook(excel.run).readTables([
      'Budget_2026',
      'Enveloppes_2026',
    ])
    expect(budget?.sheet).toBe(SHEET)
    expect(budget?.headers).toEqual(['Compte', 'Libellé', 'Montant', 'Reste'])
    // The stand-in has no calculation engine: a formula cell reads back as its formula.
    expect(budget?.rows).toEqual([
      ['6226', '= honoraires du comptable', 100, '=[@Montant]-[@Affecté]'],
      ['706', 'Ligne 2', 101, '=[@Montant]-[@Affecté]'],
    ])
    expect(envelopes?.rows).toEqual([[null, null]])
  })

  it('works under office-addin-mock’s load/sync too', async () => {
    let syncs = 0
    const mock = new OfficeMockObject({
      context: {
        sync: async function (this: OfficeMockObject) {
          syncs += 1
          await OfficeMockObject.prototype.sync.call(this)
        },
        workbook: {
          tables: {
            Budget_2025: {
              isNullObject: false,
              name: 'Budget_2025',
              worksheet: { name: 'Budget 2025' },
              header: { values: [['Compte', 'Montant']], rowIndex: 4, columnIndex: 1 },
              body: {
                values: [
                  ['6226', 1200.5],
                  ['706', ''],
                ],
              },
              getHeaderRowRange: function (this: { header: unknown }) {
                return this.header
              },
              getDataBodyRange: function (this: { body: unknown }) {
                return this.body
              },
            },
            missing: { isNullObject: true },
            getItemOrNullObject: function (this: Record<string, unknown>, name: string) {
              return this[name] ?? this.missing
            },
          },
        },
      },
    }) as unknown as { context: Excel.RequestContext }
    const run: ExcelRun = (batch) => batch(mock.context)
    const read = await new OfficeWorkbook(run).readTables(['Budget_2025', 'Absent'])
    expect(read).toEqual([
      {
        name: 'Budget_2025',
        sheet: 'Budget 2025',
        headers: ['Compte', 'Montant'],
        rows: [
          ['6226', 1200.5],
          ['706', null],
        ],
        origin: { row: 4, column: 1 },
      },
      null,
    ])
    expect(syncs).toBe(2)
  })
})

describe('what goes into range.formulas', () => {
  it('prefixes with an apostrophe the texts Excel would not keep as text', () => {
    for (const text of [
      '=SUM(A1)',
      '+33',
      '-10 %',
      '@home',
      "'quoted",
      '6226',
      '#N/A',
      'TRUE',
      'faux',
    ]) {
      expect(needsTextPrefix(text), text).toBe(true)
    }
    for (const text of ['', 'Honoraires', 'Équipe', 'Total 2026']) {
      expect(needsTextPrefix(text), text).toBe(false)
    }
  })

  it('escapes special characters of a column name in a structured reference', () => {
    expect(structuredColumn('Taux [%]')).toBe("[Taux '[%']]")
    expect(structuredColumn("N° d'ordre #")).toBe("[N° d''ordre '#]")
  })

  it('converts characters to points: 7 pixels a character plus 5 of padding, 0.75 point a pixel', () => {
    expect(POINTS_PER_CHARACTER).toBe(5.25)
    expect(COLUMN_PADDING_POINTS).toBe(3.75)
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 0)
  })
})
