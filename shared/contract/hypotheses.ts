// The hypotheses of a schedule and of a cut-off: every choice the texts leave open, with the value used, in French.
import { MISSION_WORDS } from '../missions'
import type { CutoffOptions, Settings } from './cutoff-options'
import { COMPTE_PAR, COMPTE_PCA } from './labels'
import type { Contract } from './parse'
import type { Hypothesis } from './schedule-types'

/** Every choice the texts leave open, with the value used (notes-aci-rates §9.7: "decisions to record"). */
export function hypothesesOf(contract: Contract): Hypothesis[] {
  const o = contract.options
  const d = contract.optionsParDefaut
  const list: Hypothesis[] = [
    {
      code: 'fonctionnement_annee_1',
      valeur: 'integral_a_la_signature',
      parDefaut: true,
      texte:
        'Le fonctionnement de l’année 1 est versé en totalité à la signature, sans avance de 75 % ni solde ; les années 2 à 5, avance de 75 % à l’anniversaire et solde de 25 % au règlement de l’année (contrat type art. 6.1, notes ACI §9.3 ; question ouverte §13-5 : une part de l’année 1 dépend-elle du démarrage des missions ?).',
    },
    {
      code: 'prorata',
      valeur: o.prorata,
      parDefaut: d.prorata,
      texte:
        o.prorata === 'jours'
          ? 'La première avance du volet fixe est proratisée en jours : jours du démarrage de la mission au prochain anniversaire / jours de l’année de contrat (notes ACI §9.7 ; les textes ne disent pas jours ou mois).'
          : 'La première avance du volet fixe est proratisée en mois entamés du démarrage de la mission au prochain anniversaire, sur 12 (notes ACI §9.7 ; les textes ne disent pas jours ou mois).',
    },
    {
      code: 'variable_premiere_annee',
      valeur: o.variablePremiereAnnee,
      parDefaut: d.variablePremiereAnnee,
      texte:
        o.variablePremiereAnnee === 'complet'
          ? 'Le volet variable de l’année de démarrage d’une mission est dû en entier, au taux des indicateurs fixés pour l’année (notes ACI §9.7 ; question ouverte §13-6).'
          : 'Le volet variable de l’année de démarrage d’une mission est proratisé comme son volet fixe (notes ACI §9.7 ; question ouverte §13-6).',
    },
    {
      code: 'date_variable',
      valeur: `anniversaire + ${o.delaiVariableMois} mois`,
      parDefaut: d.delaiVariableMois,
      texte: `Le volet variable d’une année est versé ${o.delaiVariableMois} mois après l’anniversaire qui la clôt, après le dialogue de gestion tenu « dans un délai de deux mois suivant la date anniversaire » (notes ACI §9.5).`,
    },
    {
      code: 'date_solde',
      valeur: `anniversaire + ${o.delaiSoldeMois} mois`,
      parDefaut: d.delaiSoldeMois,
      texte: `Les soldes (25 %) du fonctionnement et des volets fixes d’une année sont versés ${o.delaiSoldeMois} mois après l’anniversaire qui la clôt, « au même moment » que le règlement de l’année (notes ACI §9.3, §9.8). Question ouverte : la date réelle dépend de la caisse.`,
    },
    {
      code: 'arrondi',
      valeur: 'centime_demi_haut',
      parDefaut: true,
      texte:
        'Chaque versement est arrondi une fois au centime (demi au-dessus) à partir des montants exacts ; un solde est le montant arrondi de l’année moins les avances arrondies, si bien que les versements d’une année font exactement son montant (notes ACI §9.7 ; question ouverte §13-9 : la caisse arrondit-elle au centime ou à l’euro ?).',
    },
  ]
  for (const year of contract.annees) {
    const change = year.changementBareme
    list.push({
      code: `bareme_annee_${year.annee}`,
      valeur: year.table.id,
      parDefaut: !year.versionImposee,
      texte: year.versionImposee
        ? `Année ${year.annee} (du ${year.debut} au ${year.fin}) : barème ${year.table.id}, imposé par le contrat.`
        : `Année ${year.annee} (du ${year.debut} au ${year.fin}) : barème ${year.table.id}, en vigueur au premier jour de l’année de contrat (notes ACI §9.7).${change === null ? '' : ` À vérifier : le barème ${change.id} prend effet le ${change.effectiveDate}, pendant cette année ; indiquez la version voulue si le contrat en décide autrement (question ouverte §13-2).`}`,
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
        texte: `${MISSION_WORDS[m.mission].label} : taux d’atteinte de 100 % supposé chaque année (aucun taux donné) ; le volet variable réel dépend des indicateurs du contrat (notes ACI §9.5).`,
      })
    }
    if (m.mission === 'crise') {
      list.push({
        code: 'phases_crise',
        valeur: m.phases.map((p) => p ?? '-').join(','),
        parDefaut: m.phasesParDefaut,
        texte:
          'Mission crise : rédaction du plan l’année de son démarrage, mise à jour les années suivantes (avenant 2, notes ACI §9.6).',
      })
      list.push({
        code: 'crises_reconnues',
        valeur: m.crisesReconnues.map((r) => (r ? 'oui' : 'non')).join(','),
        parDefaut: m.crisesParDefaut,
        texte:
          'Mission crise : volet variable dû en entier pour une année où une crise sanitaire grave est reconnue, au plus une fois par année de contrat, rien sinon (notes ACI §9.6 ; questions ouvertes §13-7 : qui reconnaît la crise, une fois par an ou par crise).',
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
      texte: `Chaque droit (une enveloppe d’une année de contrat) est un produit au prorata ${repartition === 'jours' ? 'des jours' : 'des mois entiers écoulés'} de la période qu’il couvre (l’année de contrat, ou du démarrage de la mission à l’anniversaire) ; l’arrondi est cumulatif (acquis à une date = montant × écoulé / durée, arrondi au centime), si bien que les parts des exercices font exactement le droit (notes B.6 ; question ouverte B.9-3 : jours ou mois).`,
    },
    {
      code: 'compensation',
      valeur: 'par_droit',
      parDefaut: true,
      texte:
        'Avances et solde d’un même droit sont compensés : encaissé moins acquis à la clôture, en produit constaté d’avance (487) s’il est positif, en produit à recevoir (4687) s’il est négatif, comme dans l’exemple des notes B.6.',
    },
    {
      code: 'reconnaissance_variable',
      valeur: variable,
      parDefaut: options?.variable === undefined,
      texte:
        variable === 'versement'
          ? 'Le volet variable est un produit à sa notification, prise à la date de son versement, son montant n’étant connu qu’après le dialogue de gestion (notes ACI §10 ; question ouverte B.9-2).'
          : 'Le volet variable est un produit au prorata de l’année qu’il rémunère, estimé aux taux du contrat : la part acquise et non versée à la clôture est un produit à recevoir (notes ACI §10 : estimation explicite ; question ouverte B.9-2).',
    },
    {
      code: 'comptes',
      valeur: `706 par enveloppe, ${COMPTE_PCA}, ${COMPTE_PAR}`,
      parDefaut: true,
      texte:
        'Produits au compte 706 Prestations de services, un sous-compte par enveloppe (7061 + rang de la mission + volet), jamais 74 ; produits constatés d’avance au 487 ; produits à recevoir au 4687 plutôt que 418, la caisse versant sans facture (notes ACI §10, notes B.5–B.6 ; le 73 Concours publics reste une lecture possible, question ouverte B.9-1).',
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
