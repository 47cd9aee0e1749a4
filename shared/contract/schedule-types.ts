// What a payment schedule is made of: entitlements (droits), payments, totals per year and mission, and the hypotheses it rests on.
import type { MissionCode } from '../missions'
import type { Decimal } from '../money'
import type { Taille } from '../rates/table'
import type { PaymentKind, Volet } from './labels'

export interface Periode {
  /** First day covered. */
  readonly du: string
  /** Last day covered. */
  readonly au: string
}

/** What the contract owes for one envelope of one contract year, before it is split into payments. */
export interface Droit {
  /** Stable id: `a1-fixe-acces`, `a2-fonctionnement`. */
  readonly id: string
  readonly annee: number
  readonly volet: Volet
  readonly mission: MissionCode | null
  readonly montant: Decimal
  readonly periode: Periode
  /** The calculation, in French (« 90 000,00 € × 182/365 jours »). */
  readonly base: string
}

export interface Payment {
  /** Stable id: `a2-fixe_avance-acces`. */
  readonly id: string
  readonly date: string
  readonly annee: number
  readonly nature: PaymentKind
  readonly libelle: string
  readonly mission: MissionCode | null
  readonly montant: Decimal
  readonly periode: Periode
  readonly base: string
  /** The id of the entitlement (Droit) this payment settles, wholly or in part. */
  readonly droit: string
}

export interface Hypothesis {
  readonly code: string
  readonly valeur: string
  readonly parDefaut: boolean
  readonly texte: string
}

export interface YearTotals {
  readonly annee: number
  readonly debut: string
  readonly fin: string
  readonly taille: Taille
  readonly version: string
  readonly fonctionnement: Decimal
  readonly fixe: Decimal
  readonly variable: Decimal
  readonly total: Decimal
}

export interface MissionTotals {
  readonly mission: MissionCode
  readonly libelle: string
  readonly debut: string
  readonly fixe: Decimal
  readonly variable: Decimal
  readonly total: Decimal
}

export interface Schedule {
  readonly signature: string
  readonly fin: string
  readonly droits: readonly Droit[]
  /** By date, then contract year, then kind (balances before advances), then mission. */
  readonly paiements: readonly Payment[]
  readonly parAnnee: readonly YearTotals[]
  readonly parMission: readonly MissionTotals[]
  readonly totaux: {
    readonly fonctionnement: Decimal
    readonly fixe: Decimal
    readonly variable: Decimal
    readonly total: Decimal
  }
  readonly hypotheses: readonly Hypothesis[]
}
