// Each section against its envelope, the total against the contract, missions outside the contract, and the fungibility what-if.
import type { FundingLine } from '../../envelopes'
import { formatEuros, formatPercent } from '../../format'
import type { MissionCode } from '../../missions'
import { type Decimal, sum, toAmountString } from '../../money'
import type { CentsTotal } from '../cents'
import type { BudgetContext } from '../context'
import { type Finding, finding } from '../findings'
import { type Comparison, compare, type SectionReport } from '../report'
import { isMissionSection, SECTIONS, type Section, sectionLabel } from '../sections'
import { frenchDate, groupDigits } from '../wording'
import { hoardingFinding } from './income'

const FONGIBILITE_LABEL =
  'Scénario non autorisé par les règles actuelles : les enveloppes des missions seraient fongibles entre elles (proposition du Sénat, rapport n° 32 (2025-2026)) ; le total des charges des missions est comparé au total de leurs enveloppes.'

export interface EnvelopeResult {
  readonly sections: SectionReport[]
  readonly missionCharges: Decimal
  readonly missionEnvelopes: Decimal
}

function envelopeWords(line: FundingLine): string {
  return `volet fixe ${formatEuros(line.fixe)} + volet variable ${formatEuros(line.variable)} au taux de ${formatPercent(line.taux)}`
}

type Base = Pick<SectionReport, 'section' | 'label' | 'charges' | 'produits'>

/**
 * A section's report, its fields written out in the report's order: object spreads of `base`
 * and of the comparison cost more than the rest of the section's work.
 */
function sectionReport(
  base: Base,
  engagee: boolean,
  enveloppe: string | null,
  detail: SectionReport['detail'],
  comparison: Comparison
): SectionReport {
  return {
    section: base.section,
    label: base.label,
    charges: base.charges,
    produits: base.produits,
    engagee,
    enveloppe,
    detail,
    status: comparison.status,
    difference: comparison.difference,
    statusLabel: comparison.statusLabel,
  }
}

/** Fonctionnement against its envelope: over is an info, the usual case (Sénat). */
function fonctionnementSection(
  base: Base,
  spent: Decimal,
  ctx: BudgetContext,
  out: Finding[]
): SectionReport {
  const enveloppe = ctx.envelope.fonctionnement
  const comparison = compare(spent, enveloppe, '')
  if (comparison.status === 'over') {
    out.push(
      finding('FONC-DEPASSEE', {
        section: base.section,
        amounts: {
          charges: base.charges,
          enveloppe: toAmountString(enveloppe),
          depassement: comparison.difference as string,
        },
        message: `Fonctionnement : ${formatEuros(spent)} de charges pour une enveloppe de ${formatEuros(enveloppe)}, ${comparison.statusLabel}, à financer par d’autres ressources ; le Sénat constate que c’est le cas de presque toutes les CPTS.`,
      })
    )
  }
  return sectionReport(base, true, toAmountString(enveloppe), null, comparison)
}

/** A mission the contract does not fund this year: absent from the rate version, or not engaged. */
function unfundedMission(
  base: Base,
  mission: MissionCode,
  spent: Decimal,
  ctx: BudgetContext,
  out: Finding[]
): SectionReport {
  const state = ctx.missions.get(mission)
  const inTable = ctx.table.mission(mission) !== undefined
  if (!inTable && (state !== undefined || !spent.isZero())) {
    out.push(
      finding('MISSION-HORS-BAREME', {
        section: mission,
        amounts: { charges: base.charges },
        message: `La mission ${base.label} n’existe pas dans le barème ${ctx.table.id} (${ctx.table.title}, en vigueur depuis le ${frenchDate(ctx.table.effectiveDate)})${
          state === undefined ? '' : ', où le profil l’engage'
        } : ${spent.isZero() ? 'aucune enveloppe ACI ne la finance' : `${formatEuros(spent)} de charges lui sont affectés, qu’aucune enveloppe ACI ne finance`}.`,
      })
    )
  } else if (inTable && !spent.isZero()) {
    out.push(
      finding('MISSION-NON-ENGAGEE', {
        section: mission,
        amounts: { charges: base.charges },
        message: `${formatEuros(spent)} de charges sont affectés à la mission ${base.label}, ${
          state === undefined
            ? 'qui n’est pas engagée au contrat'
            : `qui ne démarre que le ${frenchDate(state.debut)}, après la fin de l’exercice`
        } : aucune enveloppe ACI ne les finance.`,
      })
    )
  }
  const none = inTable
    ? 'mission non engagée : sans enveloppe'
    : `mission absente du barème ${ctx.table.id} : sans enveloppe`
  return sectionReport(base, false, null, null, compare(spent, null, none))
}

/** An engaged mission against fixe + variable × expected rate (ACI art. 6). */
function fundedMission(
  base: Base,
  line: FundingLine,
  spent: Decimal,
  out: Finding[]
): SectionReport {
  const comparison = compare(spent, line.attendu, '')
  if (comparison.status === 'over') {
    out.push(
      finding('ENVELOPPE-DEPASSEE', {
        section: base.section,
        amounts: {
          charges: base.charges,
          enveloppe: toAmountString(line.attendu),
          depassement: comparison.difference as string,
        },
        message: `Mission ${base.label} : ${formatEuros(spent)} de charges pour une enveloppe de ${formatEuros(line.attendu)} (${envelopeWords(line)}), ${comparison.statusLabel}.`,
      })
    )
  }
  const { enveloppe, detail } = wireOf(line)
  // A copy of the detail: two reports never share an object.
  return sectionReport(base, true, enveloppe, { ...detail }, comparison)
}

/** A funding line's amounts as the report writes them, written once per line: the envelopes of a profile are computed once. */
const wired = new WeakMap<
  FundingLine,
  { enveloppe: string; detail: NonNullable<SectionReport['detail']> }
>()

function wireOf(line: FundingLine) {
  let wire = wired.get(line)
  if (wire === undefined) {
    wire = {
      enveloppe: toAmountString(line.attendu),
      detail: {
        fixe: toAmountString(line.fixe),
        variableMax: toAmountString(line.variableMax),
        taux: line.taux.toFixed(),
        variable: toAmountString(line.variable),
        phase: line.phase,
      },
    }
    wired.set(line, wire)
  }
  return wire
}

/**
 * The section reports, and the findings on missions: not in the rate version, not engaged,
 * over their envelope; fonctionnement over its envelope (the usual case, an info).
 */
export function sectionFindings(
  charges: readonly Decimal[],
  produits: readonly Decimal[],
  ctx: BudgetContext,
  out: Finding[]
): EnvelopeResult {
  const funded = new Map<Section, FundingLine>(
    ctx.envelope.missions.map((line) => [line.mission, line])
  )
  const missionCharges: Decimal[] = []
  const sections = SECTIONS.map((section, i): SectionReport => {
    const spent = charges[i] as Decimal
    const base: Base = {
      section,
      label: sectionLabel(section),
      charges: toAmountString(spent),
      produits: toAmountString(produits[i] as Decimal),
    }
    if (section === 'fonctionnement') return fonctionnementSection(base, spent, ctx, out)
    if (!isMissionSection(section)) {
      return sectionReport(
        base,
        false,
        null,
        null,
        compare(spent, null, 'hors ACI : sans enveloppe')
      )
    }
    missionCharges.push(spent)
    const line = funded.get(section)
    return line === undefined
      ? unfundedMission(base, section, spent, ctx, out)
      : fundedMission(base, line, spent, out)
  })
  return {
    sections,
    missionCharges: sum(missionCharges),
    missionEnvelopes: sum(ctx.envelope.missions.map((line) => line.attendu)),
  }
}

/** The ACI sections' charges against the contract's total envelope. */
export function totalFinding(chargesAci: Decimal, ctx: BudgetContext, out: Finding[]) {
  const comparison = compare(chargesAci, ctx.envelope.totalAttendu, '')
  if (comparison.status === 'over') {
    out.push(
      finding('TOTAL-DEPASSE', {
        amounts: {
          chargesSectionsAci: toAmountString(chargesAci),
          enveloppe: toAmountString(ctx.envelope.totalAttendu),
          depassement: comparison.difference as string,
        },
        message: `Charges des sections ACI (fonctionnement et missions) : ${formatEuros(chargesAci)} pour un financement ACI attendu de ${formatEuros(ctx.envelope.totalAttendu)}, ${comparison.statusLabel}, à financer par d’autres ressources.`,
      })
    )
  }
  return comparison
}

/**
 * The what-if: missions' charges against the sum of the engaged missions' envelopes. An info
 * finding when some mission is over its own envelope, saying whether fungibility would cover it.
 */
export function fongibilite(result: EnvelopeResult, out: Finding[]) {
  const comparison = compare(result.missionCharges, result.missionEnvelopes, '')
  const overMissions = result.sections.filter(
    (s) => isMissionSection(s.section) && s.engagee && s.status === 'over'
  )
  if (overMissions.length > 0) {
    const labels = overMissions.map((s) => s.label)
    const names =
      labels.length === 1
        ? `le dépassement de la mission ${labels[0]}`
        : `les dépassements des missions ${labels.slice(0, -1).join(', ')} et ${labels[labels.length - 1]}`
    const plural = labels.length > 1
    out.push(
      finding('FONGIBILITE', {
        amounts: {
          charges: toAmountString(result.missionCharges),
          enveloppe: toAmountString(result.missionEnvelopes),
          ...(comparison.difference === null ? {} : { ecart: comparison.difference }),
        },
        message: `Scénario hors règles actuelles (fongibilité des enveloppes entre missions, proposée par le Sénat) : les missions totalisent ${formatEuros(result.missionCharges)} de charges pour ${formatEuros(result.missionEnvelopes)} d’enveloppes ; ${names} ${
          comparison.status === 'over'
            ? `ne ${plural ? 'seraient' : 'serait'} pas ${plural ? 'couverts' : 'couvert'} (${comparison.statusLabel} au total)`
            : `${plural ? 'seraient couverts' : 'serait couvert'} par les autres missions`
        }. Aujourd’hui, chaque mission est financée par sa propre enveloppe.`,
      })
    )
  }
  return {
    scenario: true as const,
    label: FONGIBILITE_LABEL,
    charges: toAmountString(result.missionCharges),
    enveloppe: toAmountString(result.missionEnvelopes),
    ...comparison,
  }
}

/** Facts of the profile that change how to read the comparison: length of the year, missions started during it, taille. */
export function profileFindings(ctx: BudgetContext, out: Finding[]): void {
  const { profil } = ctx.doc
  if (!ctx.twelveMonths) {
    out.push(
      finding('EXERCICE-DUREE', {
        message: `L’exercice du ${frenchDate(profil.exercice.debut)} au ${frenchDate(profil.exercice.fin)} ne dure pas douze mois : les enveloppes annuelles sont comparées entières, sans proratisation (la règle de proratisation, en mois ou en jours, n’est pas publiée).`,
      })
    )
  }
  for (const state of ctx.missions.values()) {
    if (!state.engaged || !state.startsDuring) continue
    out.push(
      finding('MISSION-DEMARRAGE', {
        section: state.mission,
        message: `La mission ${sectionLabel(state.mission)} démarre le ${frenchDate(state.debut)}, en cours d’exercice : son enveloppe annuelle est comptée entière, sans proratisation (la règle de proratisation n’est pas publiée).`,
      })
    )
  }
  const fromPopulation = ctx.tailleOfPopulation
  if (
    profil.taille !== undefined &&
    fromPopulation !== undefined &&
    fromPopulation !== profil.taille
  ) {
    out.push(
      finding('TAILLE-POPULATION', {
        message: `La population déclarée (${groupDigits(profil.population as number)} habitants) correspond à la taille ${fromPopulation} dans le barème ${ctx.table.id} ; la taille ${profil.taille} du contrat est retenue (elle se réévalue au dialogue de gestion).`,
      })
    )
  }
}

/** What the envelope rules found over the sections' totals, and the totals they compared. */
export interface EnvelopeRulesResult {
  readonly result: EnvelopeResult
  readonly sectionCharges: readonly Decimal[]
  readonly horsAci: Decimal
  /** Σ of the charges allocated to a section. */
  readonly allocated: Decimal
  /** Charges of fonctionnement and the missions: what the ACI envelopes are compared with. */
  readonly chargesAci: Decimal
  readonly comparison: ReturnType<typeof totalFinding>
  readonly whatIf: ReturnType<typeof fongibilite>
}

/**
 * The envelope rules, the same over the plan and over the actuals: each section against its
 * envelope, the ACI sections against the total envelope, the fungibility what-if, and the ACI
 * income left unspent (hoarding).
 */
export function envelopeRules(
  charges: readonly CentsTotal[],
  produits: readonly CentsTotal[],
  produitsAci: Decimal,
  ctx: BudgetContext,
  out: Finding[],
  kind: 'prévu' | 'constaté'
): EnvelopeRulesResult {
  const sectionCharges = charges.map((t) => t.euros())
  const result = sectionFindings(
    sectionCharges,
    produits.map((t) => t.euros()),
    ctx,
    out
  )
  const horsAci = sectionCharges[SECTIONS.indexOf('hors_aci')] as Decimal
  const allocated = sectionCharges.reduce((a, b) => a.plus(b))
  const chargesAci = allocated.minus(horsAci)
  const comparison = totalFinding(chargesAci, ctx, out)
  const whatIf = fongibilite(result, out)
  hoardingFinding(produitsAci, chargesAci, ctx, out, kind)
  return { result, sectionCharges, horsAci, allocated, chargesAci, comparison, whatIf }
}
