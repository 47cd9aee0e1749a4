// The computed register as JSON (amounts as decimal strings): the answer of POST /api/v1/indemnities, and one person's yearly statement.
import { SECTIONS, type Section } from '../budget'
import { AciError } from '../errors'
import { type Decimal, toAmountString } from '../money'
import { nameKey } from '../text/names'
import {
  type CalculRegistre,
  calculerRegistre,
  type PlafondAnnuel,
  type StatutPlafond,
  type Totaux,
  totauxOf,
} from './compute'
import type { RegistreConstat, Severity } from './constats'
import { parseRegistre, type Temps } from './parse'
import type { NatureTemps } from './schema'

/** Hours with two decimals at most, as written ("12.5"). */
function hoursString(hours: Decimal): string {
  return hours.toFixed()
}

const amountOrNull = (amount: Decimal | undefined) =>
  amount === undefined ? null : toAmountString(amount)

export interface TotauxJson {
  readonly heures: string
  readonly montant: string
  readonly indemnites: string
  readonly remunerations: string
  readonly verse: string
}

function totauxJson(t: Totaux): TotauxJson {
  return {
    heures: hoursString(t.heures),
    montant: toAmountString(t.montant),
    indemnites: toAmountString(t.indemnites),
    remunerations: toAmountString(t.remunerations),
    verse: toAmountString(t.verse),
  }
}

/** One person over one calendar year; amounts null when the year has no PASS in the table. */
export interface PlafondJson {
  readonly id: string
  readonly profession: string
  readonly annee: number
  readonly heures: string
  readonly total: string
  readonly plafond: string | null
  readonly seuil: string | null
  readonly depassement: string | null
  readonly reste: string | null
  readonly statut: StatutPlafond
  readonly franchissement: string | null
}

function plafondJson(p: PlafondAnnuel): PlafondJson {
  return {
    id: p.personne.id,
    profession: p.personne.profession,
    annee: p.annee,
    heures: hoursString(p.heures),
    total: toAmountString(p.total),
    plafond: amountOrNull(p.plafond),
    seuil: amountOrNull(p.seuil),
    depassement: amountOrNull(p.depassement),
    reste: amountOrNull(p.reste),
    statut: p.statut,
    franchissement: p.franchissement ?? null,
  }
}

export interface RegistreConstatJson {
  readonly code: string
  readonly severity: Severity
  readonly message: string
  readonly source: string
  readonly personne?: string
  readonly annee?: number
  readonly temps?: number
  readonly depassement?: string
}

export function registreConstatJson(c: RegistreConstat): RegistreConstatJson {
  return {
    code: c.code,
    severity: c.severity,
    message: c.message,
    source: c.source,
    ...(c.personne === undefined ? {} : { personne: c.personne }),
    ...(c.annee === undefined ? {} : { annee: c.annee }),
    ...(c.temps === undefined ? {} : { temps: c.temps }),
    ...(c.depassement === undefined ? {} : { depassement: toAmountString(c.depassement) }),
  }
}

export interface IndemnitesJson {
  readonly exercice: { readonly debut: string; readonly fin: string } | null
  /** One row per person and calendar year. */
  readonly personnes: readonly PlafondJson[]
  /** The fiscal year's amounts per section: the clé de répartition by time and money. */
  readonly sections: readonly ({ readonly section: Section } & TotauxJson)[]
  readonly mois: readonly ({ readonly mois: string } & TotauxJson)[]
  readonly total: TotauxJson
  readonly constats: readonly RegistreConstatJson[]
}

/** The computed register as the API answers it. */
export function indemnitesJson(calcul: CalculRegistre): IndemnitesJson {
  return {
    exercice: calcul.exercice ?? null,
    personnes: calcul.plafonds.map(plafondJson),
    sections: calcul.sections.map((s) => ({ section: s.section, ...totauxJson(s) })),
    mois: calcul.mois.map((m) => ({ mois: m.mois, ...totauxJson(m) })),
    total: totauxJson(calcul.total),
    constats: calcul.constats.map(registreConstatJson),
  }
}

/** Reads a register (JSON already parsed, with its options) and computes it: the body of POST /api/v1/indemnities. */
export function indemnitesOfRequest(input: unknown): IndemnitesJson {
  return indemnitesJson(calculerRegistre(parseRegistre(input, 'demande')))
}

/** One entry of a yearly statement. */
export interface ReleveTempsJson {
  readonly date: string
  readonly heures: string
  readonly section: Section
  readonly activite: string | null
  readonly nature: NatureTemps
  readonly horaire: string
  readonly montant: string
  readonly verse: string | null
}

/** What a professional received from the CPTS over a calendar year, entry by entry, against the PASS. */
export interface ReleveAnnuelJson extends PlafondJson, TotauxJson {
  readonly mois: readonly ({ readonly mois: string } & TotauxJson)[]
  readonly sections: readonly ({ readonly section: Section } & TotauxJson)[]
  readonly temps: readonly ReleveTempsJson[]
  readonly source: string
}

/**
 * The yearly statement of one person (named in any of their spellings): every entry received in
 * the calendar year (whatever the fiscal year), its totals per month and per section, and the
 * year's PASS. Fails when the person has no entry that year, or when that year was not judged
 * (outside the computed fiscal year).
 */
export function releveAnnuel(
  calcul: CalculRegistre,
  personne: string,
  annee: number
): ReleveAnnuelJson {
  const cle = nameKey(personne)
  const row = calcul.plafonds.find((p) => p.personne.cle === cle && p.annee === annee)
  if (row === undefined) {
    throw new AciError(
      'registre_invalide',
      `personne : aucun temps de « ${personne} » perçu en ${annee} dans le calcul (ou l’exercice calculé ne couvre pas ${annee}).`,
      'personne'
    )
  }
  const byMonth = new Map<string, Temps[]>()
  const bySection = new Map<Section, Temps[]>()
  for (const t of row.temps) {
    const m = t.date.slice(0, 7)
    byMonth.set(m, [...(byMonth.get(m) ?? []), t])
    bySection.set(t.section, [...(bySection.get(t.section) ?? []), t])
  }
  return {
    ...plafondJson(row),
    ...totauxJson(totauxOf(row.temps)),
    mois: [...byMonth.keys()]
      .sort()
      .map((m) => ({ mois: m, ...totauxJson(totauxOf(byMonth.get(m) ?? [])) })),
    sections: SECTIONS.filter((s) => bySection.has(s)).map((section) => ({
      section,
      ...totauxJson(totauxOf(bySection.get(section) ?? [])),
    })),
    temps: row.temps.map((t) => ({
      date: t.date,
      heures: hoursString(t.heures),
      section: t.section,
      activite: t.activite ?? null,
      nature: t.nature,
      horaire: toAmountString(t.taux.horaire),
      montant: toAmountString(t.montant),
      verse: t.verse ?? null,
    })),
    source:
      'Code de la santé publique, art. D. 1434-44 (décret n° 2022-375 du 16 mars 2022) : plafond annuel des indemnités et rémunérations par professionnel, le PASS de l’année civile.',
  }
}
