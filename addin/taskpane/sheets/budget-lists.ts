// The input lists beside a budget sheet's tables: the chart's accounts and the funders, which the drop-downs of the lines table point at.
import { type Chart, FINANCEUR_LABELS, FINANCEURS, natureOf } from '../../../shared'
import { address, type CellRef, type PlanCell } from '../workbook/plan'
import type { ListValidations } from './budget-columns'

export const LIST_HEADERS = ['Compte', 'Intitulé', 'Financeur'] as const

/** One row per account that has a nature (charge, produit, en nature); the funders down the third column. */
export function inputLists(chart: Chart): PlanCell[][] {
  const accounts = chart.accounts.filter((a) => natureOf(a.numero) !== undefined)
  return accounts.map((a, i) => [
    a.numero,
    a.libelle,
    i < FINANCEURS.length ? FINANCEUR_LABELS[FINANCEURS[i] as (typeof FINANCEURS)[number]] : null,
  ])
}

/** The drop-downs of the account and funder columns, on the lists written at `at`. */
export function listValidations(at: CellRef, accounts: number, chart: Chart): ListValidations {
  const range = (offset: number, count: number) => {
    const top = { row: at.row + 1, column: at.column + offset }
    return `=${address(top, true)}:${address({ row: top.row + count - 1, column: top.column }, true)}`
  }
  return {
    compte: {
      kind: 'list',
      source: range(0, accounts),
      prompt: `Compte du ${chart.title} ; un sous-compte se saisit aussi (70611).`,
    },
    financeur: {
      kind: 'list',
      source: range(2, FINANCEURS.length),
      prompt: 'Qui finance cette ressource (lignes de produits).',
    },
  }
}
