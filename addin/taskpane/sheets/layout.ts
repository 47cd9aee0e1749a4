// Where things sit in a generated budget sheet: table names, headers, the profile's rows. Written and read back from here.
import type { Section } from '../../../shared'
import { sectionLabel } from '../../../shared'

/** The three tables of a budget sheet share one key: `Profil_2026`, `Enveloppes_2026`, `Budget_2026`. */
export const TABLE_PREFIXES = {
  profil: 'Profil',
  enveloppes: 'Enveloppes',
  budget: 'Budget',
  listes: 'Listes',
} as const

export function tableNames(key: string) {
  return {
    profil: `${TABLE_PREFIXES.profil}_${key}`,
    enveloppes: `${TABLE_PREFIXES.enveloppes}_${key}`,
    budget: `${TABLE_PREFIXES.budget}_${key}`,
    listes: `${TABLE_PREFIXES.listes}_${key}`,
  }
}

/** The profile's parameters, one row each, in this order. */
export const PROFIL_ROWS = {
  nom: 'Nom de la CPTS',
  population: 'Population couverte',
  taille: 'Taille',
  signature: 'Signature du contrat',
  version: 'Barème',
  debut: 'Début de l’exercice',
  fin: 'Fin de l’exercice',
  pass: 'Alerte PASS (% du plafond)',
  thesaurisation: 'Excédent ACI toléré (%)',
} as const
export type ProfilRow = keyof typeof PROFIL_ROWS

export const PROFIL_HEADERS = ['Paramètre', 'Valeur'] as const

export const ENVELOPPE_HEADERS = {
  section: 'Section',
  code: 'Code',
  debut: 'Démarrage',
  taux: 'Taux attendu',
  phase: 'Phase',
  fixe: 'Volet fixe',
  variable: 'Volet variable',
  enveloppe: 'Enveloppe',
  charges: 'Charges prévues',
  ecart: 'Écart',
} as const

export const BUDGET_HEADERS = {
  compte: 'Compte',
  libelle: 'Libellé',
  nature: 'Nature',
  montant: 'Montant',
  reste: 'Reste à répartir',
  realise: 'Réalisé',
  financeur: 'Financeur',
  beneficiaire: 'Bénéficiaire',
} as const

/** The column header of a section in the budget table: its French label. */
export function sectionHeader(section: Section): string {
  return sectionLabel(section)
}

/** The column of a section's actual amount, as the budget CSV names it: `Réalisé – Accès aux soins`. */
export function actualHeader(section: Section): string {
  return `${BUDGET_HEADERS.realise} – ${sectionLabel(section)}`
}

// Number formats in Excel's invariant syntax; French Excel shows `# ##0,00 €` and `jj/mm/aaaa`.
export const FORMATS = {
  euros: '#,##0.00 "€"',
  date: 'dd/mm/yyyy',
  percent: '0%',
  integer: '#,##0',
  text: '@',
} as const
