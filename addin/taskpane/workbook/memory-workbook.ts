// The workbook of the preview: sheets held in memory when the pane runs in a plain browser (no Excel), and in tests.
import {
  type CellValue,
  checkNamesFree,
  isFormula,
  type PlanCell,
  parseAddress,
  type SheetPlan,
  shownValue,
  tableExtent,
} from './plan'
import type { AddSheetOptions, NamesInUse, TableData, TableRef, Workbook } from './workbook'

/** A sheet as written: its plan (for the preview) and its cells, which the preview can edit. */
export interface MemorySheet {
  readonly name: string
  readonly plan: SheetPlan
  /** Cells by cellKey(row, column), 0-based. */
  readonly cells: Map<number, PlanCell>
}

/** Excel's last column is the 16 384th: a row and a column as one number, a cheap key. */
const COLUMNS = 16_384

/** The key of a cell in MemorySheet.cells. */
export const cellKey = (row: number, column: number): number => row * COLUMNS + column

/** The row and column of a cell's key. */
export const cellAt = (key: number): { row: number; column: number } => ({
  row: Math.floor(key / COLUMNS),
  column: key % COLUMNS,
})

const key = cellKey

/**
 * Formulas are not recalculated here: a cell keeps the value the core computed when it was
 * written. What the preview lets a person edit are constants (amounts, labels), which is what
 * the check reads back.
 */
export class MemoryWorkbook implements Workbook {
  readonly host = 'memoire' as const
  readonly sheets: MemorySheet[] = []
  /** Counts the changes: what a view subscribes to. */
  revision = 0
  private readonly listeners = new Set<() => void>()

  constructor(existingSheets: readonly string[] = []) {
    for (const name of existingSheets) {
      this.sheets.push({
        name,
        plan: {
          name,
          blocks: [],
          tables: [],
          highlights: [],
          charts: [],
          freezeRows: 0,
          widths: [],
        },
        cells: new Map(),
      })
    }
  }

  /** Called after every change: the preview re-renders. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(): void {
    this.revision += 1
    for (const listener of this.listeners) listener()
  }

  private names(except?: string): NamesInUse {
    const kept = this.sheets.filter((s) => s.name !== except)
    return {
      sheets: kept.map((s) => s.name),
      tables: kept.flatMap((s) => s.plan.tables.map((t) => t.name)),
    }
  }

  async addSheet(
    build: (names: NamesInUse) => SheetPlan,
    options: AddSheetOptions = {}
  ): Promise<string> {
    const replaced = this.sheets.findIndex((s) => s.name === options.replacing)
    const names = this.names(replaced < 0 ? undefined : options.replacing)
    const plan = build(names)
    checkNamesFree(plan, names)
    const cells = new Map<number, PlanCell>()
    for (const block of plan.blocks) {
      const start = parseAddress(block.at)
      block.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          if (cell !== null) cells.set(key(start.row + r, start.column + c), cell)
        })
      })
    }
    for (const table of plan.tables) {
      const start = parseAddress(table.at)
      table.columns.forEach((column, c) => {
        cells.set(key(start.row, start.column + c), column.header)
      })
      table.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          if (cell !== null) cells.set(key(start.row + 1 + r, start.column + c), cell)
        })
      })
    }
    if (replaced < 0) this.sheets.push({ name: plan.name, plan, cells })
    else this.sheets.splice(replaced, 1, { name: plan.name, plan, cells })
    this.changed()
    return plan.name
  }

  async listTables(): Promise<readonly TableRef[]> {
    return this.sheets.flatMap((s) => s.plan.tables.map((t) => ({ name: t.name, sheet: s.name })))
  }

  async readTables(names: readonly string[]): Promise<readonly (TableData | null)[]> {
    return names.map((name) => {
      for (const sheet of this.sheets) {
        const table = sheet.plan.tables.find((t) => t.name.toLowerCase() === name.toLowerCase())
        if (table === undefined) continue
        const start = parseAddress(table.at)
        const width = table.columns.length
        const read = (row: number): CellValue[] => {
          const values: CellValue[] = new Array(width)
          const first = key(row, start.column)
          for (let c = 0; c < width; c++) {
            const cell = sheet.cells.get(first + c)
            values[c] = cell === undefined ? null : shownValue(cell)
          }
          return values
        }
        const body = Math.max(table.rows.length, 1)
        return {
          name: table.name,
          sheet: sheet.name,
          headers: read(start.row).map((h) => String(h ?? '')),
          rows: Array.from({ length: body }, (_, r) => read(start.row + 1 + r)),
          origin: start,
        }
      }
      return null
    })
  }

  /** The cell as written (formula or constant), or undefined when empty. */
  cell(sheet: string, row: number, column: number): PlanCell | undefined {
    return this.sheets.find((s) => s.name === sheet)?.cells.get(key(row, column))
  }

  /** Can the person change this cell in the preview? Constants of a table's body only. */
  editable(sheet: string, row: number, column: number): boolean {
    const found = this.sheets.find((s) => s.name === sheet)
    if (found === undefined) return false
    const cell = found.cells.get(key(row, column))
    if (cell !== undefined && isFormula(cell)) return false
    return found.plan.tables.some((table) => {
      const start = parseAddress(table.at)
      const extent = tableExtent(table)
      const bodyRows = Math.max(table.rows.length, 1)
      return (
        row > start.row &&
        row <= start.row + bodyRows &&
        column >= start.column &&
        column < start.column + extent.columns
      )
    })
  }

  /** A person's edit in the preview: a constant in a table's body. */
  setCell(sheet: string, row: number, column: number, value: CellValue): void {
    if (!this.editable(sheet, row, column)) {
      throw new Error('Cette cellule n’est pas modifiable dans l’aperçu.')
    }
    const found = this.sheets.find((s) => s.name === sheet) as MemorySheet
    if (value === null || value === '') found.cells.delete(key(row, column))
    else found.cells.set(key(row, column), value)
    this.changed()
  }
}
