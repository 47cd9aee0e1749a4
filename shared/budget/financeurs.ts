// Who pays a resource: the ACI, or one of the secondary funders the Sénat asks funders to identify.

/**
 * The funder of an income line. The Sénat's MECSS report (n° 32, 2025-2026, « L’indispensable
 * contrôle des sources de financement des CPTS ») names them: the conventional funding (ACI),
 * members' fees, and secondary sources « très diversifiées » — local authorities, private actors
 * such as associations or pharmaceutical companies; it also cites the ARS's FIR and the Assurance
 * Maladie's conventional funds paid before the ACI is signed.
 */
export const FINANCEURS = [
  'aci',
  'assurance_maladie',
  'ars_fir',
  'etat',
  'collectivite',
  'adherents',
  'association',
  'entreprise',
  'laboratoire_pharmaceutique',
  'autre',
] as const
export type Financeur = (typeof FINANCEURS)[number]

export const FINANCEUR_LABELS: Readonly<Record<Financeur, string>> = {
  aci: 'ACI (Assurance Maladie)',
  assurance_maladie: 'Assurance Maladie hors ACI',
  ars_fir: 'ARS (FIR)',
  etat: 'État',
  collectivite: 'Collectivité territoriale',
  adherents: 'Adhérents (cotisations)',
  association: 'Association',
  entreprise: 'Entreprise privée',
  laboratoire_pharmaceutique: 'Laboratoire pharmaceutique',
  autre: 'Autre financeur',
}

/**
 * Funders whose money raises « des risques spécifiques » (Sénat, same section: funds paid by
 * pharmaceutical companies in return for training; « encadrer davantage le financement des CPTS
 * par des entreprises »).
 */
export const FINANCEURS_A_RISQUE: ReadonlySet<Financeur> = /* @__PURE__ */ new Set([
  'entreprise',
  'laboratoire_pharmaceutique',
])

/** Not secondary funding: the contract itself and the members' fees (Sénat, same section). */
export const FINANCEURS_PRINCIPAUX: ReadonlySet<Financeur> = /* @__PURE__ */ new Set([
  'aci',
  'adherents',
])
