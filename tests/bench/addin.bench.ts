// Benchmark of the ACI.* entry points: a recalculation of 100 000 cells as Excel's batches call them, beside the shared core alone.
import path from 'node:path'
import * as aci from '../../addin/functions/functions'
import { generateFunctionsMetadata } from '../../addin/vite-plugins/custom-functions'
import * as core from '../../shared'
import { measure, printFigure, printTitle, printVersus, timeMs } from './harness'

const CELLS = 100_000
type Call = (...args: unknown[]) => unknown
interface Cell {
  readonly fn: Call
  readonly args: readonly unknown[]
}

/** Excel's serial of an ISO date: what a cell formatted as a date passes. */
function serialOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000
}

/** The functions as Excel reaches them: each id of functions.json bound to the function the build associates with it. */
async function registeredEntryPoints(): Promise<Map<string, Call>> {
  const { associations } = await generateFunctionsMetadata(
    path.resolve(import.meta.dirname, '../../addin/functions/functions.ts')
  )
  const exported = aci as Record<string, unknown>
  return new Map(associations.map((a) => [a.id, exported[a.functionName] as Call]))
}

/** Office's CustomFunctions.Error for the cells in error, as the runtime provides it. */
function installCustomFunctions(): void {
  class ExcelError {
    constructor(
      readonly code: string,
      readonly message?: string
    ) {}
  }
  Object.defineProperty(globalThis, 'CustomFunctions', {
    value: { Error: ExcelError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } },
    configurable: true,
    writable: true,
  })
}

/**
 * A budget workbook's worth of cells, the same ones twice: as Excel passes them to the registered
 * functions (mission text, taille and taux numbers, version omitted, an id or a date cell), and as
 * direct calls of the core (the date already an ISO text, the core's own signatures).
 */
function workbook(entry: Map<string, Call>): { excel: Cell[]; core: Cell[] } {
  const tables = core.bundledCatalog().tables
  const excel: Cell[] = []
  const direct: Cell[] = []
  const get = (id: string) => entry.get(id) as Call
  for (let i = 0; i < CELLS; i++) {
    const table = tables[i % tables.length] as core.RateTable
    const mission = (table.missions[i % table.missions.length] as core.Mission).code
    const taille = (i % 4) + 1
    const taux = (i % 101) / 100
    // A third of the cells name no version, a third an id, a third a date cell.
    const form = i % 3
    const excelVersion = form === 0 ? null : form === 1 ? table.id : serialOf(table.effectiveDate)
    const coreVersion = form === 0 ? null : form === 1 ? table.id : table.effectiveDate
    switch (i % 10) {
      case 0:
        excel.push({ fn: get('FONCTIONNEMENT'), args: [taille, excelVersion] })
        direct.push({ fn: core.fonctionnement as Call, args: [taille, coreVersion] })
        break
      case 1:
      case 2:
        excel.push({ fn: get('FIXE'), args: [mission, taille, null, excelVersion] })
        direct.push({ fn: core.fixe as Call, args: [mission, taille, null, coreVersion] })
        break
      case 3:
      case 4:
      case 5:
      case 6:
        excel.push({ fn: get('VARIABLE'), args: [mission, taille, taux, excelVersion] })
        direct.push({ fn: core.variable as Call, args: [mission, taille, taux, coreVersion] })
        break
      case 7:
      case 8:
        excel.push({ fn: get('ENVELOPPE'), args: [mission, taille, excelVersion] })
        direct.push({ fn: core.enveloppe as Call, args: [mission, taille, null, coreVersion] })
        break
      default:
        excel.push({ fn: get('TOTAL'), args: [taille, null, excelVersion] })
        direct.push({ fn: core.total as Call, args: [taille, null, coreVersion] })
    }
  }
  return { excel, core: direct }
}

function recalculate(cells: readonly Cell[]): unknown {
  let last: unknown
  for (const cell of cells) last = cell.fn(...cell.args)
  return last
}

export default async function benchAddin(): Promise<void> {
  installCustomFunctions()
  const entry = await registeredEntryPoints()
  const cells = workbook(entry)

  printTitle(`Fonctions Excel ACI.* — recalcul de ${CELLS.toLocaleString('fr-FR')} cellules`)
  const direct = measure('cœur seul (appels directs)', (i) => {
    const cell = cells.core[i] as Cell
    return cell.fn(...cell.args)
  })
  const registered = measure('ACI.* (points d’entrée)', (i) => {
    const cell = cells.excel[i] as Cell
    return cell.fn(...cell.args)
  })
  printVersus(registered, direct)
  const coreMs = await timeMs(() => recalculate(cells.core), 5)
  const excelMs = await timeMs(() => recalculate(cells.excel), 5)
  printFigure(
    'recalcul complet, cœur seul',
    `${coreMs.toFixed(1).replace('.', ',')} ms`,
    `${CELLS.toLocaleString('fr-FR')} cellules`
  )
  printFigure(
    'recalcul complet, ACI.*',
    `${excelMs.toFixed(1).replace('.', ',')} ms`,
    `surcoût de l’enveloppe Excel : ×${(excelMs / coreMs).toFixed(2).replace('.', ',')}`
  )

  // Cells in error cost an exception each: shown apart, a workbook has few of them.
  const wrong = entry.get('VARIABLE') as Call
  const errors = measure(
    'ACI.VARIABLE en erreur (taux 1,2)',
    () => {
      try {
        return wrong('acces', 2, 1.2, 'aci-2019')
      } catch (error) {
        return error
      }
    },
    { batch: 20_000 }
  )
  printVersus(errors, registered)
}
