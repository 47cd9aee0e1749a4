// The plan of a `Portefeuille` sheet: one Excel table per view (by mission, by CPTS, the outliers, the files not read), sortable and filterable, and a chart of consumption by mission.
import {
  countOf,
  Decimal,
  findingCounts,
  formatEuros,
  formatPercent,
  frenchDate,
  type PortfolioDistribution,
  type PortfolioMission,
  type PortfolioRow,
  type PortfolioRowError,
  type PortfolioRowOk,
  type PortfolioSummary,
  toExcelNumber,
} from '../../../shared'
import { SEVERITY_LABELS } from '../wording'
import {
  address,
  type BlockPlan,
  type ColumnPlan,
  freeSheetName,
  freeTableKey,
  type PlanCell,
  rangeFrom,
  type SheetPlan,
  type TablePlan,
} from '../workbook/plan'
import type { NamesInUse } from '../workbook/workbook'
import { FORMATS } from './layout'

export const PORTFOLIO_PREFIXES = [
  'Portefeuille',
  'PortefeuilleMissions',
  'PortefeuilleAnomalies',
  'PortefeuilleNonLus',
] as const

const PERCENT = '0.00%'

const euros = (amount: string | null): number | null =>
  amount === null ? null : toExcelNumber(new Decimal(amount))

/** « 87.50 » (percent) → 0.875, shown 87,50 % by the column's format. */
const rate = (percent: string | null): number | null =>
  percent === null ? null : toExcelNumber(new Decimal(percent).div(100))

const SOURCE_LABELS: Readonly<Record<PortfolioRowOk['source'], string>> = {
  dossier: 'Dossier JSON',
  budget_json: 'Budget JSON',
  budget_csv: 'Budget CSV',
}

export interface PortfolioSheetInput {
  readonly rows: readonly PortfolioRow[]
  readonly summary: PortfolioSummary
  readonly today: string
}

const cptsColumns: ColumnPlan[] = [
  { header: 'N°', format: FORMATS.integer, width: 6 },
  { header: 'Fichier', format: null, width: 28 },
  { header: 'CPTS', format: null, width: 30 },
  { header: 'Source', format: null, width: 13 },
  { header: 'Taille', format: FORMATS.integer, width: 7 },
  { header: 'Population', format: FORMATS.integer, width: 11 },
  { header: 'Exercice', format: null, width: 12 },
  { header: 'Barème', format: null, width: 16 },
  { header: 'Barème en vigueur', format: null, width: 16 },
  { header: 'Années de contrat', format: null, width: 10 },
  { header: 'Enveloppe totale', format: FORMATS.euros, width: 15 },
  { header: 'Charges prévues', format: FORMATS.euros, width: 15 },
  { header: 'Charges des sections ACI', format: FORMATS.euros, width: 15 },
  { header: 'Réalisé', format: FORMATS.euros, width: 15 },
  { header: 'Consommation prévue', format: PERCENT, width: 12 },
  { header: 'Consommation réalisée', format: PERCENT, width: 12 },
  { header: 'Variable réclamé', format: FORMATS.euros, width: 15 },
  { header: 'Variable maximum', format: FORMATS.euros, width: 15 },
  { header: 'Erreurs', format: FORMATS.integer, width: 8 },
  { header: 'Avertissements', format: FORMATS.integer, width: 8 },
  { header: 'Informations', format: FORMATS.integer, width: 8 },
  { header: 'Principaux constats', format: null, width: 60 },
  { header: 'Financements hors ACI', format: FORMATS.euros, width: 15 },
  { header: 'dont entreprises ou laboratoires', format: FORMATS.euros, width: 15 },
  { header: 'Anomalies', format: FORMATS.integer, width: 9 },
  { header: 'Doublon de', format: null, width: 28 },
]

function cptsRow(row: PortfolioRowOk, rows: readonly PortfolioRow[]): PlanCell[] {
  const first = row.doublon === null ? null : rows.find((r) => r.ligne === row.doublon?.de)
  return [
    row.ligne,
    row.fichier,
    row.nom,
    SOURCE_LABELS[row.source],
    row.taille,
    row.population,
    `${frenchDate(row.exercice.debut)} – ${frenchDate(row.exercice.fin)}`,
    row.version,
    row.versionsEnVigueur.join(', '),
    row.anneesContrat.join(', '),
    euros(row.totalEnveloppe),
    euros(row.charges),
    euros(row.chargesSectionsAci),
    euros(row.realise),
    rate(row.consommation.prevue),
    rate(row.consommation.realisee),
    euros(row.variable?.reclame ?? null),
    euros(row.variable?.maximum ?? null),
    row.constats.error,
    row.constats.warning,
    row.constats.info,
    row.principauxConstats
      .map((f) => `${SEVERITY_LABELS[f.severite]} ${f.code} : ${f.message}`)
      .join(' | '),
    euros(row.financementsHorsAci.total),
    euros(row.financementsHorsAci.aRisque),
    row.anomalies.length,
    row.doublon === null
      ? ''
      : `n° ${row.doublon.de}${first == null ? '' : ` (${first.fichier})`}${row.doublon.memesMontants ? ', mêmes montants' : ', autres montants'}`,
  ]
}

const distributionColumns = (what: string): ColumnPlan[] => [
  { header: `Minimum ${what}`, format: PERCENT, width: 11 },
  { header: `CPTS du minimum ${what}`, format: null, width: 24 },
  { header: `1er quartile ${what}`, format: PERCENT, width: 11 },
  { header: `Médiane ${what}`, format: PERCENT, width: 11 },
  { header: `3e quartile ${what}`, format: PERCENT, width: 11 },
  { header: `Maximum ${what}`, format: PERCENT, width: 11 },
  { header: `CPTS du maximum ${what}`, format: null, width: 24 },
]

// The section and the two rates first: they are the chart's source, which must be contiguous.
const missionColumns: ColumnPlan[] = [
  { header: 'Section', format: null, width: 28 },
  { header: 'Consommation prévue', format: PERCENT, width: 12 },
  { header: 'Consommation réalisée', format: PERCENT, width: 12 },
  { header: 'CPTS', format: FORMATS.integer, width: 7 },
  { header: 'Enveloppe', format: FORMATS.euros, width: 15 },
  { header: 'Charges prévues', format: FORMATS.euros, width: 15 },
  { header: 'CPTS avec réalisé', format: FORMATS.integer, width: 9 },
  { header: 'Enveloppe des CPTS avec réalisé', format: FORMATS.euros, width: 15 },
  { header: 'Réalisé', format: FORMATS.euros, width: 15 },
  ...distributionColumns('prévu'),
  ...distributionColumns('réalisé'),
]

function distributionCells(d: PortfolioDistribution): PlanCell[] {
  return [
    rate(d.min?.valeur ?? null),
    d.min === null ? '' : `${d.min.nom} (n° ${d.min.ligne})`,
    rate(d.q1),
    rate(d.mediane),
    rate(d.q3),
    rate(d.max?.valeur ?? null),
    d.max === null ? '' : `${d.max.nom} (n° ${d.max.ligne})`,
  ]
}

function missionRow(m: PortfolioMission): PlanCell[] {
  return [
    m.libelle,
    rate(m.consommationPrevue),
    rate(m.consommationRealisee),
    m.cpts,
    euros(m.enveloppe),
    euros(m.charges),
    m.cptsAvecRealise,
    euros(m.enveloppeAvecRealise),
    euros(m.realise),
    ...distributionCells(m.distributionPrevue),
    ...distributionCells(m.distributionRealisee),
  ]
}

const outlierColumns: ColumnPlan[] = [
  { header: 'N°', format: FORMATS.integer, width: 6 },
  { header: 'CPTS', format: null, width: 30 },
  { header: 'Fichier', format: null, width: 28 },
  { header: 'Anomalie', format: null, width: 40 },
  { header: 'Sur', format: null, width: 10 },
  { header: 'Section', format: null, width: 20 },
  { header: 'Compte', format: FORMATS.text, width: 9 },
  { header: 'Ligne', format: null, width: 36 },
  { header: 'Montant de la ligne', format: FORMATS.euros, width: 15 },
  { header: 'Bénéficiaire', format: null, width: 20 },
  { header: 'Explication', format: null, width: 90 },
]

function outlierRows(row: PortfolioRowOk): PlanCell[][] {
  return row.anomalies.map((a) => [
    row.ligne,
    row.nom,
    row.fichier,
    a.libelle,
    a.realise ? 'réalisé' : 'budget',
    a.section ?? '',
    a.ligne?.compte ?? '',
    a.ligne?.libelle ?? '',
    euros(a.ligne?.montant ?? null),
    a.beneficiaire ?? '',
    a.message,
  ])
}

const errorColumns: ColumnPlan[] = [
  { header: 'N°', format: FORMATS.integer, width: 6 },
  { header: 'Fichier', format: null, width: 28 },
  { header: 'CPTS', format: null, width: 30 },
  { header: 'Code', format: null, width: 20 },
  { header: 'Champ', format: null, width: 20 },
  { header: 'Motif', format: null, width: 90 },
]

const errorRow = (e: PortfolioRowError): PlanCell[] => [
  e.ligne,
  e.fichier,
  e.nom ?? '',
  e.code,
  e.champ ?? '',
  e.message,
]

/** The summary of the portfolio in one sentence, in French. */
export function portfolioSentence(s: PortfolioSummary): string {
  const money = (amount: string) => formatEuros(new Decimal(amount))
  const conso =
    s.consommationPrevue === null
      ? ''
      : ` (${formatPercent(new Decimal(s.consommationPrevue).div(100))} de l’enveloppe)`
  return `${s.cpts} CPTS comptées sur ${countOf(s.entrees, 'fichier lu', 'fichiers lus')} ; ${countOf(s.erreurs, 'non lu', 'non lus')}, ${countOf(s.doublons, 'doublon', 'doublons')}. Enveloppe totale ${money(s.totalEnveloppe)} ; charges des sections ACI ${money(s.chargesSectionsAci)}${conso}.`
}

/**
 * The sheet: title and summary, then four tables one under the other (a filter hides whole
 * rows: tables side by side would hide each other's), the chart under the missions' table.
 */
export function portfolioSheetPlan(input: PortfolioSheetInput, names: NamesInUse): SheetPlan {
  const { rows, summary } = input
  const key = freeTableKey(PORTFOLIO_PREFIXES, input.today.replace(/-/g, ''), names.tables)
  const name = freeSheetName('Portefeuille', names.sheets)
  const ok = rows.filter((r): r is PortfolioRowOk => r.statut === 'ok')
  const errors = rows.filter((r): r is PortfolioRowError => r.statut === 'erreur')
  const s = summary
  const money = (amount: string) => formatEuros(new Decimal(amount))
  const notes: PlanCell[][] = [
    [`Écrit le ${frenchDate(input.today)}. ${portfolioSentence(s)}`],
    [
      `Constats : ${findingCounts(s.constats)}. Financements hors ACI ${money(s.financementsHorsAci.total)}, dont ${money(s.financementsHorsAci.aRisque)} d’entreprises ou de laboratoires (${s.financementsHorsAci.cptsARisque} CPTS).`,
    ],
    [
      `Fongibilité (scénario, non en vigueur) : charges des missions ${money(s.fongibilite.charges)} pour ${money(s.fongibilite.enveloppe)} d’enveloppes ; ${s.fongibilite.cptsEnDepassement} CPTS ont une mission en dépassement, dont ${s.fongibilite.cptsCouverts} couvertes par leurs missions prises ensemble.`,
    ],
    [
      `Anomalies : ${
        s.anomalies.every((a) => a.cpts === 0)
          ? 'aucune'
          : s.anomalies
              .filter((a) => a.cpts > 0)
              .map((a) => `${a.libelle} (${a.cpts} CPTS)`)
              .join(' ; ')
      }.`,
    ],
    [s.methodeQuantiles],
    [s.regleDoublons],
  ]
  const blocks: BlockPlan[] = [
    { at: 'A1', rows: [['Portefeuille de CPTS']], style: 'title' },
    { at: 'A2', rows: notes, style: 'note' },
  ]
  const tables: TablePlan[] = []
  let row = 2 + notes.length + 1
  const place = (title: string, table: Omit<TablePlan, 'at'>): string => {
    blocks.push({ at: address({ row, column: 0 }), rows: [[title]], style: 'subtitle' })
    const at = address({ row: row + 1, column: 0 })
    tables.push({ ...table, at })
    row += 2 + Math.max(table.rows.length, 1) + 2
    return at
  }
  const missions = summary.parMission
  const missionsAt = place('Par mission : enveloppes, charges et consommation', {
    name: `PortefeuilleMissions_${key}`,
    columns: missionColumns,
    rows: missions.map(missionRow),
    showTotals: false,
    style: 'TableStyleMedium2',
  })
  const chartTop = row
  row += 18
  place('Par CPTS', {
    name: `Portefeuille_${key}`,
    columns: cptsColumns,
    rows: ok.map((r) => cptsRow(r, rows)),
    showTotals: false,
    style: 'TableStyleMedium2',
  })
  place('Anomalies : la CPTS et la ligne qui les causent', {
    name: `PortefeuilleAnomalies_${key}`,
    columns: outlierColumns,
    rows: ok.flatMap(outlierRows),
    showTotals: false,
    style: 'TableStyleLight1',
  })
  place('Fichiers non lus', {
    name: `PortefeuilleNonLus_${key}`,
    columns: errorColumns,
    rows: errors.map(errorRow),
    showTotals: false,
    style: 'TableStyleLight1',
  })
  const widthOf = (k: number) =>
    Math.max(
      ...[cptsColumns, missionColumns, outlierColumns, errorColumns].map((c) => c[k]?.width ?? 0)
    )
  const columns = Math.max(
    cptsColumns.length,
    missionColumns.length,
    outlierColumns.length,
    errorColumns.length
  )
  return {
    name,
    blocks,
    tables,
    highlights: [],
    charts: [
      {
        title: 'Consommation des enveloppes par mission',
        source: rangeFrom(missionsAt, 1 + Math.max(missions.length, 1), 3),
        at: `${address({ row: chartTop, column: 0 })}:${address({ row: chartTop + 16, column: 4 })}`,
      },
    ],
    freezeRows: 0,
    widths: Array.from({ length: columns }, (_, k) => widthOf(k)),
  }
}
