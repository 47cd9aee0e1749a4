// The dynamic arrays that ACI.BAREME, ACI.MISSIONS and ACI.VERSIONS spill: a header row, then one row per line, numbers as numbers.

import {
  gridRows,
  MISSION_WORDS,
  PHASE_LABELS,
  type RateTable,
  type Schedule,
  TAILLES,
  toExcelNumber,
  versionSummary,
} from '../../shared'
import { excelSerial } from '../excel/dates'

/** A spilled cell: text or a number; "" for a cell left blank (null would show as 0). */
export type SpillCell = string | number

export const BAREME_HEADER: readonly SpillCell[] = [
  'Code mission',
  'Mission',
  'Ligne du barème',
  'Volet',
  'Phase',
  ...TAILLES.map((t) => `Taille ${t}`),
]

/** The whole grid of a version as the Assurance Maladie prints it, one column per taille. */
export function baremeRows(table: RateTable): SpillCell[][] {
  return [
    [...BAREME_HEADER],
    ...gridRows(table).map((row) => [
      row.mission ?? '',
      row.missionLabel ?? '',
      row.label,
      row.volet ?? '',
      row.phase ? PHASE_LABELS[row.phase] : '',
      ...row.amounts.map(toExcelNumber),
    ]),
  ]
}

export const MISSIONS_HEADER: readonly SpillCell[] = [
  'Code',
  'Mission',
  'Intitulé du barème',
  'Catégorie',
  'Phases du plan',
]

/** The missions of a version: the code to type in formulas, the labels, socle or optionnelle. */
export function missionRows(table: RateTable): SpillCell[][] {
  return [
    [...MISSIONS_HEADER],
    ...table.missions.map((m) => [
      m.code,
      MISSION_WORDS[m.code].label,
      m.label,
      m.category,
      m.phases.map((p) => PHASE_LABELS[p]).join(' ; '),
    ]),
  ]
}

export const VERSIONS_HEADER: readonly SpillCell[] = [
  'Version',
  'Titre',
  'En vigueur depuis',
  'Source',
  'SHA-256',
]

/**
 * The bundled versions, oldest first. The effective date stays an ISO text (AAAA-MM-JJ):
 * a spilled array cannot carry a date format, and the text is itself a valid `version` argument.
 */
export function versionRows(tables: readonly RateTable[]): SpillCell[][] {
  return [
    [...VERSIONS_HEADER],
    ...tables.map(versionSummary).map((v) => [v.id, v.title, v.effectiveDate, v.source, v.sha256]),
  ]
}

export const ECHEANCIER_HEADER: readonly SpillCell[] = [
  'Date',
  'Année de contrat',
  'Versement',
  'Mission',
  'Montant',
  'Période du',
  'au',
  'Calcul',
]

/**
 * Every payment of the contract, dates as Excel serials (format the columns as dates), then a
 * total row: the spill of ACI.ECHEANCIER.
 */
export function echeancierRows(schedule: Schedule): SpillCell[][] {
  return [
    [...ECHEANCIER_HEADER],
    ...schedule.paiements.map((p) => [
      excelSerial(p.date),
      p.annee,
      p.libelle,
      p.mission === null ? '' : MISSION_WORDS[p.mission].label,
      toExcelNumber(p.montant),
      excelSerial(p.periode.du),
      excelSerial(p.periode.au),
      p.base,
    ]),
    ['Total', '', '', '', toExcelNumber(schedule.totaux.total), '', '', ''],
  ]
}
