// The plan of a `Contrôle <année>` sheet: the check's report per section, its findings, and a chart of envelope against charges.
import {
  type BudgetReport,
  Decimal,
  envelopeLabel,
  findingCounts,
  formatEuros,
  frenchDate,
  toExcelNumber,
} from '../../../shared'
import { sectionsShown } from '../check/report'
import type { CheckOrigin } from '../check/run-check'
import { ORIGIN_LABELS, SEVERITY_LABELS } from '../wording'
import {
  address,
  type ColumnPlan,
  freeSheetName,
  freeTableKey,
  type PlanCell,
  rangeFrom,
  type SheetPlan,
} from '../workbook/plan'
import type { NamesInUse } from '../workbook/workbook'
import { FORMATS } from './layout'

const euros = (amount: string | null): number | null =>
  amount === null ? null : toExcelNumber(new Decimal(amount))

export interface ControlSheetInput {
  readonly report: BudgetReport
  readonly origin: CheckOrigin
  /** The budget sheet that was checked. */
  readonly budgetSheet: string
  /**
   * The checked budget's table key (`2026`, `2026_2`): the control tables take it
   * (`Controle_2026_2`), which is how the pane finds this budget's Contrôle sheet again.
   */
  readonly budgetKey?: string
  readonly today: string
}

/** The key of a Contrôle sheet's tables: the budget's own, or `2026_c2`… beside a sheet kept. */
export function controlKey(budgetKey: string, tables: readonly string[]): string {
  const used = new Set(tables.map((t) => t.toLowerCase()))
  const free = (key: string) =>
    CONTROL_PREFIXES.every((p) => !used.has(`${p}_${key}`.toLowerCase()))
  if (free(budgetKey)) return budgetKey
  for (let n = 2; ; n++) if (free(`${budgetKey}_c${n}`)) return `${budgetKey}_c${n}`
}

export const CONTROL_PREFIXES = ['Controle', 'Constats', 'ProduitsExercice'] as const

export function controlSheetPlan(input: ControlSheetInput, names: NamesInUse): SheetPlan {
  const { report } = input
  const year = report.exercice.debut.slice(0, 4)
  const key =
    input.budgetKey === undefined
      ? freeTableKey(CONTROL_PREFIXES, year, names.tables)
      : controlKey(input.budgetKey, names.tables)
  const sheetName = freeSheetName(`Contrôle ${year}`, names.sheets)
  const bareme = report.references.bareme
  const plan = report.references.planComptable

  const actuals = report.totaux.realise !== undefined
  const sectionColumns: ColumnPlan[] = [
    { header: 'Section', format: null, width: 30, total: { label: 'Total' } },
    { header: 'Enveloppe', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Charges prévues', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Produits prévus', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Écart', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Statut', format: null, width: 34 },
    ...(actuals
      ? [
          { header: 'Réalisé', format: FORMATS.euros, width: 15, total: 'sum' as const },
          {
            header: 'Reste sur l’enveloppe',
            format: FORMATS.euros,
            width: 15,
            total: 'sum' as const,
          },
          { header: 'Enveloppe consommée', format: '0.00%', width: 12 },
        ]
      : []),
  ]
  // Only the sections with an envelope or charges: the chart compares what can be compared.
  const shown = sectionsShown(report)
  const sectionRows: PlanCell[][] = shown.map((s) => [
    s.label,
    euros(s.enveloppe),
    euros(s.charges),
    euros(s.produits),
    s.enveloppe === null
      ? null
      : toExcelNumber(new Decimal(s.charges).minus(new Decimal(s.enveloppe))),
    s.statusLabel,
    ...(actuals
      ? [
          euros(s.realise?.charges ?? null),
          euros(s.realise?.reste ?? null),
          s.realise?.consommation == null
            ? null
            : toExcelNumber(new Decimal(s.realise.consommation).div(100)),
        ]
      : []),
  ])
  const sectionsAt = { row: 5, column: 0 }
  // Findings to the right of the sections, the chart under them: each column keeps one width.
  const findingsAt = { row: sectionsAt.row, column: sectionColumns.length + 1 }
  const chartTop = sectionsAt.row + 1 + Math.max(shown.length, 1) + 1 + 2
  const findingColumns: ColumnPlan[] = [
    { header: 'Gravité', format: null, width: 15 },
    { header: 'Code', format: null, width: 24 },
    { header: 'Section', format: null, width: 15 },
    { header: 'Ligne', format: null, width: 36 },
    { header: 'Constat', format: null, width: 90 },
    { header: 'Source', format: null, width: 50 },
  ]
  const findingRows: PlanCell[][] = report.findings.map((f) => [
    SEVERITY_LABELS[f.severity],
    f.code,
    f.section ?? '',
    f.ligne === null ? '' : `${f.ligne.compte} ${f.ligne.libelle}`,
    f.message,
    f.source,
  ])
  const t = report.totaux
  const summary = `Total des charges ${formatEuros(new Decimal(t.charges))} ; enveloppe totale ${formatEuros(new Decimal(t.enveloppe))} ; ${t.statusLabel}. Constats : ${findingCounts(report.counts)}.`
  // What the fiscal year earns of each envelope of the contract years it touches, under the chart.
  const fiscal = report.produitsExercice
  const fiscalAt = { row: chartTop + 19, column: 0 }
  const fiscalNote =
    fiscal === null
      ? 'Produits ACI de l’exercice non calculés : voir les constats.'
      : `Produits ACI de l’exercice ${formatEuros(new Decimal(fiscal.produitsAciExercice))} (total 706 de la coupure) pour des enveloppes d’années de contrat de ${formatEuros(new Decimal(fiscal.enveloppesContrat))} ; le budget compte ${formatEuros(new Decimal(t.produitsAci))} de produits ACI.`
  const fiscalColumns: ColumnPlan[] = [
    { header: 'Droit', format: null, width: 30, total: { label: 'Total' } },
    { header: 'Enveloppe', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Acquis avant', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Produit de l’exercice', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Acquis après', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Explication', format: null, width: 34 },
  ]
  const fiscalRows: PlanCell[][] = (fiscal?.lignes ?? []).map((l) => [
    `Année ${l.annee} — ${envelopeLabel(l.compte) ?? l.compte} (${l.compte})`,
    euros(l.enveloppe),
    euros(l.acquisAvant),
    euros(l.produit),
    euros(l.acquisApres),
    l.explication,
  ])
  return {
    name: sheetName,
    blocks: [
      { at: 'A1', rows: [[`Contrôle du budget ${year} — ${report.cpts}`]], style: 'title' },
      {
        at: 'A2',
        rows: [
          [
            `Feuille « ${input.budgetSheet} » vérifiée le ${frenchDate(input.today)} ${ORIGIN_LABELS[input.origin]}.`,
          ],
          [
            `Barème ${bareme.id} (SHA-256 ${bareme.sha256}) ; plan comptable ${plan.id} (SHA-256 ${plan.sha256}).`,
          ],
          [summary],
        ],
        style: 'note',
      },
      {
        at: address({ row: sectionsAt.row - 1, column: 0 }),
        rows: [['Enveloppes et charges prévues par section']],
        style: 'subtitle',
      },
      {
        at: address({ row: findingsAt.row - 1, column: findingsAt.column }),
        rows: [['Constats']],
        style: 'subtitle',
      },
      {
        at: address({ row: fiscalAt.row - 2, column: 0 }),
        rows: [['Produits ACI de l’exercice, enveloppe par enveloppe']],
        style: 'subtitle',
      },
      { at: address({ row: fiscalAt.row - 1, column: 0 }), rows: [[fiscalNote]], style: 'note' },
    ],
    tables: [
      {
        name: `Controle_${key}`,
        at: address(sectionsAt),
        columns: sectionColumns,
        rows: sectionRows,
        showTotals: true,
        style: 'TableStyleMedium2',
      },
      {
        name: `Constats_${key}`,
        at: address(findingsAt),
        columns: findingColumns,
        rows: findingRows,
        showTotals: false,
        style: 'TableStyleLight1',
      },
      ...(fiscalRows.length === 0
        ? []
        : [
            {
              name: `ProduitsExercice_${key}`,
              at: address(fiscalAt),
              columns: fiscalColumns,
              rows: fiscalRows,
              showTotals: true,
              style: 'TableStyleLight9',
            },
          ]),
    ],
    highlights: [
      {
        range: rangeFrom(
          address({ row: sectionsAt.row + 1, column: 4 }),
          Math.max(shown.length, 1),
          1
        ),
        above: 0,
        fill: '#FDE7E9',
        font: '#A4262C',
      },
    ],
    charts: [
      {
        title: 'Enveloppe et charges prévues par section',
        source: rangeFrom(address(sectionsAt), 1 + Math.max(shown.length, 1), 3),
        at: `${address({ row: chartTop, column: 0 })}:${address({ row: chartTop + 16, column: 4 })}`,
      },
    ],
    freezeRows: 0,
    widths: [...sectionColumns.map((c) => c.width), 3, ...findingColumns.map((c) => c.width)],
  }
}
