// parseBudget: a budget document checked (shapes, then what ties fields together) and put in canonical form.
import * as v from 'valibot'
import { AciError } from '../errors'
import type { MissionCode } from '../missions'
import { pathOf } from '../wire-schemas'
import { natureOf } from './accounts'
import { asChecked, type Budget } from './budget'
import { centsOf, centsToString, isCanonicalAmount } from './cents'
import { type BudgetOptions, chartOf, tableOf } from './context'
import {
  type BudgetDocument,
  type BudgetLigne,
  type BudgetMission,
  type BudgetProfil,
  budgetSchema,
  type Repartition,
} from './schema'
import { type Section, sectionIndex } from './sections'
import { isBudgetFrame, isLigne, isLigneWritten, isReadyLigne } from './shape'

export type { BudgetOptions }

function invalid(argument: string, message: string): AciError {
  return new AciError('budget_invalide', `${argument} : ${message}`, argument)
}

/** "40.50" → "40.5", "1.000" → "1", "0" → "0": a decimal string already checked, without trailing zeros. */
export function minimalDecimal(text: string): string {
  if (!text.includes('.')) return text
  const trimmed = text.replace(/0+$/, '')
  return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed
}

function canonicalAmount(text: string): string {
  // Most amounts a reader makes are canonical already: kept rather than made again.
  return isCanonicalAmount(text) ? text : centsToString(centsOf(text) as number)
}

/** What the schema cannot say about a profile: taille or population, dates in order, each mission once. */
export function checkProfil(profil: BudgetProfil, options: BudgetOptions = {}): void {
  if (profil.taille === undefined && profil.population === undefined) {
    throw invalid('profil.taille', 'taille de la CPTS (1 à 4) ou population attendue.')
  }
  if (profil.exercice.fin < profil.exercice.debut) {
    throw invalid(
      'profil.exercice.fin',
      `la fin de l’exercice (${profil.exercice.fin}) précède son début (${profil.exercice.debut}).`
    )
  }
  const seen = new Set<MissionCode>()
  profil.missions.forEach((m, i) => {
    if (seen.has(m.mission)) {
      throw invalid(`profil.missions[${i}].mission`, `la mission ${m.mission} est citée deux fois.`)
    }
    seen.add(m.mission)
    if (m.phase !== undefined && m.mission !== 'crise') {
      throw invalid(
        `profil.missions[${i}].phase`,
        `la phase du plan ne s’applique qu’à la mission crise, pas à la mission ${m.mission}.`
      )
    }
  })
  tableOf(profil, options)
  chartOf(profil)
}

/** Each section at most once in a split. */
function sectionsOnce(parts: readonly { section: string }[] | undefined, at: string): void {
  if (parts === undefined) return
  let seen = 0 // one bit per section: this runs for every line of every check
  for (let j = 0; j < parts.length; j++) {
    const section = (parts[j] as { section: string }).section
    const index = sectionIndex(section)
    if (index < 0) continue // the schema refuses it; prepareLine says so for a document not run through it
    const bit = 1 << index
    if (seen & bit) {
      throw invalid(
        `${at}.parts[${j}].section`,
        `la section ${section} est citée deux fois dans la répartition.`
      )
    }
    seen |= bit
  }
}

/** What the schema cannot say about a line: each section once in its splits, a split of actuals only with actuals, a beneficiary only on a charge. */
export function checkLigne(ligne: BudgetLigne, i: number): void {
  sectionsOnce(ligne.repartition?.parts, `lignes[${i}].repartition`)
  if (ligne.repartitionRealise !== undefined) {
    if (ligne.realise === undefined) {
      throw invalid(
        `lignes[${i}].repartitionRealise`,
        'une répartition du réalisé suppose un montant réalisé (champ realise).'
      )
    }
    sectionsOnce(ligne.repartitionRealise.parts, `lignes[${i}].repartitionRealise`)
  }
  if (ligne.beneficiaire !== undefined && natureOf(ligne.compte) !== 'charge') {
    throw invalid(
      `lignes[${i}].beneficiaire`,
      'le bénéficiaire ne se donne que sur une ligne de charges (classe 6) : indemnité ou rémunération versée à un professionnel.'
    )
  }
}

function normalizeMission(m: BudgetMission): BudgetMission {
  return {
    mission: m.mission,
    debut: m.debut,
    ...(m.taux === undefined ? {} : { taux: minimalDecimal(m.taux) }),
    ...(m.phase === undefined ? {} : { phase: m.phase }),
  }
}

function normalizeProfil(p: BudgetProfil): BudgetProfil {
  const seuils = {
    ...(p.seuils?.thesaurisation === undefined
      ? {}
      : { thesaurisation: minimalDecimal(p.seuils.thesaurisation) }),
    ...(p.seuils?.pass === undefined ? {} : { pass: minimalDecimal(p.seuils.pass) }),
  }
  return {
    nom: p.nom.trim(),
    ...(p.taille === undefined ? {} : { taille: p.taille }),
    ...(p.population === undefined ? {} : { population: p.population }),
    signature: p.signature,
    ...(p.version === undefined ? {} : { version: p.version.toLowerCase() }),
    exercice: { debut: p.exercice.debut, fin: p.exercice.fin },
    missions: p.missions.map(normalizeMission),
    ...(Object.keys(seuils).length === 0 ? {} : { seuils }),
  }
}

/** Parts in SECTIONS order (a module function: this runs for every split of every budget). */
function bySection(a: { section: string }, b: { section: string }): number {
  return sectionIndex(a.section) - sectionIndex(b.section)
}

/**
 * Puts parts in SECTIONS order. A reader of a sheet or a CSV gives them in column order, which is
 * that order: they are only compared then, since sorting even a sorted array allocates.
 */
function sortBySection(parts: { section: string }[]): void {
  let previous = -1
  for (let j = 0; j < parts.length; j++) {
    const index = sectionIndex((parts[j] as { section: string }).section)
    if (index < previous) {
      parts.sort(bySection)
      return
    }
    previous = index
  }
}

function normalizeRepartition(r: Repartition): Repartition {
  const n = r.parts.length
  if (r.mode === 'montants') {
    const parts: { section: Section; montant: string }[] = new Array(n)
    for (let j = 0; j < n; j++) {
      const p = r.parts[j] as (typeof r.parts)[number]
      parts[j] = { section: p.section, montant: canonicalAmount(p.montant) }
    }
    sortBySection(parts)
    return { mode: 'montants', parts }
  }
  const parts: { section: Section; pourcentage: string }[] = new Array(n)
  for (let j = 0; j < n; j++) {
    const p = r.parts[j] as (typeof r.parts)[number]
    parts[j] = { section: p.section, pourcentage: minimalDecimal(p.pourcentage) }
  }
  sortBySection(parts)
  return { mode: 'cles', parts }
}

function normalizeLigne(l: BudgetLigne): BudgetLigne {
  // Built field by field, in the canonical order: this runs for every line of every budget.
  const out: BudgetLigne = {
    compte: l.compte,
    libelle: l.libelle.trim(),
    montant: canonicalAmount(l.montant),
  }
  if (l.realise !== undefined) out.realise = canonicalAmount(l.realise)
  if (l.repartition !== undefined) out.repartition = normalizeRepartition(l.repartition)
  if (l.repartitionRealise !== undefined) {
    out.repartitionRealise = normalizeRepartition(l.repartitionRealise)
  }
  if (l.financeur !== undefined) out.financeur = l.financeur
  if (l.beneficiaire !== undefined) out.beneficiaire = l.beneficiaire.trim()
  return out
}

/**
 * How a parse takes a document's lines: `ready` says which it keeps as they are (isReadyLigne:
 * checked and canonical already), `wellFormed` checks any other as the schema would (isLigne,
 * isLigneWritten, or nothing for the schema's own output), and `canonical` puts it in canonical
 * form once checkLigne has nothing against it.
 */
interface LineRules {
  readonly ready?: (ligne: unknown, index: number) => boolean
  readonly wellFormed: (ligne: unknown) => boolean
  readonly canonical: (ligne: BudgetLigne) => BudgetLigne
}

/**
 * The lines of a document whose frame budgetSchema takes, in one pass, by `rules`. Undefined as
 * soon as a line is not well formed: the schema then speaks, with its French messages. A line
 * that breaks checkLigne is said once every line is known to be well formed, and after the
 * profile's errors: the same error as checking in separate passes.
 */
function readLines(
  doc: BudgetDocument,
  options: BudgetOptions,
  rules: LineRules
): Budget | undefined {
  const { ready, wellFormed, canonical } = rules
  const lignes = doc.lignes as readonly unknown[]
  const out: BudgetLigne[] = new Array(lignes.length)
  let error: unknown
  for (let i = 0; i < lignes.length; i++) {
    const ligne = lignes[i]
    if (ready?.(ligne, i)) {
      out[i] = ligne as BudgetLigne
      continue
    }
    if (!wellFormed(ligne)) return undefined
    if (error !== undefined) continue
    try {
      checkLigne(ligne as BudgetLigne, i)
    } catch (e) {
      error = e
      continue
    }
    out[i] = canonical(ligne as BudgetLigne)
  }
  checkProfil(doc.profil, options)
  if (error !== undefined) throw error
  return asChecked({ profil: normalizeProfil(doc.profil), lignes: out })
}

/** A line a reader built, put in canonical form where it is (its fields already in canonical order). */
function canonicalizeInPlace(l: BudgetLigne): BudgetLigne {
  l.libelle = l.libelle.trim()
  l.montant = canonicalAmount(l.montant)
  if (l.realise !== undefined) l.realise = canonicalAmount(l.realise)
  if (l.repartition !== undefined) canonicalizeRepartition(l.repartition)
  if (l.repartitionRealise !== undefined) canonicalizeRepartition(l.repartitionRealise)
  if (l.beneficiaire !== undefined) l.beneficiaire = l.beneficiaire.trim()
  return l
}

/** A split put in canonical form where it is: amounts with two decimals, keys without trailing zeros, parts in section order. */
function canonicalizeRepartition(r: Repartition): void {
  if (r.mode === 'montants') {
    for (const p of r.parts) p.montant = canonicalAmount(p.montant)
  } else {
    for (const p of r.parts) p.pourcentage = minimalDecimal(p.pourcentage)
  }
  sortBySection(r.parts as { section: string }[])
}

/** parseBudget's lines: each one copied in canonical form, never kept (the caller keeps its document). */
const COPIED: LineRules = { wellFormed: isLigne, canonical: normalizeLigne }
/** A document handed over: a line that needs nothing is kept, any other canonicalized where it is. */
const BUILT: LineRules = {
  ready: isReadyLigne,
  wellFormed: isLigne,
  canonical: canonicalizeInPlace,
}
/**
 * A file's JSON just parsed: a line that needs nothing more is kept, any other copied in
 * canonical form, so that every field is in canonical order, as budgetToJson then writes it.
 */
const PARSED_JSON: LineRules = {
  ready: isReadyLigne,
  wellFormed: isLigne,
  canonical: normalizeLigne,
}

/**
 * parseBudget for a document handed over, that its maker keeps no hold on: one a reader of the
 * core built, or a request's body just parsed. Checked the same way, and refused with the same
 * errors; its lines are kept as they are when they need nothing more (isReadyLigne), and any
 * other put in canonical form where it is, rather than copied. A line's fields keep the order
 * they came in: a reader writes them in canonical order, a JSON body in its sender's (nothing
 * reads a Budget by the order of its fields; canonicalJson sorts them).
 */
export function parseBudgetBuilt(built: unknown, options: BudgetOptions = {}): Budget {
  return parsed(built, options, BUILT)
}

/**
 * parseBudget for what JSON.parse has just given from a file: the same Budget, every field in
 * canonical order, refused with the same errors; but a line that needs nothing more (isReadyLigne,
 * its fields in canonical order too) is kept rather than copied, as nearly every line of a budget
 * file this project wrote.
 */
export function parseBudgetJson(parsedJson: unknown, options: BudgetOptions = {}): Budget {
  return parsed(parsedJson, options, PARSED_JSON)
}

/**
 * parseBudgetBuilt for a document one of the core's readers wrote field by field (rows.ts): its
 * lines hold a line's fields and no other, in canonical order. `ready` is the reader's word for
 * each line, known from its values as they were read: a line that needs nothing more
 * (isReadyLigne would say so) is kept without another look; any other is checked by its values
 * only (isLigneWritten) and put in canonical form where it is (a reader of 10 000 rows
 * allocates half as much); refused with the same errors.
 */
export function parseBudgetWritten(
  written: unknown,
  options: BudgetOptions,
  ready: readonly boolean[]
): Budget {
  return parsed(written, options, {
    ready: (_, i) => ready[i] === true,
    wellFormed: isLigneWritten,
    canonical: canonicalizeInPlace,
  })
}

/**
 * A document read by readLines when its frame and lines are well formed; otherwise the schema
 * speaks, with its French messages (the lines read before the first that is not, put in canonical
 * form, mean the same), and readLines reads what it took.
 */
function parsed(input: unknown, options: BudgetOptions, rules: LineRules): Budget {
  if (isBudgetFrame(input)) {
    const read = readLines(input as BudgetDocument, options, rules)
    if (read !== undefined) return read
  }
  const result = v.safeParse(budgetSchema, input)
  if (!result.success) {
    const issue = result.issues[0]
    throw invalid(pathOf(issue, 'budget'), `${issue.message}.`)
  }
  // The schema took every line: readLines reads them all.
  return readLines(result.output, options, {
    wellFormed: () => true,
    canonical: rules.canonical,
  }) as Budget
}

/**
 * Checks a budget document and returns it as a Budget, in canonical form: amounts with two decimals
 * ("42000.00"), percentages and rates without trailing zeros, the parts of each split in
 * section order, texts trimmed, empty settings left out. Fails with an AciError naming the
 * field at fault (`lignes[3].repartition.parts[0].montant`), or the version or chart of
 * accounts that the profile points to and that does not exist.
 */
export function parseBudget(input: unknown, options: BudgetOptions = {}): Budget {
  return parsed(input, options, COPIED)
}
