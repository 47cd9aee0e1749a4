// The register computed: amounts per person, section and month over a fiscal year, and the PASS ceiling per person and calendar year (art. D. 1434-44 CSP).
import { bundledPass, type PassTable, SECTIONS, type Section } from '../budget'
import { formatEuros } from '../format'
import { type Decimal, sum, timesToCent, ZERO } from '../money'
import { type RegistreConstat, registreConstat, sortRegistreConstats } from './constats'
import type { Personne, Registre, Temps } from './parse'

/** Hours and amounts of a set of entries; `verse` is what has been paid of `montant`. */
export interface Totaux {
  readonly heures: Decimal
  readonly montant: Decimal
  readonly indemnites: Decimal
  readonly remunerations: Decimal
  readonly verse: Decimal
}

export interface TotalPersonne extends Totaux {
  readonly personne: Personne
}
export interface TotalSection extends Totaux {
  readonly section: Section
}
export interface TotalMois extends Totaux {
  /** AAAA-MM */
  readonly mois: string
}

/**
 * - `sous-plafond`: at most the alert threshold;
 * - `alerte`: past the threshold the CPTS set, not past the PASS;
 * - `depasse`: past the PASS (an error, with the overrun);
 * - `pass-inconnu`: the PASS of that year is not in the table (an error: never guessed);
 * - `avant-plafond`: a year before the ceiling existed (2022).
 */
export type StatutPlafond = 'sous-plafond' | 'alerte' | 'depasse' | 'pass-inconnu' | 'avant-plafond'

/** One person over one calendar year against that year's PASS. */
export interface PlafondAnnuel {
  readonly personne: Personne
  readonly annee: number
  readonly heures: Decimal
  /** Indemnities and remunerations counted in that calendar year (all of the register's, not only the fiscal year's). */
  readonly total: Decimal
  readonly plafond: Decimal | undefined
  /** The alert threshold: the CPTS's share of the PASS, to the cent. */
  readonly seuil: Decimal | undefined
  /** total − PASS when past it, 0 otherwise; undefined when there is no PASS to compare with. */
  readonly depassement: Decimal | undefined
  /** PASS − total when under it, 0 otherwise: what can still be paid that year. */
  readonly reste: Decimal | undefined
  readonly statut: StatutPlafond
  /** The day the total first went past the PASS (the entry's payment date, or its date when unpaid). */
  readonly franchissement: string | undefined
  /** The entries counted, in the order they are received. */
  readonly temps: readonly Temps[]
}

export interface CalculRegistre {
  readonly registre: Registre
  readonly exercice: { readonly debut: string; readonly fin: string } | undefined
  /** The entries of the fiscal year (all entries without one), in the register's order. */
  readonly temps: readonly Temps[]
  /** In the order of the register's people; only people with entries in the period. */
  readonly personnes: readonly TotalPersonne[]
  /** In the budget's section order; only sections with entries. */
  readonly sections: readonly TotalSection[]
  /** In calendar order; only months with entries. */
  readonly mois: readonly TotalMois[]
  readonly total: Totaux
  /** One row per person and calendar year, by person then year. */
  readonly plafonds: readonly PlafondAnnuel[]
  /** Errors first, then warnings, then information. */
  readonly constats: readonly RegistreConstat[]
}

export interface CalculOptions {
  /** The PASS table (default: the one shipped with the product). */
  readonly pass?: PassTable
}

/** The calendar year an entry counts in for the ceiling: the year it is received (paid), else the year of the work. */
export function anneePlafond(temps: Temps): number {
  return Number((temps.verse ?? temps.date).slice(0, 4))
}

/** The day an entry is received, or expected: its payment date, else its date. */
function dateRecue(temps: Temps): string {
  return temps.verse ?? temps.date
}

export function totauxOf(temps: readonly Temps[]): Totaux {
  let heures = ZERO
  let indemnites = ZERO
  let remunerations = ZERO
  let verse = ZERO
  for (const t of temps) {
    heures = heures.plus(t.heures)
    if (t.nature === 'indemnite') indemnites = indemnites.plus(t.montant)
    else remunerations = remunerations.plus(t.montant)
    if (t.verse !== undefined) verse = verse.plus(t.montant)
  }
  return { heures, montant: indemnites.plus(remunerations), indemnites, remunerations, verse }
}

function groupBy<K>(temps: readonly Temps[], keyOf: (t: Temps) => K): Map<K, Temps[]> {
  const groups = new Map<K, Temps[]>()
  for (const t of temps) {
    const key = keyOf(t)
    const list = groups.get(key)
    if (list === undefined) groups.set(key, [t])
    else list.push(t)
  }
  return groups
}

/** 2026-11-03 → 03/11/2026 */
function frenchDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

function euros(amount: Decimal): string {
  return formatEuros(amount)
}

function plafondOf(
  personne: Personne,
  annee: number,
  entries: readonly Temps[],
  pass: PassTable,
  seuilAlerte: Decimal
): PlafondAnnuel {
  const ordered = [...entries].sort((a, b) =>
    dateRecue(a) < dateRecue(b) ? -1 : dateRecue(a) > dateRecue(b) ? 1 : a.index - b.index
  )
  const totaux = totauxOf(ordered)
  const common = { personne, annee, heures: totaux.heures, total: totaux.montant, temps: ordered }
  const plafond = annee < pass.firstYear ? undefined : pass.amount(annee)
  if (plafond === undefined) {
    return {
      ...common,
      plafond: undefined,
      seuil: undefined,
      depassement: undefined,
      reste: undefined,
      statut: annee < pass.firstYear ? 'avant-plafond' : 'pass-inconnu',
      franchissement: undefined,
    }
  }
  const seuil = timesToCent(plafond, seuilAlerte.div(100))
  let franchissement: string | undefined
  let running = ZERO
  for (const t of ordered) {
    running = running.plus(t.montant)
    if (running.gt(plafond)) {
      franchissement = dateRecue(t)
      break
    }
  }
  const over = totaux.montant.gt(plafond)
  return {
    ...common,
    plafond,
    seuil,
    depassement: over ? totaux.montant.minus(plafond) : ZERO,
    reste: over ? ZERO : plafond.minus(totaux.montant),
    statut: over ? 'depasse' : totaux.montant.gt(seuil) ? 'alerte' : 'sous-plafond',
    franchissement,
  }
}

function yearsOf(debut: string, fin: string): number[] {
  const years: number[] = []
  for (let y = Number(debut.slice(0, 4)); y <= Number(fin.slice(0, 4)); y++) years.push(y)
  return years
}

/**
 * The register computed over its fiscal year (options.exercice; every entry without one):
 * totals per person, per section and per month from the entries dated in it; and, for each
 * person and each calendar year the fiscal year touches, every entry of the register received in
 * that calendar year against the year's PASS — a July–June fiscal year is judged against two
 * PASS years, each over its whole calendar year (art. D. 1434-44 CSP, décret n° 2022-375).
 */
export function calculerRegistre(registre: Registre, options: CalculOptions = {}): CalculRegistre {
  const pass = options.pass ?? bundledPass()
  const { exercice, seuilAlerte } = registre.options
  const inPeriod = (date: string) =>
    exercice === undefined || (date >= exercice.debut && date <= exercice.fin)
  const temps = registre.temps.filter((t) => inPeriod(t.date))
  const constats: RegistreConstat[] = [...registre.constats]

  const byPerson = groupBy(temps, (t) => t.personne.cle)
  const personnes = registre.personnes
    .filter((p) => byPerson.has(p.cle))
    .map((personne) => ({ personne, ...totauxOf(byPerson.get(personne.cle) ?? []) }))

  const bySection = groupBy(temps, (t) => t.section)
  const sections = SECTIONS.filter((s) => bySection.has(s)).map((section) => ({
    section,
    ...totauxOf(bySection.get(section) ?? []),
  }))

  const byMonth = groupBy(temps, (t) => t.date.slice(0, 7))
  const mois = [...byMonth.keys()]
    .sort()
    .map((m) => ({ mois: m, ...totauxOf(byMonth.get(m) ?? []) }))

  // The calendar years judged: those the fiscal year touches, or every year an entry is received in.
  const years =
    exercice === undefined
      ? [...new Set(registre.temps.map(anneePlafond))].sort((a, b) => a - b)
      : yearsOf(exercice.debut, exercice.fin)
  const judged = new Set(years)
  const byPersonYear = groupBy(
    registre.temps.filter((t) => judged.has(anneePlafond(t))),
    (t) => `${t.personne.cle}\u0000${anneePlafond(t)}`
  )
  const plafonds: PlafondAnnuel[] = []
  for (const personne of registre.personnes) {
    for (const annee of years) {
      const entries = byPersonYear.get(`${personne.cle}\u0000${annee}`)
      if (entries === undefined) continue
      plafonds.push(plafondOf(personne, annee, entries, pass, seuilAlerte))
    }
  }

  yearFindings(plafonds, pass, constats)
  for (const row of plafonds) personYearFinding(row, registre.options.seuilAlerte, constats)
  if (exercice !== undefined) calendarFindings(registre, exercice, years, constats)
  paidLaterFindings(registre.temps, judged, constats)
  memberFindings(personnes, constats)
  natureFindings(temps, constats)

  return {
    registre,
    exercice,
    temps,
    personnes,
    sections,
    mois,
    total: totauxOf(temps),
    plafonds,
    constats: sortRegistreConstats(constats),
  }
}

function yearFindings(
  plafonds: readonly PlafondAnnuel[],
  pass: PassTable,
  out: RegistreConstat[]
): void {
  const unknown = [
    ...new Set(plafonds.filter((p) => p.statut === 'pass-inconnu').map((p) => p.annee)),
  ]
  for (const annee of unknown) {
    out.push(
      registreConstat(
        'PASS-INCONNU',
        `Le PASS de ${annee} n’est pas dans la table des valeurs (dernière année connue : ${pass.lastYear}) : le plafond de ${annee} n’est pas vérifié. Il est fixé chaque année par arrêté ; ajoutez sa valeur à la table dès sa publication.`,
        { annee }
      )
    )
  }
  const before = [
    ...new Set(plafonds.filter((p) => p.statut === 'avant-plafond').map((p) => p.annee)),
  ]
  for (const annee of before) {
    out.push(
      registreConstat(
        'PASS-AVANT-PLAFOND',
        `Les sommes perçues en ${annee} ne sont pas plafonnées : le plafond des indemnités et rémunérations (art. D. 1434-44 CSP) n’existe qu’à partir de ${pass.firstYear} (décret n° 2022-375 du 16 mars 2022).`,
        { annee }
      )
    )
  }
}

function personYearFinding(row: PlafondAnnuel, seuilAlerte: Decimal, out: RegistreConstat[]): void {
  const { personne, annee, total, plafond, seuil } = row
  if (plafond === undefined || seuil === undefined) return
  if (row.statut === 'depasse') {
    const depassement = row.depassement ?? ZERO
    const when =
      row.franchissement === undefined
        ? ''
        : ` ; le plafond est franchi le ${frenchDate(row.franchissement)}`
    out.push(
      registreConstat(
        'PASS-DEPASSE',
        `${personne.id} : ${euros(total)} d’indemnités et de rémunérations perçues en ${annee}, soit ${euros(depassement)} de plus que le PASS ${annee} (${euros(plafond)}) (art. D. 1434-44 CSP)${when}.`,
        { personne: personne.id, annee, depassement }
      )
    )
  } else if (row.statut === 'alerte') {
    out.push(
      registreConstat(
        'PASS-ALERTE',
        `${personne.id} : ${euros(total)} d’indemnités et de rémunérations perçues en ${annee}, plus de ${seuilAlerte.toFixed().replace('.', ',')} % du PASS ${annee} (${euros(plafond)}) ; il reste ${euros(row.reste ?? ZERO)} sous le plafond.`,
        { personne: personne.id, annee }
      )
    )
  }
}

function calendarFindings(
  registre: Registre,
  exercice: { readonly debut: string; readonly fin: string },
  years: readonly number[],
  out: RegistreConstat[]
): void {
  const calendar =
    exercice.debut.endsWith('-01-01') &&
    exercice.fin.endsWith('-12-31') &&
    exercice.debut.slice(0, 4) === exercice.fin.slice(0, 4)
  if (calendar) return
  for (const annee of years) {
    const outside = registre.temps.filter(
      (t) => anneePlafond(t) === annee && (t.date < exercice.debut || t.date > exercice.fin)
    )
    const counted =
      outside.length === 0
        ? 'le registre n’en contient aucun hors de l’exercice : ceux qui manquent ne sont pas comptés'
        : `il compte aussi les ${outside.length} temps de ${annee} hors de l’exercice que le registre contient (${euros(sum(outside.map((t) => t.montant)))})`
    out.push(
      registreConstat(
        'ANNEE-CIVILE',
        `L’exercice du ${frenchDate(exercice.debut)} au ${frenchDate(exercice.fin)} n’est pas une année civile : le plafond de ${annee} s’apprécie sur toute l’année civile ${annee} ; ${counted}.`,
        { annee }
      )
    )
  }
}

function paidLaterFindings(
  temps: readonly Temps[],
  judged: ReadonlySet<number>,
  out: RegistreConstat[]
): void {
  const moved = groupBy(
    temps.filter((t) => t.verse !== undefined && anneePlafond(t) !== Number(t.date.slice(0, 4))),
    (t) => `${t.date.slice(0, 4)}→${anneePlafond(t)}`
  )
  for (const [, list] of moved) {
    const first = list[0] as Temps
    const from = first.date.slice(0, 4)
    const to = anneePlafond(first)
    if (!judged.has(to) && !judged.has(Number(from))) continue
    out.push(
      registreConstat(
        'VERSEMENT-AUTRE-ANNEE',
        `${list.length} temps de ${from} versés en ${to} (${euros(sum(list.map((t) => t.montant)))}) comptent dans le plafond de ${to}, l’année civile où ils sont perçus.`,
        { annee: to }
      )
    )
  }
}

function memberFindings(personnes: readonly TotalPersonne[], out: RegistreConstat[]): void {
  for (const { personne, montant } of personnes) {
    if (personne.membre !== false) continue
    out.push(
      registreConstat(
        'MEMBRE-NON-A-JOUR',
        `${personne.id} n’est pas indiqué comme membre à jour de sa cotisation et reçoit ${euros(montant)} : les indemnités et rémunérations de l’art. D. 1434-44 CSP sont versées aux membres de la CPTS.`,
        { personne: personne.id }
      )
    )
  }
}

function natureFindings(temps: readonly Temps[], out: RegistreConstat[]): void {
  const misplaced = groupBy(
    temps.filter((t) => t.nature === 'remuneration' && t.section === 'fonctionnement'),
    (t) => t.personne.id
  )
  for (const [id, list] of misplaced) {
    const shown = list
      .slice(0, 3)
      .map((t) => `temps[${t.index}]`)
      .join(', ')
    const more = list.length > 3 ? '…' : ''
    out.push(
      registreConstat(
        'NATURE-SECTION',
        `${id} : ${list.length} temps rémunérés sur la section fonctionnement (${shown}${more}) ; une rémunération paie la participation à une mission, le temps de gouvernance s’indemnise.`,
        { personne: id, temps: (list[0] as Temps).index }
      )
    )
  }
}
