// The hypotheses of a schedule and of a cut-off: every choice the texts leave open, with the value used, in French.
import { MISSION_WORDS } from '../missions'
import type { RateTable } from '../rates/table'
import type { CutoffOptions, Settings } from './cutoff-options'
import { COMPTE_PAR, COMPTE_PCA } from './labels'
import type { Contract } from './parse'
import type { Hypothesis } from './schedule-types'

/**
 * Public sources cited by the hypotheses, so that an auditor can read them: the ACI text, the
 * Journal officiel, the Assurance Maladie's brochure, the Sénat's report.
 */
const ACI_2019 =
  'ACI CPTS du 20 juin 2019, approuvé par l’arrêté du 21 août 2019, JORF n° 0196 du 24 août 2019'
const AVENANT_2 =
  'avenant 2 à l’ACI CPTS, signé le 20 décembre 2021, approbation publiée au JO du 31 mars 2022'
const BROCHURE = 'Assurance Maladie, brochure « Accord conventionnel interprofessionnel – CPTS »'
const SENAT = 'Sénat, rapport d’information n° 32 (2025-2026) « Financement des CPTS »'
const ANC = 'règlement ANC n° 2018-06 et plan comptable général (règlement ANC n° 2014-03)'

/** Every choice the published texts leave open, with the value used and the public source it rests on. */
export function hypothesesOf(contract: Contract): Hypothesis[] {
  const o = contract.options
  const d = contract.optionsParDefaut
  const list: Hypothesis[] = [
    {
      code: 'fonctionnement_annee_1',
      valeur: 'integral_a_la_signature',
      parDefaut: true,
      texte: `Le fonctionnement de l’année 1 est versé en totalité à la signature, sans avance de 75 % ni solde ; les années 2 à 5, avance de 75 % à l’anniversaire et solde de 25 % au règlement de l’année (${ACI_2019}, accord art. 9.1 et contrat type art. 6.1 ; ${SENAT}). Les textes publiés ne disent pas si une part de l’année 1 dépend du démarrage des missions.`,
    },
    {
      code: 'prorata',
      valeur: o.prorata,
      parDefaut: d.prorata,
      texte:
        o.prorata === 'jours'
          ? `La première avance du volet fixe est proratisée en jours : jours du démarrage de la mission au prochain anniversaire / jours de l’année de contrat (${ACI_2019}, contrat type art. 6.2 : avance proratisée « en fonction de la durée comprise entre la date de démarrage de chaque mission et la date » anniversaire ; le texte ne dit pas jours ou mois).`
          : `La première avance du volet fixe est proratisée en mois entamés du démarrage de la mission au prochain anniversaire, sur 12 (${ACI_2019}, contrat type art. 6.2 : avance proratisée jusqu’à la date anniversaire ; le texte ne dit pas jours ou mois).`,
    },
    {
      code: 'variable_premiere_annee',
      valeur: o.variablePremiereAnnee,
      parDefaut: d.variablePremiereAnnee,
      texte:
        o.variablePremiereAnnee === 'complet'
          ? `Le volet variable de l’année de démarrage d’une mission est dû en entier, au taux des indicateurs fixés pour l’année (${ACI_2019}, contrat type art. 6.2 : seule l’avance du volet fixe est proratisée ; le texte ne dit rien du volet variable de la première année, et ce choix est favorable).`
          : `Le volet variable de l’année de démarrage d’une mission est proratisé comme son volet fixe (${ACI_2019}, contrat type art. 6.2 : seule l’avance du volet fixe y est proratisée ; le texte ne dit rien du volet variable de la première année).`,
    },
    {
      code: 'date_variable',
      valeur: `anniversaire + ${o.delaiVariableMois} mois`,
      parDefaut: d.delaiVariableMois,
      texte: `Le volet variable d’une année est versé ${o.delaiVariableMois} mois après l’anniversaire qui la clôt, après le dialogue de gestion tenu « dans un délai de deux mois suivant la date anniversaire » (${BROCHURE} ; ${SENAT}).`,
    },
    {
      code: 'date_solde',
      valeur: `anniversaire + ${o.delaiSoldeMois} mois`,
      parDefaut: d.delaiSoldeMois,
      texte: `Les soldes (25 %) du fonctionnement et des volets fixes d’une année sont versés ${o.delaiSoldeMois} mois après l’anniversaire qui la clôt, « au même moment » que le règlement de l’année (${ACI_2019}, contrat type art. 6.1 ; ${SENAT} : « le solde de la part fixe de l’année n-1 est versé ainsi que les 75 % de l’enveloppe pour l’année n »). La date réelle dépend de la caisse.`,
    },
    {
      code: 'arrondi',
      valeur: 'centime_demi_haut',
      parDefaut: true,
      texte:
        'Chaque versement est arrondi une fois au centime (demi au-dessus) à partir des montants exacts ; un solde est le montant arrondi de l’année moins les avances arrondies, si bien que les versements d’une année font exactement son montant. Ni l’ACI ni ses avenants publiés ne fixent d’arrondi : la caisse peut arrondir au centime ou à l’euro.',
    },
  ]
  for (const year of contract.annees) {
    const change = year.changementBareme
    const pieces = fixedPieces(contract, year.table)
    list.push({
      code: `bareme_annee_${year.annee}`,
      valeur: year.table.id,
      parDefaut: !year.versionImposee,
      texte: year.versionImposee
        ? `Année ${year.annee} (du ${year.debut} au ${year.fin}) : barème ${year.table.id}, imposé par le contrat.`
        : `Année ${year.annee} (du ${frenchDate(year.debut)} au ${frenchDate(year.fin)}) : barème ${year.table.id}, en vigueur au premier jour de l’année de contrat (${sourceOf(year.table)}).${change === null ? '' : ` À vérifier : le barème ${change.id} prend effet le ${frenchDate(change.effectiveDate)}, pendant cette année ; indiquez la version voulue si le contrat en décide autrement (le texte publié de l’${AVENANT_2} ne dit pas comment les contrats en cours changent de barème).`}${pieces}`,
    })
    if (year.population !== null) {
      list.push({
        code: `taille_annee_${year.annee}`,
        valeur: String(year.taille),
        parDefaut: true,
        texte: `Année ${year.annee} : taille ${year.taille} déduite de la population de ${year.population.toLocaleString('fr-FR')} habitants (barème ${year.table.id}).`,
      })
    }
  }
  for (const m of contract.missions) {
    if (m.tauxParDefaut) {
      list.push({
        code: `taux_${m.mission}`,
        valeur: '1',
        parDefaut: true,
        texte: `${MISSION_WORDS[m.mission].label} : taux d’atteinte de 100 % supposé chaque année (aucun taux donné) ; le volet variable réel dépend des niveaux d’atteinte des indicateurs fixés dans le contrat (${BROCHURE}).`,
      })
    }
    if (m.mission === 'crise') {
      list.push({
        code: 'phases_crise',
        valeur: m.phases.map((p) => p ?? '-').join(','),
        parDefaut: m.phasesParDefaut,
        texte: `Mission crise : rédaction du plan l’année de son démarrage, mise à jour les années suivantes (${AVENANT_2} : volet fixe « 1re rédaction du plan », puis « mise à jour du plan »).`,
      })
      list.push({
        code: 'crises_reconnues',
        valeur: m.crisesReconnues.map((r) => (r ? 'oui' : 'non')).join(','),
        parDefaut: m.crisesParDefaut,
        texte: `Mission crise : volet variable dû en entier pour une année où une crise sanitaire grave est reconnue, au plus une fois par année de contrat, rien sinon (${AVENANT_2} : volet variable « survenue d’une crise sanitaire grave »). Les textes publiés ne disent pas qui reconnaît la crise, ni si le volet est dû une fois par an ou par crise.`,
      })
    }
  }
  return list
}

/** The cut-off's own choices: time apportionment, netting, the variable part, the accounts, the reversal. */
export function cutoffHypotheses(
  settings: Settings,
  options: CutoffOptions | undefined
): Hypothesis[] {
  const { variable, repartition } = settings
  return [
    {
      code: 'repartition_temporelle',
      valeur: repartition,
      parDefaut: options?.repartition === undefined,
      texte: `Chaque droit (une enveloppe d’une année de contrat) est un produit au prorata ${repartition === 'jours' ? 'des jours' : 'des mois entiers écoulés'} de la période qu’il couvre (l’année de contrat, ou du démarrage de la mission à l’anniversaire) ; l’arrondi est cumulatif (acquis à une date = montant × écoulé / durée, arrondi au centime), si bien que les parts des exercices font exactement le droit (indépendance des exercices, ${ANC} ; ni l’ACI ni ces règlements ne disent jours ou mois).`,
    },
    {
      code: 'compensation',
      valeur: 'par_droit',
      parDefaut: true,
      texte: `Avances et solde d’un même droit sont compensés : encaissé moins acquis à la clôture, en produit constaté d’avance (487) s’il est positif, en produit à recevoir (4687) s’il est négatif (${ANC} : produits constatés d’avance et produits à recevoir).`,
    },
    {
      code: 'reconnaissance_variable',
      valeur: variable,
      parDefaut: options?.variable === undefined,
      texte:
        variable === 'versement'
          ? `Le volet variable est un produit à sa notification, prise à la date de son versement, son montant n’étant connu qu’après le dialogue de gestion (${BROCHURE} : dialogue de gestion dans les deux mois suivant l’anniversaire ; ${ANC} : un produit est constaté quand il est mesurable de façon fiable). Estimer le variable à la clôture est l’autre lecture possible.`
          : `Le volet variable est un produit au prorata de l’année qu’il rémunère, estimé aux taux du contrat : la part acquise et non versée à la clôture est un produit à recevoir (${ANC} : produits à recevoir ; estimation explicite, à confirmer avec l’expert-comptable ou le commissaire aux comptes).`,
    },
    {
      code: 'comptes',
      valeur: `706 par enveloppe, ${COMPTE_PCA}, ${COMPTE_PAR}`,
      parDefaut: true,
      texte: `Produits au compte 706 Prestations de services, un sous-compte par enveloppe (7061 + rang de la mission + volet), jamais 74 : l’ACI rémunère des missions de service public (art. L. 1434-12-2 du code de la santé publique), ce n’est pas une subvention ; produits constatés d’avance au 487 ; produits à recevoir au 4687 plutôt que 418, la caisse versant sans facture (${ANC}). Le 73 Concours publics, créé par le règlement ANC n° 2018-06, reste une lecture possible.`,
    },
    {
      code: 'extourne',
      valeur: 'ouverture',
      parDefaut: true,
      texte:
        'Les produits constatés d’avance et à recevoir de la clôture précédente sont extournés à l’ouverture, puis recalculés à la clôture ; les encaissements sont saisis au fil de l’exercice (512 / 706) et ne figurent pas dans ce journal.',
    },
  ]
}

function frenchDate(iso: string): string {
  return iso.split('-').reverse().join('/')
}

/** The grid's own public source, as its table names it. */
function sourceOf(table: RateTable): string {
  return table.id === 'aci-2019' ? ACI_2019 : table.id === 'aci-avenant-2' ? AVENANT_2 : table.title
}

/**
 * A grid whose mission counts several pieces in its fixed part — the 2019 grid's accès aux soins
 * adds the two « soins non programmés » pieces to its volet fixe — says so in the year's
 * hypothesis, for each mission of the contract concerned.
 */
function fixedPieces(contract: Contract, table: RateTable): string {
  const parts: string[] = []
  for (const m of contract.missions) {
    const grid = table.missions.find((g) => g.code === m.mission)
    const extra =
      grid?.components.filter(
        (c) => c.volet === 'fixe' && c.code !== 'fixe' && c.phase === undefined
      ) ?? []
    if (extra.length === 0) continue
    parts.push(
      ` ${MISSION_WORDS[m.mission].label} : les pièces ${extra.map((c) => `« ${c.label} »`).join(' et ')} du barème ${table.id} sont comptées dans le volet fixe (avance de 75 %, proratisée la première année, puis solde), car elles financent des moyens et non l’atteinte d’indicateurs ; les textes publiés (${sourceOf(table)} ; ${BROCHURE}) ne disent pas si elles sont conditionnelles.`
    )
  }
  return parts.join('')
}
