// The yearly dossier as JSON, a valibot schema: what buildDossier returns, what a portfolio reads, and the published dossier.schema.json.
import * as v from 'valibot'
// Built when this module is evaluated, so from the modules themselves rather than the front door,
// which re-exports this one: the order of evaluation then never depends on the order of its lines.
import { FINANCEURS, SECTIONS } from '../budget'
import { MISSION_CODES } from '../missions'
import { PHASES } from '../rates/schema'
import { isoDateSchema } from '../wire-schemas'

// Shapes only, as the other documents of the product. Built in a function marked pure, so that a
// bundle that never reads a dossier leaves all of it out.

function buildDossierSchema() {
  const amount = v.pipe(
    v.string(),
    v.regex(/^-?\d+\.\d{2}$/, 'montant attendu : euros en texte décimal, deux décimales'),
    v.description('Montant en euros, texte décimal à deux décimales (« 42000.00 »).')
  )
  const percent = v.pipe(
    v.string(),
    v.regex(/^-?\d+\.\d{2}$/, 'pourcentage attendu : texte décimal, deux décimales'),
    v.description('Pourcentage, texte décimal à deux décimales (« 87.50 » pour 87,50 %).')
  )
  const rate = v.pipe(
    v.string(),
    v.regex(/^(0(\.\d{1,9})?|1(\.0{1,9})?)$/, 'taux attendu : fraction de 0 à 1'),
    v.description('Taux d’atteinte, fraction décimale de 0 à 1 (« 0.8 »).')
  )
  const sha256 = v.pipe(
    v.string(),
    v.regex(/^[0-9a-f]{64}$/, 'empreinte SHA-256 attendue (64 chiffres hexadécimaux)'),
    v.description('Empreinte SHA-256, en hexadécimal minuscule.')
  )
  const date = isoDateSchema
  const text = v.string()
  const nullable = <T extends v.GenericSchema>(schema: T) => v.nullable(schema)
  const section = v.picklist(SECTIONS)
  const mission = v.picklist(MISSION_CODES)
  const severity = v.picklist(['error', 'warning', 'info'])
  const taille = v.picklist([1, 2, 3, 4])
  const integer = v.pipe(v.number(), v.integer())
  const hypothesis = v.strictObject({
    code: text,
    valeur: text,
    parDefaut: v.boolean(),
    texte: text,
    origine: v.pipe(
      v.picklist(['echeancier', 'cloture', 'dossier']),
      v.description('Le calcul qui fait ce choix : échéancier, clôture, ou le dossier lui-même.')
    ),
  })
  const source = v.strictObject({
    document: text,
    article: text,
    url: v.optional(text),
  })
  const bareme = v.strictObject({
    id: text,
    titre: text,
    dateEffet: date,
    source,
    sha256,
  })
  const realiseSection = v.strictObject({
    charges: amount,
    produits: amount,
    ecartBudget: amount,
    execution: nullable(percent),
    consommation: nullable(percent),
    reste: nullable(amount),
  })

  const cpts = v.strictObject({
    nom: text,
    taille,
    population: nullable(integer),
    signature: date,
    exercice: v.strictObject({ debut: date, fin: date }),
    anneesContrat: v.pipe(
      v.array(
        v.strictObject({
          annee: integer,
          debut: date,
          fin: date,
          taille,
          version: text,
        })
      ),
      v.description('Les années de contrat que l’exercice recouvre.')
    ),
    missions: v.array(
      v.strictObject({
        mission,
        libelle: text,
        debut: date,
        taux: nullable(rate),
        phase: nullable(v.picklist(PHASES)),
        engagee: v.boolean(),
      })
    ),
    phaseCrise: nullable(v.picklist(PHASES)),
  })

  const regles = v.strictObject({
    bareme: v.pipe(bareme, v.description('Le barème du budget (celui de son profil).')),
    baremesContrat: v.pipe(
      v.array(bareme),
      v.description('Les barèmes des années de contrat de l’échéancier, chacun une fois.')
    ),
    planComptable: v.strictObject({ id: text, titre: text, dateEffet: date, sha256 }),
    pass: v.strictObject({
      id: text,
      sha256,
      source,
      annees: v.pipe(
        v.array(
          v.strictObject({ annee: integer, montant: nullable(amount), source: nullable(text) })
        ),
        v.description('Le PASS de chaque année civile que l’exercice touche (null : inconnu).')
      ),
    }),
    depensesSenat: v.strictObject({ id: text, sha256 }),
    hypotheses: v.array(hypothesis),
  })

  const enveloppes = v.strictObject({
    anneesContrat: v.array(
      v.strictObject({
        annee: integer,
        debut: date,
        fin: date,
        version: text,
        sections: v.array(
          v.strictObject({
            section,
            libelle: text,
            fixe: amount,
            variable: amount,
            enveloppe: amount,
            produitExercice: amount,
          })
        ),
        enveloppe: amount,
        produitExercice: amount,
      })
    ),
    produitsAciExercice: v.pipe(
      amount,
      v.description('Produits ACI de l’exercice (706), tels que la clôture les calcule.')
    ),
    parCompte: v.array(v.strictObject({ compte: text, libelle: text, produit: amount })),
  })

  const budget = v.strictObject({
    sections: v.array(
      v.strictObject({
        section,
        libelle: text,
        engagee: v.boolean(),
        enveloppe: nullable(amount),
        charges: amount,
        produits: amount,
        statut: v.picklist(['within', 'over', 'under', 'no_envelope']),
        ecart: nullable(amount),
        statutLibelle: text,
        realise: nullable(realiseSection),
      })
    ),
    totaux: v.strictObject({
      charges: amount,
      produits: amount,
      resultat: amount,
      chargesSectionsAci: amount,
      chargesHorsAci: amount,
      nonReparti: amount,
      enveloppe: amount,
      produitsAci: amount,
      emploisNature: amount,
      contributionsNature: amount,
      realise: nullable(
        v.strictObject({
          charges: amount,
          produits: amount,
          resultat: amount,
          chargesSectionsAci: amount,
          ecartBudget: amount,
          execution: nullable(percent),
          consommation: nullable(percent),
          reste: nullable(amount),
          nonReparti: amount,
        })
      ),
    }),
    realise: v.strictObject({
      source: v.pipe(
        v.picklist(['aucun', 'budget', 'fec']),
        v.description(
          'D’où vient le réalisé : aucun, les montants réalisés du budget, ou le FEC affecté par les règles.'
        )
      ),
      nonAffecte: nullable(v.strictObject({ charges: amount, produits: amount })),
      remarques: v.array(text),
    }),
  })

  const indicateurs = nullable(
    v.strictObject({
      annee: nullable(integer),
      version: text,
      taille,
      crise: v.boolean(),
      montantReclame: amount,
      enveloppeVariable: amount,
      missions: v.array(
        v.strictObject({
          mission,
          libelle: text,
          enveloppeVariable: amount,
          maxIndicateurs: amount,
          montantReclame: amount,
          taux: rate,
          indicateurs: v.array(
            v.strictObject({
              id: text,
              libelle: text,
              action: text,
              observation: nullable(v.union([text, v.boolean()])),
              palier: nullable(integer),
              statut: v.picklist([
                'atteint',
                'non_atteint',
                'sans_observation',
                'crise_non_reconnue',
                'livrables_manquants',
                'hors_bareme',
              ]),
              montant: amount,
              max: amount,
            })
          ),
          livrables: v.pipe(
            v.array(v.strictObject({ action: text, libelle: text, fourni: v.boolean() })),
            v.description('Les pièces justificatives de chaque action, fournies ou non.')
          ),
        })
      ),
    })
  )

  const echeancier = v.strictObject({
    signature: date,
    fin: date,
    paiements: v.array(
      v.strictObject({
        date,
        annee: integer,
        nature: text,
        libelle: text,
        mission: nullable(mission),
        montant: amount,
        du: date,
        au: date,
      })
    ),
    parAnnee: v.array(
      v.strictObject({
        annee: integer,
        debut: date,
        fin: date,
        taille,
        version: text,
        fonctionnement: amount,
        fixe: amount,
        variable: amount,
        total: amount,
      })
    ),
    total: amount,
  })

  const cloture = v.strictObject({
    exercice: v.strictObject({ debut: date, fin: date }),
    lignes: v.array(
      v.strictObject({
        droit: text,
        annee: integer,
        volet: v.picklist(['fonctionnement', 'fixe', 'variable']),
        mission: nullable(mission),
        compte: text,
        enveloppe: amount,
        encaisse: amount,
        produit: amount,
        pcaOuverture: amount,
        parOuverture: amount,
        pcaCloture: amount,
        parCloture: amount,
      })
    ),
    journal: v.array(
      v.strictObject({
        date,
        ecriture: v.picklist(['extourne_pca', 'extourne_par', 'pca', 'par']),
        compte: text,
        libelle: text,
        debit: amount,
        credit: amount,
      })
    ),
    totaux: v.strictObject({
      encaissements: amount,
      produits: amount,
      pcaOuverture: amount,
      parOuverture: amount,
      pcaCloture: amount,
      parCloture: amount,
      debit: amount,
      credit: amount,
    }),
  })

  const constats = v.strictObject({
    nombre: v.strictObject({ error: integer, warning: integer, info: integer }),
    liste: v.array(
      v.strictObject({
        origine: v.picklist(['budget', 'annexe']),
        severite: severity,
        code: text,
        realise: v.boolean(),
        section: nullable(section),
        mission: nullable(mission),
        ligne: nullable(v.strictObject({ compte: text, libelle: text, montant: amount })),
        beneficiaire: nullable(text),
        message: text,
        source: text,
      })
    ),
  })

  const financements = v.strictObject({
    financeurs: v.array(
      v.strictObject({
        financeur: nullable(v.picklist(FINANCEURS)),
        libelle: text,
        aRisque: v.pipe(
          v.boolean(),
          v.description('Entreprise ou laboratoire pharmaceutique (Sénat, proposition n° 11).')
        ),
        prevu: amount,
        realise: nullable(amount),
        lignes: v.array(
          v.strictObject({ compte: text, libelle: text, prevu: amount, realise: nullable(amount) })
        ),
      })
    ),
    totalHorsAci: amount,
    totalARisque: amount,
  })

  return v.pipe(
    v.strictObject({
      schemaVersion: v.pipe(
        v.string(),
        v.regex(/^1\.\d+$/, 'version de schéma 1.x attendue'),
        v.description('Version du schéma du dossier.')
      ),
      produit: v.strictObject({ nom: text, version: text }),
      produitLe: v.pipe(date, v.description('Date de production du dossier.')),
      cpts,
      regles,
      enveloppes,
      budget,
      indicateurs,
      echeancier,
      cloture,
      constats,
      financements,
      pseudonymisation: nullable(
        v.strictObject({
          methode: v.literal('HMAC-SHA-256'),
          texte: text,
        })
      ),
      signature: v.strictObject({
        tresorier: nullable(text),
        referenceCommissaireAuxComptes: nullable(text),
      }),
      empreintes: v.pipe(
        v.strictObject({ budget: sha256 }),
        v.description('SHA-256 de la forme canonique du budget lu (clés triées, sans espaces).')
      ),
      remarques: v.array(text),
    }),
    v.description(
      'Dossier annuel d’une CPTS pour l’ARS, la CPAM et le commissaire aux comptes : profil, règles et barèmes utilisés, enveloppes, budget et réalisé par section, indicateurs, échéancier, clôture, constats, financements autres que l’ACI.'
    )
  )
}

/** The dossier as JSON: every amount a decimal string, every reference with its SHA-256. */
export const dossierSchema = /* @__PURE__ */ buildDossierSchema()

export type Dossier = v.InferOutput<typeof dossierSchema>
