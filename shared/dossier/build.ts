// buildDossier: one CPTS, one fiscal year, from what the product computes — the budget's check, the contract's schedule and cut-off, the annex's variable part.

import { contractOfBudget } from '../budget/contract-of-budget'
import {
  AciError,
  type Annexe,
  type Budget,
  type BudgetOptions,
  type BudgetReport,
  bundledPass,
  type Contract,
  type ContractYear,
  type Cutoff,
  canonicalJson,
  centsToString,
  checkBudget,
  cutoffOf,
  Decimal,
  FINANCEUR_LABELS,
  FINANCEURS,
  FINANCEURS_A_RISQUE,
  type Financeur,
  frenchDate,
  isIsoDate,
  isMissionSection,
  type LedgerActuals,
  MISSION_CODES,
  MISSION_WORDS,
  type MissionCode,
  natureOf,
  observationJson,
  type Prorata,
  type RateTable,
  rateString,
  type Schedule,
  SECTIONS,
  type Section,
  scheduleOf,
  sectionLabel,
  sha256Hex,
  sum,
  tableOf,
  toAmountString,
  type VariableRecognition,
  type VariableResult,
  variableOf,
} from '../index'
import { checkKey, pseudonymizer } from './pseudonym'
import type { Dossier } from './schema'
import { DOSSIER_SCHEMA_VERSION, PRODUCT } from './version'

/** What the pane holds, or the Worker reads from a request: a budget is enough. */
export interface DossierInput {
  /** The budget, checked (parseBudget, budgetFromJson). Ignored when `realise` is given. */
  readonly budget: Budget
  /** The day the dossier is produced, AAAA-MM-JJ: an input, so that the same inputs give the same dossier. */
  readonly produitLe: string
  /** The contract (parseContract); by default the one of the budget's profile (contractOfBudget). */
  readonly contrat?: Contract
  /** The Contrat view's choices: proration of first fixed parts and of the cut-off, recognition of the variable part. */
  readonly choix?: { readonly prorata?: Prorata; readonly variable?: VariableRecognition }
  /** The indicator annex of a contract year (parseAnnexe), with its observations and evidence status. */
  readonly annexe?: Annexe
  readonly observations?: unknown
  readonly livrables?: unknown
  /** Actuals from the books (actualsFromLedger): their budget, with its actuals, replaces `budget`. */
  readonly realise?: LedgerActuals
  /** A secret of the CPTS: when given, professionals' names become keyed hashes (HMAC-SHA-256). */
  readonly cleDePseudonymisation?: string
  /** Who signs for the CPTS, printed in the signature block. */
  readonly tresorier?: string
  /** The auditor's reference, when the dossier is built after the audit. */
  readonly referenceCommissaireAuxComptes?: string
  readonly options?: BudgetOptions
}

type Hypothese = Dossier['regles']['hypotheses'][number]
type Bareme = Dossier['regles']['bareme']

const amount = (value: Decimal): string => toAmountString(value)

function baremeOf(table: RateTable): Bareme {
  return {
    id: table.id,
    titre: table.title,
    dateEffet: table.effectiveDate,
    source: {
      document: table.source.document,
      article: table.source.article,
      ...(table.source.url === undefined ? {} : { url: table.source.url }),
    },
    sha256: table.sha256,
  }
}

function overlaps(a: { debut: string; fin: string }, b: { debut: string; fin: string }): boolean {
  return a.debut <= b.fin && a.fin >= b.debut
}

/**
 * The contract year whose annex the dossier reads when the annex does not say: the last one whose
 * dialogue de gestion (within two months of its anniversary) is held during the fiscal year, else
 * the one the fiscal year ends in.
 */
function annexYear(contract: Contract, ex: { debut: string; fin: string }): ContractYear {
  const closed = contract.annees.filter(
    (y) => y.anniversaire >= ex.debut && y.anniversaire <= ex.fin
  )
  const chosen =
    closed[closed.length - 1] ??
    contract.annees.find((y) => y.debut <= ex.fin && y.fin >= ex.fin) ??
    (ex.fin < contract.signature ? contract.annees[0] : contract.annees[contract.annees.length - 1])
  return chosen as ContractYear
}

function variableOfAnnex(
  input: DossierInput,
  contract: Contract,
  ex: { debut: string; fin: string },
  hypotheses: Hypothese[]
): VariableResult & { annee: number } {
  const annexe = input.annexe as Annexe
  let year: ContractYear
  if (annexe.annee !== undefined) {
    const named = contract.annees[annexe.annee - 1]
    if (named === undefined) {
      throw new AciError(
        'contrat_invalide',
        `annexe.annee : année de contrat 1 à ${contract.annees.length} attendue, reçu ${annexe.annee}.`,
        'annexe.annee'
      )
    }
    year = named
  } else {
    year = annexYear(contract, ex)
    hypotheses.push({
      code: 'annee_annexe',
      valeur: String(year.annee),
      parDefaut: true,
      texte: `L’annexe ne dit pas son année de contrat : elle est lue pour l’année ${year.annee} (du ${frenchDate(year.debut)} au ${frenchDate(year.fin)}), dont le dialogue de gestion se tient pendant l’exercice ou qui le clôt.`,
      origine: 'dossier',
    })
  }
  const crise = contract.missions.find((m) => m.mission === 'crise')
  const result = variableOf(
    annexe,
    {
      taille: year.taille,
      version: year.table,
      phase: crise?.phases[year.annee - 1] ?? undefined,
      crise: crise?.crisesReconnues[year.annee - 1] ?? false,
    },
    input.observations,
    input.livrables
  )
  return { ...result, annee: year.annee }
}

function indicateursOf(result: VariableResult & { annee: number }): Dossier['indicateurs'] {
  return {
    annee: result.annee,
    version: result.table.id,
    taille: result.taille,
    crise: result.crise,
    montantReclame: amount(result.montant),
    enveloppeVariable: amount(result.enveloppeVariable),
    missions: result.missions.map((m) => ({
      mission: m.mission,
      libelle: m.libelle,
      enveloppeVariable: amount(m.enveloppeVariable),
      maxIndicateurs: amount(m.max),
      montantReclame: amount(m.montant),
      taux: rateString(m.taux),
      indicateurs: m.actions.flatMap((a) =>
        a.indicateurs.map((i) => ({
          id: i.indicateur.id,
          libelle: i.indicateur.libelle,
          action: i.indicateur.action,
          observation: observationJson(i.observation),
          palier: i.palier === undefined ? null : i.palier + 1,
          statut: i.statut,
          montant: amount(i.montant),
          max: amount(i.max),
        }))
      ),
      livrables: m.actions.flatMap((a) =>
        a.livrables.map((l) => ({ action: a.action.id, libelle: l.libelle, fourni: l.fourni }))
      ),
    })),
  }
}

/** Envelopes of each contract year the fiscal year touches, per section, beside the year's income from them. */
function enveloppesOf(schedule: Schedule, cutoff: Cutoff): Dossier['enveloppes'] {
  const ex = cutoff.exercice
  const years = schedule.parAnnee.filter(
    (y) =>
      overlaps(y, ex) || cutoff.lignes.some((l) => l.droit.annee === y.annee && !l.produit.isZero())
  )
  return {
    anneesContrat: years.map((y) => {
      const droits = schedule.droits.filter((d) => d.annee === y.annee)
      const lignes = cutoff.lignes.filter((l) => l.droit.annee === y.annee)
      const sectionOf = (mission: MissionCode | null): Section => mission ?? 'fonctionnement'
      const sections = SECTIONS.filter((s) => droits.some((d) => sectionOf(d.mission) === s)).map(
        (s) => {
          const mine = droits.filter((d) => sectionOf(d.mission) === s)
          const fixe = sum(mine.filter((d) => d.volet !== 'variable').map((d) => d.montant))
          const variable = sum(mine.filter((d) => d.volet === 'variable').map((d) => d.montant))
          return {
            section: s,
            libelle: sectionLabel(s),
            fixe: amount(fixe),
            variable: amount(variable),
            enveloppe: amount(fixe.plus(variable)),
            produitExercice: amount(
              sum(lignes.filter((l) => sectionOf(l.droit.mission) === s).map((l) => l.produit))
            ),
          }
        }
      )
      return {
        annee: y.annee,
        debut: y.debut,
        fin: y.fin,
        version: y.version,
        sections,
        enveloppe: amount(y.total),
        produitExercice: amount(sum(lignes.map((l) => l.produit))),
      }
    }),
    produitsAciExercice: amount(cutoff.totaux.produits),
    parCompte: cutoff.parCompte.map((c) => ({
      compte: c.compte,
      libelle: c.libelle,
      produit: amount(c.produit),
    })),
  }
}

function budgetOf(
  report: BudgetReport,
  source: Dossier['budget']['realise']['source'],
  ledger: LedgerActuals | undefined,
  hide: (text: string) => string
): Dossier['budget'] {
  const t = report.totaux
  const r = t.realise
  return {
    sections: report.sections.map((s) => ({
      section: s.section,
      libelle: s.label,
      engagee: s.engagee,
      enveloppe: s.enveloppe,
      charges: s.charges,
      produits: s.produits,
      statut: s.status,
      ecart: s.difference,
      statutLibelle: s.statusLabel,
      realise:
        s.realise === undefined
          ? null
          : {
              charges: s.realise.charges,
              produits: s.realise.produits,
              ecartBudget: s.realise.ecartBudget,
              execution: s.realise.execution,
              consommation: s.realise.consommation,
              reste: s.realise.reste,
            },
    })),
    totaux: {
      charges: t.charges,
      produits: t.produits,
      resultat: t.resultat,
      chargesSectionsAci: t.chargesSectionsAci,
      chargesHorsAci: t.chargesHorsAci,
      nonReparti: t.nonReparti,
      enveloppe: t.enveloppe,
      produitsAci: t.produitsAci,
      emploisNature: t.emploisNature,
      contributionsNature: t.contributionsNature,
      realise:
        r === undefined
          ? null
          : {
              charges: r.charges,
              produits: r.produits,
              resultat: r.resultat,
              chargesSectionsAci: r.chargesSectionsAci,
              ecartBudget: r.ecartBudget,
              execution: r.execution,
              consommation: r.consommation,
              reste: r.reste,
              nonReparti: r.nonReparti,
            },
    },
    realise: {
      source,
      nonAffecte:
        ledger === undefined
          ? null
          : {
              charges: centsToString(ledger.nonAffecte.charges),
              produits: centsToString(ledger.nonAffecte.produits),
            },
      remarques: (ledger?.remarques ?? []).map(hide),
    },
  }
}

/** Income lines (class 7) not paid by the ACI, by funder; companies and laboratories flagged. */
function financementsOf(
  budget: Budget,
  withActuals: boolean,
  hide: (text: string) => string
): Dossier['financements'] {
  const lignes = budget.lignes.filter(
    (l) => natureOf(l.compte) === 'produit' && l.financeur !== 'aci'
  )
  const order: (Financeur | null)[] = [...FINANCEURS.filter((f) => f !== 'aci'), null]
  const financeurs = order
    .map((financeur) => {
      const mine = lignes.filter((l) => (l.financeur ?? null) === financeur)
      const actual = (l: (typeof mine)[number]) => new Decimal(l.realise ?? '0')
      return {
        financeur,
        libelle: financeur === null ? 'Financeur non renseigné' : FINANCEUR_LABELS[financeur],
        aRisque: financeur !== null && FINANCEURS_A_RISQUE.has(financeur),
        prevu: amount(sum(mine.map((l) => new Decimal(l.montant)))),
        realise: withActuals ? amount(sum(mine.map(actual))) : null,
        lignes: mine.map((l) => ({
          compte: l.compte,
          libelle: hide(l.libelle),
          prevu: l.montant,
          realise: withActuals ? amount(actual(l)) : null,
        })),
      }
    })
    .filter((f) => f.lignes.length > 0)
  const total = (list: typeof financeurs) => amount(sum(list.map((f) => new Decimal(f.prevu))))
  return {
    financeurs,
    totalHorsAci: total(financeurs),
    totalARisque: total(financeurs.filter((f) => f.aRisque)),
  }
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const

function constatsOf(
  report: BudgetReport,
  variable: VariableResult | undefined,
  hide: (text: string) => string
): Dossier['constats'] {
  const liste: Dossier['constats']['liste'] = report.findings.map((f) => ({
    origine: 'budget',
    severite: f.severity,
    code: f.code,
    realise: f.base === 'realise',
    section: f.section,
    mission: f.section !== null && isMissionSection(f.section) ? f.section : null,
    ligne:
      f.ligne === null
        ? null
        : { compte: f.ligne.compte, libelle: hide(f.ligne.libelle), montant: f.ligne.montant },
    beneficiaire: f.beneficiaire === null ? null : hide(f.beneficiaire),
    message: hide(f.message),
    source: f.source,
  }))
  for (const c of variable?.constats ?? []) {
    liste.push({
      origine: 'annexe',
      severite: c.severity,
      code: c.code,
      realise: false,
      section: c.mission ?? null,
      mission: c.mission ?? null,
      ligne: null,
      beneficiaire: null,
      message: c.message,
      source: c.source,
    })
  }
  // Stable: the budget's own order (by code, section, line) within each severity, then the annex's.
  const sorted = liste
    .map((c, i) => ({ c, i }))
    .sort((a, b) => SEVERITY_RANK[a.c.severite] - SEVERITY_RANK[b.c.severite] || a.i - b.i)
    .map((x) => x.c)
  const count = (s: keyof typeof SEVERITY_RANK) => sorted.filter((c) => c.severite === s).length
  return {
    nombre: { error: count('error'), warning: count('warning'), info: count('info') },
    liste: sorted,
  }
}

function passOf(
  report: BudgetReport,
  ex: { debut: string; fin: string }
): Dossier['regles']['pass'] {
  const pass = bundledPass()
  const annees: Dossier['regles']['pass']['annees'] = []
  for (let y = Number(ex.debut.slice(0, 4)); y <= Number(ex.fin.slice(0, 4)); y++) {
    const montant = pass.amount(y)
    annees.push({
      annee: y,
      montant: montant === undefined ? null : amount(montant),
      source: pass.sourceOf(y) ?? null,
    })
  }
  return {
    id: report.references.pass.id,
    sha256: report.references.pass.sha256,
    source: {
      document: pass.source.document,
      article: pass.source.article,
      ...(pass.source.url === undefined ? {} : { url: pass.source.url }),
    },
    annees,
  }
}

function checkDate(produitLe: unknown): string {
  if (typeof produitLe === 'string' && isIsoDate(produitLe)) return produitLe
  throw new AciError(
    'date_invalide',
    'produitLe : date de production du dossier attendue au format AAAA-MM-JJ.',
    'produitLe'
  )
}

/**
 * The yearly dossier of one CPTS for the ARS, the CPAM and the auditor, as plain JSON (decimal
 * strings, the SHA-256 of every reference used): the same inputs give the same dossier, byte for
 * byte once written by dossierToJson. Fails with an AciError when the contract, the annex or the
 * observations are at fault, as the functions it calls do.
 */
export function buildDossier(input: DossierInput): Dossier {
  const produitLe = checkDate(input.produitLe)
  const key =
    input.cleDePseudonymisation === undefined ? undefined : checkKey(input.cleDePseudonymisation)
  const budget = input.realise?.budget ?? input.budget
  const options = input.options ?? {}
  const profil = budget.profil
  const ex = { debut: profil.exercice.debut, fin: profil.exercice.fin }
  const report = checkBudget(budget, options)
  const hypotheses: Hypothese[] = []
  const remarques: string[] = []

  const contract = input.contrat ?? contractOfBudget(profil, input.choix?.prorata)
  hypotheses.push({
    code: 'contrat',
    valeur: input.contrat === undefined ? 'profil_du_budget' : 'fourni',
    parDefaut: input.contrat === undefined,
    texte:
      input.contrat === undefined
        ? 'Le contrat est déduit du profil du budget : signature, taille (ou population), missions et taux attendus ; aucune crise sanitaire grave reconnue.'
        : 'Le contrat est celui fourni avec le budget.',
    origine: 'dossier',
  })
  if (contract.signature !== profil.signature) {
    remarques.push(
      `Le contrat fourni est signé le ${frenchDate(contract.signature)}, le profil du budget dit le ${frenchDate(profil.signature)} : l’échéancier et la clôture suivent le contrat, le contrôle du budget suit son profil.`
    )
  }
  const schedule = scheduleOf(contract)
  const cutoff = cutoffOf(schedule, ex, {
    ...(input.choix?.variable === undefined ? {} : { variable: input.choix.variable }),
    repartition: input.choix?.prorata ?? contract.options.prorata,
  })
  for (const h of schedule.hypotheses) hypotheses.push({ ...h, origine: 'echeancier' })
  for (const h of cutoff.hypotheses) hypotheses.push({ ...h, origine: 'cloture' })

  const variable =
    input.annexe === undefined ? undefined : variableOfAnnex(input, contract, ex, hypotheses)

  const names = budget.lignes.flatMap((l) => (l.beneficiaire === undefined ? [] : [l.beneficiaire]))
  const hide = key === undefined ? (text: string) => text : pseudonymizer(key, names)
  const withActuals = budget.lignes.some((l) => l.realise !== undefined)
  const source = input.realise !== undefined ? 'fec' : withActuals ? 'budget' : 'aucun'

  const table = tableOf(profil, options)
  const contractTables = [...new Map(contract.annees.map((y) => [y.table.id, y.table])).values()]
  const years = contract.annees.filter((y) => overlaps(y, ex))
  const sections = new Map(report.sections.map((s) => [s.section, s]))
  const criseYear = years[years.length - 1]
  const criseMission = contract.missions.find((m) => m.mission === 'crise')
  const phaseCrise =
    profil.missions.find((m) => m.mission === 'crise')?.phase ??
    (criseYear === undefined ? null : (criseMission?.phases[criseYear.annee - 1] ?? null))

  return {
    schemaVersion: DOSSIER_SCHEMA_VERSION,
    produit: { nom: PRODUCT.nom, version: PRODUCT.version },
    produitLe,
    cpts: {
      nom: profil.nom,
      taille: report.taille,
      population: profil.population ?? null,
      signature: profil.signature,
      exercice: ex,
      anneesContrat: years.map((y) => ({
        annee: y.annee,
        debut: y.debut,
        fin: y.fin,
        taille: y.taille,
        version: y.table.id,
      })),
      missions: [...profil.missions]
        .sort((a, b) => MISSION_CODES.indexOf(a.mission) - MISSION_CODES.indexOf(b.mission))
        .map((m) => ({
          mission: m.mission,
          libelle: MISSION_WORDS[m.mission].label,
          debut: m.debut,
          taux: m.taux ?? null,
          phase: m.phase ?? null,
          engagee: sections.get(m.mission)?.engagee ?? false,
        })),
      phaseCrise,
    },
    regles: {
      bareme: baremeOf(table),
      baremesContrat: contractTables.map(baremeOf),
      planComptable: {
        id: report.references.planComptable.id,
        titre: report.references.planComptable.title,
        dateEffet: report.references.planComptable.effectiveDate,
        sha256: report.references.planComptable.sha256,
      },
      pass: passOf(report, ex),
      depensesSenat: {
        id: report.references.depensesSenat.id,
        sha256: report.references.depensesSenat.sha256,
      },
      hypotheses,
    },
    enveloppes: enveloppesOf(schedule, cutoff),
    budget: budgetOf(report, source, input.realise, hide),
    indicateurs: variable === undefined ? null : indicateursOf(variable),
    echeancier: {
      signature: schedule.signature,
      fin: schedule.fin,
      paiements: schedule.paiements.map((p) => ({
        date: p.date,
        annee: p.annee,
        nature: p.nature,
        libelle: p.libelle,
        mission: p.mission,
        montant: amount(p.montant),
        du: p.periode.du,
        au: p.periode.au,
      })),
      parAnnee: schedule.parAnnee.map((y) => ({
        annee: y.annee,
        debut: y.debut,
        fin: y.fin,
        taille: y.taille,
        version: y.version,
        fonctionnement: amount(y.fonctionnement),
        fixe: amount(y.fixe),
        variable: amount(y.variable),
        total: amount(y.total),
      })),
      total: amount(schedule.totaux.total),
    },
    cloture: {
      exercice: ex,
      lignes: cutoff.lignes.map((l) => ({
        droit: l.droit.id,
        annee: l.droit.annee,
        volet: l.droit.volet,
        mission: l.droit.mission,
        compte: l.compte,
        enveloppe: amount(l.droit.montant),
        encaisse: amount(l.encaisse),
        produit: amount(l.produit),
        pcaOuverture: amount(l.pcaOuverture),
        parOuverture: amount(l.parOuverture),
        pcaCloture: amount(l.pcaCloture),
        parCloture: amount(l.parCloture),
      })),
      journal: cutoff.journal.map((j) => ({
        date: j.date,
        ecriture: j.ecriture,
        compte: j.compte,
        libelle: j.libelle,
        debit: amount(j.debit),
        credit: amount(j.credit),
      })),
      totaux: {
        encaissements: amount(cutoff.totaux.encaissements),
        produits: amount(cutoff.totaux.produits),
        pcaOuverture: amount(cutoff.totaux.pcaOuverture),
        parOuverture: amount(cutoff.totaux.parOuverture),
        pcaCloture: amount(cutoff.totaux.pcaCloture),
        parCloture: amount(cutoff.totaux.parCloture),
        debit: amount(cutoff.totaux.debit),
        credit: amount(cutoff.totaux.credit),
      },
    },
    constats: constatsOf(report, variable, hide),
    financements: financementsOf(budget, withActuals, hide),
    pseudonymisation:
      key === undefined
        ? null
        : {
            methode: 'HMAC-SHA-256',
            texte:
              'Les noms des professionnels sont remplacés par « PS- » et les 16 premiers chiffres hexadécimaux du HMAC-SHA-256 de leur nom, avec une clé gardée par la CPTS : le même professionnel garde le même pseudonyme avec la même clé.',
          },
    signature: {
      tresorier: input.tresorier?.trim() || null,
      referenceCommissaireAuxComptes: input.referenceCommissaireAuxComptes?.trim() || null,
    },
    empreintes: { budget: sha256Hex(canonicalJson(budget)) },
    remarques,
  }
}
