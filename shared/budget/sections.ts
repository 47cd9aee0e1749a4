// The analytic sections of a CPTS budget: fonctionnement, one per ACI mission, and hors ACI (notes B.4).
import { MISSION_WORDS, type MissionCode } from '../missions'

/**
 * One section per ACI envelope, plus `hors_aci` for what other funders pay, so that secondary
 * funding stays visible (Sénat, rapport n° 32 (2025-2026), proposition n° 11). The order is the
 * order of the reports, of the CSV columns, and the tie-break of the largest-remainder split.
 * The missions are MISSION_CODES in their order (a test holds them equal); the list is written
 * out so that loading this module runs nothing, and Excel's functions bundle can leave it out.
 */
export const SECTIONS = [
  'fonctionnement',
  'acces',
  'parcours',
  'prevention',
  'crise',
  'qualite',
  'accompagnement',
  'hors_aci',
] as const
export type Section = (typeof SECTIONS)[number]

/** The section's French label: the mission's short label, « Fonctionnement » or « Hors ACI ». */
export function sectionLabel(section: Section): string {
  if (section === 'fonctionnement') return 'Fonctionnement'
  if (section === 'hors_aci') return 'Hors ACI'
  return MISSION_WORDS[section].label
}

/** Position of a section in SECTIONS, or -1. */
export function sectionIndex(section: string): number {
  return (SECTIONS as readonly string[]).indexOf(section)
}

export function isMissionSection(section: Section): section is MissionCode {
  return section !== 'fonctionnement' && section !== 'hors_aci'
}
