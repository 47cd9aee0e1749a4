// The findings of a budget check: a stable code, a severity, the rule's source, and a French message.
import { type Section, sectionIndex } from './sections'

export type Severity = 'error' | 'warning' | 'info'

const SENAT = 'Sénat, MECSS, rapport d’information n° 32 (2025-2026)'

/**
 * Every finding the check can report, with its usual severity and where its rule comes from.
 * Most Sénat checks are warnings to justify, not errors: the ACI leaves each CPTS « une liberté
 * d’appréciation quant à l’utilisation et l’affectation des fonds » (notes B.8).
 */
export const FINDING_RULES = {
  'PLAN-COMPTES-VERSION': {
    severity: 'error',
    source:
      'Règlement ANC n° 2018-06 ; règlement ANC n° 2022-06 pour les exercices ouverts à compter du 1er janvier 2025',
  },
  'PARTIE-FINANCIERE': {
    severity: 'error',
    source: `${SENAT}, proposition n° 9 (documents budgétaires et comptables transmis à l’ARS et à la CPAM)`,
  },
  'REPARTITION-ABSENTE': {
    severity: 'error',
    source: `${SENAT}, propositions n° 5 et n° 9 (dépenses effectives par mission)`,
  },
  'CLE-SOMME': {
    severity: 'error',
    source: 'Comptabilité analytique : les clés de répartition d’une charge totalisent 100 %',
  },
  'REPARTITION-SOMME': {
    severity: 'error',
    source: 'Comptabilité analytique : la répartition d’une ligne totalise son montant',
  },
  'MONTANT-NEGATIF': {
    severity: 'error',
    source:
      'Règlement ANC n° 2018-06 (plan comptable) : seuls les comptes correcteurs (rabais, remises, variations, remboursements) portent un montant de signe inverse',
  },
  'MISSION-HORS-BAREME': {
    severity: 'error',
    source: 'ACI CPTS, article 6 (financement des missions) : missions du barème du contrat',
  },
  'MISSION-NON-ENGAGEE': {
    severity: 'error',
    source: `${SENAT} : « un financement pour chaque mission engagée »`,
  },
  'ENVELOPPE-DEPASSEE': {
    severity: 'warning',
    source: 'ACI CPTS, article 6 : volet fixe et volet variable de chaque mission',
  },
  'FONC-DEPASSEE': {
    severity: 'info',
    source: `${SENAT} : les dépenses de fonctionnement dépassent presque toujours l’enveloppe de fonctionnement`,
  },
  'TOTAL-DEPASSE': {
    severity: 'warning',
    source: 'ACI CPTS, article 6 : financement total possible du contrat',
  },
  FONGIBILITE: {
    severity: 'info',
    source: `${SENAT} : « un cadre national autorisant la fongibilité des enveloppes entre chaque mission » (proposition, non en vigueur)`,
  },
  'CNCC-ACI-EN-74': {
    severity: 'error',
    source:
      'Position de la CNCC rapportée par Extencia (2025) : le financement ACI « n’est pas une subvention publique », c’est la contrepartie de missions de service public ; compte 706 (ou 73), jamais 74',
  },
  'ACI-COMPTE': {
    severity: 'warning',
    source:
      'Position de la CNCC rapportée par Extencia (2025) : le financement ACI rémunère des services, compte 706 Prestations de services (ou 730 Concours publics)',
  },
  'ACI-FONDS-DEDIES': {
    severity: 'error',
    source:
      'Règlement ANC n° 2018-06, art. 132-2 : fonds dédiés réservés aux subventions, contributions financières d’autres organismes et ressources de la générosité du public ; l’avance couvrant l’exercice suivant est un produit constaté d’avance (compte 487)',
  },
  'FINANCEUR-ABSENT': {
    severity: 'warning',
    source: `${SENAT}, proposition n° 11 (contrôle systématique des sources de financement)`,
  },
  'FINANCEMENT-SECONDAIRE': {
    severity: 'info',
    source: `${SENAT}, proposition n° 11 ; financements par des entreprises et des laboratoires pharmaceutiques : « risques spécifiques »`,
  },
  'SENAT-THESAURISATION': {
    severity: 'warning',
    source: `${SENAT} : « thésaurisation d’une partie des fonds octroyés demeurant inutilisée et épargnée »`,
  },
  'SENAT-LOISIRS': {
    severity: 'warning',
    source: `${SENAT}, « Illustrations de mésusages et de dépenses litigieuses »`,
  },
  'SENAT-IMMOBILIER': {
    severity: 'warning',
    source: `${SENAT}, « Illustrations de mésusages et de dépenses litigieuses »`,
  },
  'PASS-PLAFOND': {
    severity: 'error',
    source: 'Art. D. 1434-44 du code de la santé publique (décret n° 2022-375 du 16 mars 2022)',
  },
  'PASS-ALERTE': {
    severity: 'warning',
    source:
      'Art. D. 1434-44 du code de la santé publique (décret n° 2022-375 du 16 mars 2022) ; seuil d’alerte choisi dans le profil',
  },
  'PASS-NOM-ECRITURES': {
    severity: 'warning',
    source:
      'Art. D. 1434-44 du code de la santé publique (plafond par professionnel) ; Unicode Technical Standard #39, Unicode Security Mechanisms (caractères confusables)',
  },
  'PASS-INCONNU': {
    severity: 'info',
    source: 'Art. D. 1434-44 du code de la santé publique (décret n° 2022-375 du 16 mars 2022)',
  },
  'CVN-EQUILIBRE': {
    severity: 'error',
    source:
      'Règlement ANC n° 2018-06 : les emplois (86) et les contributions volontaires en nature (87) s’équilibrent',
  },
  'EXERCICE-DUREE': {
    severity: 'warning',
    source:
      'ACI CPTS : enveloppes annuelles, par année de contrat ; règle de proratisation non publiée',
  },
  'MISSION-DEMARRAGE': {
    severity: 'info',
    source:
      'ACI CPTS, contrat type art. 6 : volet fixe versé à compter du démarrage de la mission, proratisé ; règle de proratisation non publiée',
  },
  'ACI-PRODUITS-EXERCICE': {
    severity: 'warning',
    source:
      'ACI CPTS, art. 9.1 (versements à la date anniversaire du contrat) ; indépendance des exercices : produit acquis prorata temporis, le reste en produits constatés d’avance (487) ou à recevoir (4687)',
  },
  'TAILLE-POPULATION': {
    severity: 'info',
    source:
      'ACI CPTS : taille fixée au contrat, réévaluable au dialogue de gestion ; seuils de population du barème',
  },
} as const satisfies Record<string, { severity: Severity; source: string }>

export type FindingCode = keyof typeof FINDING_RULES
export const FINDING_CODES = /* @__PURE__ */ Object.keys(FINDING_RULES) as FindingCode[]

/** The budget line a finding is about. */
export interface FindingLine {
  readonly compte: string
  readonly libelle: string
  readonly montant: string
}

export interface Finding {
  readonly code: FindingCode
  readonly severity: Severity
  /**
   * 'realise' when the finding is about the actual amounts (réalisé) rather than the budget;
   * absent on findings about the budget. On such findings `ligne.montant` is the line's actual.
   */
  readonly base?: 'realise'
  readonly section: Section | null
  readonly ligne: FindingLine | null
  /** The professional a PASS finding is about. */
  readonly beneficiaire: string | null
  /** The amounts behind the finding, as decimal strings ("2900.00"), named in French. */
  readonly amounts: Readonly<Record<string, string>>
  readonly message: string
  readonly source: string
}

export function finding(
  code: FindingCode,
  fields: {
    readonly message: string
    readonly section?: Section | null
    readonly ligne?: FindingLine | null
    readonly beneficiaire?: string | null
    readonly amounts?: Readonly<Record<string, string>>
    readonly severity?: Severity
    readonly source?: string
  }
): Finding {
  const rule = FINDING_RULES[code]
  return {
    code,
    severity: fields.severity ?? rule.severity,
    section: fields.section ?? null,
    ligne: fields.ligne ?? null,
    beneficiaire: fields.beneficiaire ?? null,
    amounts: fields.amounts ?? {},
    message: fields.message,
    source: fields.source ?? rule.source,
  }
}

/** The same finding, about the actual amounts: marked with base 'realise' and said so in its message. */
export function onActuals(f: Finding): Finding {
  return {
    code: f.code,
    severity: f.severity,
    base: 'realise',
    section: f.section,
    ligne: f.ligne,
    beneficiaire: f.beneficiaire,
    amounts: f.amounts,
    message: `Réalisé — ${f.message}`,
    source: f.source,
  }
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** A finding's section in SECTIONS order, those on no section last. */
const sectionRank = (f: Finding): number => (f.section === null ? 9 : sectionIndex(f.section))

function byLine(a: FindingLine | null, b: FindingLine | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1
  return byText(a.compte, b.compte) || byText(a.libelle, b.libelle) || byText(a.montant, b.montant)
}

/**
 * The order of a report's findings: severity, code, the budget's before the actuals', section,
 * line (account, label, amount; findings on no line first), professional, then the message
 * itself. Field by field, each text compared whole: no key is built.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    byText(a.code, b.code) ||
    byText(a.base ?? '', b.base ?? '') ||
    sectionRank(a) - sectionRank(b) ||
    byLine(a.ligne, b.ligne) ||
    byText(a.beneficiaire ?? '', b.beneficiaire ?? '') ||
    byText(a.message, b.message)
  )
}
