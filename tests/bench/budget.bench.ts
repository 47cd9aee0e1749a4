// Benchmark of the budget check: 100, 1 000 and 10 000-line budgets, time per line, against a plain-number sum of the same lines.
import { readFileSync } from 'node:fs'
import { readBudgetSheet, writeBudget } from '../../addin/taskpane/sheets/budget-workbook'
import { MemoryWorkbook } from '../../addin/taskpane/workbook/memory-workbook'
import {
  type BudgetDocument,
  type BudgetLigne,
  budgetFromCsv,
  budgetFromJson,
  budgetToCsv,
  bundledCatalog,
  checkBudget,
  parseBudget,
  SECTIONS,
} from '../../shared'
import { measure, medianInTurns, printFigure, printTitle, printVersus } from './harness'

const fmt2 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, minimumFractionDigits: 2 })

/**
 * A budget of `size` lines made from the avenant-2 fixture (taille 2, 2025): its 35 lines
 * repeated, each label numbered and each amount shifted by a few cents, so that no two lines
 * are the same and the findings grow with the budget as they would in a real one.
 */
export function budgetOf(base: BudgetDocument, size: number): BudgetDocument {
  const lignes: BudgetLigne[] = []
  for (let i = 0; i < size; i++) {
    const model = base.lignes[i % base.lignes.length] as BudgetLigne
    const cents = Math.round(Number(model.montant) * 100) + (i % 97)
    const montant = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
    const repartition =
      model.repartition?.mode === 'montants' && model.repartition.parts.length === 1
        ? {
            mode: 'montants' as const,
            parts: [{ section: model.repartition.parts[0]?.section ?? 'fonctionnement', montant }],
          }
        : model.repartition
    lignes.push({
      ...model,
      libelle: `${model.libelle} n° ${i + 1}`,
      montant,
      ...(repartition === undefined ? {} : { repartition }),
    })
  }
  return parseBudget({ ...base, lignes })
}

const SECTION_INDEX = new Map<string, number>(SECTIONS.map((s, i) => [s, i]))

/** The baseline: the same lines summed by section with plain numbers (floats, no rule, no rounding). */
function plainSums(doc: BudgetDocument): number[] {
  const sections = new Array<number>(SECTIONS.length).fill(0)
  for (const line of doc.lignes) {
    if (!line.compte.startsWith('6') || line.repartition === undefined) continue
    const amount = Number(line.montant)
    if (line.repartition.mode === 'cles') {
      for (const p of line.repartition.parts) {
        const s = SECTION_INDEX.get(p.section) as number
        sections[s] = (sections[s] as number) + (amount * Number(p.pourcentage)) / 100
      }
    } else {
      for (const p of line.repartition.parts) {
        const s = SECTION_INDEX.get(p.section) as number
        sections[s] = (sections[s] as number) + Number(p.montant)
      }
    }
  }
  return sections
}

export default function benchBudget(): void {
  const fixture = new URL('../budget/fixtures/cpts-taille-2-aci-avenant-2.json', import.meta.url)
  const base = budgetFromJson(readFileSync(fixture, 'utf8'))

  printTitle('Contrôle de budget (un cœur, Node) — budget déjà validé, rapport complet')
  const perLine: { size: number; micros: number }[] = []
  for (const size of [100, 1_000, 10_000]) {
    const doc = budgetOf(base, size)
    const batch = Math.max(3, Math.round(200_000 / size))
    const baseline = measure(`base : somme en nombres, ${size} lignes`, () => plainSums(doc), {
      batch,
    })
    const check = measure(`checkBudget, ${size} lignes`, () => checkBudget(doc), { batch })
    printVersus(check, baseline, size === 1_000 ? { opsPerSecond: 500 } : undefined)
    const micros = check.microsPerOp / size
    perLine.push({ size, micros })
    const report = checkBudget(doc)
    printFigure(
      `  soit par ligne (${size} lignes)`,
      `${fmt2.format(micros)} µs`,
      `${fmt2.format(check.microsPerOp / 1000)} ms le budget${size === 1_000 ? ' (cible ≤ 2 ms)' : ''} ; ${report.findings.length} constats`
    )
  }
  const [small, middle, large] = perLine as [
    (typeof perLine)[number],
    (typeof perLine)[number],
    (typeof perLine)[number],
  ]
  printFigure(
    'temps par ligne, 10 000 / 1 000',
    `×${fmt2.format(large.micros / middle.micros)}`,
    '≈ 1 : croissance linéaire'
  )
  const fixed = measure('checkBudget, 1 ligne', () => checkBudget(budgetOf(base, 1)), {
    batch: 2_000,
  })
  printFigure(
    'coût fixe (budget d’une ligne)',
    `${fmt2.format(fixed.microsPerOp)} µs`,
    `sections, totaux, tri des constats : d’où ${fmt2.format(small.micros)} µs par ligne à 100 lignes`
  )
}

/**
 * Tasks measured in turns on the wall clock after a batch of warm-up calls each (medianInTurns:
 * medians, and ratios to the first task). A collection forced between batches was tried: the
 * heap it leaves slows the next batch more than the garbage did.
 */
function interleaved<K extends string>(
  tasks: Record<K, () => unknown>,
  calls: number
): Promise<Record<K, { ms: number; ratio: number }>> {
  return medianInTurns(tasks, calls, { clock: 'wall', warmUp: calls })
}

/**
 * The readers of a budget beside checkBudget of the same budget, measured in alternation: the
 * JSON door and the CSV at 1 000 and 10 000 lines; the sheet read back from an in-memory
 * workbook (the Office.js round trips left out: the workbook's tables, then the core's reader of
 * rows of cells and its door) at 500 lines (target ≤ 3×), 1 000 and 10 000.
 */
export async function benchReaders(): Promise<void> {
  const fixture = new URL('../budget/fixtures/cpts-taille-2-aci-avenant-2.json', import.meta.url)
  const base = budgetFromJson(readFileSync(fixture, 'utf8'))
  const table = bundledCatalog().byVersionId('aci-avenant-2')

  printTitle(
    'Entrée et sortie d’un budget, mesures alternées — cible : budgetFromCsv ≤ 2× le contrôle à 1 000 lignes'
  )
  // Time per line at each size, for the growth from 1 000 to 10 000 lines (linear: ×1).
  const perLine = new Map<string, number[]>()
  const keep = (name: string, ms: number) => perLine.set(name, [...(perLine.get(name) ?? []), ms])
  for (const size of [1_000, 10_000]) {
    const doc = budgetOf(base, size)
    const raw = JSON.parse(JSON.stringify(doc)) as unknown
    const csv = budgetToCsv(doc)
    const m = await interleaved(
      {
        check: () => checkBudget(doc),
        parse: () => parseBudget(raw),
        toCsv: () => budgetToCsv(doc),
        fromCsv: () => budgetFromCsv(csv),
      },
      Math.max(3, Math.round(20_000 / size))
    )
    const label = size.toLocaleString('fr-FR')
    const check = m.check.ms
    printFigure(`base : checkBudget, ${label} lignes`, `${fmt2.format(check)} ms`)
    keep('checkBudget', check / size)
    for (const [name, key] of [
      ['parseBudget', 'parse'],
      ['budgetToCsv', 'toCsv'],
      ['budgetFromCsv', 'fromCsv'],
    ] as const) {
      const ms = m[key].ms
      const ratio = m[key].ratio
      const target =
        key === 'fromCsv' && size === 1_000
          ? ` (cible ≤ 2× : ${ratio <= 2 ? 'atteinte' : 'NON atteinte'})`
          : ''
      keep(name, ms / size)
      printFigure(
        `${name}, ${label} lignes`,
        `${fmt2.format(ms)} ms`,
        `×${fmt2.format(ratio)} le contrôle${target} ; ${fmt2.format((ms / size) * 1000)} µs par ligne`
      )
    }
  }
  for (const [name, [at1k = 1, at10k = 1]] of perLine) {
    printFigure(
      `${name} : temps par ligne, 10 000 / 1 000`,
      `×${fmt2.format(at10k / at1k)}`,
      '≈ 1 : croissance linéaire'
    )
  }

  printTitle(
    'Relecture d’une feuille de budget, classeur en mémoire — cible ≤ 3× le contrôle à 500 lignes'
  )
  const readPerLine: number[] = []
  for (const size of [500, 1_000, 10_000]) {
    const doc = budgetOf(base, size)
    const workbook = new MemoryWorkbook()
    const ref = await writeBudget(workbook, doc, table, '2026-11-23')
    const names = ['Profil', 'Enveloppes', 'Budget'].map((t) => `${t}_${ref.key}`)
    const m = await interleaved(
      {
        check: () => checkBudget(doc),
        read: () => readBudgetSheet(workbook, ref.key),
        tables: () => workbook.readTables(names),
      },
      Math.max(3, Math.round(10_000 / size))
    )
    const label = size.toLocaleString('fr-FR')
    const check = m.check.ms
    const read = m.read.ms
    const tables = m.tables.ms
    const ratio = m.read.ratio
    if (size >= 1_000) readPerLine.push(read / size)
    printFigure(`base : checkBudget, ${label} lignes`, `${fmt2.format(check)} ms`)
    printFigure(
      `relecture de la feuille, ${label} lignes`,
      `${fmt2.format(read)} ms`,
      `×${fmt2.format(ratio)} le contrôle${size === 500 ? ` (cible ≤ 3× : ${ratio <= 3 ? 'atteinte' : 'NON atteinte'})` : ''} ; dont tableaux du classeur ${fmt2.format(tables)} ms, lecteur et parseBudget ×${fmt2.format((read - tables) / check)} ; ${fmt2.format((read / size) * 1000)} µs par ligne`
    )
  }
  const [read1k = 1, read10k = 1] = readPerLine
  printFigure(
    'relecture : temps par ligne, 10 000 / 1 000',
    `×${fmt2.format(read10k / read1k)}`,
    '≈ 1 : croissance linéaire'
  )
}
