// The ACI.* custom functions: Excel's arguments in, one call to the shared core, a number or a spilled array out.
/// <reference types="custom-functions-runtime" />
// The JSDoc below is the source of functions.json (custom-functions-metadata, at build time):
// ids and names as typed after ACI., French descriptions shown by Excel's formula help.
// Parameters are `unknown` (type "any") so that Excel hands over exactly what the cell holds and
// the core can say what is wrong in French, rather than Excel answering a bare #VALEUR!.
import * as core from '../../shared'
import {
  cellsOf,
  codesOf,
  notBefore,
  numberCell,
  optional,
  single,
  versionRef,
} from '../excel/arguments'
import { contractOf, dateArgument } from './contract-input'
import { toExcelError } from './excel-errors'
import { baremeRows, echeancierRows, missionRows, versionRows } from './spill'
import { loadWithWorkbooks } from './startup'

loadWithWorkbooks()

/**
 * Financement annuel du fonctionnement de la communauté professionnelle, en euros.
 * @customfunction FONCTIONNEMENT
 * @param taille Taille de la CPTS, un entier de 1 à 4 (voir ACI.TAILLE).
 * @param version Version du barème (par exemple "aci-avenant-2") ou date ; omis ou cellule vide : le barème en vigueur aujourd’hui.
 * @returns Montant annuel en euros, arrondi au centime.
 */
export function fonctionnement(taille: unknown, version?: unknown): number {
  try {
    return core.toExcelNumber(core.fonctionnement(single(taille), versionRef(version)))
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Volet variable d’une mission pour un taux d’atteinte des objectifs, en euros.
 * @customfunction VARIABLE
 * @param mission Code de la mission (acces, parcours, prevention, crise, qualite, accompagnement) ou son libellé.
 * @param taille Taille de la CPTS, un entier de 1 à 4.
 * @param taux Taux d’atteinte des objectifs, de 0 à 1 : 75 % ou 0,75 ; une cellule vide vaut 0 sur toutes les plateformes (Excel pour Windows la passe comme 0).
 * @param version Version du barème (par exemple "aci-avenant-2") ou date ; omis ou cellule vide : le barème en vigueur aujourd’hui.
 * @returns Volet variable en euros, arrondi au centime.
 */
export function variable(
  mission: unknown,
  taille: unknown,
  taux: unknown,
  version?: unknown
): number {
  try {
    return core.toExcelNumber(
      core.variable(single(mission), single(taille), numberCell(taux), versionRef(version))
    )
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Volet fixe d’une mission (moyens), en euros.
 * @customfunction FIXE
 * @param mission Code de la mission (acces, parcours, prevention, crise, qualite, accompagnement) ou son libellé.
 * @param taille Taille de la CPTS, un entier de 1 à 4.
 * @param phase Mission crise seulement : "rédaction" (1re rédaction du plan, par défaut : omis ou cellule vide) ou "mise à jour" du plan ; vide pour les autres missions.
 * @param version Version du barème (par exemple "aci-avenant-2") ou date ; omis ou cellule vide : le barème en vigueur aujourd’hui.
 * @returns Volet fixe en euros, arrondi au centime.
 */
export function fixe(
  mission: unknown,
  taille: unknown,
  phase?: unknown,
  version?: unknown
): number {
  try {
    return core.toExcelNumber(
      core.fixe(single(mission), single(taille), optional(phase), versionRef(version))
    )
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Enveloppe d’une mission : volet fixe et volet variable maximal (taux d’atteinte de 100 %), en euros.
 * @customfunction ENVELOPPE
 * @param mission Code de la mission (acces, parcours, prevention, crise, qualite, accompagnement) ou son libellé.
 * @param taille Taille de la CPTS, un entier de 1 à 4.
 * @param version Version du barème (par exemple "aci-avenant-2") ou date ; omis ou cellule vide : le barème en vigueur aujourd’hui.
 * @returns Enveloppe de la mission en euros (mission crise : année de 1re rédaction du plan).
 */
export function enveloppe(mission: unknown, taille: unknown, version?: unknown): number {
  try {
    return core.toExcelNumber(
      core.enveloppe(single(mission), single(taille), null, versionRef(version))
    )
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Taille de la CPTS (1 à 4) selon la population de son territoire, avec les seuils du barème en vigueur.
 * @customfunction TAILLE
 * @param population Nombre d’habitants du territoire, un entier positif.
 * @returns Taille de 1 à 4.
 */
export function taille(population: unknown): number {
  try {
    return core.taille(single(population))
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Financement total possible : fonctionnement et enveloppes des missions choisies, en euros.
 * @customfunction TOTAL
 * @param taille Taille de la CPTS, un entier de 1 à 4.
 * @param missions Plage ou liste de codes de missions (cellules vides ignorées) ; omis : toutes les missions du barème.
 * @param version Version du barème (par exemple "aci-avenant-2") ou date ; omis ou cellule vide : le barème en vigueur aujourd’hui.
 * @returns Total annuel possible en euros (mission crise : année de 1re rédaction du plan).
 */
export function total(taille: unknown, missions?: unknown[][], version?: unknown): number {
  try {
    return core.toExcelNumber(core.total(single(taille), codesOf(missions), versionRef(version)))
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Barème complet d’une version, ligne par ligne, avec une ligne d’en-tête ; le résultat s’étend sur les cellules voisines.
 * @customfunction BAREME
 * @param version Version du barème (par exemple "aci-2019") ou date ; omis ou cellule vide : le barème en vigueur aujourd’hui.
 * @returns Tableau : mission, ligne du barème, volet, phase et montant pour chaque taille.
 */
export function bareme(version?: unknown): unknown[][] {
  try {
    return baremeRows(core.resolveTable(versionRef(version)))
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Missions d’une version du barème : code, libellés, catégorie socle ou optionnelle ; le résultat s’étend sur les cellules voisines.
 * @customfunction MISSIONS
 * @param version Version du barème (par exemple "aci-2019") ou date ; omis ou cellule vide : le barème en vigueur aujourd’hui.
 * @returns Tableau des missions avec une ligne d’en-tête.
 */
export function missions(version?: unknown): unknown[][] {
  try {
    return missionRows(core.resolveTable(versionRef(version)))
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Versions du barème intégrées au complément : identifiant, titre, date d’effet, source et empreinte SHA-256 ; le résultat s’étend sur les cellules voisines.
 * @customfunction VERSIONS
 * @returns Tableau des versions, de la plus ancienne à la plus récente, avec une ligne d’en-tête.
 */
export function versions(): unknown[][] {
  try {
    return versionRows(core.bundledCatalog().tables)
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Échéancier des versements d’un contrat ACI de cinq ans : date, année de contrat, versement, mission, montant, période couverte et calcul (formatez les colonnes de dates en date).
 * @customfunction ECHEANCIER
 * @param signature Date de signature du contrat (cellule au format date ou "AAAA-MM-JJ").
 * @param taille Taille de la CPTS (1 à 4), ou cinq tailles, une par année de contrat.
 * @param missions Plage des codes des missions engagées (acces, parcours, prevention, crise…).
 * @param debuts Plage des dates de démarrage, à la même place que les missions.
 * @param taux Taux d’atteinte (75 % ou 0,75) : un pour toutes, un par mission, ou une ligne de 5 par mission ; crise : 1 si crise reconnue, 0 sinon. Omis : 100 % ; cellule vide : 0 %, comme Excel pour Windows la passe.
 * @param prorata "jours" (par défaut : omis ou cellule vide) ou "mois" : prorata de la première avance du volet fixe.
 * @param version Barème imposé pour tout le contrat (identifiant ou date) ; omis ou cellule vide : celui en vigueur au début de chaque année de contrat.
 * @returns Tableau des versements avec une ligne d’en-tête et une ligne de total.
 */
export function echeancier(
  signature: unknown,
  taille: unknown[][],
  missions: unknown[][],
  debuts: unknown[][],
  taux?: unknown[][],
  prorata?: unknown,
  version?: unknown
): unknown[][] {
  try {
    const contract = contractOf({ signature, taille, missions, debuts, taux, prorata, version })
    return echeancierRows(core.scheduleOf(contract))
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Produits constatés d’avance (compte 487) à la clôture d’un exercice : la part des versements ACI reçus qui couvre la période après la clôture.
 * @customfunction PCA
 * @param signature Date de signature du contrat (cellule au format date ou "AAAA-MM-JJ").
 * @param taille Taille de la CPTS (1 à 4), ou cinq tailles, une par année de contrat.
 * @param missions Plage des codes des missions engagées (acces, parcours, prevention, crise…).
 * @param debuts Plage des dates de démarrage, à la même place que les missions.
 * @param cloture Date de clôture de l’exercice (par exemple le 31/12/2025), au plus tôt le jour de la signature.
 * @param taux Taux d’atteinte (75 % ou 0,75) : un pour toutes, un par mission, ou une ligne de 5 par mission ; crise : 1 si crise reconnue, 0 sinon. Omis : 100 % ; cellule vide : 0 %, comme Excel pour Windows la passe.
 * @param prorata "jours" (par défaut : omis ou cellule vide) ou "mois" : prorata de la première avance du volet fixe et répartition dans le temps.
 * @param version Barème imposé pour tout le contrat (identifiant ou date) ; omis ou cellule vide : celui en vigueur au début de chaque année de contrat.
 * @returns Montant en euros à porter au crédit du compte 487 à la clôture.
 */
export function pca(
  signature: unknown,
  taille: unknown[][],
  missions: unknown[][],
  debuts: unknown[][],
  cloture: unknown,
  taux?: unknown[][],
  prorata?: unknown,
  version?: unknown
): number {
  try {
    const contract = contractOf({ signature, taille, missions, debuts, taux, prorata, version })
    const date = dateArgument(cloture, 'cloture')
    notBefore(date, contract.signature, 'cloture', 'date de clôture')
    const repartition = contract.options.prorata
    return core.toExcelNumber(core.produitsConstatesDAvance(contract, date, { repartition }))
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Produits ACI d’un exercice (compte 706) : ce que l’exercice gagne du contrat, la part de chaque année de contrat et de chaque démarrage de mission qui tombe dans l’exercice, comme le calcule la clôture.
 * @customfunction PRODUITS_EXERCICE
 * @param signature Date de signature du contrat (cellule au format date ou "AAAA-MM-JJ").
 * @param taille Taille de la CPTS (1 à 4), ou cinq tailles, une par année de contrat.
 * @param missions Plage des codes des missions engagées (acces, parcours, prevention, crise…).
 * @param debuts Plage des dates de démarrage, à la même place que les missions.
 * @param debut Premier jour de l’exercice (par exemple le 01/01/2025).
 * @param fin Dernier jour de l’exercice (par exemple le 31/12/2025), au plus tôt le jour de la signature.
 * @param taux Taux d’atteinte (75 % ou 0,75) : un pour toutes, un par mission, ou une ligne de 5 par mission ; crise : 1 si crise reconnue, 0 sinon. Omis : 100 % ; cellule vide : 0 %, comme Excel pour Windows la passe.
 * @param prorata "jours" (par défaut : omis ou cellule vide) ou "mois" : prorata de la première avance du volet fixe et répartition dans le temps.
 * @param version Barème imposé pour tout le contrat (identifiant ou date) ; omis ou cellule vide : celui en vigueur au début de chaque année de contrat.
 * @returns Produits de l’exercice en euros, égaux au total des comptes 706 de la clôture.
 */
export function produitsExercice(
  signature: unknown,
  taille: unknown[][],
  missions: unknown[][],
  debuts: unknown[][],
  debut: unknown,
  fin: unknown,
  taux?: unknown[][],
  prorata?: unknown,
  version?: unknown
): number {
  try {
    const contract = contractOf({ signature, taille, missions, debuts, taux, prorata, version })
    const exercice = { debut: dateArgument(debut, 'debut'), fin: dateArgument(fin, 'fin') }
    // A reversed exercise is said by the core (« précède son début »); then one ending before the contract.
    if (exercice.fin >= exercice.debut) {
      notBefore(exercice.fin, contract.signature, 'fin', 'fin d’exercice')
    }
    const repartition = contract.options.prorata
    const income = core.produitsAciExercice(contract, exercice, { repartition })
    return core.toExcelNumber(new core.Decimal(income.produitsAciExercice))
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Montant gagné par un indicateur à paliers de l’annexe du contrat pour une valeur observée : le montant du palier atteint, bornes incluses, 0 si aucun palier n’est atteint ou si la valeur est vide.
 * @customfunction PALIER
 * @param valeur Valeur observée, dans l’unité des seuils ; vide : pas d’observation, 0 €. Excel pour Windows passe une cellule vide comme 0 : en sens baisse, écrivez SI(ESTVIDE(cellule);0;ACI.PALIER(…)).
 * @param seuils Plage des seuils des paliers, par seuil croissant (pourcentages en % ou en points, comme la valeur).
 * @param montants Plage des montants des paliers en euros, à la même place que leurs seuils.
 * @param sens "hausse" (par défaut, omis ou cellule vide : atteint si la valeur est au moins le seuil) ou "baisse" (atteint si la valeur ne dépasse pas le seuil).
 * @returns Montant gagné en euros.
 */
export function palier(
  valeur: unknown,
  seuils: unknown[][],
  montants: unknown[][],
  sens?: unknown
): number {
  try {
    return core.toExcelNumber(
      core.palier(single(valeur), cellsOf(seuils), cellsOf(montants), optional(sens))
    )
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Taux d’atteinte d’une mission à partir des montants gagnés par ses indicateurs : leur total divisé par le volet variable de la mission (à utiliser dans ACI.VARIABLE, ACI.ECHEANCIER ou ACI.PCA).
 * @customfunction ATTEINTE
 * @param mission Code de la mission (acces, parcours, prevention, crise, qualite, accompagnement) ou son libellé.
 * @param taille Taille de la CPTS, un entier de 1 à 4.
 * @param montants Plage des montants gagnés par les indicateurs de la mission, en euros (cellules vides ignorées).
 * @param crise Mission crise seulement : VRAI si une crise sanitaire grave est reconnue par l’ARS dans l’année ; sinon le taux est 0.
 * @param version Version du barème (par exemple "aci-avenant-2") ou date ; omis ou cellule vide : le barème en vigueur aujourd’hui.
 * @returns Taux d’atteinte de 0 à 1, à mettre au format pourcentage.
 */
export function atteinte(
  mission: unknown,
  taille: unknown,
  montants: unknown[][],
  crise?: unknown,
  version?: unknown
): number {
  try {
    return core
      .atteinte(
        single(mission),
        single(taille),
        cellsOf(montants),
        optional(crise),
        versionRef(version)
      )
      .taux.toNumber()
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Plafond annuel de la sécurité sociale (PASS) d’une année civile : le plafond des indemnités et rémunérations qu’une CPTS verse à un professionnel (art. D. 1434-44 du code de la santé publique).
 * @customfunction PASS
 * @param annee Année civile, un entier comme 2026 (ANNEE(date) pour une date) ; une année absente de la table des valeurs rend #N/A.
 * @returns PASS de l’année en euros.
 */
export function pass(annee: unknown): number {
  try {
    return core.toExcelNumber(core.passAnnuel(single(annee)))
  } catch (error) {
    throw toExcelError(error)
  }
}

/**
 * Ce qui peut encore être versé à un professionnel dans l’année civile sans dépasser le PASS : le PASS de l’année moins ce qu’il a déjà perçu cette année (art. D. 1434-44 du code de la santé publique).
 * @customfunction RESTE_PASS
 * @param annee Année civile, un entier comme 2026 (ANNEE(date) pour une date).
 * @param verse Montant déjà perçu dans l’année par ce professionnel, en euros (indemnités et rémunérations) ; cellule vide : 0.
 * @returns Reste sous le plafond en euros ; négatif quand le plafond est déjà dépassé, du montant du dépassement.
 */
export function restePass(annee: unknown, verse?: unknown): number {
  try {
    return core.toExcelNumber(core.resteSousPass(single(annee), single(verse)))
  } catch (error) {
    throw toExcelError(error)
  }
}
