// The workbook in Excel, through Office.js: a plan written in two round trips whatever its size, tables read back in two.
import {
  type BlockPlan,
  type CellStyle,
  type CellValue,
  checkNamesFree,
  columnLetter,
  type HighlightPlan,
  isFormula,
  type PlanCell,
  parseAddress,
  rangeFrom,
  type SheetPlan,
  type TablePlan,
  type ValidationPlan,
} from './plan'
import type { AddSheetOptions, NamesInUse, TableData, TableRef, Workbook } from './workbook'

/** What `Excel.run` is: a batch run against a fresh request context. Tests pass a stand-in. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>

/**
 * Column width: Excel counts characters of the default font's widest digit (7 pixels at Calibri
 * 11) plus 5 pixels of padding; Office.js sets `columnWidth` in points (0.75 point per pixel).
 * So a width of `w` characters is (7·w + 5) · 0.75 = 5.25·w + 3.75 points (8.43 → 48 points, the
 * default column).
 */
export const POINTS_PER_CHARACTER = 5.25
export const COLUMN_PADDING_POINTS = 3.75

export function columnWidthPoints(characters: number): number {
  return characters * POINTS_PER_CHARACTER + COLUMN_PADDING_POINTS
}

/** Grey of a note (Fluent's neutral foreground 3). */
export const NOTE_COLOR = '#605E5C'

/** Excel keeps 32 characters of a prompt's title and 255 of its message. */
const PROMPT_TITLE_MAX = 32
const PROMPT_MESSAGE_MAX = 255
/** Bounds of a decimal validation without min or max: any amount a person would type. */
const DECIMAL_UNBOUNDED = 1e15

/**
 * A text written through `range.formulas` is parsed as Excel parses typing: `=`, `+`, `-`, `@`
 * start a formula, `6226` becomes a number, `TRUE` a boolean, `#N/A` an error, `1/2` a date.
 * A leading `'` keeps it as text (Excel does not show the apostrophe, and reads back the text
 * without it). Only texts that begin with a letter (and are not a boolean) go in as they are;
 * among those, a month and a year (`mars 2026`) would still become a date: no plan writes one.
 */
export function needsTextPrefix(text: string): boolean {
  if (text === '') return false
  if (/^[\p{L}]/u.test(text)) return /^(true|false|vrai|faux)$/i.test(text.trim())
  return true
}

/** A constant as `range.formulas` takes it, so that Excel keeps exactly this value. */
export function constantInput(value: CellValue): string | number | boolean {
  if (value === null) return ''
  if (typeof value === 'string') return needsTextPrefix(value) ? `'${value}` : value
  return value
}

/** A plan cell as `range.formulas` takes it: the formula itself, or a constant kept as such. */
export function cellInput(cell: PlanCell): string | number | boolean {
  return isFormula(cell) ? cell.formula : constantInput(cell)
}

/** `[Column]` in a structured reference: `'` escapes `[`, `]`, `#` and `'` in a column name. */
export function structuredColumn(header: string): string {
  return `[${header.replace(/(['#[\]])/g, "'$1")}]`
}

/** Items of a list validation go in one string, comma-separated: an item cannot hold a comma. */
function listSource(source: string | readonly string[]): string {
  if (typeof source === 'string') return source
  const bad = source.find((item) => item.includes(','))
  if (bad !== undefined) {
    throw new RangeError(`Élément de liste de saisie avec une virgule : « ${bad} ».`)
  }
  return source.join(',')
}

/** Everything that could make Excel refuse the plan midway, checked before anything is queued. */
function checkPlan(plan: SheetPlan): void {
  for (const table of plan.tables) {
    if (table.columns.length === 0) throw new RangeError(`Tableau sans colonne : ${table.name}.`)
    parseAddress(table.at)
    for (const column of table.columns) {
      if (column.validation?.kind === 'list') listSource(column.validation.source)
    }
  }
  for (const block of plan.blocks) parseAddress(block.at)
}

function blockWidth(rows: readonly (readonly PlanCell[])[]): number {
  return rows.reduce((max, row) => Math.max(max, row.length), 0)
}

const formatOrGeneral = (format: string | null | undefined) => format ?? 'General'

function frenchNumber(n: number): string {
  return String(n).replace('.', ',')
}

function errorMessage(validation: ValidationPlan): string {
  if (validation.kind === 'list') return 'Choisissez une valeur de la liste.'
  const { min, max } = validation
  if (min !== undefined && max !== undefined) {
    return `Saisissez un nombre compris entre ${frenchNumber(min)} et ${frenchNumber(max)}.`
  }
  if (min !== undefined) return `Saisissez un nombre supérieur ou égal à ${frenchNumber(min)}.`
  if (max !== undefined) return `Saisissez un nombre inférieur ou égal à ${frenchNumber(max)}.`
  return 'Saisissez un nombre.'
}

function validationRule(validation: ValidationPlan): Excel.DataValidationRule {
  if (validation.kind === 'list') {
    return { list: { inCellDropDown: true, source: listSource(validation.source) } }
  }
  const { min, max } = validation
  if (min !== undefined && max !== undefined) {
    return { decimal: { formula1: min, formula2: max, operator: 'Between' } }
  }
  if (min !== undefined) return { decimal: { formula1: min, operator: 'GreaterThanOrEqualTo' } }
  if (max !== undefined) return { decimal: { formula1: max, operator: 'LessThanOrEqualTo' } }
  return {
    decimal: { formula1: -DECIMAL_UNBOUNDED, formula2: DECIMAL_UNBOUNDED, operator: 'Between' },
  }
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const font = range.format.font
  switch (style) {
    case 'title':
      font.bold = true
      font.size = 14
      break
    case 'subtitle':
    case 'label':
      font.bold = true
      break
    case 'note':
      font.italic = true
      font.color = NOTE_COLOR
      break
  }
}

/** One `formulas` write per block, one `numberFormat` write when it has formats, one style. */
function writeBlock(sheet: Excel.Worksheet, block: BlockPlan): void {
  const width = blockWidth(block.rows)
  if (block.rows.length === 0 || width === 0) return
  const range = sheet.getRange(rangeFrom(block.at, block.rows.length, width))
  // null leaves a cell as it is: a short row does not blank what another block writes beside it.
  range.formulas = block.rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const cell = row[c]
      return cell === undefined || cell === null ? null : cellInput(cell)
    })
  )
  const formats = block.formats
  if (formats !== undefined) {
    range.numberFormat = block.rows.map(() =>
      Array.from({ length: width }, (_, c) => formatOrGeneral(formats[c]))
    )
  }
  if (block.style !== undefined) applyStyle(range, block.style)
}

/**
 * The table first, its formulas after: a structured reference (`[@Code]`, `Budget_2026[Accès]`)
 * is only valid once its table exists, and the tables of a sheet refer to each other. So the
 * header and the body's constants are written and every table is added before any formula.
 */
function addTable(sheet: Excel.Worksheet, plan: TablePlan): Excel.Table {
  const width = plan.columns.length
  const bodyRows = Math.max(plan.rows.length, 1)
  const header = plan.columns.map((c) => constantInput(c.header))
  const constants = Array.from({ length: bodyRows }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const cell = plan.rows[r]?.[c]
      return cell === undefined || cell === null || isFormula(cell) ? '' : cellInput(cell)
    })
  )
  const area = rangeFrom(plan.at, 1 + bodyRows, width)
  sheet.getRange(area).formulas = [header, ...constants]
  const table = sheet.tables.add(area, true)
  table.name = plan.name
  table.style = plan.style
  table.showTotals = plan.showTotals
  return table
}

/** The body with its formulas, the formats, totals and validations of a table already added. */
function fillTable(table: Excel.Table, plan: TablePlan): void {
  const width = plan.columns.length
  const bodyRows = Math.max(plan.rows.length, 1)
  if (plan.rows.some((row) => row.some((cell) => cell !== null && isFormula(cell)))) {
    // Formulas before formats: a formula written into a cell already formatted `@` stays text.
    table.getDataBodyRange().formulas = plan.rows.map((row) =>
      Array.from({ length: width }, (_, c) => {
        const cell = row[c]
        return cell === undefined || cell === null ? '' : cellInput(cell)
      })
    )
  }

  const rowFormats = plan.rowFormats
  const hasFormats =
    plan.columns.some((c) => c.format !== null) || rowFormats?.some((f) => f !== null) === true
  if (hasFormats) {
    // One matrix for the whole body: a row's format (a table of parameters) over its column's.
    table.getDataBodyRange().numberFormat = Array.from({ length: bodyRows }, (_, r) =>
      plan.columns.map((c) => formatOrGeneral(rowFormats?.[r] ?? c.format))
    )
  }

  plan.columns.forEach((column, i) => {
    if (column.validation === undefined && (!plan.showTotals || column.total === undefined)) return
    const tableColumn = table.columns.getItemAt(i)
    if (plan.showTotals && column.total !== undefined) {
      tableColumn.getTotalRowRange().formulas = [
        [
          column.total === 'sum'
            ? `=SUBTOTAL(109,${structuredColumn(column.header)})`
            : constantInput(column.total.label),
        ],
      ]
    }
    const validation = column.validation
    if (validation !== undefined) {
      const dataValidation = tableColumn.getDataBodyRange().dataValidation
      dataValidation.rule = validationRule(validation)
      dataValidation.prompt = {
        showPrompt: true,
        title: column.header.slice(0, PROMPT_TITLE_MAX),
        message: validation.prompt.slice(0, PROMPT_MESSAGE_MAX),
      }
      dataValidation.errorAlert = {
        showAlert: true,
        style: 'Stop',
        title: 'Saisie refusée',
        message: `${column.header} : ${errorMessage(validation)}`.slice(0, PROMPT_MESSAGE_MAX),
      }
    }
  })
}

function writeHighlight(sheet: Excel.Worksheet, highlight: HighlightPlan): void {
  const format = sheet.getRange(highlight.range).conditionalFormats.add('CellValue')
  format.cellValue.format.fill.color = highlight.fill
  format.cellValue.format.font.color = highlight.font
  format.cellValue.rule = { formula1: String(highlight.above), operator: 'GreaterThan' }
}

/** Widths of the tables' columns, then the sheet's own (which win): one write per column. */
function columnWidths(plan: SheetPlan): Map<number, number> {
  const widths = new Map<number, number>()
  for (const table of plan.tables) {
    const start = parseAddress(table.at)
    table.columns.forEach((column, i) => {
      if (column.width !== undefined) widths.set(start.column + i, column.width)
    })
  }
  plan.widths.forEach((width, i) => {
    if (width !== undefined) widths.set(i, width)
  })
  return widths
}

/** Queues the plan's cells, tables, rules, charts and widths on a new sheet: no read, no round trip. */
export function writeSheet(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const tables = plan.tables.map((table) => addTable(sheet, table))
  for (const block of plan.blocks) writeBlock(sheet, block)
  plan.tables.forEach((table, i) => {
    fillTable(tables[i] as Excel.Table, table)
  })
  for (const highlight of plan.highlights) writeHighlight(sheet, highlight)
  for (const chartPlan of plan.charts) {
    const chart = sheet.charts.add('ColumnClustered', sheet.getRange(chartPlan.source), 'Columns')
    chart.title.text = chartPlan.title
    const [from, to] = chartPlan.at.split(':') as [string, string | undefined]
    chart.setPosition(from, to)
  }
  for (const [column, width] of columnWidths(plan)) {
    const letter = columnLetter(column)
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(width)
  }
}

/** Office.js reads an empty cell as `''`; the workbooks agree on null. */
function cellValue(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value
  }
  return String(value)
}

export class OfficeWorkbook implements Workbook {
  readonly host = 'excel' as const

  constructor(private readonly run: ExcelRun = (batch) => Excel.run(batch)) {}

  /** Round trip 1 reads the names in use; round trip 2 adds the sheet and writes all of it. */
  addSheet(
    build: (names: NamesInUse) => SheetPlan,
    options: AddSheetOptions = {}
  ): Promise<string> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets
      const tables = context.workbook.tables
      worksheets.load(options.replacing === undefined ? 'items/name' : 'items/name,items/position')
      tables.load(
        options.replacing === undefined ? 'items/name' : 'items/name,items/worksheet/name'
      )
      await context.sync()

      const replaced = worksheets.items.find((s) => s.name === options.replacing)
      const names: NamesInUse = {
        sheets: worksheets.items.filter((s) => s !== replaced).map((s) => s.name),
        tables: tables.items
          .filter((t) => replaced === undefined || t.worksheet.name !== replaced.name)
          .map((t) => t.name),
      }
      const plan = build(names)
      checkNamesFree(plan, names)
      checkPlan(plan)

      // The replaced sheet goes first in the same batch: its name and tables are free for the plan.
      const position = replaced?.position
      replaced?.delete()
      const sheet = worksheets.add(plan.name)
      if (position !== undefined) sheet.position = position
      writeSheet(sheet, plan)
      // Frozen once the sheet is active: freezing an inactive sheet confuses Excel about which
      // sheet is active (office-js#3148).
      sheet.activate()
      if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows)
      await context.sync()
      return plan.name
    })
  }

  /** One round trip: every table's name and sheet. */
  listTables(): Promise<readonly TableRef[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables
      tables.load('items/name,items/worksheet/name')
      await context.sync()
      return tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name }))
    })
  }

  /**
   * Round trip 1 asks which tables exist; round trip 2 reads those (a missing table's ranges are
   * never asked for: Excel fails a batch that reads through a null object). No table found, or
   * no name asked: one round trip, or none.
   */
  readTables(names: readonly string[]): Promise<readonly (TableData | null)[]> {
    if (names.length === 0) return Promise.resolve([])
    return this.run(async (context) => {
      const found = names.map((name) => context.workbook.tables.getItemOrNullObject(name))
      for (const table of found) table.load('isNullObject')
      await context.sync()

      const reads = found.map((table) => {
        if (table.isNullObject) return null
        table.load('name')
        table.worksheet.load('name')
        return {
          table,
          header: table.getHeaderRowRange().load(['values', 'rowIndex', 'columnIndex']),
          body: table.getDataBodyRange().load('values'),
        }
      })
      if (reads.every((r) => r === null)) return reads.map(() => null)
      await context.sync()

      return reads.map((read): TableData | null => {
        if (read === null) return null
        const headerRow = read.header.values[0] ?? []
        return {
          name: read.table.name,
          sheet: read.table.worksheet.name,
          headers: headerRow.map((h) => String(h ?? '')),
          rows: read.body.values.map((row) => row.map(cellValue)),
          ...(typeof read.header.rowIndex === 'number' &&
          typeof read.header.columnIndex === 'number'
            ? { origin: { row: read.header.rowIndex, column: read.header.columnIndex } }
            : {}),
        }
      })
    })
  }
}
