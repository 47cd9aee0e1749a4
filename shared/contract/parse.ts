// parseContract: a contract document checked (shapes, then what ties fields together) and resolved year by year.
import * as v from 'valibot'
import { AciError } from '../errors'
import { MISSION_CODES, type MissionCode } from '../missions'
import { Decimal, ONE } from '../money'
import { bundledCatalog } from '../rates/catalog'
import type { Phase } from '../rates/schema'
import type { RateTable, Taille } from '../rates/table'
import { pathOf } from '../wire-schemas'
import { addDays, addYears } from './calendar'
import {
  CONTRACT_YEARS,
  type ContractDocument,
  type ContractMissionDocument,
  contractSchema,
  type Prorata,
  type VariablePremiereAnnee,
} from './schema'

/** A contract year: from the signature's anniversary (notes-aci-rates §9.1) to the day before the next one. */
export interface ContractYear {
  /** 1 to 5. */
  readonly annee: number
  readonly debut: string
  /** Last day of the year (the day before the anniversary). */
  readonly fin: string
  /** The anniversary that closes the year: `fin` + 1 day. */
  readonly anniversaire: string
  readonly taille: Taille
  /** The population the taille was read from, or null when the taille was given. */
  readonly population: number | null
  /** The grid of the year: the one in force on its first day unless the contract names one (notes §9.7). */
  readonly table: RateTable
  readonly versionImposee: boolean
  /** A grid that takes effect during the year, which the default did not apply (notes §9.7: flag it). */
  readonly changementBareme: RateTable | null
}

export interface ContractMission {
  readonly mission: MissionCode
  readonly debut: string
  /** The contract year in which the mission starts. */
  readonly anneeDebut: number
  /** Achievement rate per contract year (index 0 = year 1), default 1; 0 or 1 for the crisis mission. */
  readonly taux: readonly Decimal[]
  readonly tauxParDefaut: boolean
  /** Crisis plan phase per contract year (null outside the crisis mission and before its start). */
  readonly phases: readonly (Phase | null)[]
  readonly phasesParDefaut: boolean
  /** Whether a crisis was recognised, per contract year (crisis mission only; default false). */
  readonly crisesReconnues: readonly boolean[]
  readonly crisesParDefaut: boolean
}

export interface ContractOptions {
  readonly prorata: Prorata
  readonly variablePremiereAnnee: VariablePremiereAnnee
  readonly delaiVariableMois: number
  readonly delaiSoldeMois: number
}

export interface Contract {
  readonly signature: string
  /** Last day of year 5. */
  readonly fin: string
  readonly annees: readonly ContractYear[]
  /** In the order of MISSION_CODES. */
  readonly missions: readonly ContractMission[]
  readonly options: ContractOptions
  /** Which options took their default value: the schedule says so in its hypotheses. */
  readonly optionsParDefaut: { readonly [K in keyof ContractOptions]: boolean }
}

/** Defaults of the options (notes-aci-rates §9.5, §9.7). */
export const DEFAULT_OPTIONS: ContractOptions = {
  prorata: 'jours',
  variablePremiereAnnee: 'complet',
  delaiVariableMois: 2,
  delaiSoldeMois: 2,
}

function invalid(argument: string, message: string): AciError {
  return new AciError('contrat_invalide', `${argument} : ${message}`, argument)
}

function fiveOf<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value)
    ? (value as readonly T[])
    : Array.from({ length: CONTRACT_YEARS }, () => value as T)
}

function tailleOfPopulation(table: RateTable, population: number): Taille {
  for (const row of table.tailles) {
    if (row.populationBelow === null || population < row.populationBelow) return row.taille
  }
  return 4
}

function yearsOf(doc: ContractDocument): ContractYear[] {
  if (doc.taille === undefined && doc.population === undefined) {
    throw invalid('taille', 'taille de la CPTS (1 à 4) ou population attendue.')
  }
  if (doc.taille !== undefined && doc.population !== undefined) {
    throw invalid('population', 'donnez la taille ou la population, pas les deux.')
  }
  const catalog = bundledCatalog()
  const versions = doc.version === undefined ? undefined : fiveOf(doc.version)
  const tailles = doc.taille === undefined ? undefined : fiveOf(doc.taille)
  const populations = doc.population === undefined ? undefined : fiveOf(doc.population)
  const years: ContractYear[] = []
  for (let k = 1; k <= CONTRACT_YEARS; k++) {
    const debut = addYears(doc.signature, k - 1)
    const anniversaire = addYears(doc.signature, k)
    const fin = addDays(anniversaire, -1)
    const named = versions?.[k - 1]
    const versionArgument = Array.isArray(doc.version) ? `version[${k - 1}]` : 'version'
    const table =
      named === undefined
        ? catalog.inForceOn(debut, k === 1 ? 'signature' : `annee ${k}`)
        : catalog.byVersionId(named, versionArgument)
    const later = catalog.tables.find(
      (t) =>
        t.effectiveDate > debut && t.effectiveDate <= fin && t.effectiveDate > table.effectiveDate
    )
    const population = populations?.[k - 1]
    const taille =
      (tailles?.[k - 1] as Taille | undefined) ?? tailleOfPopulation(table, population as number)
    years.push({
      annee: k,
      debut,
      fin,
      anniversaire,
      taille,
      population: population ?? null,
      table,
      versionImposee: named !== undefined,
      changementBareme: named === undefined ? (later ?? null) : null,
    })
  }
  return years
}

function missionOfDocument(
  m: ContractMissionDocument,
  i: number,
  years: readonly ContractYear[]
): ContractMission {
  const at = `missions[${i}]`
  const first = years[0] as ContractYear
  const last = years[years.length - 1] as ContractYear
  if (m.debut < first.debut || m.debut > last.fin) {
    throw invalid(
      `${at}.debut`,
      `la mission ${m.mission} doit démarrer pendant le contrat, du ${first.debut} au ${last.fin} ; reçu ${m.debut}.`
    )
  }
  const anneeDebut = (years.find((y) => m.debut <= y.fin) as ContractYear).annee
  const crise = m.mission === 'crise'
  if (crise && m.taux !== undefined) {
    throw invalid(
      `${at}.taux`,
      'le volet variable de la mission crise n’a pas de taux : il est dû si une crise est reconnue (crisesReconnues).'
    )
  }
  if (!crise && m.phases !== undefined) {
    throw invalid(
      `${at}.phases`,
      `la phase du plan ne s’applique qu’à la mission crise, pas à la mission ${m.mission}.`
    )
  }
  if (!crise && m.crisesReconnues !== undefined) {
    throw invalid(
      `${at}.crisesReconnues`,
      `les crises reconnues ne concernent que la mission crise, pas la mission ${m.mission}.`
    )
  }
  for (const year of years) {
    if (year.annee >= anneeDebut && year.table.mission(m.mission) === undefined) {
      throw new AciError(
        'mission_absente',
        `${at}.mission : la mission ${m.mission} n’existe pas dans le barème ${year.table.id} de l’année de contrat ${year.annee} (du ${year.debut} au ${year.fin}).`,
        `${at}.mission`
      )
    }
  }
  const reconnues = m.crisesReconnues ?? Array.from({ length: CONTRACT_YEARS }, () => false)
  const taux = crise
    ? reconnues.map((r) => (r ? ONE : new Decimal(0)))
    : m.taux === undefined
      ? Array.from({ length: CONTRACT_YEARS }, () => ONE)
      : fiveOf(m.taux).map((t) => new Decimal(t))
  const phases = years.map((y): Phase | null => {
    if (!crise || y.annee < anneeDebut) return null
    return m.phases?.[y.annee - 1] ?? (y.annee === anneeDebut ? 'redaction' : 'mise_a_jour')
  })
  return {
    mission: m.mission,
    debut: m.debut,
    anneeDebut,
    taux,
    tauxParDefaut: !crise && m.taux === undefined,
    phases,
    phasesParDefaut: crise && m.phases === undefined,
    crisesReconnues: crise ? reconnues : reconnues.map(() => false),
    crisesParDefaut: crise && m.crisesReconnues === undefined,
  }
}

/**
 * Checks a contract document and resolves it: the five contract years with their taille and
 * grid, each mission with its start year, rates and crisis phases, the options with their
 * defaults. Fails with an AciError naming the field at fault (`missions[1].debut`), or the
 * version that does not exist, or the date before any grid.
 */
export function parseContract(input: unknown): Contract {
  const result = v.safeParse(contractSchema, input)
  if (!result.success) {
    const issue = result.issues[0]
    throw invalid(pathOf(issue, 'contrat'), `${issue.message}.`)
  }
  const doc = result.output
  const years = yearsOf(doc)
  const seen = new Set<MissionCode>()
  const missions = doc.missions.map((m, i) => {
    if (seen.has(m.mission)) {
      throw invalid(`missions[${i}].mission`, `la mission ${m.mission} est citée deux fois.`)
    }
    seen.add(m.mission)
    return missionOfDocument(m, i, years)
  })
  missions.sort((a, b) => MISSION_CODES.indexOf(a.mission) - MISSION_CODES.indexOf(b.mission))
  const o = doc.options ?? {}
  const delaiVariableMois = o.delaiVariableMois ?? DEFAULT_OPTIONS.delaiVariableMois
  return {
    signature: doc.signature,
    fin: (years[years.length - 1] as ContractYear).fin,
    annees: years,
    missions,
    options: {
      prorata: o.prorata ?? DEFAULT_OPTIONS.prorata,
      variablePremiereAnnee: o.variablePremiereAnnee ?? DEFAULT_OPTIONS.variablePremiereAnnee,
      delaiVariableMois,
      // The balances are paid "au même moment" as the settlement of the year (notes §9.3).
      delaiSoldeMois: o.delaiSoldeMois ?? delaiVariableMois,
    },
    optionsParDefaut: {
      prorata: o.prorata === undefined,
      variablePremiereAnnee: o.variablePremiereAnnee === undefined,
      delaiVariableMois: o.delaiVariableMois === undefined,
      delaiSoldeMois: o.delaiSoldeMois === undefined,
    },
  }
}
