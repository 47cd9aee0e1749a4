// The rows of the CERFA n° 12156*06 budget table (and of the CERFA n° 15059 report that repeats it), with the source of each label.

/** Which column of the form a row sits in: charges, produits, or the contributions in kind below the line. */
export type Cote = 'charges' | 'produits' | 'emplois' | 'contributions'

/**
 * Where a row's label comes from. `formulaire`: the form's own wording, as the reference notes
 * read it from the filled forms and the *06 listing (notes B.3). `plan_comptable`: the form has
 * the row but the notes do not give its wording, so the chart of accounts' label stands in
 * (ANC n° 2018-06, the product's chart files). `aci_cpts`: a row the form does not have, added so
 * that every euro of the budget lands somewhere visible.
 */
export type Source = 'formulaire' | 'plan_comptable' | 'aci_cpts'

export interface CerfaRowDef {
  /** Unique key of the row: the chapter ('60'), or the chapter and the detail ('74.etat'). */
  readonly code: string
  /** The account chapter the row belongs to: '60' … '79', '86', '87'. */
  readonly chapitre: string
  readonly libelle: string
  readonly cote: Cote
  /** A chapter row, or a detail row whose amounts are part of their chapter's. */
  readonly niveau: 'chapitre' | 'detail'
  readonly source: Source
  /** Shown even when nothing lands in it (the form prints it); else only when used. */
  readonly imprimee: boolean
}

const chapter = (
  chapitre: string,
  libelle: string,
  cote: Cote,
  source: Source = 'formulaire',
  imprimee = true
): CerfaRowDef => ({
  code: chapitre,
  chapitre,
  libelle,
  cote,
  niveau: 'chapitre',
  source,
  imprimee,
})

const detail = (
  chapitre: string,
  key: string,
  libelle: string,
  cote: Cote,
  source: Source = 'formulaire',
  imprimee = true
): CerfaRowDef => ({
  code: `${chapitre}.${key}`,
  chapitre,
  libelle,
  cote,
  niveau: 'detail',
  source,
  imprimee,
})

/**
 * The funders' rows of chapter 74 as the *06 form lists them (notes B.3: « 74 Subventions
 * d’exploitation, detailed by funder »), then one row of ours for what the budget does not say
 * enough to place.
 */
export const LIGNES_74 = [
  'etat',
  'region',
  'departement',
  'intercommunalite',
  'commune',
  'organismes_sociaux',
  'fonds_europeens',
  'asp',
  'autres_etablissements_publics',
  'aides_privees',
  'a_preciser',
] as const
export type Ligne74 = (typeof LIGNES_74)[number]

const LIBELLES_74: Record<Ligne74, string> = {
  etat: 'État (ministère)',
  region: 'Région(s)',
  departement: 'Département(s)',
  intercommunalite: 'Intercommunalité(s) EPCI',
  commune: 'Commune(s)',
  organismes_sociaux: 'Organismes sociaux',
  fonds_europeens: 'Fonds européens',
  asp: 'Agence de services et de paiement (emplois aidés)',
  autres_etablissements_publics: 'Autres établissements publics',
  aides_privees: 'Aides privées',
  a_preciser: 'Financeur à préciser',
}

/** The contributions in kind by nature (notes B.3), each with the sub-accounts of the chart it takes. */
export const LIGNES_NATURE = [
  { chapitre: '86', key: 'secours', libelle: 'Secours en nature', comptes: ['860'] },
  {
    chapitre: '86',
    key: 'mise_a_disposition',
    libelle: 'Mise à disposition gratuite de biens et prestations',
    comptes: ['861', '862'],
  },
  { chapitre: '86', key: 'benevoles', libelle: 'Personnel bénévole', comptes: ['864'] },
  // ANC 2018-06 numbering (870 dons, 871 prestations, 875 bénévolat): the form's rows are matched
  // by their label, not their number (notes B.2 and B.3), and both bundled charts number them so.
  { chapitre: '87', key: 'benevolat', libelle: 'Bénévolat', comptes: ['875'] },
  { chapitre: '87', key: 'prestations', libelle: 'Prestations en nature', comptes: ['871'] },
  { chapitre: '87', key: 'dons', libelle: 'Dons en nature', comptes: ['870'] },
] as const

/** The rows of the table, built in a function marked pure: a bundle that never fills the form leaves them out. */
function buildRows(): readonly CerfaRowDef[] {
  return [
    chapter('60', 'Achats', 'charges'),
    chapter('61', 'Services extérieurs', 'charges'),
    chapter('62', 'Autres services extérieurs', 'charges'),
    chapter('63', 'Impôts et taxes', 'charges'),
    chapter('64', 'Charges de personnel', 'charges'),
    chapter('65', 'Autres charges de gestion courante', 'charges'),
    chapter('66', 'Charges financières', 'charges'),
    chapter('67', 'Charges exceptionnelles', 'charges'),
    chapter('68', 'Dotation aux amortissements', 'charges'),
    chapter('69', 'Impôts sur les bénéfices', 'charges', 'aci_cpts', false),
    chapter('70', 'Vente de produits finis, de marchandises, prestations de services', 'produits'),
    chapter('73', 'Dotations et produits de tarification', 'produits'),
    chapter('74', 'Subventions d’exploitation', 'produits'),
    ...LIGNES_74.map((l) =>
      detail('74', l, LIBELLES_74[l], 'produits', l === 'a_preciser' ? 'aci_cpts' : 'formulaire')
    ),
    chapter('75', 'Autres produits de gestion courante', 'produits'),
    chapter('76', 'Produits financiers', 'produits'),
    chapter('77', 'Produits exceptionnels', 'produits', 'plan_comptable'),
    chapter('78', 'Reprises sur amortissements et provisions', 'produits'),
    chapter('79', 'Transferts de charges', 'produits', 'aci_cpts', false),
    chapter('86', 'Emplois des contributions volontaires en nature', 'emplois', 'plan_comptable'),
    ...LIGNES_NATURE.filter((l) => l.chapitre === '86').map((l) =>
      detail('86', l.key, l.libelle, 'emplois')
    ),
    detail('86', 'autres', 'Autres emplois en nature', 'emplois', 'aci_cpts', false),
    chapter('87', 'Contributions volontaires en nature', 'contributions', 'plan_comptable'),
    ...LIGNES_NATURE.filter((l) => l.chapitre === '87').map((l) =>
      detail('87', l.key, l.libelle, 'contributions')
    ),
    detail('87', 'autres', 'Autres contributions en nature', 'contributions', 'aci_cpts', false),
  ]
}

/** The rows of the table, in the form's order within each column. */
export const CERFA_ROWS: readonly CerfaRowDef[] = /* @__PURE__ */ buildRows()

/**
 * A chapter of the classes the budget accepts that the form does not print and the chart does not
 * name (71, 72 in a budget of ours): a row of its own, under its number only.
 */
export function unlistedChapter(chapitre: string): CerfaRowDef {
  const cote: Cote = chapitre.startsWith('6') ? 'charges' : 'produits'
  return chapter(chapitre, `Comptes ${chapitre} (hors formulaire)`, cote, 'aci_cpts', false)
}

/** The form's rule under the table (notes B.3). */
export const REGLE_EQUILIBRE = 'Le total des charges doit être égal au total des produits.'

/** The form's instruction on amounts (notes B.3). */
export const SANS_CENTIMES = 'Ne pas indiquer les centimes d’euros.'
