// The portfolio as an accumulator: inputs added one by one (the pane shows progress and may stop between two), each answered by its row; the synthesis at any time.
import {
  AciError,
  type Cents,
  centsOf,
  centsToString,
  isAciError,
  MISSION_CODES,
  nameKey,
  type Section,
  type Severity,
  sectionLabel,
} from '../index'
import { basisPoints, basisPointsOf, percentString, quartile } from './percent'
import { type PortfolioOptions, readCpts } from './read'
import {
  OUTLIER_LABELS,
  type OutlierCode,
  type PortfolioDistribution,
  type PortfolioMission,
  type PortfolioRow,
  type PortfolioRowOk,
  type PortfolioSummary,
} from './types'

export const QUANTILE_METHOD =
  'Quartiles par interpolation linéaire entre les valeurs classées (h = (n − 1) × p ; type 7 de Hyndman et Fan, celui de QUARTILE.INCLURE d’Excel et de R), sur les taux de chaque CPTS arrondis au centième de pour cent ; seules les CPTS qui ont une enveloppe pour la section comptent.'

export const DUPLICATE_RULE =
  'Une même CPTS (nom comparé sans casse, accents ni ponctuation) pour le même exercice n’est comptée qu’une fois : la première entrée lue l’est, les suivantes sont listées comme doublons (mêmes montants ou non) sans entrer dans la synthèse.'

/** Integers that grow by doubling: the per-CPTS rates a section's quartiles need, 4 bytes each. */
class Rates {
  values = new Int32Array(16)
  length = 0
  min = { bp: 0, ligne: 0, nom: '' }
  max = { bp: 0, ligne: 0, nom: '' }

  add(bp: number, ligne: number, nom: string): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.length++] = bp
    if (this.length === 1 || bp < this.min.bp) this.min = { bp, ligne, nom }
    if (this.length === 1 || bp > this.max.bp) this.max = { bp, ligne, nom }
  }

  distribution(): PortfolioDistribution {
    if (this.length === 0) return { n: 0, min: null, q1: null, mediane: null, q3: null, max: null }
    const sorted = this.values.slice(0, this.length).sort()
    const extreme = (e: { bp: number; ligne: number; nom: string }) => ({
      valeur: percentString(e.bp),
      ligne: e.ligne,
      nom: e.nom,
    })
    return {
      n: this.length,
      min: extreme(this.min),
      q1: percentString(quartile(sorted, 1)),
      mediane: percentString(quartile(sorted, 2)),
      q3: percentString(quartile(sorted, 3)),
      max: extreme(this.max),
    }
  }
}

class SectionTotals {
  cpts = 0
  enveloppe = 0
  charges = 0
  cptsAvecRealise = 0
  enveloppeAvecRealise = 0
  realise = 0
  readonly prevue = new Rates()
  readonly realisee = new Rates()
  constructor(readonly section: Section) {}
}

/**
 * What the synthesis needs, and nothing of the rows: sums, counts, and per section the rates of
 * each CPTS for its quartiles (O(n) integers, 4 bytes per CPTS and section); the keys of the CPTS
 * seen, for duplicates (O(n) short flat strings, about 300 bytes per CPTS with the rates). The rows
 * go back to the caller, who keeps them or not.
 */
export interface Portfolio {
  readonly options: PortfolioOptions
  entrees: number
  cpts: number
  erreurs: number
  doublons: number
  totalEnveloppe: Cents
  charges: Cents
  chargesSectionsAci: Cents
  realiseCpts: number
  realiseEnveloppe: Cents
  realiseCharges: Cents
  variableCpts: number
  variableReclame: Cents
  variableMaximum: Cents
  readonly constats: Record<Severity, number>
  horsAci: Cents
  aRisque: Cents
  cptsARisque: number
  fongibiliteCharges: Cents
  fongibiliteEnveloppe: Cents
  cptsEnDepassement: number
  cptsCouverts: number
  readonly anomalies: Map<OutlierCode, number>
  readonly sections: Map<Section, SectionTotals>
  /** Key of a CPTS and fiscal year → its first entry, as `entryOf` writes it. */
  readonly seen: Map<string, string>
}

/** A new, empty portfolio; `options.catalog` for rate versions downloaded since the build. */
export function newPortfolio(options: PortfolioOptions = {}): Portfolio {
  const sections = new Map<Section, SectionTotals>()
  for (const s of ['fonctionnement', ...MISSION_CODES] as Section[]) {
    sections.set(s, new SectionTotals(s))
  }
  return {
    options,
    entrees: 0,
    cpts: 0,
    erreurs: 0,
    doublons: 0,
    totalEnveloppe: 0,
    charges: 0,
    chargesSectionsAci: 0,
    realiseCpts: 0,
    realiseEnveloppe: 0,
    realiseCharges: 0,
    variableCpts: 0,
    variableReclame: 0,
    variableMaximum: 0,
    constats: { error: 0, warning: 0, info: 0 },
    horsAci: 0,
    aRisque: 0,
    cptsARisque: 0,
    fongibiliteCharges: 0,
    fongibiliteEnveloppe: 0,
    cptsEnDepassement: 0,
    cptsCouverts: 0,
    anomalies: new Map(),
    sections,
    seen: new Map(),
  }
}

const c = (amount: string): Cents => centsOf(amount) as Cents

/*
 * The key and the first entry kept per CPTS are built by join, which gives one flat string: a
 * template literal gives a tree of concatenations that holds on to each piece. Heap snapshots of
 * 3 000 CPTS through the Worker's route: about 750 bytes kept per CPTS that way, 300 this way.
 */

/** A CPTS and its fiscal year, its name compared without case, accents or punctuation. */
function keyOf(read: { readonly nom: string; readonly exercice: { debut: string; fin: string } }) {
  return [nameKey(read.nom), read.exercice.debut, read.exercice.fin].join('\u0000')
}

/** The figures that tell a copy from another version of the same CPTS's budget. */
function figuresOf(row: Omit<PortfolioRowOk, 'ligne' | 'fichier' | 'doublon'>): string {
  return [
    row.totalEnveloppe,
    row.charges,
    row.chargesSectionsAci,
    row.realise ?? '',
    ...row.sections.map((s) => s.charges),
  ].join('|')
}

/** The first entry of a CPTS: its line and its figures in one string, `ligne|figures`, not an object per CPTS. */
function entryOf(ligne: number, figures: string): string {
  return [ligne, figures].join('|')
}

function lineOfEntry(entry: string): number {
  return Number.parseInt(entry, 10)
}

function figuresOfEntry(entry: string): string {
  return entry.slice(entry.indexOf('|') + 1)
}

function count(p: Portfolio, row: PortfolioRowOk): void {
  p.cpts += 1
  const enveloppe = c(row.totalEnveloppe)
  p.totalEnveloppe += enveloppe
  p.charges += c(row.charges)
  p.chargesSectionsAci += c(row.chargesSectionsAci)
  if (row.realise !== null) {
    p.realiseCpts += 1
    p.realiseEnveloppe += enveloppe
    p.realiseCharges += c(row.realise)
  }
  if (row.variable !== null) {
    p.variableCpts += 1
    p.variableReclame += c(row.variable.reclame)
    p.variableMaximum += c(row.variable.maximum)
  }
  p.constats.error += row.constats.error
  p.constats.warning += row.constats.warning
  p.constats.info += row.constats.info
  p.horsAci += c(row.financementsHorsAci.total)
  const risky = c(row.financementsHorsAci.aRisque)
  p.aRisque += risky
  if (row.financementsHorsAci.financeurs.some((f) => f.aRisque)) p.cptsARisque += 1
  const fc = c(row.fongibilite.charges)
  const fe = c(row.fongibilite.enveloppe)
  p.fongibiliteCharges += fc
  p.fongibiliteEnveloppe += fe
  if (row.fongibilite.depassement) {
    p.cptsEnDepassement += 1
    if (fc <= fe) p.cptsCouverts += 1
  }
  const codes = new Set(row.anomalies.map((a) => a.code))
  for (const code of codes) p.anomalies.set(code, (p.anomalies.get(code) ?? 0) + 1)
  for (const s of row.sections) {
    const totals = p.sections.get(s.section)
    if (totals === undefined || s.enveloppe === null) continue
    const env = c(s.enveloppe)
    totals.cpts += 1
    totals.enveloppe += env
    totals.charges += c(s.charges)
    if (s.consommationPrevue !== null) {
      totals.prevue.add(basisPointsOf(s.consommationPrevue), row.ligne, row.nom)
    }
    if (s.realise !== null) {
      totals.cptsAvecRealise += 1
      totals.enveloppeAvecRealise += env
      totals.realise += c(s.realise)
      if (s.consommationRealisee !== null) {
        totals.realisee.add(basisPointsOf(s.consommationRealisee), row.ligne, row.nom)
      }
    }
  }
}

/**
 * Reads one input (a dossier JSON, a budget JSON or a French budget CSV; text, or bytes in
 * UTF-8, Windows-1252 or ISO-8859-15, through decodeText) and adds it to the portfolio. Returns its row: `ok` with the
 * CPTS's figures, its findings and outliers, or `erreur` with the reason in French. Never throws
 * for what a file holds; `fichier` names the input in the rows and messages.
 */
export function addToPortfolio(
  portfolio: Portfolio,
  fichier: string,
  content: string | Uint8Array,
  options: {
    /** The charset bytes were sent with (an HTTP Content-Type's); detected when absent. */
    readonly charset?: string | undefined
    /** The input's number in the caller's words (an NDJSON line); by default its rank, from 1. */
    readonly ligne?: number
  } = {}
): PortfolioRow {
  portfolio.entrees += 1
  const ligne = options.ligne ?? portfolio.entrees
  let read: ReturnType<typeof readCpts>
  try {
    read = readCpts(content, portfolio.options, fichier, options.charset)
  } catch (error) {
    if (!isAciError(error)) throw error
    return errorRow(portfolio, ligne, fichier, error)
  }
  const key = keyOf(read)
  const figures = figuresOf(read)
  const first = portfolio.seen.get(key)
  if (first !== undefined) {
    portfolio.doublons += 1
    return {
      ligne,
      fichier,
      ...read,
      doublon: { de: lineOfEntry(first), memesMontants: figuresOfEntry(first) === figures },
    }
  }
  portfolio.seen.set(key, entryOf(ligne, figures))
  const row: PortfolioRowOk = { ligne, fichier, ...read, doublon: null }
  count(portfolio, row)
  return row
}

/** An input that could not be read, counted as an error: its row, with its French reason. */
export function errorRow(
  portfolio: Portfolio,
  ligne: number,
  fichier: string,
  error: AciError,
  nom: string | null = null
): PortfolioRow {
  portfolio.erreurs += 1
  return {
    ligne,
    statut: 'erreur',
    fichier,
    nom,
    code: error.code,
    message: error.message,
    champ: error.argument ?? null,
  }
}

/**
 * Counts an input the caller could not even hand over (a line cut by the end of the stream, a
 * line over the size limit): its row, with the reason.
 */
export function refuseInput(
  portfolio: Portfolio,
  fichier: string,
  code: 'donnees_invalides' | 'json_invalide',
  message: string,
  ligne?: number
): PortfolioRow {
  portfolio.entrees += 1
  return errorRow(
    portfolio,
    ligne ?? portfolio.entrees,
    fichier,
    new AciError(code, message, fichier)
  )
}

const pct = (part: Cents, whole: Cents): string | null => {
  const bp = basisPoints(part, whole)
  return bp === null ? null : percentString(bp)
}

/** The synthesis of what was added so far: totals equal the sums of the counted rows. */
export function portfolioSummary(p: Portfolio): PortfolioSummary {
  const parMission: PortfolioMission[] = [...p.sections.values()].map((t) => ({
    section: t.section,
    libelle: sectionLabel(t.section),
    cpts: t.cpts,
    enveloppe: centsToString(t.enveloppe),
    charges: centsToString(t.charges),
    consommationPrevue: pct(t.charges, t.enveloppe),
    cptsAvecRealise: t.cptsAvecRealise,
    enveloppeAvecRealise: centsToString(t.enveloppeAvecRealise),
    realise: centsToString(t.realise),
    consommationRealisee: pct(t.realise, t.enveloppeAvecRealise),
    distributionPrevue: t.prevue.distribution(),
    distributionRealisee: t.realisee.distribution(),
  }))
  const anomalies = (Object.keys(OUTLIER_LABELS) as OutlierCode[]).map((code) => ({
    code,
    libelle: OUTLIER_LABELS[code],
    cpts: p.anomalies.get(code) ?? 0,
  }))
  return {
    cpts: p.cpts,
    erreurs: p.erreurs,
    doublons: p.doublons,
    entrees: p.entrees,
    totalEnveloppe: centsToString(p.totalEnveloppe),
    charges: centsToString(p.charges),
    chargesSectionsAci: centsToString(p.chargesSectionsAci),
    consommationPrevue: pct(p.chargesSectionsAci, p.totalEnveloppe),
    realise: {
      cpts: p.realiseCpts,
      enveloppe: centsToString(p.realiseEnveloppe),
      chargesSectionsAci: centsToString(p.realiseCharges),
      consommation: pct(p.realiseCharges, p.realiseEnveloppe),
    },
    variable: {
      cpts: p.variableCpts,
      reclame: centsToString(p.variableReclame),
      maximum: centsToString(p.variableMaximum),
    },
    constats: { ...p.constats },
    financementsHorsAci: {
      total: centsToString(p.horsAci),
      aRisque: centsToString(p.aRisque),
      cptsARisque: p.cptsARisque,
    },
    fongibilite: {
      scenario: true,
      charges: centsToString(p.fongibiliteCharges),
      enveloppe: centsToString(p.fongibiliteEnveloppe),
      cptsEnDepassement: p.cptsEnDepassement,
      cptsCouverts: p.cptsCouverts,
    },
    anomalies,
    parMission,
    methodeQuantiles: QUANTILE_METHOD,
    regleDoublons: DUPLICATE_RULE,
  }
}

/** Every input at once, for a caller that needs neither progress nor cancellation. */
export function checkPortfolio(
  inputs: Iterable<{ readonly fichier: string; readonly contenu: string | Uint8Array }>,
  options: PortfolioOptions = {}
): { readonly lignes: PortfolioRow[]; readonly synthese: PortfolioSummary } {
  const portfolio = newPortfolio(options)
  const lignes: PortfolioRow[] = []
  for (const input of inputs) lignes.push(addToPortfolio(portfolio, input.fichier, input.contenu))
  return { lignes, synthese: portfolioSummary(portfolio) }
}
