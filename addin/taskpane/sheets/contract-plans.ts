// The plans of the `Échéancier` and `Clôture <année>` sheets: a contract's payments, and a fiscal year's cut-off with its journal.
import {
  type Cutoff,
  frenchDate,
  MISSION_WORDS,
  PAYMENT_KIND_LABELS,
  type Schedule,
  toExcelNumber,
} from '../../../shared'
import { excelSerial } from '../../excel/dates'
import {
  address,
  type ColumnPlan,
  freeSheetName,
  freeTableKey,
  type PlanCell,
  type SheetPlan,
} from '../workbook/plan'
import type { NamesInUse } from '../workbook/workbook'
import { FORMATS } from './layout'

const column = (header: string, format: string | null, width: number, total?: 'sum'): ColumnPlan =>
  total === undefined ? { header, format, width } : { header, format, width, total }

const hypothesesBlock = (at: string, hypotheses: Schedule['hypotheses']) => ({
  at,
  rows: hypotheses.map((h): PlanCell[] => [
    `${h.parDefaut ? 'Par défaut' : 'Choisi'} : ${h.texte}`,
  ]),
  style: 'note' as const,
})

/** Every payment of the contract, one row each, dates as dates, with the per-year totals beside. */
export function schedulePlan(
  input: { schedule: Schedule; cpts: string; today: string },
  names: NamesInUse
): SheetPlan {
  const { schedule } = input
  const key = freeTableKey(['Echeancier', 'Annees'], schedule.signature.slice(0, 4), names.tables)
  const columns = [
    column('Date', FORMATS.date, 12),
    column('Année de contrat', '0', 10),
    column('Versement', null, 36),
    column('Mission', null, 28),
    column('Montant', FORMATS.euros, 15, 'sum'),
    column('Période du', FORMATS.date, 12),
    column('au', FORMATS.date, 12),
    column('Calcul', null, 70),
  ]
  const rows = schedule.paiements.map((p): PlanCell[] => [
    excelSerial(p.date),
    p.annee,
    PAYMENT_KIND_LABELS[p.nature],
    p.mission === null ? '' : MISSION_WORDS[p.mission].label,
    toExcelNumber(p.montant),
    excelSerial(p.periode.du),
    excelSerial(p.periode.au),
    p.base,
  ])
  const yearsAt = { row: 4 + rows.length + 4, column: 0 }
  const yearColumns = [
    column('Année de contrat', '0', 12),
    column('Du', FORMATS.date, 12),
    column('Au', FORMATS.date, 12),
    column('Taille', '0', 10),
    column('Fonctionnement', FORMATS.euros, 15, 'sum'),
    column('Volet fixe', FORMATS.euros, 15, 'sum'),
    column('Volet variable', FORMATS.euros, 15, 'sum'),
    column('Total', FORMATS.euros, 15, 'sum'),
  ]
  const yearRows = schedule.parAnnee.map((y): PlanCell[] => [
    y.annee,
    excelSerial(y.debut),
    excelSerial(y.fin),
    y.taille,
    toExcelNumber(y.fonctionnement),
    toExcelNumber(y.fixe),
    toExcelNumber(y.variable),
    toExcelNumber(y.total),
  ])
  return {
    name: freeSheetName('Échéancier ACI', names.sheets),
    blocks: [
      {
        at: 'A1',
        rows: [[`Échéancier des versements ACI — ${input.cpts}`]],
        style: 'title',
      },
      {
        at: 'A2',
        rows: [
          [
            `Contrat signé le ${frenchDate(schedule.signature)}, jusqu’au ${frenchDate(schedule.fin)} ; calculé le ${frenchDate(input.today)} par le complément ACI-CPTS. Hypothèses en bas de feuille.`,
          ],
        ],
        style: 'note',
      },
      {
        at: address({ row: yearsAt.row - 1, column: 0 }),
        rows: [['Par année de contrat']],
        style: 'subtitle',
      },
      {
        at: address({ row: yearsAt.row + yearRows.length + 4, column: 0 }),
        rows: [['Hypothèses']],
        style: 'subtitle',
      },
      hypothesesBlock(
        address({ row: yearsAt.row + yearRows.length + 5, column: 0 }),
        schedule.hypotheses
      ),
    ],
    tables: [
      {
        name: `Echeancier_${key}`,
        at: 'A4',
        columns,
        rows,
        showTotals: true,
        style: 'TableStyleMedium2',
      },
      {
        name: `Annees_${key}`,
        at: address(yearsAt),
        columns: yearColumns,
        rows: yearRows,
        showTotals: true,
        style: 'TableStyleLight9',
      },
    ],
    highlights: [],
    charts: [],
    freezeRows: 4,
    widths: columns.map((c) => c.width),
  }
}

const ECRITURES: Readonly<Record<Cutoff['journal'][number]['ecriture'], string>> = {
  extourne_pca: 'Extourne des PCA',
  extourne_par: 'Extourne des produits à recevoir',
  pca: 'Produits constatés d’avance',
  par: 'Produits à recevoir',
}

/** The cut-off of a fiscal year: the proposed journal first (what the accountant books), then the line-by-line calculation. */
export function cutoffPlan(
  input: { cutoff: Cutoff; cpts: string; today: string },
  names: NamesInUse
): SheetPlan {
  const { cutoff } = input
  const year = cutoff.exercice.fin.slice(0, 4)
  const key = freeTableKey(['Ecritures', 'Cutoff'], year, names.tables)
  const journalColumns = [
    column('Date', FORMATS.date, 12),
    column('Écriture', null, 30),
    column('Compte', FORMATS.text, 10),
    column('Libellé', null, 60),
    column('Débit', FORMATS.euros, 15, 'sum'),
    column('Crédit', FORMATS.euros, 15, 'sum'),
    column('Calcul', null, 80),
  ]
  const journalRows = cutoff.journal.map((j): PlanCell[] => [
    excelSerial(j.date),
    ECRITURES[j.ecriture],
    j.compte,
    j.libelle,
    toExcelNumber(j.debit),
    toExcelNumber(j.credit),
    j.calcul,
  ])
  const linesAt = { row: 4 + Math.max(journalRows.length, 1) + 4, column: 0 }
  const lineColumns = [
    column('Année de contrat', '0', 12),
    column('Droit', null, 30),
    column('Compte', FORMATS.text, 10),
    column('Montant du droit', FORMATS.euros, 15),
    column('Encaissé dans l’exercice', FORMATS.euros, 15, 'sum'),
    column('Produit de l’exercice', FORMATS.euros, 15, 'sum'),
    column('PCA à la clôture', FORMATS.euros, 15, 'sum'),
    column('À recevoir à la clôture', FORMATS.euros, 15, 'sum'),
    column('Calcul', null, 80),
  ]
  const lineRows = cutoff.lignes.map((l): PlanCell[] => [
    l.droit.annee,
    l.droit.mission === null
      ? 'Fonctionnement'
      : `${MISSION_WORDS[l.droit.mission].label}, volet ${l.droit.volet}`,
    l.compte,
    toExcelNumber(l.droit.montant),
    toExcelNumber(l.encaisse),
    toExcelNumber(l.produit),
    toExcelNumber(l.pcaCloture),
    toExcelNumber(l.parCloture),
    l.calcul,
  ])
  return {
    name: freeSheetName(`Clôture ${year}`, names.sheets),
    blocks: [
      {
        at: 'A1',
        rows: [[`Cut-off des produits ACI — exercice ${year} — ${input.cpts}`]],
        style: 'title',
      },
      {
        at: 'A2',
        rows: [
          [
            `Exercice du ${frenchDate(cutoff.exercice.debut)} au ${frenchDate(cutoff.exercice.fin)} ; écritures proposées, à valider par l’expert-comptable ; calculé le ${frenchDate(input.today)}.`,
          ],
        ],
        style: 'note',
      },
      {
        at: address({ row: linesAt.row - 1, column: 0 }),
        rows: [['Calcul par droit (enveloppe et année de contrat)']],
        style: 'subtitle',
      },
      hypothesesBlock(
        address({ row: linesAt.row + lineRows.length + 4, column: 0 }),
        cutoff.hypotheses
      ),
    ],
    tables: [
      {
        name: `Ecritures_${key}`,
        at: 'A4',
        columns: journalColumns,
        rows: journalRows,
        showTotals: true,
        style: 'TableStyleMedium2',
      },
      {
        name: `Cutoff_${key}`,
        at: address(linesAt),
        columns: lineColumns,
        rows: lineRows,
        showTotals: true,
        style: 'TableStyleLight9',
      },
    ],
    highlights: [],
    charts: [],
    freezeRows: 0,
    widths: lineColumns.map((c, i) => Math.max(c.width ?? 0, journalColumns[i]?.width ?? 0)),
  }
}
