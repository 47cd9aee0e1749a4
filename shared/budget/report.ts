// The report of a budget check: plain JSON, amounts as decimal strings, the same offline and online.
import type { FiscalIncome } from '../contract'
import { formatEuros } from '../format'
import { Decimal, toAmountString } from '../money'
import type { Phase } from '../rates/schema'
import type { Taille } from '../rates/table'
import type { Finding, Severity } from './findings'
import type { Section } from './sections'

/** Planned charges against an envelope: within (equal), over by X, under by Y, or no envelope to compare with. */
export type Status = 'within' | 'over' | 'under' | 'no_envelope'

export interface Comparison {
  readonly status: Status
  /** How far over or under, always positive; null when within or without envelope. */
  readonly difference: string | null
  /** The status in French, with the amount: « dépassement de 1 200,00 € ». */
  readonly statusLabel: string
}

/**
 * Actual amounts (réalisé) against the budget and the envelope. The comparison (status,
 * difference, statusLabel) is the actual charges against the envelope, as for planned charges.
 * Percentages are decimal strings with two decimals, rounded half up ("87.50" for 87,50 %).
 */
export interface ActualReport extends Comparison {
  /** Actual charges (class 6) allocated to the section. */
  readonly charges: string
  /** Actual income (class 7) allocated to the section. */
  readonly produits: string
  /** Actual − planned charges: positive when more was spent than planned. */
  readonly ecartBudget: string
  /** Actual charges in percent of planned charges; null when no charge was planned. */
  readonly execution: string | null
  /** Envelope − actual charges: what is left to spend (negative when over); null without envelope. */
  readonly reste: string | null
  /** Actual charges in percent of the envelope; null without envelope or for an envelope of zero. */
  readonly consommation: string | null
}

export interface SectionReport extends Comparison {
  readonly section: Section
  readonly label: string
  /** A mission engaged in the contract and started by the end of the financial year; fonctionnement always. */
  readonly engagee: boolean
  /** Planned charges (class 6) allocated to the section. */
  readonly charges: string
  /** Planned income (class 7) allocated to the section. */
  readonly produits: string
  /** fonctionnement, or fixe + variable × expected rate; null for hors ACI and missions not engaged. */
  readonly enveloppe: string | null
  /** How a mission's envelope is made. */
  readonly detail: {
    readonly fixe: string
    readonly variableMax: string
    readonly taux: string
    readonly variable: string
    readonly phase: Phase | null
  } | null
  /** Present only when some line of the budget has an actual amount. */
  readonly realise?: ActualReport
}

/** The actual totals: all lines for charges, income and result; the ACI sections against the contract's envelope. */
export interface ActualTotals extends ActualReport {
  readonly resultat: string
  readonly chargesSectionsAci: string
  readonly chargesHorsAci: string
  readonly nonReparti: string
  readonly produitsAci: string
}

/**
 * What the fiscal year earns from the profile's contract, against the contract-year envelopes:
 * produitsAciExercice's own years, accounts and entitlements, with the budget beside them.
 */
export interface FiscalIncomeReport
  extends Pick<FiscalIncome, 'produitsAciExercice' | 'parAnnee' | 'parCompte' | 'lignes'> {
  /** The envelopes of the contract years the fiscal year touches. */
  readonly enveloppesContrat: string
  /** The budget's ACI income − produitsAciExercice: positive when the budget counts more. */
  readonly ecartBudget: string
}

export interface BudgetReport {
  readonly cpts: string
  readonly taille: Taille
  readonly exercice: { readonly debut: string; readonly fin: string }
  /** The reference data the check used, with their fingerprints: what an auditor re-checks. */
  readonly references: {
    readonly bareme: {
      readonly id: string
      readonly title: string
      readonly effectiveDate: string
      readonly sha256: string
    }
    readonly planComptable: {
      readonly id: string
      readonly title: string
      readonly effectiveDate: string
      readonly sha256: string
    }
    readonly pass: { readonly id: string; readonly sha256: string }
    readonly depensesSenat: { readonly id: string; readonly sha256: string }
  }
  readonly sections: readonly SectionReport[]
  readonly totaux: Comparison & {
    /** All planned charges (class 6). */
    readonly charges: string
    /** All planned income (class 7). */
    readonly produits: string
    /** produits − charges: excédent if positive, insuffisance if negative. */
    readonly resultat: string
    /** Charges allocated to fonctionnement and the missions: what the ACI envelopes are compared with. */
    readonly chargesSectionsAci: string
    readonly chargesHorsAci: string
    /** Charges not allocated to any section (no split, or a split that does not reach the line). */
    readonly nonReparti: string
    /** fonctionnement + every engaged mission's fixe + variable × rate. */
    readonly enveloppe: string
    /** Income lines whose funder is the ACI. */
    readonly produitsAci: string
    /** Contributions volontaires en nature: uses (86) and resources (87), outside the result. */
    readonly emploisNature: string
    readonly contributionsNature: string
    /**
     * Present only when some line has an actual amount. ecartBudget and execution compare all
     * actual charges with all planned charges; reste, consommation and the status compare the
     * actual charges of the ACI sections with the contract's envelope.
     */
    readonly realise?: ActualTotals
  }
  /**
   * What the fiscal year earns from the profile's contract: the cut-off's 706 total for the same
   * contract and year, the ACI income a budget of the fiscal year should count. null when the
   * profile's contract cannot be computed (a finding says why).
   */
  readonly produitsAciExercice: string | null
  /** produitsAciExercice explained: contract years, entitlements, 706 accounts; null with it. */
  readonly produitsExercice: FiscalIncomeReport | null
  /**
   * A what-if the current rules do not allow: the missions' charges against the sum of their
   * envelopes, as if they were fungible (a proposal of the Sénat, not in force).
   */
  readonly fongibilite: Comparison & {
    readonly scenario: true
    readonly label: string
    readonly charges: string
    readonly enveloppe: string
  }
  /** Sorted: errors, then warnings, then infos; within a severity by code, section, line. */
  readonly findings: readonly Finding[]
  readonly counts: Readonly<Record<Severity, number>>
}

/**
 * part / whole in percent, two decimals, half up: "87.50". The one rounding of percentages in
 * reports; null when whole is zero.
 */
export function percentOf(part: Decimal, whole: Decimal): string | null {
  if (whole.isZero()) return null
  return part.times(100).div(whole).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
}

/** Compares planned (or actual) charges with an envelope. */
export function compare(charges: Decimal, enveloppe: Decimal | null, none: string): Comparison {
  if (enveloppe === null) return { status: 'no_envelope', difference: null, statusLabel: none }
  const gap = charges.minus(enveloppe)
  if (gap.isZero()) return { status: 'within', difference: null, statusLabel: 'égal à l’enveloppe' }
  if (gap.isPositive()) {
    return {
      status: 'over',
      difference: toAmountString(gap),
      statusLabel: `dépassement de ${formatEuros(gap)}`,
    }
  }
  return {
    status: 'under',
    difference: toAmountString(gap.negated()),
    statusLabel: `sous l’enveloppe de ${formatEuros(gap.negated())}`,
  }
}
