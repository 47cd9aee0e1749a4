// The check of the actual amounts (réalisé): the same envelope, PASS, Sénat and line rules, and the report's réalisé blocks.
import { Decimal, toAmountString } from '../money'
import { CentsTotal } from './cents'
import type { BudgetContext } from './context'
import { type Finding, onActuals } from './findings'
import type { PreparedActual } from './realise'
import { type ActualReport, type ActualTotals, percentOf, type SectionReport } from './report'
import { envelopeRules } from './rules/envelopes'
import { FunderTotals } from './rules/income'
import { actualLineFindings } from './rules/lines'
import { BeneficiaryTotals } from './rules/pass'
import { senatLineFindings } from './rules/senat'
import { SECTIONS } from './sections'

function addParts(parts: readonly number[] | undefined, totals: readonly CentsTotal[]): void {
  if (parts === undefined) return
  for (let s = 0; s < parts.length; s++) {
    const cents = parts[s] as number
    if (cents !== 0) (totals[s] as CentsTotal).add(cents)
  }
}

/** The planned side the actuals are compared with. */
export interface Planned {
  readonly sections: readonly SectionReport[]
  readonly charges: Decimal
}

/**
 * Actual amounts gathered while the lines are read, then checked like the budget. Left out of
 * the actuals: what does not depend on amounts (accounts of the chart, where income is booked,
 * funders named, the profile) or concerns the budget document as a whole (financial part,
 * contributions in kind): those findings are the budget's and would only repeat.
 */
export class ActualsCheck {
  private readonly charges = SECTIONS.map(() => new CentsTotal())
  private readonly produits = SECTIONS.map(() => new CentsTotal())
  private readonly totalCharges = new CentsTotal()
  private readonly totalProduits = new CentsTotal()
  private readonly funders = new FunderTotals()
  private readonly people = new BeneficiaryTotals()
  private readonly found: Finding[] = []
  private lines = 0

  constructor(private readonly ctx: BudgetContext) {}

  /** Some line has an actual amount: the report then has its réalisé blocks. */
  get present(): boolean {
    return this.lines > 0
  }

  add(actual: PreparedActual): void {
    this.lines += 1
    actualLineFindings(actual, this.found)
    if (actual.cents !== 0) senatLineFindings(actual, this.ctx, this.found)
    if (actual.nature === 'charge') {
      this.totalCharges.add(actual.cents)
      addParts(actual.parts, this.charges)
      this.people.add(actual)
    } else if (actual.nature === 'produit') {
      this.totalProduits.add(actual.cents)
      addParts(actual.parts, this.produits)
      this.funders.add(actual)
    }
  }

  /** The réalisé blocks of the sections and totals; the findings on actuals go to `out`. */
  finish(planned: Planned, out: Finding[]): { sections: SectionReport[]; totaux: ActualTotals } {
    const { ctx } = this
    const found = this.found
    const produitsAci = this.funders.aci()
    const { result, sectionCharges, horsAci, allocated, chargesAci, comparison } = envelopeRules(
      this.charges,
      this.produits,
      produitsAci,
      ctx,
      found,
      'constaté'
    )
    const people: Finding[] = []
    this.people.findings(ctx, people)
    // A missing PASS value and a name mixing scripts are said once, on the budget.
    for (const f of people) {
      if (f.code !== 'PASS-INCONNU' && f.code !== 'PASS-NOM-ECRITURES') found.push(f)
    }
    for (const f of found) out.push(onActuals(f))

    const sections = planned.sections.map((section, i): SectionReport => {
      const actual = result.sections[i] as SectionReport
      const spent = sectionCharges[i] as Decimal
      return {
        ...section,
        realise: actualReport(actual, spent, section.charges, section.enveloppe),
      }
    })
    const charges = this.totalCharges.euros()
    const produits = this.totalProduits.euros()
    const enveloppe = ctx.envelope.totalAttendu
    const totaux: ActualTotals = {
      charges: toAmountString(charges),
      produits: toAmountString(produits),
      ecartBudget: toAmountString(charges.minus(planned.charges)),
      execution: percentOf(charges, planned.charges),
      reste: toAmountString(enveloppe.minus(chargesAci)),
      consommation: percentOf(chargesAci, enveloppe),
      ...comparison,
      resultat: toAmountString(produits.minus(charges)),
      chargesSectionsAci: toAmountString(chargesAci),
      chargesHorsAci: toAmountString(horsAci),
      nonReparti: toAmountString(charges.minus(allocated)),
      produitsAci: toAmountString(produitsAci),
    }
    return { sections, totaux }
  }
}

/** A section's actual charges against its planned charges and its envelope. */
function actualReport(
  actual: SectionReport,
  spent: Decimal,
  plannedCharges: string,
  enveloppe: string | null
): ActualReport {
  const planned = new Decimal(plannedCharges)
  const envelope = enveloppe === null ? null : new Decimal(enveloppe)
  return {
    charges: actual.charges,
    produits: actual.produits,
    ecartBudget: toAmountString(spent.minus(planned)),
    execution: percentOf(spent, planned),
    reste: envelope === null ? null : toAmountString(envelope.minus(spent)),
    consommation: envelope === null ? null : percentOf(spent, envelope),
    status: actual.status,
    difference: actual.difference,
    statusLabel: actual.statusLabel,
  }
}
