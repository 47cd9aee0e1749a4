// The findings (constats) on a register of time: a stable code, a severity, the rule's source, a French message.
import type { Decimal } from '../money'

export type Severity = 'error' | 'warning' | 'info'

const D1434_44 =
  'Code de la santé publique, art. D. 1434-44 (décret n° 2022-375 du 16 mars 2022) : le total des indemnités et rémunérations perçues par un professionnel au cours d’une année civile ne peut excéder la valeur annuelle du plafond de l’art. L. 241-3 du code de la sécurité sociale (PASS)'

/** Every finding the register can report, with its severity and where its rule comes from. */
export const REGISTRE_RULES = {
  'PASS-DEPASSE': { severity: 'error', source: D1434_44 },
  'PASS-ALERTE': {
    severity: 'warning',
    source: `${D1434_44} ; seuil d’alerte fixé par la CPTS (défaut 90 % du PASS)`,
  },
  'PASS-INCONNU': {
    severity: 'error',
    source: `${D1434_44} ; le PASS de chaque année est fixé par arrêté et n’est pas deviné`,
  },
  'PASS-AVANT-PLAFOND': {
    severity: 'info',
    source:
      'Décret n° 2022-375 du 16 mars 2022 (JO du 17 mars 2022) : le plafond n’existe qu’à partir de 2022',
  },
  'ANNEE-CIVILE': {
    severity: 'info',
    source: `${D1434_44} : le plafond s’apprécie par année civile, pas par exercice`,
  },
  'VERSEMENT-AUTRE-ANNEE': {
    severity: 'info',
    source: `${D1434_44} : les sommes comptent dans l’année civile où elles sont perçues`,
  },
  'NOM-ECRITURES': {
    severity: 'warning',
    source:
      'Unicode, UTS #39 (mécanismes de sécurité) : un nom qui mêle plusieurs écritures (une lettre cyrillique semblable à une lettre latine) peut cacher un doublon',
  },
  'NOM-VARIANTE': {
    severity: 'info',
    source: `${D1434_44} : toutes les sommes d’un même professionnel comptent ensemble, quelle que soit l’écriture de son nom`,
  },
  'MEMBRE-NON-A-JOUR': {
    severity: 'warning',
    source:
      'Code de la santé publique, art. D. 1434-44 : indemnités et rémunérations des membres de la CPTS ; statuts de la CPTS (cotisation à jour)',
  },
  'NATURE-SECTION': {
    severity: 'warning',
    source:
      'Code de la santé publique, art. D. 1434-44 : les rémunérations sont la contrepartie de la participation aux missions de service public ; les indemnités compensent la perte de ressources liée aux fonctions au sein de la CPTS',
  },
} as const satisfies Record<string, { severity: Severity; source: string }>

export type RegistreConstatCode = keyof typeof REGISTRE_RULES
export const REGISTRE_CONSTAT_CODES = Object.keys(REGISTRE_RULES) as RegistreConstatCode[]

export interface RegistreConstat {
  readonly code: RegistreConstatCode
  readonly severity: Severity
  readonly message: string
  readonly source: string
  /** The person concerned, by the identifier the register gives them. */
  readonly personne?: string
  /** The calendar year concerned. */
  readonly annee?: number
  /** The entry concerned: its index in the register's `temps`. */
  readonly temps?: number
  /** For PASS-DEPASSE: the amount past the PASS. */
  readonly depassement?: Decimal
}

export function registreConstat(
  code: RegistreConstatCode,
  message: string,
  where: Pick<RegistreConstat, 'personne' | 'annee' | 'temps' | 'depassement'> = {}
): RegistreConstat {
  const rule = REGISTRE_RULES[code]
  return { code, severity: rule.severity, message, source: rule.source, ...where }
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Errors first, then warnings, then information; otherwise in the order found (the sort is stable). */
export function sortRegistreConstats(constats: readonly RegistreConstat[]): RegistreConstat[] {
  return [...constats].sort((a, b) => RANK[a.severity] - RANK[b.severity])
}
