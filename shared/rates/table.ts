// A rate table once loaded: checked, with Decimal amounts and lookups ready for the arithmetic.
import type { MissionCode } from '../missions'
import type { Decimal } from '../money'
import type { Phase, RateTableData } from './schema'

export type Taille = 1 | 2 | 3 | 4
export const TAILLES: readonly Taille[] = [1, 2, 3, 4]

/** Four amounts, index 0 for taille 1. */
export type PerTaille = readonly [Decimal, Decimal, Decimal, Decimal]

export interface Component {
  readonly code: string
  readonly label: string
  readonly volet: 'fixe' | 'variable'
  readonly phase: Phase | undefined
  readonly amounts: PerTaille
}

export interface Mission {
  readonly code: MissionCode
  readonly label: string
  readonly category: 'socle' | 'optionnelle'
  /** The crisis plan's phases, the first one being the one the published total counts; empty otherwise. */
  readonly phases: readonly Phase[]
  readonly components: readonly Component[]
  /** The mission's total as the source prints it (checked against the components when loading). */
  readonly total: PerTaille
  /** Volet fixe per taille, for each phase (key `undefined` when the mission has no phases). */
  readonly fixe: ReadonlyMap<Phase | undefined, PerTaille>
  /** Maximal volet variable per taille. */
  readonly variable: PerTaille
}

export interface RateTable {
  readonly id: string
  readonly title: string
  readonly effectiveDate: string
  readonly source: RateTableData['source']
  readonly tailles: RateTableData['tailles']
  readonly fonctionnement: { readonly label: string; readonly amounts: PerTaille }
  readonly missions: readonly Mission[]
  /** The grand total as the source prints it (checked when loading). */
  readonly total: PerTaille
  /** SHA-256 of the canonical serialization of `data`. */
  readonly sha256: string
  /** The file as published, for the Worker to serve and the task pane to verify. */
  readonly data: RateTableData
  mission(code: MissionCode): Mission | undefined
  /** Normalized labels of this table's missions, accepted as mission inputs. */
  readonly missionLabels: ReadonlyMap<string, MissionCode>
}
