// The findings (constats) on an annex and its observations: a stable code, a severity, the rule's source, a French message.
import type { MissionCode } from '../missions'
import type { Decimal } from '../money'

export type Severity = 'error' | 'warning' | 'info'

const ANNEXE = 'Contrat ACI-CPTS, annexe des indicateurs de l’année de contrat'
const ARTICLE_6 =
  'ACI CPTS, article 6 : volet variable de chaque mission selon l’atteinte des indicateurs'

/** Every finding the module can report, with its severity and where its rule comes from. */
export const CONSTAT_RULES = {
  'MAXIMA-ENVELOPPE': {
    severity: 'error',
    source: `${ARTICLE_6} ; ${ANNEXE} : les montants maximaux des indicateurs d’une mission totalisent son volet variable`,
  },
  'MISSION-HORS-BAREME': {
    severity: 'error',
    source: 'ACI CPTS, article 6 : missions du barème de l’année de contrat',
  },
  'PALIERS-ORDRE': {
    severity: 'error',
    source: `${ANNEXE} : paliers par seuil croissant, montants croissants avec l’atteinte`,
  },
  'PALIERS-MAX': {
    severity: 'error',
    source: `${ANNEXE} : le maximum d’un indicateur à paliers est le montant de son meilleur palier`,
  },
  'CRISE-CONDITIONNELLE': {
    severity: 'info',
    source: `${ANNEXE} : volet variable de la mission crise dû « si crise reconnue par l’ARS »`,
  },
  'CRISE-NON-RECONNUE': {
    severity: 'warning',
    source: `${ANNEXE} : volet variable de la mission crise dû « si crise reconnue par l’ARS »`,
  },
  'CRISE-HORS-ANNEXE': {
    severity: 'warning',
    source: `${ANNEXE} : volet variable de la mission crise dû « si crise reconnue par l’ARS »`,
  },
  'MISSION-PLAFONNEE': {
    severity: 'warning',
    source: `${ARTICLE_6} : le volet variable d’une mission ne dépasse pas son enveloppe`,
  },
  'OBSERVATION-ABSENTE': {
    severity: 'info',
    source: `${ANNEXE} : un indicateur sans valeur constatée ne rapporte rien`,
  },
  'OBSERVATION-INCONNUE': {
    severity: 'warning',
    source: `${ANNEXE} : les observations se rapportent aux identifiants des indicateurs`,
  },
  'OBSERVATION-ECHELLE': {
    severity: 'warning',
    source: `${ANNEXE} : les valeurs observées s’écrivent dans l’unité des seuils (un pourcentage en points : 63 pour 63 %)`,
  },
  'LIVRABLES-MANQUANTS': {
    severity: 'warning',
    source:
      'ACI CPTS : les livrables de chaque action sont demandés par la CPAM au dialogue de gestion',
  },
  'LIVRABLES-INCONNUS': {
    severity: 'warning',
    source: `${ANNEXE} : l’état des livrables se rapporte aux identifiants des actions`,
  },
} as const satisfies Record<string, { severity: Severity; source: string }>

export type ConstatCode = keyof typeof CONSTAT_RULES
export const CONSTAT_CODES = Object.keys(CONSTAT_RULES) as ConstatCode[]

export interface Constat {
  readonly code: ConstatCode
  readonly severity: Severity
  readonly message: string
  readonly source: string
  readonly mission?: MissionCode
  readonly action?: string
  readonly indicateur?: string
  /** For MAXIMA-ENVELOPPE: the maxima's total minus the envelope (negative when short). */
  readonly ecart?: Decimal
}

export function constat(
  code: ConstatCode,
  message: string,
  where: Pick<Constat, 'mission' | 'action' | 'indicateur' | 'ecart'> = {}
): Constat {
  const rule = CONSTAT_RULES[code]
  return { code, severity: rule.severity, message, source: rule.source, ...where }
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Errors first, then warnings, then information; otherwise in the annex's order (the sort is stable). */
export function sortConstats(constats: readonly Constat[]): Constat[] {
  return [...constats].sort((a, b) => RANK[a.severity] - RANK[b.severity])
}
