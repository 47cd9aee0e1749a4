// A rate table laid out as the Assurance Maladie prints it: one row per line, one column per taille.
import { MISSION_WORDS, type MissionCode } from '../missions'
import type { Phase } from './schema'
import type { PerTaille, RateTable } from './table'

export interface GridRow {
  readonly kind: 'fonctionnement' | 'composante' | 'total_mission' | 'total'
  readonly mission: MissionCode | null
  /** The mission's short label, or null for fonctionnement and the grand total. */
  readonly missionLabel: string | null
  readonly label: string
  readonly volet: 'fixe' | 'variable' | null
  readonly phase: Phase | null
  readonly amounts: PerTaille
}

export function gridRows(table: RateTable): GridRow[] {
  const rows: GridRow[] = [
    {
      kind: 'fonctionnement',
      mission: null,
      missionLabel: null,
      label: table.fonctionnement.label,
      volet: null,
      phase: null,
      amounts: table.fonctionnement.amounts,
    },
  ]
  for (const m of table.missions) {
    const missionLabel = MISSION_WORDS[m.code].label
    for (const c of m.components) {
      rows.push({
        kind: 'composante',
        mission: m.code,
        missionLabel,
        label: c.label,
        volet: c.volet,
        phase: c.phase ?? null,
        amounts: c.amounts,
      })
    }
    rows.push({
      kind: 'total_mission',
      mission: m.code,
      missionLabel,
      label: `Total ${missionLabel.toLowerCase()}`,
      volet: null,
      phase: null,
      amounts: m.total,
    })
  }
  rows.push({
    kind: 'total',
    mission: null,
    missionLabel: null,
    label: 'Financement total possible',
    volet: null,
    phase: null,
    amounts: table.total,
  })
  return rows
}

export interface VersionSummary {
  readonly id: string
  readonly title: string
  readonly effectiveDate: string
  readonly source: string
  readonly sha256: string
}

export function versionSummary(table: RateTable): VersionSummary {
  return {
    id: table.id,
    title: table.title,
    effectiveDate: table.effectiveDate,
    source: `${table.source.document} — ${table.source.article}`,
    sha256: table.sha256,
  }
}
