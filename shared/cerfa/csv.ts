// The CERFA table as French Excel's CSV (`;`, decimal comma, UTF-8 with BOM), in whole euros as the form asks, still adding up.
import { amountOf, centsFrom, wholeEuros } from './cents'
import { type CerfaCell, cerfaSheet, sheetGrid } from './sheet'
import type { CerfaLigne, CerfaTable, CerfaTotaux } from './table'

const BOM = '\ufeff'

/**
 * The table in whole euros (« Ne pas indiquer les centimes d’euros », notes B.3): the chapters of
 * each column rounded by largest remainder to their rounded total, the detail rows of a chapter
 * to their rounded chapter, so that every sum of the form still holds. The gaps of the 15059 are
 * recomputed from the rounded amounts; whether a gap is to be explained stays the exact one's.
 */
export function roundTable(table: CerfaTable): CerfaTable {
  const planned = new Map<string, bigint>()
  const actual = new Map<string, bigint>()
  const round = (pick: (l: CerfaLigne) => string | undefined, into: Map<string, bigint>) => {
    const chapters = table.lignes.filter((l) => l.niveau === 'chapitre')
    for (const cote of ['charges', 'produits', 'emplois', 'contributions'] as const) {
      const rows = chapters.filter((l) => l.cote === cote)
      const rounded = wholeEuros(rows.map((l) => centsFrom(pick(l) ?? '0')))
      rows.forEach((l, k) => {
        into.set(l.code, rounded[k] as bigint)
      })
    }
    for (const chapter of chapters) {
      const details = table.lignes.filter(
        (l) => l.niveau === 'detail' && l.chapitre === chapter.chapitre
      )
      if (details.length === 0) continue
      const rounded = wholeEuros(
        details.map((l) => centsFrom(pick(l) ?? '0')),
        into.get(chapter.code)
      )
      details.forEach((l, k) => {
        into.set(l.code, rounded[k] as bigint)
      })
    }
  }
  round((l) => l.montant, planned)
  const withActuals = table.totauxRealises !== undefined
  if (withActuals) round((l) => l.realise, actual)
  const lignes = table.lignes.map((l): CerfaLigne => {
    const p = planned.get(l.code) ?? 0n
    if (!withActuals) return { ...l, montant: amountOf(p) }
    const a = actual.get(l.code) ?? 0n
    return { ...l, montant: amountOf(p), realise: amountOf(a), ecart: amountOf(a - p) }
  })
  const totauxOf = (values: Map<string, bigint>): CerfaTotaux => {
    const sum = (cote: CerfaLigne['cote']) =>
      lignes
        .filter((l) => l.cote === cote && l.niveau === 'chapitre')
        .reduce((s, l) => s + (values.get(l.code) ?? 0n), 0n)
    const charges = sum('charges')
    const produits = sum('produits')
    return {
      charges: amountOf(charges),
      produits: amountOf(produits),
      ecart: amountOf(produits - charges),
      emplois: amountOf(sum('emplois')),
      contributions: amountOf(sum('contributions')),
    }
  }
  const totaux = totauxOf(planned)
  const balance = centsFrom(totaux.ecart)
  return {
    ...table,
    lignes,
    totaux,
    ...(withActuals ? { totauxRealises: totauxOf(actual) } : {}),
    equilibre: {
      ...table.equilibre,
      equilibre: balance === 0n,
      excedent: balance > 0n ? amountOf(balance) : null,
      insuffisance: balance < 0n ? amountOf(-balance) : null,
    },
  }
}

/** A number as French Excel writes it in a CSV: decimal comma, no grouping. */
function frenchNumber(value: number): string {
  return String(value).replace('.', ',')
}

function csvCell(cell: CerfaCell | undefined): string {
  const value = typeof cell === 'object' && cell !== null ? cell.value : cell
  if (value === null || value === undefined) return ''
  const text = typeof value === 'number' ? frenchNumber(value) : value
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export interface CerfaCsvOptions {
  /** Keep the cents (the budget's exact amounts); by default whole euros, as the form asks. */
  readonly centimes?: boolean
}

/**
 * The form as a CSV file for French Excel: the same rows and columns as its sheet (cerfaSheet),
 * values only, `;` between fields, decimal comma, CRLF, UTF-8 with BOM.
 */
export function cerfaToCsv(table: CerfaTable, options: CerfaCsvOptions = {}): string {
  const shown = options.centimes === true ? table : roundTable(table)
  const grid = sheetGrid(cerfaSheet(shown))
  const width = Math.max(0, ...grid.map((r) => r.length))
  let out = BOM
  for (const row of grid) {
    const cells: string[] = []
    for (let c = 0; c < width; c++) cells.push(csvCell(row[c]))
    out += `${cells.join(';')}\r\n`
  }
  return out
}
