// The check's report as the pane receives it: read from the service's JSON through a schema, never cast; and the sections worth showing.
import * as v from 'valibot'
import {
  type BudgetReport,
  Decimal,
  FINDING_CODES,
  isAmountString,
  PHASES,
  SECTIONS,
  type SectionReport,
  TAILLES,
} from '../../../shared'

const amount = v.pipe(v.string(), v.check(isAmountString, 'montant attendu'))
const amountOrNull = v.nullable(amount)
/** Percentages with two decimals ("87.50"), as the core writes them. */
const percentOrNull = v.nullable(v.string())
const severity = v.picklist(['error', 'warning', 'info'])
const status = v.picklist(['within', 'over', 'under', 'no_envelope'])
const comparison = {
  status,
  difference: amountOrNull,
  statusLabel: v.string(),
}
const actual = {
  ...comparison,
  charges: amount,
  produits: amount,
  ecartBudget: amount,
  execution: percentOrNull,
  reste: amountOrNull,
  consommation: percentOrNull,
}
const reference = v.object({ id: v.string(), sha256: v.string() })
const dated = v.object({
  id: v.string(),
  title: v.string(),
  effectiveDate: v.string(),
  sha256: v.string(),
})

const sectionSchema = v.object({
  ...comparison,
  section: v.picklist(SECTIONS),
  label: v.string(),
  engagee: v.boolean(),
  charges: amount,
  produits: amount,
  enveloppe: amountOrNull,
  detail: v.nullable(
    v.object({
      fixe: amount,
      variableMax: amount,
      taux: v.string(),
      variable: amount,
      phase: v.nullable(v.picklist(PHASES)),
    })
  ),
  realise: v.optional(v.object(actual)),
})

const findingSchema = v.object({
  code: v.picklist(FINDING_CODES),
  severity,
  base: v.optional(v.literal('realise')),
  section: v.nullable(v.picklist(SECTIONS)),
  ligne: v.nullable(v.object({ compte: v.string(), libelle: v.string(), montant: amount })),
  beneficiaire: v.nullable(v.string()),
  amounts: v.record(v.string(), v.string()),
  message: v.string(),
  source: v.string(),
})

const fiscalIncomeSchema = v.object({
  produitsAciExercice: amount,
  enveloppesContrat: amount,
  ecartBudget: amount,
  parAnnee: v.array(
    v.object({
      annee: v.number(),
      debut: v.string(),
      fin: v.string(),
      enveloppe: amount,
      produit: amount,
      horsExercice: amount,
    })
  ),
  parCompte: v.array(v.object({ compte: v.string(), libelle: v.string(), produit: amount })),
  lignes: v.array(
    v.object({
      droit: v.string(),
      annee: v.number(),
      volet: v.picklist(['fonctionnement', 'fixe', 'variable']),
      mission: v.nullable(v.string()),
      compte: v.string(),
      enveloppe: amount,
      acquisAvant: amount,
      produit: amount,
      acquisApres: amount,
      explication: v.string(),
    })
  ),
})

/** The report of `POST /api/v1/budgets/check`, field by field as the core writes it. */
export const budgetReportSchema: v.GenericSchema<unknown, BudgetReport> = v.object({
  cpts: v.string(),
  taille: v.picklist(TAILLES),
  exercice: v.object({ debut: v.string(), fin: v.string() }),
  references: v.object({
    bareme: dated,
    planComptable: dated,
    pass: reference,
    depensesSenat: reference,
  }),
  sections: v.array(sectionSchema),
  totaux: v.object({
    ...comparison,
    charges: amount,
    produits: amount,
    resultat: amount,
    chargesSectionsAci: amount,
    chargesHorsAci: amount,
    nonReparti: amount,
    enveloppe: amount,
    produitsAci: amount,
    emploisNature: amount,
    contributionsNature: amount,
    realise: v.optional(
      v.object({
        ...actual,
        resultat: amount,
        chargesSectionsAci: amount,
        chargesHorsAci: amount,
        nonReparti: amount,
        produitsAci: amount,
      })
    ),
  }),
  produitsAciExercice: amountOrNull,
  produitsExercice: v.nullable(fiscalIncomeSchema),
  fongibilite: v.object({
    ...comparison,
    scenario: v.literal(true),
    label: v.string(),
    charges: amount,
    enveloppe: amount,
  }),
  findings: v.array(findingSchema),
  counts: v.object({ error: v.number(), warning: v.number(), info: v.number() }),
})

/** The report in a service's answer, or null when the answer is not one (another version, a proxy's page…). */
export function reportOf(body: unknown): BudgetReport | null {
  const result = v.safeParse(budgetReportSchema, body)
  return result.success ? result.output : null
}

/** The sections with an envelope or planned charges: what the tab and the sheet compare. */
export function sectionsShown(report: BudgetReport): readonly SectionReport[] {
  return report.sections.filter((s) => s.enveloppe !== null || !new Decimal(s.charges).isZero())
}
