// checkBudget: a budget against its contract's envelopes and the rules the sources give, as a deterministic report.
import { formatEuros } from '../format'
import { type Decimal, toAmountString } from '../money'
import { type Budget, isBudget } from './budget'
import { CentsTotal } from './cents'
import { type BudgetContext, type BudgetOptions, resolveContext } from './context'
import { compareFindings, type Finding, finding, type Severity } from './findings'
import { parseBudget } from './parse'
import { type PreparedLine, prepareLine } from './prepare'
import { prepareActual } from './realise'
import { ActualsCheck } from './realise-check'
import type { BudgetReport } from './report'
import { envelopeRules, profileFindings } from './rules/envelopes'
import { fiscalIncomeReport } from './rules/fiscal-income'
import { FunderTotals, incomeLineFindings } from './rules/income'
import { lineFindings } from './rules/lines'
import { BeneficiaryTotals } from './rules/pass'
import { senatLineFindings } from './rules/senat'
import type { BudgetDocument, BudgetLigne } from './schema'
import { SECTIONS } from './sections'

/** A total per section, in SECTIONS order. */
function perSection(): CentsTotal[] {
  return SECTIONS.map(() => new CentsTotal())
}

function addParts(parts: readonly number[] | undefined, totals: readonly CentsTotal[]): void {
  if (parts === undefined) return
  for (let s = 0; s < parts.length; s++) {
    const cents = parts[s] as number
    if (cents !== 0) (totals[s] as CentsTotal).add(cents)
  }
}

/** A budget with no charges or no income is missing its financial part (Sénat, proposition n° 9). */
function financialPart(charges: number, produits: number, out: Finding[]): void {
  const missing = [
    charges === 0 ? 'aucune charge (classe 6)' : '',
    produits === 0 ? 'aucun produit (classe 7)' : '',
  ]
    .filter((m) => m !== '')
    .join(' et ')
  if (missing === '') return
  out.push(
    finding('PARTIE-FINANCIERE', {
      message: `Le budget ne compte ${missing} : l’ARS et la CPAM ne peuvent pas contrôler l’usage des fonds d’un budget amputé de sa partie financière.`,
    })
  )
}

/** Contributions in kind: their uses (86) and resources (87) balance (ANC 2018-06). */
function inKind(emplois: Decimal, contributions: Decimal, out: Finding[]): void {
  if (emplois.equals(contributions)) return
  out.push(
    finding('CVN-EQUILIBRE', {
      amounts: {
        emplois: toAmountString(emplois),
        contributions: toAmountString(contributions),
        ecart: toAmountString(emplois.minus(contributions).abs()),
      },
      message: `Contributions volontaires en nature déséquilibrées : emplois (comptes 86) ${formatEuros(emplois)}, contributions (comptes 87) ${formatEuros(contributions)} ; les deux totaux doivent être égaux.`,
    })
  )
}

/**
 * Checks a budget against the envelopes of its contract and the rules of the sources. Give it the
 * Budget that parseBudget (or one of its readers) returned: it is trusted, nothing is checked
 * twice. Anything else (a copy, a document built by hand) is first parsed, once, and refused as
 * parseBudget refuses it. Pure and deterministic: the same document gives the
 * same report, whatever the order of its lines and of the parts of its splits. When some line
 * has an actual amount (`realise`), the sections and totals gain a `realise` block and the
 * rules also run on the actuals (findings marked `base: 'realise'`); otherwise the report is
 * exactly what it was before actuals existed.
 */
export function checkBudget(
  budget: Budget | BudgetDocument,
  options: BudgetOptions = {}
): BudgetReport {
  const doc: Budget = isBudget(budget) ? budget : parseBudget(budget, options)
  const ctx: BudgetContext = resolveContext(doc, options)
  const findings: Finding[] = []
  const charges = perSection()
  const produits = perSection()
  const totalCharges = new CentsTotal()
  const totalProduits = new CentsTotal()
  const emplois = new CentsTotal()
  const contributions = new CentsTotal()
  const funders = new FunderTotals()
  const people = new BeneficiaryTotals()
  const actuals = new ActualsCheck(ctx)
  let chargeLines = 0
  let produitLines = 0

  const lignes = doc.lignes
  for (let i = 0; i < lignes.length; i++) {
    const ligne = lignes[i] as BudgetLigne
    const line: PreparedLine = prepareLine(ligne, i, ctx.chart)
    lineFindings(line, ctx, findings)
    incomeLineFindings(line, findings)
    senatLineFindings(line, ctx, findings)
    const actual = prepareActual(line, i)
    if (actual !== undefined) actuals.add(actual)
    if (line.nature === 'charge') {
      chargeLines += 1
      totalCharges.add(line.cents)
      addParts(line.parts, charges)
      people.add(line)
    } else if (line.nature === 'produit') {
      produitLines += 1
      totalProduits.add(line.cents)
      addParts(line.parts, produits)
      funders.add(line)
    } else if (line.nature === 'emploi') {
      emplois.add(line.cents)
    } else {
      contributions.add(line.cents)
    }
  }

  const produitsAci = funders.aci()
  const {
    result,
    horsAci,
    allocated,
    chargesAci,
    comparison: totalComparison,
    whatIf,
  } = envelopeRules(charges, produits, produitsAci, ctx, findings, 'prévu')
  const fiscal = fiscalIncomeReport(doc.profil, produitsAci, findings)
  funders.secondaryFindings(findings)
  people.findings(ctx, findings)
  financialPart(chargeLines, produitLines, findings)
  const emploisTotal = emplois.euros()
  const contributionsTotal = contributions.euros()
  inKind(emploisTotal, contributionsTotal, findings)
  profileFindings(ctx, findings)
  const chargesTotal = totalCharges.euros()
  const withActuals = actuals.present
    ? actuals.finish({ sections: result.sections, charges: chargesTotal }, findings)
    : undefined

  const sorted = findings.sort(compareFindings)
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const f of sorted) counts[f.severity] += 1
  const produitsTotal = totalProduits.euros()
  return {
    cpts: doc.profil.nom.trim(),
    taille: ctx.taille,
    exercice: { debut: doc.profil.exercice.debut, fin: doc.profil.exercice.fin },
    references: {
      bareme: {
        id: ctx.table.id,
        title: ctx.table.title,
        effectiveDate: ctx.table.effectiveDate,
        sha256: ctx.table.sha256,
      },
      planComptable: {
        id: ctx.chart.id,
        title: ctx.chart.title,
        effectiveDate: ctx.chart.effectiveDate,
        sha256: ctx.chart.sha256,
      },
      pass: { id: ctx.pass.id, sha256: ctx.pass.sha256 },
      depensesSenat: { id: ctx.senat.id, sha256: ctx.senat.sha256 },
    },
    sections: withActuals?.sections ?? result.sections,
    totaux: {
      charges: toAmountString(chargesTotal),
      produits: toAmountString(produitsTotal),
      resultat: toAmountString(produitsTotal.minus(chargesTotal)),
      chargesSectionsAci: toAmountString(chargesAci),
      chargesHorsAci: toAmountString(horsAci),
      nonReparti: toAmountString(chargesTotal.minus(allocated)),
      enveloppe: toAmountString(ctx.envelope.totalAttendu),
      ...totalComparison,
      produitsAci: toAmountString(produitsAci),
      emploisNature: toAmountString(emploisTotal),
      contributionsNature: toAmountString(contributionsTotal),
      ...(withActuals === undefined ? {} : { realise: withActuals.totaux }),
    },
    produitsAciExercice: fiscal?.produitsAciExercice ?? null,
    produitsExercice: fiscal,
    fongibilite: whatIf,
    findings: sorted,
    counts,
  }
}
