// Which row of the form a budget line goes to: its account's chapter, and for chapter 74 its funder.
import type { Financeur } from '../index'
import { normalizeWords } from '../text'
import { CERFA_ROWS, LIGNES_NATURE, type Ligne74 } from './rows'

/**
 * Where the lines of each funder go in chapter 74 (`selon_libelle`: by the words of the line's
 * label, see byLabel). The budget's vocabulary has one `collectivite` where the form asks for the
 * level of the local authority, so the label decides, and what it does not name is left « à
 * préciser ». The ARS is an établissement public de l’État (art. L. 1432-1 CSP), hence « Autres
 * établissements publics » for the FIR; the Assurance Maladie outside the ACI is an organisme de
 * sécurité sociale. The ACI never sits in 74 (see chapterOf). A default, given back by the answer
 * and replaceable per funder (CerfaOptions.financeurs).
 */
export const FINANCEURS_74: Readonly<Record<Exclude<Financeur, 'aci'>, Ligne74 | 'selon_libelle'>> =
  {
    assurance_maladie: 'organismes_sociaux',
    ars_fir: 'autres_etablissements_publics',
    etat: 'etat',
    collectivite: 'selon_libelle',
    adherents: 'aides_privees',
    association: 'aides_privees',
    entreprise: 'aides_privees',
    laboratoire_pharmaceutique: 'aides_privees',
    autre: 'selon_libelle',
  }

export type FinanceursMapping = Readonly<
  Record<Exclude<Financeur, 'aci'>, Ligne74 | 'selon_libelle'>
>

// Words of a label, without case or accents. The intercommunal words come before the commune's:
// « communauté de communes » names an EPCI.
const COLLECTIVITE_WORDS: readonly (readonly [Ligne74, RegExp])[] = [
  ['region', /\bregion(s|al|ale|aux)?\b/],
  ['departement', /\bdepartement(s|al|ale|aux)?\b/],
  [
    'intercommunalite',
    /\b(intercommunal\w*|epci|communaute (de communes|d'agglomeration|urbaine)|agglomeration|metropole)\b/,
  ],
  ['commune', /\b(communes?|communal\w*|municipal\w*|mairie|ville)\b/],
]

const OTHER_WORDS: readonly (readonly [Ligne74, RegExp])[] = [
  ['fonds_europeens', /\b(europe\w*|feder|fse\+?|feader|fonds social europeen)\b/],
  ['asp', /\b(asp|agence de services et de paiement|emplois? aides?)\b/],
]

/** The row a label names, for a local authority or an unnamed funder; « à préciser » otherwise. */
function byLabel(libelle: string, financeur: Financeur | undefined): Ligne74 {
  const words = normalizeWords(libelle)
  const list = financeur === 'collectivite' ? COLLECTIVITE_WORDS : OTHER_WORDS
  for (const [row, pattern] of list) if (pattern.test(words)) return row
  return 'a_preciser'
}

/** The detail row of 74 of a line, and whether its label decided. */
export function row74(
  libelle: string,
  financeur: Financeur | undefined,
  mapping: FinanceursMapping
): { row: Ligne74; parLibelle: boolean } {
  const target = mapping[financeur === undefined || financeur === 'aci' ? 'autre' : financeur]
  if (target !== 'selon_libelle') return { row: target, parLibelle: false }
  return { row: byLabel(libelle, financeur), parLibelle: true }
}

let chapters: ReadonlySet<string> | undefined

/**
 * The chapter of an account: its first two digits. An ACI line booked in 74 is shown in 70: the
 * ACI pays contracted missions and is not a subsidy (CNCC, notes B.5), and « the CERFA's 74
 * Subventions block must not contain the ACI ».
 */
export function chapterOf(compte: string, financeur: Financeur | undefined): string {
  const two = compte.slice(0, 2)
  if (two === '74' && financeur === 'aci') return '70'
  return two
}

export function isListedChapter(chapitre: string): boolean {
  chapters ??= new Set(CERFA_ROWS.filter((r) => r.niveau === 'chapitre').map((r) => r.code))
  return chapters.has(chapitre)
}

/** The detail row of a contribution in kind (86, 87) by its sub-account; `autres` for the others. */
export function natureRow(compte: string): string {
  for (const l of LIGNES_NATURE) {
    if (l.comptes.some((c) => compte.startsWith(c))) return `${l.chapitre}.${l.key}`
  }
  return `${compte.slice(0, 2)}.autres`
}
