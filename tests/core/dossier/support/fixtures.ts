// The dossiers of the tests: the fixture budget of a taille-2 CPTS (avenant 2), with and without actuals, an annex of its contract year 2, a crisis year.
import { readFileSync } from 'node:fs'
import {
  type Budget,
  budgetFromJson,
  type Contract,
  parseAnnexe,
  parseContract,
} from '../../../../shared'

const fixture = (name: string) =>
  readFileSync(new URL(`../../../budget/fixtures/${name}`, import.meta.url), 'utf8')

export const BUDGET_TEXT = fixture('cpts-taille-2-aci-avenant-2.json')
export const budget = (): Budget => budgetFromJson(BUDGET_TEXT) as Budget
export const budgetRealise = (): Budget =>
  budgetFromJson(fixture('cpts-taille-2-aci-avenant-2-realise.json')) as Budget

export const PRODUIT_LE = '2026-03-15'
export const CLE = 'clé de la CPTS des Deux Rives 2026'

/**
 * Contract year 2 (2024-03-01 to 2025-02-28) at taille 2 of aci-avenant-2: variable envelopes
 * accès 30 000 (rate 0.8 in the budget), crise 52 500 (due only if the ARS recognises a crisis).
 * Each mission's maxima add up to its variable envelope.
 */
export const ANNEXE = {
  annee: 2,
  missions: [
    {
      mission: 'acces',
      actions: [
        {
          id: 'mt',
          libelle: 'Faciliter l’accès à un médecin traitant',
          livrables: [
            'Liste anonymisée des patients en ALD sans médecin traitant',
            'Compte rendu de la cellule d’orientation',
          ],
          indicateurs: [
            {
              id: 'ald-sans-mt',
              libelle: 'Patients en ALD sans médecin traitant',
              type: 'paliers',
              sens: 'baisse',
              unite: 'patients',
              paliers: [
                { seuil: '40', montant: '12000' },
                { seuil: '90', montant: '8000' },
                { seuil: '180', montant: '3000' },
              ],
            },
            {
              id: 'sas',
              libelle: 'Participation au service d’accès aux soins',
              type: 'binaire',
              max: '8000',
            },
          ],
        },
        {
          id: 'offre',
          libelle: 'Rendre lisible l’offre de soins',
          indicateurs: [
            {
              id: 'annuaire',
              libelle: 'Annuaire de l’offre de soins diffusé',
              type: 'binaire',
              max: '10000',
            },
          ],
        },
      ],
    },
    {
      mission: 'crise',
      actions: [
        {
          id: 'plan',
          libelle: 'Activer le plan de réponse aux crises sanitaires graves',
          livrables: ['Plan activé, compte rendu de la cellule de crise'],
          indicateurs: [
            {
              id: 'crise-activation',
              libelle: 'Plan de crise activé',
              type: 'binaire',
              max: '52500',
            },
          ],
        },
      ],
    },
  ],
}

/** ald-sans-mt 85 → tier 2 (8 000), sas done (8 000), annuaire not done; the crisis plan activated. */
export const OBSERVATIONS = {
  'ald-sans-mt': 85,
  sas: true,
  annuaire: false,
  'crise-activation': true,
}
export const LIVRABLES = { mt: [true, false], plan: [true] }

export const annexe = () => parseAnnexe(ANNEXE)

/** The budget's contract, with a serious health crisis recognised by the ARS in contract year 2. */
export const CONTRAT_CRISE = {
  signature: '2023-03-01',
  population: 62000,
  missions: [
    { mission: 'acces', debut: '2023-03-01', taux: '0.8' },
    { mission: 'parcours', debut: '2023-09-01', taux: '0.75' },
    { mission: 'prevention', debut: '2023-09-01' },
    { mission: 'crise', debut: '2024-03-01', crisesReconnues: [false, true, false, false, false] },
    { mission: 'accompagnement', debut: '2025-03-01', taux: '0.5' },
  ],
}
export const contratCrise = (): Contract => parseContract(CONTRAT_CRISE)
