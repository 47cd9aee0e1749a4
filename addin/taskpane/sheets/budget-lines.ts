// The rows of a budget sheet's lines table: the budget's lines with their parts per section, or a CPTS's typical lines for a new budget.
import {
  type BudgetDocument,
  Decimal,
  type EnvelopeReport,
  FINANCEUR_LABELS,
  type FiscalIncome,
  natureOf,
  type PreparedLine,
  type Section,
} from '../../../shared'
import type { PlanCell } from '../workbook/plan'
import { actualCells, euros, partsOf } from './budget-amounts'
import { BUDGET_HEADERS, sectionHeader } from './layout'
import { typicalLines } from './typical-lines'

export interface LineRowsInput {
  readonly doc: BudgetDocument
  /** Each line of doc prepared once by the core (amount, nature, split to the cent). */
  readonly prepared: readonly PreparedLine[]
  readonly sections: readonly Section[]
  readonly report: EnvelopeReport
  /** What the fiscal year earns from the profile's contract: a new budget's ACI income; null when it cannot be computed. */
  readonly fiscal: FiscalIncome | null
  /** The names of the lines table and of the envelopes table. */
  readonly budgetTable: string
  readonly envelopeTable: string
}

/** The nature's label in the sheet; the sheet recomputes it with natureFormula when the account changes. */
function nature(compte: string): string {
  switch (natureOf(compte)) {
    case 'charge':
      return 'Charge'
    case 'produit':
      return 'Produit'
    case 'emploi':
      return 'Emploi en nature'
    case 'contribution':
      return 'Contribution en nature'
    default:
      return ''
  }
}

const natureFormula = `=IF(LEFT([@${BUDGET_HEADERS.compte}],1)="6","Charge",IF(LEFT([@${BUDGET_HEADERS.compte}],1)="7","Produit",IF(LEFT([@${BUDGET_HEADERS.compte}],2)="86","Emploi en nature",IF(LEFT([@${BUDGET_HEADERS.compte}],2)="87","Contribution en nature",""))))`

export function lineRows(input: LineRowsInput): PlanCell[][] {
  const { doc, prepared, sections } = input
  const first = sectionHeader(sections[0] as Section)
  const last = sectionHeader(sections[sections.length - 1] as Section)
  const resteFormula = `=[@${BUDGET_HEADERS.montant}]-SUM(${input.budgetTable}[@[${first}]:[${last}]])`
  if (doc.lignes.length === 0) {
    return typicalLines(sections, input.report, input.envelopeTable, input.fiscal).map((line) => [
      line.compte,
      line.libelle,
      { formula: natureFormula, value: nature(line.compte) },
      line.montant,
      ...sections.map((s) => line.parts.get(s) ?? null),
      { formula: resteFormula, value: 0 },
      null,
      ...sections.map(() => null),
      line.financeur === undefined ? null : FINANCEUR_LABELS[line.financeur],
      null,
    ])
  }
  return doc.lignes.map((ligne, i) => {
    const line = prepared[i] as PreparedLine
    const parts = partsOf(line)
    let allocated = new Decimal(0)
    for (const amount of parts.values()) allocated = allocated.plus(amount)
    return [
      ligne.compte,
      ligne.libelle,
      { formula: natureFormula, value: nature(ligne.compte) },
      euros(ligne.montant),
      ...sections.map((s) => {
        const amount = parts.get(s)
        return amount === undefined ? null : euros(amount)
      }),
      { formula: resteFormula, value: euros(new Decimal(ligne.montant).minus(allocated)) },
      ligne.realise === undefined ? null : euros(ligne.realise),
      ...actualCells(line, i, sections),
      ligne.financeur === undefined ? null : FINANCEUR_LABELS[ligne.financeur],
      ligne.beneficiaire ?? null,
    ]
  })
}
