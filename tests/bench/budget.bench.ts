// Benchmark of the budget check: 100, 1 000 and 10 000-line budgets, time per line, against a plain-number sum of the same lines.
import { readFileSync } from 'node:fs'
import {
  type BudgetDocument,
  type BudgetLigne,
  budgetFromCsv,
  budgetFromJson,
  budgetToCsv,
  checkBudget,
  parseBudget,
  SECTIONS,
} from '../../shared'
import { measure, printFigure, printTitle, printVersus } from './harness'

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

  printTitle('Entrée et sortie d’un budget de 1 000 lignes')
  const doc = budgetOf(base, 1_000)
  const raw = JSON.parse(JSON.stringify(doc)) as unknown
  const csv = budgetToCsv(doc)
  const check = measure('checkBudget', () => checkBudget(doc), { batch: 200 })
  printVersus(
    measure('parseBudget (schéma valibot)', () => parseBudget(raw), { batch: 50 }),
    check
  )
  printVersus(
    measure('budgetToCsv', () => budgetToCsv(doc), { batch: 200 }),
    check
  )
  printVersus(
    measure('budgetFromCsv', () => budgetFromCsv(csv), { batch: 50 }),
    check
  )
}
