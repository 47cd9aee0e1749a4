// What a contract can pay in a year: fonctionnement and, per mission, fixe, variable at the expected rate, envelope.
import { AciError } from './errors'
import {
  fixeOf,
  fonctionnement as fonctionnementOf,
  missionOf,
  parseTaille,
  parseTaux,
  phaseFor,
  resolveTable,
  type VersionRef,
  variableAt,
} from './funding'
import { MISSION_WORDS, type MissionCode } from './missions'
import { type Decimal, ONE, sum, toAmountString } from './money'
import type { Phase } from './rates/schema'
import type { Taille } from './rates/table'

export interface MissionChoice {
  /** Code or label of the mission. */
  readonly mission: unknown
  /** Expected achievement rate, 0 to 1 (default 1). */
  readonly taux?: unknown
  /** Crisis plan phase (crisis mission only; default: first writing). */
  readonly phase?: unknown
}

export interface FundingLine {
  readonly mission: MissionCode
  readonly label: string
  readonly category: 'socle' | 'optionnelle'
  readonly phase: Phase | null
  readonly taux: Decimal
  readonly fixe: Decimal
  readonly variableMax: Decimal
  /** Volet variable at the rate, rounded to the cent. */
  readonly variable: Decimal
  /** fixe + maximal variable. */
  readonly enveloppe: Decimal
  /** fixe + variable at the rate: what the mission is expected to bring. */
  readonly attendu: Decimal
}

export interface EnvelopeReport {
  readonly version: string
  readonly taille: Taille
  readonly fonctionnement: Decimal
  readonly missions: readonly FundingLine[]
  /** fonctionnement + every mission's envelope. */
  readonly totalEnveloppe: Decimal
  /** fonctionnement + every mission's expected amount. */
  readonly totalAttendu: Decimal
}

/**
 * The envelopes of a contract year. `missions` omitted: every mission of the version at `taux`
 * (default 1); a mission listed twice is an error, since it would be paid once.
 */
export function envelopes(options: {
  readonly taille: unknown
  readonly version?: VersionRef
  readonly missions?: readonly MissionChoice[] | null
  readonly taux?: unknown
  /** Crisis plan phase for the missions that have one, when a choice does not give its own. */
  readonly phase?: unknown
}): EnvelopeReport {
  const table = resolveTable(options.version)
  const t = parseTaille(options.taille)
  const defaultTaux =
    options.taux === undefined || options.taux === null ? ONE : parseTaux(options.taux)
  const choices: readonly MissionChoice[] =
    options.missions ?? table.missions.map((m) => ({ mission: m.code }))
  const seen = new Set<MissionCode>()
  const lines = choices.map((choice, i): FundingLine => {
    const argument = `missions[${i}]`
    const m = missionOf(table, choice.mission, argument)
    if (seen.has(m.code)) {
      throw new AciError(
        'mission_invalide',
        `${argument} : la mission ${m.code} est citée deux fois.`,
        argument
      )
    }
    seen.add(m.code)
    const taux =
      choice.taux === undefined || choice.taux === null
        ? defaultTaux
        : parseTaux(choice.taux, `${argument}.taux`)
    const phase =
      choice.phase === undefined && m.phases.length > 0
        ? phaseFor(m, options.phase, 'phase')
        : phaseFor(m, choice.phase, `${argument}.phase`)
    const fixe = fixeOf(m, phase, t)
    const variableMax = m.variable[t - 1] as Decimal
    const variable = variableAt(variableMax, taux)
    return {
      mission: m.code,
      label: MISSION_WORDS[m.code].label,
      category: m.category,
      phase: phase ?? null,
      taux,
      fixe,
      variableMax,
      variable,
      enveloppe: fixe.plus(variableMax),
      attendu: fixe.plus(variable),
    }
  })
  const fonctionnement = fonctionnementOf(t, table)
  return {
    version: table.id,
    taille: t,
    fonctionnement,
    missions: lines,
    totalEnveloppe: sum([fonctionnement, ...lines.map((l) => l.enveloppe)]),
    totalAttendu: sum([fonctionnement, ...lines.map((l) => l.attendu)]),
  }
}

/** The report as plain JSON, amounts as decimal strings: what the API sends and the task pane shows offline. */
export function envelopeReportJson(report: EnvelopeReport) {
  return {
    version: report.version,
    taille: report.taille,
    fonctionnement: toAmountString(report.fonctionnement),
    missions: report.missions.map((line) => ({
      mission: line.mission,
      label: line.label,
      category: line.category,
      phase: line.phase,
      taux: line.taux.toFixed(),
      fixe: toAmountString(line.fixe),
      variableMax: toAmountString(line.variableMax),
      variable: toAmountString(line.variable),
      enveloppe: toAmountString(line.enveloppe),
      attendu: toAmountString(line.attendu),
    })),
    totalEnveloppe: toAmountString(report.totalEnveloppe),
    totalAttendu: toAmountString(report.totalAttendu),
  }
}

export type EnvelopeReportJson = ReturnType<typeof envelopeReportJson>
