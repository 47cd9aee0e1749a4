// parseRegistre: the register of time checked once (shapes, people named once, a rate for every entry) into the Registre type the rest of the module trusts.
import * as v from 'valibot'
import type { Section } from '../budget'
import { AciError } from '../errors'
import { Decimal } from '../money'
import { ECRITURE_LABELS, nameKey, readName } from '../text/names'
import { pathOf } from '../wire-schemas'
import { montantTemps } from './amounts'
import { type RegistreConstat, registreConstat } from './constats'
import { type NatureTemps, type RegistreDocument, registreSchema } from './schema'

/** The share of the PASS past which a person is flagged before the ceiling, in percent, unless the CPTS sets another. */
export const SEUIL_ALERTE_DEFAUT = '90'

export interface Personne {
  /** The identifier as the register's `personnes` writes it: how the person is shown. */
  readonly id: string
  /** The grouping key of the identifier (shared/text/names.ts). */
  readonly cle: string
  readonly profession: string
  readonly cleProfession: string
  /** Member with a paid-up fee; undefined when the register does not say. */
  readonly membre: boolean | undefined
}

export type CibleTaux =
  | { readonly type: 'profession'; readonly profession: string; readonly cle: string }
  | { readonly type: 'personne'; readonly personne: Personne }

/** An hourly rate voted by the board, in force from its date until the next one for the same target. */
export interface Taux {
  /** Its position in the register's `taux`. */
  readonly index: number
  readonly cible: CibleTaux
  readonly depuis: string
  readonly horaire: Decimal
}

/** A time entry, checked, with the rate in force on its day and its amount. */
export interface Temps {
  /** Its position in the register's `temps`. */
  readonly index: number
  readonly personne: Personne
  /** The person's name as this entry writes it. */
  readonly ecrit: string
  readonly date: string
  readonly heures: Decimal
  readonly section: Section
  readonly activite: string | undefined
  readonly nature: NatureTemps
  /** Payment date, when paid. */
  readonly verse: string | undefined
  readonly taux: Taux
  /** heures × taux.horaire, rounded to the cent once (montantTemps). */
  readonly montant: Decimal
}

export interface RegistreOptions {
  /** Alert threshold, in percent of the PASS. */
  readonly seuilAlerte: Decimal
  /** The fiscal year the amounts, sections and budget lines cover; every entry when undefined. */
  readonly exercice: { readonly debut: string; readonly fin: string } | undefined
}

/** The register, checked: each person once, every entry tied to a person and to a rate in force on its day. */
export interface Registre {
  readonly personnes: readonly Personne[]
  readonly taux: readonly Taux[]
  /** In the register's order. */
  readonly temps: readonly Temps[]
  readonly options: RegistreOptions
  /** What reading the names found: mixed scripts, names written another way. */
  readonly constats: readonly RegistreConstat[]
}

export function registreError(argument: string, message: string): AciError {
  return new AciError('registre_invalide', `${argument} : ${message}`, argument)
}

function nameFindings(
  text: string,
  where: Pick<RegistreConstat, 'personne' | 'temps'>,
  at: string,
  out: RegistreConstat[]
): void {
  const reading = readName(text)
  if (!reading.mixedScripts) return
  const scripts = reading.scripts.map((s) => ECRITURE_LABELS[s]).join(', ')
  out.push(
    registreConstat(
      'NOM-ECRITURES',
      `${at} : « ${text} » mêle plusieurs écritures (${scripts}) ; une lettre d’une autre écriture qui ressemble à une lettre latine est lue comme elle, vérifiez qu’il s’agit bien de la même personne.`,
      where
    )
  )
}

function personnesOf(doc: RegistreDocument, whole: string, out: RegistreConstat[]): Personne[] {
  const byKey = new Map<string, number>()
  return doc.personnes.map((p, i) => {
    const at = `${whole}.personnes[${i}].id`
    const cle = nameKey(p.id)
    if (cle === '') {
      throw registreError(at, `« ${p.id} » n’a ni lettre ni chiffre ; un identifiant est attendu.`)
    }
    const before = byKey.get(cle)
    if (before !== undefined) {
      const first = doc.personnes[before]?.id ?? ''
      throw registreError(
        at,
        `« ${p.id} » désigne la même personne que « ${first} » (personnes[${before}]) ; chaque personne est écrite une fois.`
      )
    }
    byKey.set(cle, i)
    const cleProfession = nameKey(p.profession)
    if (cleProfession === '') {
      throw registreError(
        `${whole}.personnes[${i}].profession`,
        `« ${p.profession} » n’a ni lettre ni chiffre ; une profession est attendue.`
      )
    }
    nameFindings(p.id, { personne: p.id }, `personnes[${i}]`, out)
    return { id: p.id, cle, profession: p.profession, cleProfession, membre: p.membre }
  })
}

/** Rates by target key, each list in date order. */
interface RateIndex {
  readonly parPersonne: ReadonlyMap<string, readonly Taux[]>
  readonly parProfession: ReadonlyMap<string, readonly Taux[]>
}

function tauxOf(
  doc: RegistreDocument,
  people: ReadonlyMap<string, Personne>,
  whole: string
): { taux: Taux[]; index: RateIndex } {
  const parPersonne = new Map<string, Taux[]>()
  const parProfession = new Map<string, Taux[]>()
  const taux = doc.taux.map((t, i): Taux => {
    const at = `${whole}.taux[${i}]`
    if ((t.profession === undefined) === (t.personne === undefined)) {
      throw registreError(
        at,
        'un taux s’applique à une profession ou à une personne : donnez l’une des deux, pas les deux.'
      )
    }
    let cible: CibleTaux
    let list: Taux[]
    if (t.personne !== undefined) {
      const personne = people.get(nameKey(t.personne))
      if (personne === undefined) {
        throw registreError(
          `${at}.personne`,
          `« ${t.personne} » n’est pas dans la liste des personnes.`
        )
      }
      cible = { type: 'personne', personne }
      list = parPersonne.get(personne.cle) ?? []
      parPersonne.set(personne.cle, list)
    } else {
      const profession = t.profession as string
      const cle = nameKey(profession)
      if (cle === '') {
        throw registreError(`${at}.profession`, `« ${profession} » : une profession est attendue.`)
      }
      cible = { type: 'profession', profession, cle }
      list = parProfession.get(cle) ?? []
      parProfession.set(cle, list)
    }
    const rate: Taux = { index: i, cible, depuis: t.depuis, horaire: new Decimal(t.horaire) }
    const twin = list.find((r) => r.depuis === t.depuis)
    if (twin !== undefined) {
      throw registreError(
        `${at}.depuis`,
        `taux[${twin.index}] s’applique déjà à ${targetWords(cible)} à partir du ${t.depuis} ; un seul taux par date.`
      )
    }
    list.push(rate)
    return rate
  })
  for (const list of [...parPersonne.values(), ...parProfession.values()]) {
    list.sort((a, b) => (a.depuis < b.depuis ? -1 : a.depuis > b.depuis ? 1 : 0))
  }
  return { taux, index: { parPersonne, parProfession } }
}

function targetWords(cible: CibleTaux): string {
  return cible.type === 'personne'
    ? `la personne « ${cible.personne.id} »`
    : `la profession « ${cible.profession} »`
}

/** The last rate of the list in force on `date`, or undefined. */
function inForce(list: readonly Taux[] | undefined, date: string): Taux | undefined {
  let found: Taux | undefined
  for (const rate of list ?? []) {
    if (rate.depuis > date) break
    found = rate
  }
  return found
}

/**
 * The hourly rate of a person on a day: the person's own rate in force that day if the board set
 * one, otherwise their profession's; undefined when neither is in force yet.
 */
function rateFor(index: RateIndex, personne: Personne, date: string): Taux | undefined {
  return (
    inForce(index.parPersonne.get(personne.cle), date) ??
    inForce(index.parProfession.get(personne.cleProfession), date)
  )
}

function noRateMessage(index: RateIndex, personne: Personne, date: string): string {
  const own = index.parPersonne.get(personne.cle) ?? []
  const trade = index.parProfession.get(personne.cleProfession) ?? []
  const first = [...own, ...trade].map((r) => r.depuis).sort()[0]
  const later = first === undefined ? '' : ` ; le premier taux qui la concerne commence le ${first}`
  return `aucun taux horaire en vigueur le ${date} pour « ${personne.id} » (profession « ${personne.profession} »)${later}. Ajoutez un taux pour sa profession ou pour elle, daté au plus tard de ce jour.`
}

function optionsOf(doc: RegistreDocument, whole: string): RegistreOptions {
  const exercice = doc.options?.exercice
  if (exercice !== undefined && exercice.fin < exercice.debut) {
    throw registreError(
      `${whole}.options.exercice.fin`,
      `la fin de l’exercice (${exercice.fin}) précède son début (${exercice.debut}).`
    )
  }
  return {
    seuilAlerte: new Decimal(doc.options?.seuilAlerte ?? SEUIL_ALERTE_DEFAUT),
    exercice,
  }
}

/** A register document the schema has already accepted, checked for what ties its fields together. */
export function registreOfDocument(doc: RegistreDocument, whole = 'registre'): Registre {
  const constats: RegistreConstat[] = []
  const personnes = personnesOf(doc, whole, constats)
  const people = new Map(personnes.map((p) => [p.cle, p]))
  const { taux, index } = tauxOf(doc, people, whole)
  const variants = new Set<string>()
  const temps = doc.temps.map((t, i): Temps => {
    const at = `${whole}.temps[${i}]`
    const personne = people.get(nameKey(t.personne))
    if (personne === undefined) {
      throw registreError(
        `${at}.personne`,
        `« ${t.personne} » n’est pas dans la liste des personnes ; ajoutez-la avec sa profession.`
      )
    }
    if (t.personne !== personne.id && !variants.has(t.personne)) {
      variants.add(t.personne)
      nameFindings(t.personne, { personne: personne.id, temps: i }, `temps[${i}]`, constats)
      constats.push(
        registreConstat(
          'NOM-VARIANTE',
          `temps[${i}] : « ${t.personne} » est lu comme « ${personne.id} » (même nom une fois la casse, les accents, les espaces, les caractères invisibles et les lettres semblables d’autres écritures ramenés à une forme) ; ses temps comptent avec les siens.`,
          { personne: personne.id, temps: i }
        )
      )
    }
    const heures = new Decimal(typeof t.heures === 'number' ? String(t.heures) : t.heures)
    if (heures.isZero() || heures.gt(24)) {
      throw registreError(
        `${at}.heures`,
        `${heures.toFixed().replace('.', ',')} h : une durée de plus de 0 et d’au plus 24 heures est attendue.`
      )
    }
    const rate = rateFor(index, personne, t.date)
    if (rate === undefined) throw registreError(at, noRateMessage(index, personne, t.date))
    const section: Section = t.section === 'gouvernance' ? 'fonctionnement' : t.section
    return {
      index: i,
      personne,
      ecrit: t.personne,
      date: t.date,
      heures,
      section,
      activite: t.activite,
      nature: t.nature,
      verse: t.verse,
      taux: rate,
      montant: montantTemps(heures, rate.horaire),
    }
  })
  return { personnes, taux, temps, options: optionsOf(doc, whole), constats }
}

/**
 * The register as a checked type from JSON (already parsed): fails with an AciError naming the
 * field at fault (`registre.temps[3].heures`), a person written twice, a rate without target, an
 * entry whose person or rate is missing. `whole` is how messages name the document.
 */
export function parseRegistre(input: unknown, whole = 'registre'): Registre {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw registreError(whole, 'registre attendu : un objet JSON avec personnes, taux et temps.')
  }
  const result = v.safeParse(registreSchema, input)
  if (!result.success) {
    const issue = result.issues[0]
    const path = pathOf(issue, '')
    throw registreError(path === '' ? whole : `${whole}.${path}`, `${issue.message}.`)
  }
  return registreOfDocument(result.output, whole)
}
