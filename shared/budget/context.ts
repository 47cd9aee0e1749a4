// What a budget's profile points to: rate version, taille, chart of accounts, engaged missions and their envelopes.
import { dayNumberFromIso } from '../dates'
import { type EnvelopeReport, envelopes } from '../envelopes'
import { taille as tailleOf } from '../funding'
import type { MissionCode } from '../missions'
import { bundledCatalog, type Catalog } from '../rates/catalog'
import type { Phase } from '../rates/schema'
import type { RateTable, Taille } from '../rates/table'
import { type Chart, chartFor } from './accounts'
import { bundledPass, type PassTable } from './data/pass-table'
import { bundledQuestionable, type QuestionableExpenses } from './data/senat-expenses'
import type { BudgetDocument, BudgetProfil } from './schema'

/**
 * The rate tables a budget may name: those of this build, or a catalog the caller has (the task
 * pane's, with versions downloaded and verified since the build).
 */
export interface BudgetOptions {
  readonly catalog?: Catalog
}

/** The rate table of a budget: the version named in the profile, else the one in force at signature. */
export function tableOf(profil: BudgetProfil, options: BudgetOptions = {}): RateTable {
  const catalog = options.catalog ?? bundledCatalog()
  return profil.version === undefined
    ? catalog.inForceOn(profil.signature, 'profil.signature')
    : catalog.byVersionId(profil.version, 'profil.version')
}

/** The chart of accounts of the financial year (by its opening date). */
export function chartOf(profil: BudgetProfil): Chart {
  return chartFor(profil.exercice.debut, 'profil.exercice.debut')
}

export interface MissionState {
  readonly mission: MissionCode
  readonly debut: string
  /** The rate version has this mission (the crisis mission is not in aci-2019). */
  readonly inTable: boolean
  /** In the rate version and started by the end of the financial year. */
  readonly engaged: boolean
  /** Started after the first day of the financial year. */
  readonly startsDuring: boolean
  readonly phase: Phase | undefined
}

export interface BudgetContext {
  readonly doc: BudgetDocument
  readonly table: RateTable
  readonly chart: Chart
  readonly pass: PassTable
  readonly senat: QuestionableExpenses
  readonly taille: Taille
  /** The taille the population gives under this version, when the profile gives a population. */
  readonly tailleOfPopulation: Taille | undefined
  readonly missions: ReadonlyMap<MissionCode, MissionState>
  /** The envelopes of the engaged missions (and fonctionnement) at their expected rates. */
  readonly envelope: EnvelopeReport
  /** The financial year is exactly twelve months (from a day to the day before, one year later). */
  readonly twelveMonths: boolean
}

/** Whether `fin` is the day before the anniversary of `debut` (2024-07-01 → 2025-06-30; 29 February → 28 February). */
export function isTwelveMonths(debut: string, fin: string): boolean {
  const year = Number(debut.slice(0, 4)) + 1
  const month = Number(debut.slice(5, 7)) - 1
  const day = Number(debut.slice(8, 10))
  // Date.UTC rolls 29 February of a common year over to 1 March, whose day before is 28 February.
  const anniversary = Date.UTC(year, month, day) / 86_400_000
  return dayNumberFromIso(fin) + 1 === anniversary
}

/** Envelopes already computed, by rate table, taille and engaged missions: a budget is checked again and again as it is edited. */
const envelopeCache = new Map<string, EnvelopeReport>()

function envelopesOf(
  table: RateTable,
  taille: Taille,
  engaged: readonly BudgetProfil['missions'][number][]
): EnvelopeReport {
  let key = `${table.id}\u0000${table.sha256}\u0000${taille}`
  for (const m of engaged) key += `\u0000${m.mission}:${m.taux ?? ''}:${m.phase ?? ''}`
  let report = envelopeCache.get(key)
  if (report === undefined) {
    report = envelopes({
      taille,
      version: table,
      missions: engaged.map((m) => ({ mission: m.mission, taux: m.taux, phase: m.phase })),
    })
    if (envelopeCache.size >= 64) envelopeCache.clear()
    envelopeCache.set(key, report)
  }
  return report
}

export function resolveContext(doc: BudgetDocument, options: BudgetOptions = {}): BudgetContext {
  const { profil } = doc
  const table = tableOf(profil, options)
  const chart = chartOf(profil)
  const tailleOfPopulation =
    profil.population === undefined ? undefined : tailleOf(profil.population, table)
  const taille = (profil.taille ?? tailleOfPopulation) as Taille
  const missions = new Map<MissionCode, MissionState>()
  for (const m of profil.missions) {
    const inTable = table.mission(m.mission) !== undefined
    missions.set(m.mission, {
      mission: m.mission,
      debut: m.debut,
      inTable,
      engaged: inTable && m.debut <= profil.exercice.fin,
      startsDuring: m.debut > profil.exercice.debut && m.debut <= profil.exercice.fin,
      phase: m.phase,
    })
  }
  const engaged = profil.missions.filter((m) => missions.get(m.mission)?.engaged === true)
  const envelope = envelopesOf(table, taille, engaged)
  return {
    doc,
    table,
    chart,
    pass: bundledPass(),
    senat: bundledQuestionable(),
    taille,
    tailleOfPopulation,
    missions,
    envelope,
    twelveMonths: isTwelveMonths(profil.exercice.debut, profil.exercice.fin),
  }
}
