// The plan of a `Suivi <année>` sheet: budget against actual by section, year to date, execution rate, stated projection; by month; two charts.
import {
  centsToString,
  Decimal,
  frenchDate,
  type Suivi,
  type SuiviRow,
  sectionLabel,
  toExcelNumber,
} from '../../../shared'
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

/** Cents to the number Excel holds: the decimal string's value, never cents ÷ 100 in floats along the way. */
export const excelEuros = (cents: number): number =>
  toExcelNumber(new Decimal(centsToString(cents)))

export const suiviRowLabel = (row: SuiviRow | 'total'): string =>
  row === 'non_affecte' ? 'Non affecté' : row === 'total' ? 'Total' : sectionLabel(row)

/** « 03/2026 ». */
export const monthLabel = (mois: string): string => `${mois.slice(5, 7)}/${mois.slice(0, 4)}`

export interface SuiviSheetInput {
  readonly suivi: Suivi
  readonly cpts: string
  readonly budgetSheet: string
  /** The FEC the actuals come from, and its encoding. */
  readonly fichier: string
  readonly today: string
}

export function suiviSheetPlan(input: SuiviSheetInput, names: NamesInUse): SheetPlan {
  const { suivi } = input
  const year = suivi.mois[suivi.mois.length - 1]?.slice(0, 4) ?? ''
  const key = freeTableKey(['Suivi', 'SuiviMois', 'SuiviDetail'], year, names.tables)
  // Sections with a budget or an actual: an empty mission would only add a zero bar.
  const shown = suivi.sections.filter(
    (s) => s.budgetAnnuel !== 0 || s.realiseCumule !== 0 || s.mois.some((m) => m.realise !== 0)
  )
  const sectionColumns: ColumnPlan[] = [
    { header: 'Section', format: null, width: 28, total: { label: 'Total' } },
    { header: 'Budget cumulé', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Réalisé cumulé', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Écart cumulé', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Budget annuel', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Taux d’exécution', format: '0.00%', width: 12 },
    { header: 'Projection fin d’exercice', format: FORMATS.euros, width: 17, total: 'sum' },
    { header: 'Écart projeté', format: FORMATS.euros, width: 15, total: 'sum' },
  ]
  const sectionRows: PlanCell[][] = shown.map((s) => [
    suiviRowLabel(s.section),
    excelEuros(s.budgetCumule),
    excelEuros(s.realiseCumule),
    excelEuros(s.ecartCumule),
    excelEuros(s.budgetAnnuel),
    s.tauxExecution === null ? null : s.tauxExecution,
    excelEuros(s.projection),
    excelEuros(s.ecartProjection),
  ])
  const monthColumns: ColumnPlan[] = [
    { header: 'Mois', format: '@', width: 10 },
    { header: 'Budget cumulé', format: FORMATS.euros, width: 15 },
    { header: 'Réalisé cumulé', format: FORMATS.euros, width: 15 },
    { header: 'Budget du mois', format: FORMATS.euros, width: 15 },
    { header: 'Réalisé du mois', format: FORMATS.euros, width: 15 },
  ]
  const monthRows: PlanCell[][] = suivi.total.mois.map((m) => [
    monthLabel(m.mois),
    excelEuros(m.budgetCumule),
    excelEuros(m.realiseCumule),
    excelEuros(m.budget),
    excelEuros(m.realise),
  ])
  const detailColumns: ColumnPlan[] = [
    { header: 'Section', format: null, width: 28 },
    { header: 'Mois', format: '@', width: 15 },
    { header: 'Budget du mois', format: FORMATS.euros, width: 15 },
    { header: 'Réalisé du mois', format: FORMATS.euros, width: 15 },
    { header: 'Budget cumulé', format: FORMATS.euros, width: 15 },
    { header: 'Réalisé cumulé', format: FORMATS.euros, width: 12 },
  ]
  const detailRows: PlanCell[][] = shown.flatMap((s) =>
    s.mois.map((m) => [
      suiviRowLabel(s.section),
      monthLabel(m.mois),
      excelEuros(m.budget),
      excelEuros(m.realise),
      excelEuros(m.budgetCumule),
      excelEuros(m.realiseCumule),
    ])
  )

  const notesAt = 2
  const notes = [
    `Budget « ${input.budgetSheet} » face au FEC « ${input.fichier} » ; ${suivi.nature === 'charge' ? 'charges' : 'produits'}, établi le ${frenchDate(input.today)}.`,
    ...suivi.hypotheses,
  ]
  const sectionsAt = { row: notesAt + notes.length + 2, column: 0 }
  const monthsAt = { row: sectionsAt.row, column: sectionColumns.length + 1 }
  const sectionsBottom = sectionsAt.row + 1 + Math.max(shown.length, 1) + 1
  const monthsBottom = monthsAt.row + 1 + Math.max(monthRows.length, 1)
  const chartTop = Math.max(sectionsBottom, monthsBottom) + 2
  const detailAt = { row: chartTop + 18, column: 0 }
  const t = suivi.total
  return {
    name: freeSheetName(`Suivi ${year}`, names.sheets),
    blocks: [
      { at: 'A1', rows: [[`Suivi budgétaire ${year} — ${input.cpts}`]], style: 'title' },
      { at: address({ row: notesAt - 1, column: 0 }), rows: notes.map((n) => [n]), style: 'note' },
      {
        at: address({ row: sectionsAt.row - 1, column: 0 }),
        rows: [
          [
            `Par section, cumul à fin ${monthLabel(suivi.jusquA)} (exécution ${t.tauxExecution === null ? '—' : `${(t.tauxExecution * 100).toFixed(1).replace('.', ',')} %`})`,
          ],
        ],
        style: 'subtitle',
      },
      {
        at: address({ row: monthsAt.row - 1, column: monthsAt.column }),
        rows: [['Par mois, toutes sections']],
        style: 'subtitle',
      },
      {
        at: address({ row: detailAt.row - 1, column: 0 }),
        rows: [['Par section et par mois']],
        style: 'subtitle',
      },
    ],
    tables: [
      {
        name: `Suivi_${key}`,
        at: address(sectionsAt),
        columns: sectionColumns,
        rows: sectionRows,
        showTotals: true,
        style: 'TableStyleMedium2',
      },
      {
        name: `SuiviMois_${key}`,
        at: address(monthsAt),
        columns: monthColumns,
        rows: monthRows,
        showTotals: false,
        style: 'TableStyleLight9',
      },
      {
        name: `SuiviDetail_${key}`,
        at: address(detailAt),
        columns: detailColumns,
        rows: detailRows,
        showTotals: false,
        style: 'TableStyleLight1',
      },
    ],
    highlights: [
      {
        // A section whose actual runs ahead of its budget to date.
        range: rangeFrom(
          address({ row: sectionsAt.row + 1, column: 3 }),
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
        title: `Budget et réalisé cumulés à fin ${monthLabel(suivi.jusquA)}, par section`,
        source: rangeFrom(address(sectionsAt), 1 + Math.max(shown.length, 1), 3),
        at: `${address({ row: chartTop, column: 0 })}:${address({ row: chartTop + 16, column: 4 })}`,
      },
      {
        title: 'Budget et réalisé cumulés, par mois',
        source: rangeFrom(address(monthsAt), 1 + Math.max(monthRows.length, 1), 3),
        at: `${address({ row: chartTop, column: monthsAt.column })}:${address({ row: chartTop + 16, column: monthsAt.column + 4 })}`,
      },
    ],
    freezeRows: 0,
    widths: [...sectionColumns.map((c) => c.width), 3, ...monthColumns.map((c) => c.width)],
  }
}
