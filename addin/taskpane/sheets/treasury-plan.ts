// The plan of a `Trésorerie <année>` sheet: the cash plan month by month (opening, ACI receipts, other receipts, disbursements, closing), its alerts and a chart.
import { type CashPlan, countOf, frenchDate } from '../../../shared'
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
import { excelEuros, monthLabel } from './suivi-plan'

export interface TreasurySheetInput {
  readonly plan: CashPlan
  readonly cpts: string
  readonly exercice: { readonly debut: string; readonly fin: string }
  /** Where the opening cash comes from, said on the sheet. */
  readonly ouverture: string
  readonly today: string
}

export function treasurySheetPlan(input: TreasurySheetInput, names: NamesInUse): SheetPlan {
  const { plan } = input
  const year = input.exercice.fin.slice(0, 4)
  const key = freeTableKey(['Tresorerie', 'Alertes'], year, names.tables)
  // Closing cash first after the month, then the ACI receipts: the chart takes these three columns.
  const columns: ColumnPlan[] = [
    { header: 'Mois', format: '@', width: 10 },
    { header: 'Trésorerie de clôture', format: FORMATS.euros, width: 17 },
    { header: 'Encaissements ACI', format: FORMATS.euros, width: 16, total: 'sum' },
    { header: 'Autres encaissements', format: FORMATS.euros, width: 16, total: 'sum' },
    { header: 'Décaissements', format: FORMATS.euros, width: 16, total: 'sum' },
    { header: 'Trésorerie d’ouverture', format: FORMATS.euros, width: 17 },
    { header: 'Décaissements d’après', format: null, width: 16 },
    { header: 'Alerte', format: null, width: 50 },
  ]
  const alertOf = new Map(plan.alertes.map((a) => [a.mois, a.message]))
  const rows: PlanCell[][] = plan.mois.map((m) => [
    monthLabel(m.mois),
    excelEuros(m.solde),
    excelEuros(m.encaissementsAci),
    excelEuros(m.autresEncaissements),
    excelEuros(m.decaissements),
    excelEuros(m.ouverture),
    m.source === 'realise' ? 'le FEC' : 'le budget',
    alertOf.get(m.mois) ?? '',
  ])
  const notes = [
    `Exercice du ${frenchDate(input.exercice.debut)} au ${frenchDate(input.exercice.fin)} ; établi le ${frenchDate(input.today)}. ${input.ouverture}`,
    ...plan.hypotheses,
  ]
  const tableAt = { row: 1 + notes.length + 2, column: 0 }
  const chartTop = tableAt.row + 1 + Math.max(rows.length, 1) + 1 + 2
  const alertsAt = { row: chartTop + 18, column: 0 }
  return {
    name: freeSheetName(`Trésorerie ${year}`, names.sheets),
    blocks: [
      { at: 'A1', rows: [[`Plan de trésorerie ${year} — ${input.cpts}`]], style: 'title' },
      { at: 'A2', rows: notes.map((n) => [n]), style: 'note' },
      {
        at: address({ row: tableAt.row - 1, column: 0 }),
        rows: [[`Mois par mois : ${countOf(plan.alertes.length, 'alerte', 'alertes')}`]],
        style: 'subtitle',
      },
      {
        at: address({ row: alertsAt.row - 1, column: 0 }),
        rows: [['Alertes']],
        style: 'subtitle',
      },
    ],
    tables: [
      {
        name: `Tresorerie_${key}`,
        at: address(tableAt),
        columns,
        rows,
        showTotals: true,
        style: 'TableStyleMedium2',
      },
      {
        name: `Alertes_${key}`,
        at: address(alertsAt),
        columns: [
          { header: 'Mois', format: '@', width: 10 },
          { header: 'Niveau', format: null, width: 17 },
          { header: 'Alerte', format: null, width: 60 },
        ],
        rows:
          plan.alertes.length === 0
            ? [['', '', 'Aucun mois sous zéro ni sous le seuil.']]
            : plan.alertes.map((a) => [
                monthLabel(a.mois),
                a.niveau === 'negatif' ? 'Sous zéro' : 'Sous le seuil',
                a.message,
              ]),
        showTotals: false,
        style: 'TableStyleLight1',
      },
    ],
    highlights: [],
    charts: [
      {
        title: 'Trésorerie de fin de mois et encaissements ACI',
        source: rangeFrom(address(tableAt), 1 + Math.max(rows.length, 1), 3),
        at: `${address({ row: chartTop, column: 0 })}:${address({ row: chartTop + 16, column: 5 })}`,
      },
    ],
    freezeRows: 0,
    widths: columns.map((c) => c.width),
  }
}
