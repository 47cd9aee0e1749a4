// The portfolio's rows and synthesis as plain JSON: what the pane writes to its sheet and the Worker streams, amounts as decimal strings, rates as percent strings.
import type { Financeur, Section, Severity } from '../budget'
import type { Encodage } from '../text/decode'

/** What a file was read as. */
export type PortfolioSource = 'dossier' | 'budget_json' | 'budget_csv'

/** A line of the CPTS's budget a finding or an outlier is about. */
export interface PortfolioLine {
  readonly compte: string
  readonly libelle: string
  readonly montant: string
}

/** A finding of the CPTS's check, as its budget check or its dossier gives it. */
export interface PortfolioFinding {
  readonly severite: Severity
  readonly code: string
  /** On the actuals (réalisé) rather than the budget. */
  readonly realise: boolean
  readonly section: Section | null
  readonly ligne: PortfolioLine | null
  readonly beneficiaire: string | null
  readonly message: string
}

/**
 * The outliers the portfolio names (Sénat, MECSS, rapport n° 32 (2025-2026)): fonctionnement over
 * its envelope, hoarding, secondary funding from companies or laboratories, PASS overruns, and a
 * budget built on another rate version than the one in force for its contract years.
 */
export const OUTLIER_LABELS = {
  'FONC-DEPASSEE': 'Fonctionnement au-delà de son enveloppe',
  'SENAT-THESAURISATION': 'Thésaurisation de fonds ACI',
  'FINANCEMENT-SECONDAIRE': 'Financement par une entreprise ou un laboratoire pharmaceutique',
  'PASS-PLAFOND': 'Indemnités d’un professionnel au-delà du PASS',
  'BAREME-VERSION': 'Barème autre que celui en vigueur pour les années de contrat de l’exercice',
  'BAREME-EMPREINTE': 'Barème dont l’empreinte diffère de celle de la version connue',
} as const

export type OutlierCode = keyof typeof OUTLIER_LABELS

export interface PortfolioOutlier {
  readonly code: OutlierCode
  readonly libelle: string
  readonly realise: boolean
  readonly section: Section | null
  /** The budget line that caused it, when the rule is about one line. */
  readonly ligne: PortfolioLine | null
  readonly beneficiaire: string | null
  readonly message: string
}

export interface PortfolioSectionRow {
  readonly section: Section
  readonly libelle: string
  readonly engagee: boolean
  /** null for hors ACI and for missions not engaged. */
  readonly enveloppe: string | null
  readonly charges: string
  /** Actual charges; null when the CPTS has no actuals. */
  readonly realise: string | null
  /** Planned charges in percent of the envelope ("87.50"); null without an envelope. */
  readonly consommationPrevue: string | null
  /** Actual charges in percent of the envelope; null without actuals or envelope. */
  readonly consommationRealisee: string | null
  readonly statut: 'within' | 'over' | 'under' | 'no_envelope'
}

export interface PortfolioFunder {
  readonly financeur: Financeur | null
  readonly libelle: string
  /** Company or pharmaceutical laboratory (Sénat, proposition n° 11). */
  readonly aRisque: boolean
  readonly prevu: string
  readonly realise: string | null
  readonly lignes: readonly {
    compte: string
    libelle: string
    prevu: string
    realise: string | null
  }[]
}

/** One CPTS read and checked. */
export interface PortfolioRowOk {
  /** The input's rank, from 1: the file's place in the selection, or the line of the NDJSON body. */
  readonly ligne: number
  readonly statut: 'ok'
  /** The name the caller gave the input (its file name). */
  readonly fichier: string
  readonly source: PortfolioSource
  /** How bytes were decoded; null when the caller gave text. */
  readonly encodage: Encodage | null
  /** The CPTS's name. */
  readonly nom: string
  readonly taille: 1 | 2 | 3 | 4
  readonly population: number | null
  readonly signature: string
  readonly exercice: { readonly debut: string; readonly fin: string }
  /** The rate version the budget was checked with. */
  readonly version: string
  /** The versions in force on the first day of each contract year the fiscal year touches. */
  readonly versionsEnVigueur: readonly string[]
  /** The contract years (1 to 5) the fiscal year touches. */
  readonly anneesContrat: readonly number[]
  /** Fonctionnement + each engaged mission's fixe + variable at its expected rate. */
  readonly totalEnveloppe: string
  /** All planned charges (class 6). */
  readonly charges: string
  /** Planned charges of fonctionnement and the missions: what the envelope is compared with. */
  readonly chargesSectionsAci: string
  /** Actual charges of fonctionnement and the missions; null without actuals. */
  readonly realise: string | null
  readonly consommation: { readonly prevue: string | null; readonly realisee: string | null }
  /** The variable part claimed against its maximum, when the dossier carries its indicators. */
  readonly variable: {
    readonly reclame: string
    readonly maximum: string
    readonly taux: string | null
  } | null
  readonly constats: Readonly<Record<Severity, number>>
  /** The three most serious findings (errors first). */
  readonly principauxConstats: readonly PortfolioFinding[]
  readonly financementsHorsAci: {
    readonly total: string
    readonly aRisque: string
    readonly financeurs: readonly PortfolioFunder[]
  }
  readonly sections: readonly PortfolioSectionRow[]
  /** The missions' charges against the sum of their envelopes, as if fungible (not in force). */
  readonly fongibilite: {
    readonly charges: string
    readonly enveloppe: string
    /** Some engaged mission is over its own envelope. */
    readonly depassement: boolean
    readonly statut: 'within' | 'over' | 'under' | 'no_envelope'
  }
  readonly anomalies: readonly PortfolioOutlier[]
  /**
   * Another input of the same CPTS and fiscal year came first: this one is listed, not counted.
   * `memesMontants` tells a copy from another version of its budget.
   */
  readonly doublon: { readonly de: number; readonly memesMontants: boolean } | null
}

/** An input that could not be read as a dossier or a budget, with the reason in French. */
export interface PortfolioRowError {
  readonly ligne: number
  readonly statut: 'erreur'
  readonly fichier: string
  /** The CPTS's name, when it could be read before the error. */
  readonly nom: string | null
  readonly code: string
  readonly message: string
  readonly champ: string | null
}

export type PortfolioRow = PortfolioRowOk | PortfolioRowError

/** A value of a distribution, with the CPTS it belongs to for the extremes. */
export interface PortfolioExtreme {
  readonly valeur: string
  readonly ligne: number
  readonly nom: string
}

/** Consumption rates across CPTS, in percent ("87.50"); quantiles as Excel's QUARTILE.INC computes them. */
export interface PortfolioDistribution {
  readonly n: number
  readonly min: PortfolioExtreme | null
  readonly q1: string | null
  readonly mediane: string | null
  readonly q3: string | null
  readonly max: PortfolioExtreme | null
}

export interface PortfolioMission {
  readonly section: Section
  readonly libelle: string
  /** CPTS with an envelope for this section. */
  readonly cpts: number
  readonly enveloppe: string
  readonly charges: string
  readonly consommationPrevue: string | null
  /** CPTS with actuals and an envelope for this section; their envelope and actual charges. */
  readonly cptsAvecRealise: number
  readonly enveloppeAvecRealise: string
  readonly realise: string
  readonly consommationRealisee: string | null
  readonly distributionPrevue: PortfolioDistribution
  readonly distributionRealisee: PortfolioDistribution
}

export interface PortfolioSummary {
  /** CPTS counted (duplicates and errors left out). */
  readonly cpts: number
  readonly erreurs: number
  readonly doublons: number
  /** Inputs read: cpts + erreurs + doublons. */
  readonly entrees: number
  readonly totalEnveloppe: string
  readonly charges: string
  readonly chargesSectionsAci: string
  readonly consommationPrevue: string | null
  readonly realise: {
    readonly cpts: number
    readonly enveloppe: string
    readonly chargesSectionsAci: string
    readonly consommation: string | null
  }
  readonly variable: { readonly cpts: number; readonly reclame: string; readonly maximum: string }
  readonly constats: Readonly<Record<Severity, number>>
  readonly financementsHorsAci: {
    readonly total: string
    readonly aRisque: string
    readonly cptsARisque: number
  }
  readonly fongibilite: {
    readonly scenario: true
    readonly charges: string
    readonly enveloppe: string
    /** CPTS with some mission over its own envelope. */
    readonly cptsEnDepassement: number
    /** Of those, the CPTS whose missions would be within their envelopes taken together. */
    readonly cptsCouverts: number
  }
  readonly anomalies: readonly { code: OutlierCode; libelle: string; cpts: number }[]
  readonly parMission: readonly PortfolioMission[]
  readonly methodeQuantiles: string
  readonly regleDoublons: string
}
