// The Enveloppes table of a budget sheet: fonctionnement and each engaged mission, their ACI.* formulas, the planned charges and the gap.
import {
  type BudgetProfil,
  Decimal,
  type EnvelopeReport,
  MISSION_CODES,
  PHASE_LABELS,
  type Section,
} from '../../../shared'
import { excelSerial } from '../../excel/dates'
import type { ColumnPlan, Formula, PlanCell } from '../workbook/plan'
import { euros } from './budget-amounts'
import { BUDGET_HEADERS, ENVELOPPE_HEADERS, FORMATS, sectionHeader } from './layout'

export interface EnvelopeTableInput {
  readonly profil: BudgetProfil
  readonly report: EnvelopeReport
  /** Planned charges per section, as the check splits them. */
  readonly plannedCharges: ReadonlyMap<Section, Decimal>
  /** The name of the lines table the charges are summed from. */
  readonly budgetTable: string
  /** Absolute references to the profile's taille and version cells. */
  readonly tailleRef: string
  readonly versionRef: string
}

export function envelopeTable(input: EnvelopeTableInput): {
  columns: ColumnPlan[]
  rows: PlanCell[][]
} {
  return { columns: envelopeColumns(), rows: envelopeRows(input) }
}

function envelopeRows(input: EnvelopeTableInput): PlanCell[][] {
  const { profil, report, plannedCharges, budgetTable, tailleRef, versionRef } = input
  const chargesOf = (section: Section, expected: Decimal): Formula => ({
    formula: `=SUMIFS(${budgetTable}[${sectionHeader(section)}],${budgetTable}[${BUDGET_HEADERS.nature}],"Charge")`,
    value: euros(expected),
  })
  const fonctionnement = plannedCharges.get('fonctionnement') ?? new Decimal(0)
  return [
    [
      sectionHeader('fonctionnement'),
      'fonctionnement',
      null,
      null,
      null,
      {
        formula: `=ACI.FONCTIONNEMENT(${tailleRef},${versionRef})`,
        value: euros(report.fonctionnement),
      },
      0,
      { formula: '=[@[Volet fixe]]+[@[Volet variable]]', value: euros(report.fonctionnement) },
      chargesOf('fonctionnement', fonctionnement),
      {
        formula: '=[@[Charges prévues]]-[@Enveloppe]',
        value: euros(fonctionnement.minus(report.fonctionnement)),
      },
    ],
    ...report.missions.map((line): PlanCell[] => {
      const mission = profil.missions.find((m) => m.mission === line.mission)
      const charges = plannedCharges.get(line.mission) ?? new Decimal(0)
      return [
        sectionHeader(line.mission),
        line.mission,
        mission === undefined ? null : excelSerial(mission.debut),
        line.taux.toNumber(),
        line.phase === null ? null : PHASE_LABELS[line.phase],
        {
          formula: `=ACI.FIXE([@Code],${tailleRef},[@Phase],${versionRef})`,
          value: euros(line.fixe),
        },
        {
          formula: `=ACI.VARIABLE([@Code],${tailleRef},[@[Taux attendu]],${versionRef})`,
          value: euros(line.variable),
        },
        { formula: '=[@[Volet fixe]]+[@[Volet variable]]', value: euros(line.attendu) },
        chargesOf(line.mission, charges),
        {
          formula: '=[@[Charges prévues]]-[@Enveloppe]',
          value: euros(charges.minus(line.attendu)),
        },
      ]
    }),
  ]
}

function envelopeColumns(): ColumnPlan[] {
  return [
    { header: ENVELOPPE_HEADERS.section, format: null, width: 28, total: { label: 'Total' } },
    {
      header: ENVELOPPE_HEADERS.code,
      format: FORMATS.text,
      width: 15,
      validation: {
        kind: 'list',
        source: ['fonctionnement', ...MISSION_CODES],
        prompt: 'Code de la section : fonctionnement ou une mission de l’ACI.',
      },
    },
    { header: ENVELOPPE_HEADERS.debut, format: FORMATS.date, width: 12 },
    {
      header: ENVELOPPE_HEADERS.taux,
      format: FORMATS.percent,
      width: 10,
      validation: {
        kind: 'decimal',
        min: 0,
        max: 1,
        prompt: 'Taux d’atteinte attendu des indicateurs, de 0 % à 100 %.',
      },
    },
    {
      header: ENVELOPPE_HEADERS.phase,
      format: null,
      width: 12,
      validation: {
        kind: 'list',
        source: Object.values(PHASE_LABELS),
        prompt: 'Mission crise : rédaction du plan (1re année) ou mise à jour.',
      },
    },
    { header: ENVELOPPE_HEADERS.fixe, format: FORMATS.euros, width: 14, total: 'sum' },
    { header: ENVELOPPE_HEADERS.variable, format: FORMATS.euros, width: 14, total: 'sum' },
    { header: ENVELOPPE_HEADERS.enveloppe, format: FORMATS.euros, width: 14, total: 'sum' },
    { header: ENVELOPPE_HEADERS.charges, format: FORMATS.euros, width: 15, total: 'sum' },
    { header: ENVELOPPE_HEADERS.ecart, format: FORMATS.euros, width: 14, total: 'sum' },
  ]
}
