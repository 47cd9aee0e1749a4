// One input of the portfolio read into one CPTS's row: a dossier JSON as it is (its check is in it), a budget JSON or French CSV checked by checkBudget.
import {
  AciError,
  type Budget,
  type BudgetOptions,
  type BudgetReport,
  budgetFromCsv,
  bundledCatalog,
  type Catalog,
  type Cents,
  centsOf,
  centsToString,
  checkBudget,
  type Dossier,
  decodeText,
  type Encodage,
  FINANCEUR_LABELS,
  FINANCEURS,
  FINANCEURS_A_RISQUE,
  type Financeur,
  isMissionSection,
  natureOf,
  parseBudget,
  parseDossier,
  type Section,
  type Severity,
} from '../index'
import { basisPoints, percentString } from './percent'
import {
  OUTLIER_LABELS,
  type OutlierCode,
  type PortfolioFinding,
  type PortfolioFunder,
  type PortfolioOutlier,
  type PortfolioRowOk,
  type PortfolioSectionRow,
  type PortfolioSource,
} from './types'
import { inForceFor } from './versions'

export interface PortfolioOptions extends BudgetOptions {}

/** A row before the portfolio gives it its rank and compares it with the others. */
export type CptsRow = Omit<PortfolioRowOk, 'ligne' | 'fichier' | 'doublon'>

const cents = (amount: string): Cents => centsOf(amount) as Cents
const centsOrNull = (amount: string | null | undefined): Cents | null =>
  amount === null || amount === undefined ? null : cents(amount)
const percent = (part: Cents, whole: Cents | null): string | null => {
  const bp = whole === null ? null : basisPoints(part, whole)
  return bp === null ? null : percentString(bp)
}

/** What the row needs of a check, whether a dossier carries it or checkBudget computes it. */
interface Checked {
  readonly source: PortfolioSource
  readonly nom: string
  readonly taille: 1 | 2 | 3 | 4
  readonly population: number | null
  readonly signature: string
  readonly exercice: { readonly debut: string; readonly fin: string }
  readonly bareme: { readonly id: string; readonly sha256: string }
  readonly anneesContrat: readonly number[] | null
  readonly sections: readonly {
    section: Section
    libelle: string
    engagee: boolean
    enveloppe: string | null
    charges: string
    realise: string | null
    statut: PortfolioSectionRow['statut']
  }[]
  readonly totaux: {
    enveloppe: string
    charges: string
    chargesSectionsAci: string
    realise: string | null
  }
  readonly findings: readonly PortfolioFinding[]
  readonly counts: Readonly<Record<Severity, number>>
  readonly financeurs: readonly PortfolioFunder[]
  readonly variable: PortfolioRowOk['variable']
}

function fromReport(report: BudgetReport, budget: Budget, source: PortfolioSource): Checked {
  const profil = budget.profil
  const withActuals = report.totaux.realise !== undefined
  return {
    source,
    nom: report.cpts,
    taille: report.taille,
    population: profil.population ?? null,
    signature: profil.signature,
    exercice: report.exercice,
    bareme: { id: report.references.bareme.id, sha256: report.references.bareme.sha256 },
    anneesContrat: null,
    sections: report.sections.map((s) => ({
      section: s.section,
      libelle: s.label,
      engagee: s.engagee,
      enveloppe: s.enveloppe,
      charges: s.charges,
      realise: withActuals ? (s.realise?.charges ?? '0.00') : null,
      statut: s.status,
    })),
    totaux: {
      enveloppe: report.totaux.enveloppe,
      charges: report.totaux.charges,
      chargesSectionsAci: report.totaux.chargesSectionsAci,
      realise: report.totaux.realise?.chargesSectionsAci ?? null,
    },
    findings: report.findings.map((f) => ({
      severite: f.severity,
      code: f.code,
      realise: f.base === 'realise',
      section: f.section,
      ligne: f.ligne,
      beneficiaire: f.beneficiaire,
      message: f.message,
    })),
    counts: report.counts,
    financeurs: fundersOf(budget, withActuals),
    variable: null,
  }
}

/** Income lines (class 7) not paid by the ACI, by funder, as the dossier writes them. */
function fundersOf(budget: Budget, withActuals: boolean): PortfolioFunder[] {
  const byFunder = new Map<Financeur | null, Budget['lignes'][number][]>()
  for (const l of budget.lignes) {
    if (l.financeur === 'aci' || natureOf(l.compte) !== 'produit') continue
    const key = l.financeur ?? null
    const list = byFunder.get(key)
    if (list === undefined) byFunder.set(key, [l])
    else list.push(l)
  }
  const out: PortfolioFunder[] = []
  for (const financeur of [...FINANCEURS, null]) {
    const lignes = byFunder.get(financeur)
    if (lignes === undefined) continue
    let prevu = 0
    let realise = 0
    for (const l of lignes) {
      prevu += cents(l.montant)
      realise += l.realise === undefined ? 0 : cents(l.realise)
    }
    out.push({
      financeur,
      libelle: financeur === null ? 'Financeur non renseigné' : FINANCEUR_LABELS[financeur],
      aRisque: financeur !== null && FINANCEURS_A_RISQUE.has(financeur),
      prevu: centsToString(prevu),
      realise: withActuals ? centsToString(realise) : null,
      lignes: lignes.map((l) => ({
        compte: l.compte,
        libelle: l.libelle,
        prevu: centsToString(cents(l.montant)),
        realise: withActuals ? centsToString(l.realise === undefined ? 0 : cents(l.realise)) : null,
      })),
    })
  }
  return out
}

function fromDossier(d: Dossier): Checked {
  const ind = d.indicateurs
  return {
    source: 'dossier',
    nom: d.cpts.nom.trim(),
    taille: d.cpts.taille,
    population: d.cpts.population,
    signature: d.cpts.signature,
    exercice: d.cpts.exercice,
    bareme: { id: d.regles.bareme.id, sha256: d.regles.bareme.sha256 },
    anneesContrat: d.cpts.anneesContrat.map((y) => y.annee),
    sections: d.budget.sections.map((s) => ({
      section: s.section,
      libelle: s.libelle,
      engagee: s.engagee,
      enveloppe: s.enveloppe,
      charges: s.charges,
      realise: d.budget.totaux.realise === null ? null : (s.realise?.charges ?? '0.00'),
      statut: s.statut,
    })),
    totaux: {
      enveloppe: d.budget.totaux.enveloppe,
      charges: d.budget.totaux.charges,
      chargesSectionsAci: d.budget.totaux.chargesSectionsAci,
      realise: d.budget.totaux.realise?.chargesSectionsAci ?? null,
    },
    findings: d.constats.liste.map((c) => ({
      severite: c.severite,
      code: c.code,
      realise: c.realise,
      section: c.section,
      ligne: c.ligne,
      beneficiaire: c.beneficiaire,
      message: c.message,
    })),
    counts: d.constats.nombre,
    financeurs: d.financements.financeurs,
    variable:
      ind === null
        ? null
        : {
            reclame: ind.montantReclame,
            maximum: ind.enveloppeVariable,
            taux: percent(cents(ind.montantReclame), cents(ind.enveloppeVariable)),
          },
  }
}

const FINDING_OUTLIERS: ReadonlySet<string> = new Set([
  'FONC-DEPASSEE',
  'SENAT-THESAURISATION',
  'PASS-PLAFOND',
])

function outlier(
  code: OutlierCode,
  fields: Partial<Omit<PortfolioOutlier, 'code' | 'libelle' | 'message'>> & { message: string }
): PortfolioOutlier {
  return {
    code,
    libelle: OUTLIER_LABELS[code],
    realise: fields.realise ?? false,
    section: fields.section ?? null,
    ligne: fields.ligne ?? null,
    beneficiaire: fields.beneficiaire ?? null,
    message: fields.message,
  }
}

/** The outliers of one CPTS, each traceable to its section, its budget line or its professional. */
function outliersOf(c: Checked, versionsEnVigueur: readonly string[], catalog: Catalog) {
  const out: PortfolioOutlier[] = []
  const known = catalog.byVersionId(c.bareme.id, 'version')
  if (versionsEnVigueur.length > 0 && !versionsEnVigueur.includes(known.id)) {
    out.push(
      outlier('BAREME-VERSION', {
        message: `Budget contrôlé avec le barème ${known.id}, alors que ${
          versionsEnVigueur.length === 1
            ? `le barème en vigueur pour l’année de contrat de l’exercice est ${versionsEnVigueur[0]}`
            : `les barèmes en vigueur pour les années de contrat de l’exercice sont ${versionsEnVigueur.join(' et ')}`
        } (chaque année de contrat prend le barème en vigueur à son premier jour) : ses enveloppes sont à revoir, ou l’avenant qui impose ce barème à citer.`,
      })
    )
  }
  if (known.sha256 !== c.bareme.sha256) {
    out.push(
      outlier('BAREME-EMPREINTE', {
        message: `Le dossier cite le barème ${known.id} avec l’empreinte ${c.bareme.sha256.slice(0, 12)}…, qui n’est pas celle du barème ${known.id} connu (${known.sha256.slice(0, 12)}…) : il a été établi sur un autre contenu de cette version.`,
      })
    )
  }
  for (const f of c.findings) {
    if (!FINDING_OUTLIERS.has(f.code)) continue
    out.push(
      outlier(f.code as OutlierCode, {
        realise: f.realise,
        section: f.section,
        ligne: f.ligne,
        beneficiaire: f.beneficiaire,
        message: f.message,
      })
    )
  }
  for (const funder of c.financeurs) {
    if (!funder.aRisque) continue
    for (const l of funder.lignes) {
      out.push(
        outlier('FINANCEMENT-SECONDAIRE', {
          ligne: { compte: l.compte, libelle: l.libelle, montant: l.prevu },
          message: `${funder.libelle} : ${l.compte} « ${l.libelle} », ${l.prevu} € prévus${
            l.realise === null ? '' : `, ${l.realise} € réalisés`
          }. Le Sénat relève des « risques spécifiques » pour ces fonds (proposition n° 11) : préciser la contrepartie.`,
        })
      )
    }
  }
  return out
}

function rowOf(c: Checked, encodage: Encodage | null, catalog: Catalog): CptsRow {
  const inForce = inForceFor(c.signature, c.exercice, catalog)
  const enveloppe = cents(c.totaux.enveloppe)
  let missionCharges = 0
  let missionEnvelopes = 0
  let over = false
  const sections: PortfolioSectionRow[] = c.sections.map((s) => {
    const env = centsOrNull(s.enveloppe)
    const charges = cents(s.charges)
    const realise = centsOrNull(s.realise)
    if (isMissionSection(s.section)) {
      missionCharges += charges
      if (env !== null) missionEnvelopes += env
      if (s.engagee && s.statut === 'over') over = true
    }
    return {
      section: s.section,
      libelle: s.libelle,
      engagee: s.engagee,
      enveloppe: s.enveloppe,
      charges: s.charges,
      realise: s.realise,
      consommationPrevue: percent(charges, env),
      consommationRealisee: realise === null ? null : percent(realise, env),
      statut: s.statut,
    }
  })
  const gap = missionCharges - missionEnvelopes
  let total = 0
  let risky = 0
  for (const f of c.financeurs) {
    total += cents(f.prevu)
    if (f.aRisque) risky += cents(f.prevu)
  }
  const realise = centsOrNull(c.totaux.realise)
  return {
    statut: 'ok',
    source: c.source,
    encodage,
    nom: c.nom,
    taille: c.taille,
    population: c.population,
    signature: c.signature,
    exercice: { debut: c.exercice.debut, fin: c.exercice.fin },
    version: c.bareme.id,
    versionsEnVigueur: inForce.versions,
    anneesContrat: c.anneesContrat ?? inForce.annees,
    totalEnveloppe: c.totaux.enveloppe,
    charges: c.totaux.charges,
    chargesSectionsAci: c.totaux.chargesSectionsAci,
    realise: c.totaux.realise,
    consommation: {
      prevue: percent(cents(c.totaux.chargesSectionsAci), enveloppe),
      realisee: realise === null ? null : percent(realise, enveloppe),
    },
    variable: c.variable,
    constats: { error: c.counts.error, warning: c.counts.warning, info: c.counts.info },
    principauxConstats: c.findings.slice(0, 3),
    financementsHorsAci: {
      total: centsToString(total),
      aRisque: centsToString(risky),
      financeurs: c.financeurs,
    },
    sections,
    fongibilite: {
      charges: centsToString(missionCharges),
      enveloppe: centsToString(missionEnvelopes),
      depassement: over,
      statut: gap > 0 ? 'over' : gap < 0 ? 'under' : 'within',
    },
    anomalies: outliersOf(c, inForce.versions, catalog),
  }
}

const NOT_A_DOCUMENT =
  'ni un dossier de l’exercice en JSON (schemaVersion, cpts, budget…), ni un budget en JSON (profil, lignes), ni un budget en CSV (« Profil ; … », séparateur point-virgule)'

function looksLikePdf(text: string): boolean {
  return text.startsWith('%PDF-')
}

/** Reads one input (text, or bytes decoded by decodeText) into its row; fails with an AciError naming why. */
export function readCpts(
  content: string | Uint8Array,
  options: PortfolioOptions,
  what = 'fichier',
  charset?: string
): CptsRow {
  let text: string
  let encodage: Encodage | null = null
  if (typeof content === 'string') {
    text = content
  } else {
    if (content.length >= 5 && String.fromCharCode(...content.subarray(0, 5)) === '%PDF-') {
      throw new AciError(
        'donnees_invalides',
        `${what} : document PDF ; le portefeuille lit le dossier de l’exercice en JSON (le même dossier, téléchargé au format JSON).`,
        what
      )
    }
    const decoded = decodeText(content, { charset })
    text = decoded.text
    encodage = decoded.encodage
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const start = text.trimStart()
  if (start === '') throw new AciError('donnees_invalides', `${what} : vide.`, what)
  if (looksLikePdf(start)) {
    throw new AciError(
      'donnees_invalides',
      `${what} : document PDF ; le portefeuille lit le dossier de l’exercice en JSON.`,
      what
    )
  }
  const catalog = options.catalog ?? bundledCatalog()
  if (start.startsWith('{') || start.startsWith('[')) {
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
      throw new AciError('json_invalide', `${what} : texte JSON invalide ou incomplet.`, what)
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new AciError('donnees_invalides', `${what} : ${NOT_A_DOCUMENT}.`, what)
    }
    if ('schemaVersion' in raw || 'cpts' in raw) {
      const dossier = parseDossier(raw)
      try {
        catalog.byVersionId(dossier.regles.bareme.id, 'regles.bareme.id')
      } catch (error) {
        if (!(error instanceof AciError)) throw error
        throw new AciError(
          'version_inconnue',
          `${what} : le dossier de ${dossier.cpts.nom} est établi sur le barème « ${dossier.regles.bareme.id} », inconnu ici (barèmes connus : ${catalog.tables.map((t) => t.id).join(', ')}) ; ses enveloppes ne peuvent pas être vérifiées et la CPTS n’est pas comptée.`,
          'regles.bareme.id'
        )
      }
      return rowOf(fromDossier(dossier), encodage, catalog)
    }
    if ('profil' in raw || 'lignes' in raw) {
      const budget = parseBudget(raw, options)
      return rowOf(
        fromReport(checkBudget(budget, options), budget, 'budget_json'),
        encodage,
        catalog
      )
    }
    throw new AciError('donnees_invalides', `${what} : ${NOT_A_DOCUMENT}.`, what)
  }
  if (!start.slice(0, 2000).includes(';')) {
    throw new AciError('donnees_invalides', `${what} : ${NOT_A_DOCUMENT}.`, what)
  }
  const budget = budgetFromCsv(text)
  return rowOf(fromReport(checkBudget(budget, options), budget, 'budget_csv'), encodage, catalog)
}
