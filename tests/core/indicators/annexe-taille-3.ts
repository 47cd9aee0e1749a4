// A plausible indicator annex of a taille-3 CPTS (avenant 2 grid, contract year 4), written for the tests: each mission's maxima add up to its variable envelope.
//
// Variable envelopes at taille 3 in aci-avenant-2 (shared/rates/aci-avenant-2.json, typed here
// from notes-aci-rates §4): accès 35 000, parcours 45 000, prévention 17 500, crise 67 500 (due
// only if the ARS recognises a crisis), qualité 15 000, accompagnement 10 000.
// The tier shapes follow the examples of the issue (médecin traitant « 40 et moins → 8 000 · de 41
// à 90 → 5 000 · de 91 à 180 → 2 000 », dépistage « 60 % → 1 000 · 63 % → 2 000 · 66 % → 3 000 »).

export const ENVELOPPES_TAILLE_3 = {
  acces: '35000',
  parcours: '45000',
  prevention: '17500',
  crise: '67500',
  qualite: '15000',
  accompagnement: '10000',
} as const

export const annexeTaille3 = {
  annee: 4,
  missions: [
    {
      mission: 'acces',
      actions: [
        {
          id: 'mt',
          libelle: 'Faciliter l’accès à un médecin traitant',
          livrables: [
            'Liste anonymisée des patients en ALD sans médecin traitant au 31/12',
            'Compte rendu de la cellule d’orientation',
          ],
          indicateurs: [
            {
              id: 'ald-sans-mt',
              libelle: 'Patients en ALD sans médecin traitant',
              type: 'paliers',
              sens: 'baisse',
              unite: 'patients',
              reference: '212',
              cible: '40',
              paliers: [
                { seuil: '40', montant: '8000' },
                { seuil: '90', montant: '5000' },
                { seuil: '180', montant: '2000' },
              ],
            },
            {
              id: 'mt-orientes',
              libelle: 'Patients sans médecin traitant orientés vers un médecin du territoire',
              type: 'paliers',
              sens: 'hausse',
              unite: 'patients',
              paliers: [
                { seuil: '50', montant: '1000' },
                { seuil: '100', montant: '2000' },
                { seuil: '150', montant: '3000' },
              ],
            },
          ],
        },
        {
          id: 'snp',
          libelle: 'Organiser les soins non programmés',
          livrables: ['Planning des créneaux de soins non programmés', 'Convention SAS signée'],
          indicateurs: [
            {
              id: 'snp-creneaux',
              libelle: 'Créneaux de soins non programmés ouverts par semaine',
              type: 'paliers',
              sens: 'hausse',
              unite: 'créneaux',
              paliers: [
                { seuil: '20', montant: '3000' },
                { seuil: '40', montant: '6000' },
                { seuil: '60', montant: '9000' },
              ],
            },
            {
              id: 'sas',
              libelle: 'Participation de la CPTS au service d’accès aux soins (SAS)',
              type: 'binaire',
              max: '3000',
            },
          ],
        },
        {
          id: 'offre',
          libelle: 'Rendre lisible l’offre de soins',
          livrables: ['Annuaire diffusé (lien ou exemplaire)'],
          indicateurs: [
            {
              id: 'annuaire',
              libelle: 'Annuaire de l’offre de soins diffusé',
              type: 'binaire',
              max: '4000',
            },
            {
              id: 'delai-ophtalmo',
              libelle: 'Délai moyen d’obtention d’un rendez-vous en ophtalmologie',
              type: 'paliers',
              sens: 'baisse',
              unite: 'jours',
              reference: '95',
              paliers: [
                { seuil: '30', montant: '5000' },
                { seuil: '60', montant: '3000' },
                { seuil: '90', montant: '1000' },
              ],
            },
            {
              id: 'teleexpertise',
              libelle: 'Protocole de télé-expertise avec le centre hospitalier signé',
              type: 'binaire',
              max: '3000',
            },
          ],
        },
      ],
    },
    {
      mission: 'parcours',
      actions: [
        {
          id: 'diabete',
          libelle: 'Parcours des patients diabétiques',
          livrables: ['Protocole pluriprofessionnel', 'Liste des patients inclus'],
          indicateurs: [
            {
              id: 'diabete-inclus',
              libelle: 'Patients inclus dans le parcours diabète',
              type: 'paliers',
              sens: 'hausse',
              unite: 'patients',
              paliers: [
                { seuil: '50', montant: '5000' },
                { seuil: '100', montant: '10000' },
                { seuil: '150', montant: '15000' },
              ],
            },
            {
              id: 'diabete-protocole',
              libelle: 'Protocole pluriprofessionnel diabète rédigé et diffusé',
              type: 'binaire',
              max: '5000',
            },
          ],
        },
        {
          id: 'personnes-agees',
          libelle: 'Sorties d’hospitalisation des personnes âgées',
          livrables: ['Tableau de suivi des sorties'],
          indicateurs: [
            {
              id: 'sorties-visite',
              libelle: 'Sorties des 75 ans et plus suivies d’une visite à domicile sous 7 jours',
              type: 'paliers',
              sens: 'hausse',
              unite: '%',
              reference: '22',
              cible: '50',
              paliers: [
                { seuil: '30', montant: '5000' },
                { seuil: '40', montant: '10000' },
                { seuil: '50', montant: '15000' },
              ],
            },
            {
              id: 'rcp',
              libelle: 'Réunions de concertation pluriprofessionnelle tenues chaque trimestre',
              type: 'binaire',
              max: '5000',
            },
          ],
        },
        {
          id: 'sante-mentale',
          libelle: 'Parcours en santé mentale',
          indicateurs: [
            {
              id: 'psy-convention',
              libelle: 'Convention avec le centre médico-psychologique signée',
              type: 'binaire',
              max: '5000',
            },
          ],
        },
      ],
    },
    {
      mission: 'prevention',
      actions: [
        {
          id: 'depistage',
          libelle: 'Dépistage organisé du cancer colorectal',
          livrables: ['Support de la campagne'],
          indicateurs: [
            {
              id: 'depistage-colorectal',
              libelle: 'Taux de dépistage du cancer colorectal des 50-74 ans',
              type: 'paliers',
              sens: 'hausse',
              unite: '%',
              reference: '57.5',
              cible: '66',
              paliers: [
                { seuil: '60', montant: '1000' },
                { seuil: '63', montant: '2000' },
                { seuil: '66', montant: '3000' },
              ],
            },
          ],
        },
        {
          id: 'vaccination',
          libelle: 'Vaccination contre les papillomavirus',
          indicateurs: [
            {
              id: 'hpv',
              libelle: 'Couverture vaccinale HPV des 11-14 ans',
              type: 'paliers',
              sens: 'hausse',
              unite: '%',
              paliers: [
                { seuil: '40', montant: '2500' },
                { seuil: '50', montant: '5000' },
                { seuil: '60', montant: '7500' },
              ],
            },
          ],
        },
        {
          id: 'actions-prevention',
          libelle: 'Actions de prévention sur le territoire',
          livrables: ['Bilan des actions (dates, public, participants)'],
          indicateurs: [
            {
              id: 'actions-menees',
              libelle: 'Actions de prévention menées dans l’année',
              type: 'paliers',
              sens: 'hausse',
              unite: 'actions',
              paliers: [
                { seuil: '2', montant: '2000' },
                { seuil: '4', montant: '4000' },
                { seuil: '6', montant: '7000' },
              ],
            },
          ],
        },
      ],
    },
    {
      mission: 'crise',
      actions: [
        {
          id: 'plan-crise',
          libelle: 'Réponse aux crises sanitaires graves',
          livrables: ['Retour d’expérience de la crise', 'Plan de crise mis à jour'],
          indicateurs: [
            {
              id: 'crise-activation',
              libelle: 'Plan de crise activé lors d’une crise reconnue par l’ARS',
              type: 'binaire',
              max: '67500',
            },
          ],
        },
      ],
    },
    {
      mission: 'qualite',
      actions: [
        {
          id: 'pertinence',
          libelle: 'Pertinence des prescriptions',
          livrables: ['Comptes rendus des groupes de pairs'],
          indicateurs: [
            {
              id: 'antibiotiques',
              libelle: 'Prescriptions d’antibiotiques pour 100 patients',
              type: 'paliers',
              sens: 'baisse',
              unite: 'prescriptions',
              paliers: [
                { seuil: '50', montant: '6000' },
                { seuil: '60', montant: '4000' },
                { seuil: '70', montant: '2000' },
              ],
            },
            {
              id: 'groupes-pairs',
              libelle: 'Groupes d’analyse de pratiques tenus',
              type: 'paliers',
              sens: 'hausse',
              unite: 'groupes',
              paliers: [
                { seuil: '2', montant: '3000' },
                { seuil: '4', montant: '6000' },
                { seuil: '6', montant: '9000' },
              ],
            },
          ],
        },
      ],
    },
    {
      mission: 'accompagnement',
      actions: [
        {
          id: 'installation',
          libelle: 'Accueil des nouveaux professionnels',
          livrables: ['Liste des professionnels accompagnés'],
          indicateurs: [
            {
              id: 'nouveaux-ps',
              libelle: 'Nouveaux professionnels accompagnés dans leur installation',
              type: 'paliers',
              sens: 'hausse',
              unite: 'professionnels',
              paliers: [
                { seuil: '3', montant: '2000' },
                { seuil: '6', montant: '4000' },
                { seuil: '10', montant: '6000' },
              ],
            },
            {
              id: 'maitres-stage',
              libelle: 'Maîtres de stage recrutés',
              type: 'binaire',
              max: '4000',
            },
          ],
        },
      ],
    },
  ],
}
