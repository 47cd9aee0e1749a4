// A recording stand-in of the parts of Office.js's Excel API the workbook uses: load/sync like Excel, every write logged.
//
// Why not office-addin-mock alone: its mocks are built from a fixed object tree, so a collection's
// `load('items/name')` throws (an array is a leaf there), `tables.add`/`charts.add`/
// `conditionalFormats.add` cannot return new recorded objects, and it does not check the shape of a
// written matrix. This fake keeps Office.js's rules that matter here:
// - a property is readable only once loaded AND synced (otherwise it throws, as Excel does);
// - a collection's `items` is the snapshot taken at the sync that loaded it;
// - a matrix written to a range must have the range's shape;
// - a second sheet or table with a name already in use fails the sync;
// - anything asked of a null object (`getItemOrNullObject`) but `isNullObject` fails the sync
//   (real Excel answers ItemNotFound; this is the assumption the workbook is written against);
// - a formula cell reads back as its formula text (there is no calculation engine here).
import type { ExcelRun } from '../../../../addin/taskpane/workbook/office-workbook'
import { columnIndex } from '../../../../addin/taskpane/workbook/plan'

/** One property set or method called, with the number of syncs done when it was queued. */
export interface Write {
  readonly batch: number
  /** `Feuille!B3:D5`, `table Budget_2026`, `chart 1`, `workbook`, … */
  readonly target: string
  readonly property: string
  readonly value: unknown
}

export interface Load {
  readonly batch: number
  readonly target: string
  readonly what: string
}

export interface SeedTable {
  readonly name: string
  readonly sheet: string
  /** Top-left cell of the header row. */
  readonly at: string
  /** Header row then body rows, as Excel holds the values ('' for an empty cell). */
  readonly values: readonly (readonly unknown[])[]
}

interface Area {
  readonly top: number
  readonly left: number
  readonly rows: number
  readonly columns: number
}

const MAX_ROWS = 1_048_576

function cellOf(ref: string): { row: number; column: number } {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref)
  if (!match) throw new Error(`InvalidArgument: adresse ${ref}`)
  return { row: Number(match[2]) - 1, column: columnIndex(match[1] as string) }
}

/** `B3`, `B3:D10`, or a whole column `C:C`. */
export function areaOf(address: string): Area {
  const whole = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(address)
  if (whole) {
    const left = columnIndex(whole[1] as string)
    return { top: 0, left, rows: MAX_ROWS, columns: columnIndex(whole[2] as string) - left + 1 }
  }
  const [from, to] = address.split(':') as [string, string | undefined]
  const a = cellOf(from)
  const b = to === undefined ? a : cellOf(to)
  return { top: a.row, left: a.column, rows: b.row - a.row + 1, columns: b.column - a.column + 1 }
}

function addressOf(area: Area): string {
  const letter = (c: number) => {
    let n = c
    let s = ''
    do {
      s = String.fromCharCode(65 + (n % 26)) + s
      n = Math.floor(n / 26) - 1
    } while (n >= 0)
    return s
  }
  const start = `${letter(area.left)}${area.top + 1}`
  if (area.rows === 1 && area.columns === 1) return start
  return `${start}:${letter(area.left + area.columns - 1)}${area.top + area.rows}`
}

/** What Excel makes of a typed input: `'x` is text, `12` a number, `TRUE` a boolean. */
function valueOfInput(input: unknown): unknown {
  if (typeof input !== 'string') return input
  if (input.startsWith("'")) return input.slice(1)
  if (input.startsWith('=')) return input
  if (/^-?\d+(\.\d+)?$/.test(input)) return Number(input)
  if (/^(true|false)$/i.test(input)) return input.toUpperCase() === 'TRUE'
  return input
}

export class FakeExcel {
  syncs = 0
  readonly writes: Write[] = []
  readonly loads: Load[] = []
  readonly workbook: FakeWorkbook
  private pending: (() => void)[] = []
  private failures: string[] = []

  constructor(seed: { sheets?: readonly string[]; tables?: readonly SeedTable[] } = {}) {
    this.workbook = new FakeWorkbook(this)
    for (const name of seed.sheets ?? []) this.workbook.worksheets.create(name)
    for (const t of seed.tables ?? []) {
      const sheet =
        this.workbook.worksheets.find(t.sheet) ?? this.workbook.worksheets.create(t.sheet)
      const start = areaOf(t.at)
      t.values.forEach((row, r) => {
        row.forEach((v, c) => {
          sheet.cells.set(`${start.top + r},${start.left + c}`, { value: v })
        })
      })
      const area = { ...start, rows: t.values.length, columns: t.values[0]?.length ?? 1 }
      this.workbook.tables.register(new FakeTable(this, sheet, addressOf(area), t.name))
    }
  }

  /** What `Excel.run` would be, over this context. */
  readonly run: ExcelRun = (batch) => batch(this as unknown as Excel.RequestContext)

  async sync(): Promise<void> {
    this.syncs += 1
    const failures = this.failures
    const pending = this.pending
    this.failures = []
    this.pending = []
    if (failures.length > 0) throw new Error(failures.join(' ; '))
    for (const apply of pending) apply()
  }

  record(target: string, property: string, value: unknown): void {
    this.writes.push({ batch: this.syncs, target, property, value })
  }

  queueLoad(target: string, what: string, apply: () => void): void {
    this.loads.push({ batch: this.syncs, target, what })
    this.pending.push(apply)
  }

  fail(message: string): void {
    this.failures.push(message)
  }

  /** The writes to one target (an address such as `Budget!A1:C3`), by property. */
  writesTo(target: string): Record<string, unknown> {
    const found: Record<string, unknown> = {}
    for (const w of this.writes) if (w.target === target) found[w.property] = w.value
    return found
  }

  /** Every value written to that property, in order. */
  written(property: string): Write[] {
    return this.writes.filter((w) => w.property === property)
  }
}

/** Loads a comma-separated list of paths and makes them readable at the next sync. */
abstract class Loadable {
  protected readonly loaded = new Set<string>()
  constructor(
    protected readonly ctx: FakeExcel,
    readonly target: string
  ) {}

  load(what?: string | string[]): this {
    if (what === undefined) throw new Error('load() sans argument : tout charger est refusé ici')
    const paths = (Array.isArray(what) ? what : what.split(','))
      .map((p) => p.trim())
      .filter((p) => p !== '')
    this.ctx.queueLoad(this.target, paths.join(','), () => {
      for (const p of paths) this.markLoaded(p)
    })
    return this
  }

  markLoaded(path: string): void {
    this.loaded.add(path)
  }

  protected read<T>(path: string, get: () => T): T {
    if (!this.loaded.has(path)) {
      throw new Error(`PropertyNotLoaded: ${this.target}.${path} (load + sync d’abord)`)
    }
    return get()
  }
}

/** An object whose listed properties can only be set, each set recorded under `prefix`. */
function writeOnly<K extends string>(
  ctx: FakeExcel,
  target: string,
  prefix: string,
  keys: readonly K[]
): Record<K, unknown> {
  const object = {} as Record<K, unknown>
  for (const key of keys) {
    Object.defineProperty(object, key, {
      set: (value: unknown) => ctx.record(target, `${prefix}${key}`, value),
      get: () => {
        throw new Error(`PropertyNotLoaded: ${target}.${prefix}${key}`)
      },
    })
  }
  return object
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection
  readonly tables: FakeTableCollection
  constructor(ctx: FakeExcel) {
    this.worksheets = new FakeWorksheetCollection(ctx)
    this.tables = new FakeTableCollection(ctx)
  }
}

export class FakeWorksheetCollection extends Loadable {
  readonly all: FakeWorksheet[] = []
  private snapshot: FakeWorksheet[] | undefined

  constructor(ctx: FakeExcel) {
    super(ctx, 'workbook.worksheets')
  }

  override markLoaded(path: string): void {
    super.markLoaded(path)
    if (!path.startsWith('items/')) return
    this.snapshot = [...this.all]
    for (const sheet of this.snapshot) sheet.markLoaded(path.slice('items/'.length))
  }

  get items(): FakeWorksheet[] {
    if (this.snapshot === undefined) throw new Error('PropertyNotLoaded: workbook.worksheets.items')
    return this.snapshot
  }

  find(name: string): FakeWorksheet | undefined {
    return this.all.find((s) => s.sheetName.toLowerCase() === name.toLowerCase())
  }

  create(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.ctx, name)
    this.all.push(sheet)
    return sheet
  }

  add(name: string): FakeWorksheet {
    this.ctx.record('workbook', 'worksheets.add', name)
    if (this.find(name) !== undefined) this.ctx.fail(`InvalidArgument: la feuille ${name} existe`)
    return this.create(name)
  }
}

export class FakeWorksheet extends Loadable {
  /** Written inputs (`{input}`) or seeded values (`{value}`) by "row,column". */
  readonly cells = new Map<string, { input?: unknown; value?: unknown }>()
  readonly tables: { add: (address: string, hasHeaders: boolean) => FakeTable }
  readonly charts: {
    add: (type: string, source: FakeRange, seriesBy: string) => FakeChart
  }
  readonly freezePanes: { freezeRows: (count: number) => void }
  chartCount = 0

  constructor(
    ctx: FakeExcel,
    readonly sheetName: string
  ) {
    super(ctx, `sheet ${sheetName}`)
    this.tables = {
      add: (address, hasHeaders) => {
        ctx.record(this.sheetName, 'tables.add', { address, hasHeaders })
        const table = new FakeTable(ctx, this, address, undefined)
        ctx.workbook.tables.register(table)
        return table
      },
    }
    this.charts = {
      add: (type, source, seriesBy) => {
        this.chartCount += 1
        const chart = new FakeChart(ctx, `chart ${this.chartCount} of ${this.sheetName}`)
        ctx.record(chart.target, 'add', { type, source: source.address, seriesBy })
        return chart
      },
    }
    this.freezePanes = {
      freezeRows: (count) => ctx.record(this.sheetName, 'freezePanes.freezeRows', count),
    }
  }

  get name(): string {
    return this.read('name', () => this.sheetName)
  }

  /** Its place among the tabs, read once loaded (`items/position`); a write is recorded. */
  get position(): number {
    return this.read('position', () => this.ctx.workbook.worksheets.all.indexOf(this))
  }
  set position(value: number) {
    this.ctx.record(this.sheetName, 'position', value)
  }

  /** Removes the sheet and its tables at once, as the queued delete does at the next sync. */
  delete(): void {
    this.ctx.record(this.sheetName, 'delete', true)
    const sheets = this.ctx.workbook.worksheets.all
    sheets.splice(sheets.indexOf(this), 1)
    const tables = this.ctx.workbook.tables.all
    for (let i = tables.length - 1; i >= 0; i--) if (tables[i]?.sheet === this) tables.splice(i, 1)
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this, address)
  }

  activate(): void {
    this.ctx.record(this.sheetName, 'activate', true)
  }

  valueAt(row: number, column: number): unknown {
    const cell = this.cells.get(`${row},${column}`)
    if (cell === undefined) return ''
    return 'value' in cell ? cell.value : valueOfInput(cell.input)
  }
}

export class FakeRange extends Loadable {
  readonly area: Area
  readonly format: {
    readonly font: Record<'bold' | 'size' | 'italic' | 'color', unknown>
    readonly fill: Record<'color', unknown>
    columnWidth: unknown
  }
  readonly dataValidation: Record<'rule' | 'prompt' | 'errorAlert', unknown>
  readonly conditionalFormats: { add: (type: string) => FakeConditionalFormat }

  constructor(
    ctx: FakeExcel,
    readonly sheet: FakeWorksheet,
    readonly address: string
  ) {
    super(ctx, `${sheet.sheetName}!${address}`)
    this.area = areaOf(address)
    const target = this.target
    const format = writeOnly(ctx, target, 'format.', ['columnWidth'] as const)
    this.format = Object.assign(format, {
      font: writeOnly(ctx, target, 'format.font.', ['bold', 'size', 'italic', 'color'] as const),
      fill: writeOnly(ctx, target, 'format.fill.', ['color'] as const),
    })
    this.dataValidation = writeOnly(ctx, target, 'dataValidation.', [
      'rule',
      'prompt',
      'errorAlert',
    ] as const)
    this.conditionalFormats = {
      add: (type) => {
        ctx.record(target, 'conditionalFormats.add', type)
        return new FakeConditionalFormat(ctx, target)
      },
    }
  }

  private checkShape(property: string, matrix: unknown): readonly (readonly unknown[])[] {
    const rows = matrix as readonly (readonly unknown[])[]
    const ok =
      Array.isArray(rows) &&
      rows.length === this.area.rows &&
      rows.every((row) => Array.isArray(row) && row.length === this.area.columns)
    if (!ok) {
      throw new Error(
        `InvalidArgument: ${property} de ${this.target} attend ${this.area.rows}×${this.area.columns}`
      )
    }
    return rows
  }

  set formulas(matrix: unknown) {
    const rows = this.checkShape('formulas', matrix)
    this.ctx.record(this.target, 'formulas', matrix)
    rows.forEach((row, r) => {
      row.forEach((input, c) => {
        if (input === null) return // null leaves the cell as it is
        this.sheet.cells.set(`${this.area.top + r},${this.area.left + c}`, { input })
      })
    })
  }

  get formulas(): unknown {
    throw new Error(`PropertyNotLoaded: ${this.target}.formulas`)
  }

  set numberFormat(matrix: unknown) {
    this.checkShape('numberFormat', matrix)
    this.ctx.record(this.target, 'numberFormat', matrix)
  }

  get numberFormat(): unknown {
    throw new Error(`PropertyNotLoaded: ${this.target}.numberFormat`)
  }

  get values(): unknown[][] {
    return this.read('values', () =>
      Array.from({ length: this.area.rows }, (_, r) =>
        Array.from({ length: this.area.columns }, (_, c) =>
          this.sheet.valueAt(this.area.top + r, this.area.left + c)
        )
      )
    )
  }
}

export class FakeConditionalFormat {
  readonly cellValue: {
    readonly format: {
      readonly fill: Record<'color', unknown>
      readonly font: Record<'color', unknown>
    }
    rule: unknown
  }
  constructor(ctx: FakeExcel, target: string) {
    const cellValue = writeOnly(ctx, target, 'conditionalFormat.cellValue.', ['rule'] as const)
    this.cellValue = Object.assign(cellValue, {
      format: {
        fill: writeOnly(ctx, target, 'conditionalFormat.cellValue.format.fill.', [
          'color',
        ] as const),
        font: writeOnly(ctx, target, 'conditionalFormat.cellValue.format.font.', [
          'color',
        ] as const),
      },
    })
  }
}

export class FakeChart {
  readonly title: Record<'text', unknown>
  constructor(
    private readonly ctx: FakeExcel,
    readonly target: string
  ) {
    this.title = writeOnly(ctx, target, 'title.', ['text'] as const)
  }

  setPosition(start: string, end?: string): void {
    this.ctx.record(this.target, 'setPosition', [start, end])
  }
}

export class FakeTable extends Loadable {
  private tableName: string | undefined
  private totals = false
  readonly area: Area
  readonly columns: { getItemAt: (index: number) => FakeTableColumn }

  constructor(
    ctx: FakeExcel,
    readonly sheet: FakeWorksheet,
    readonly address: string,
    name: string | undefined
  ) {
    super(ctx, `table@${sheet.sheetName}!${address}`)
    this.tableName = name
    this.area = areaOf(address)
    this.columns = {
      getItemAt: (index) => {
        if (index < 0 || index >= this.area.columns) ctx.fail(`ItemNotFound: colonne ${index}`)
        return new FakeTableColumn(this, index)
      },
    }
  }

  get isNullObject(): boolean {
    return this.read('isNullObject', () => false)
  }

  get name(): string {
    return this.read('name', () => this.currentName)
  }

  set name(value: string) {
    this.ctx.record(this.target, 'name', value)
    const other = this.ctx.workbook.tables.find(value)
    if (other !== undefined && other !== this) this.ctx.fail(`InvalidArgument: tableau ${value}`)
    this.tableName = value
  }

  get currentName(): string {
    return this.tableName ?? `Tableau${this.ctx.workbook.tables.all.indexOf(this) + 1}`
  }

  set style(value: string) {
    this.ctx.record(this.target, 'style', value)
  }

  set showTotals(value: boolean) {
    this.ctx.record(this.target, 'showTotals', value)
    this.totals = value
  }

  get showTotals(): boolean {
    return this.read('showTotals', () => this.totals)
  }

  get totalsShown(): boolean {
    return this.totals
  }

  /** `table.worksheet`: its name is read through the table's load (`worksheet/name`). */
  get worksheet(): { name: string; load: (what: string) => unknown } {
    const table = this
    return {
      get name() {
        return table.read('worksheet/name', () => table.sheet.sheetName)
      },
      load(what: string) {
        return table.load(
          what
            .split(',')
            .map((p) => `worksheet/${p.trim()}`)
            .join(',')
        )
      },
    }
  }

  private rangeOf(area: Area): FakeRange {
    return this.sheet.getRange(addressOf(area))
  }

  getHeaderRowRange(): FakeRange {
    return this.rangeOf({ ...this.area, rows: 1 })
  }

  getDataBodyRange(): FakeRange {
    return this.rangeOf({ ...this.area, top: this.area.top + 1, rows: this.area.rows - 1 })
  }

  columnRange(index: number, part: 'header' | 'body' | 'total'): FakeRange {
    const left = this.area.left + index
    if (part === 'header') return this.rangeOf({ top: this.area.top, left, rows: 1, columns: 1 })
    if (part === 'body') {
      return this.rangeOf({ top: this.area.top + 1, left, rows: this.area.rows - 1, columns: 1 })
    }
    if (!this.totals) this.ctx.fail(`InvalidOperation: ${this.currentName} sans ligne de totaux`)
    return this.rangeOf({ top: this.area.top + this.area.rows, left, rows: 1, columns: 1 })
  }
}

export class FakeTableColumn {
  constructor(
    private readonly table: FakeTable,
    readonly index: number
  ) {}
  getHeaderRowRange(): FakeRange {
    return this.table.columnRange(this.index, 'header')
  }
  getDataBodyRange(): FakeRange {
    return this.table.columnRange(this.index, 'body')
  }
  getTotalRowRange(): FakeRange {
    return this.table.columnRange(this.index, 'total')
  }
}

/** What `getItemOrNullObject` gives for a missing table: only `isNullObject` may be asked. */
export class FakeNullTable extends Loadable {
  constructor(ctx: FakeExcel, name: string) {
    super(ctx, `null table ${name}`)
  }
  get isNullObject(): boolean {
    return this.read('isNullObject', () => true)
  }
  override load(what?: string | string[]): this {
    if (what !== 'isNullObject') this.ctx.fail(`ItemNotFound: ${this.target} (load ${what})`)
    return super.load(what)
  }
  private refused(): never {
    this.ctx.fail(`ItemNotFound: ${this.target}`)
    throw new Error(`ItemNotFound: ${this.target}`)
  }
  get name(): string {
    return this.refused()
  }
  get worksheet(): never {
    return this.refused()
  }
  getHeaderRowRange(): never {
    return this.refused()
  }
  getDataBodyRange(): never {
    return this.refused()
  }
}

export class FakeTableCollection extends Loadable {
  readonly all: FakeTable[] = []
  private snapshot: FakeTable[] | undefined

  constructor(ctx: FakeExcel) {
    super(ctx, 'workbook.tables')
  }

  register(table: FakeTable): void {
    this.all.push(table)
  }

  find(name: string): FakeTable | undefined {
    return this.all.find((t) => t.currentName.toLowerCase() === name.toLowerCase())
  }

  override markLoaded(path: string): void {
    super.markLoaded(path)
    if (!path.startsWith('items/')) return
    this.snapshot = [...this.all]
    for (const table of this.snapshot) table.markLoaded(path.slice('items/'.length))
  }

  get items(): FakeTable[] {
    if (this.snapshot === undefined) throw new Error('PropertyNotLoaded: workbook.tables.items')
    return this.snapshot
  }

  getItemOrNullObject(name: string): FakeTable | FakeNullTable {
    return this.find(name) ?? new FakeNullTable(this.ctx, name)
  }
}
