// The budget document as JSON, a valibot schema with French messages: validates requests and generates the published JSON Schema.
import * as v from 'valibot'
import { MISSION_CODES } from '../missions'
import { PHASES } from '../rates/schema'
import {
  isoDateSchema,
  populationSchema,
  strict,
  tailleSchema,
  tauxSchema as tauxSchemaOf,
  versionIdSchema,
} from '../wire-schemas'
import { COMPTE_PATTERN } from './accounts'
import { FINANCEURS } from './financeurs'
import { SECTIONS } from './sections'

// The schema only checks shapes (no transformation), so that JSON Schema can say all of it;
// what needs several fields at once (taille or population, dates in order…) is parseBudget's.
// The schema is built by a function marked pure: a bundle that does not use the budget (Excel's
// functions) leaves all of it out.

const TEXT = /^[^\r\n]*\S[^\r\n]*$/
const text = (what: string, description: string) =>
  v.pipe(
    v.string(`${what} attendu (texte)`),
    v.regex(TEXT, `${what} attendu : un texte non vide, sur une seule ligne`),
    v.maxLength(300, `${what} : 300 caractères au plus`),
    v.description(description)
  )

/** Builds the schema once, in a function: importing this module computes nothing (see above). */
function buildBudgetSchema() {
  /** Euros as a decimal string with a point and at most two decimals ("42000", "42000.5", "-150.00"). */
  const amountSchema = v.pipe(
    v.string('montant attendu sous forme de texte décimal, par exemple "42000.00"'),
    v.regex(
      /^-?\d{1,13}(\.\d{1,2})?$/,
      'montant attendu : euros avec un point décimal et au plus deux décimales, par exemple "42000.00"'
    ),
    v.description('Montant en euros, texte décimal (« 42000.00 »).')
  )

  /** A key of a clé de répartition, in percent from 0 to 100, at most four decimals ("33.3333"). */
  const pourcentageSchema = v.pipe(
    v.string('pourcentage attendu sous forme de texte décimal, par exemple "40"'),
    v.regex(
      /^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/,
      'pourcentage attendu : de 0 à 100 avec un point décimal et au plus quatre décimales'
    ),
    v.description('Pourcentage de 0 à 100 (« 40 » pour 40 %).')
  )

  /** An expected achievement rate, a fraction from 0 to 1 as the envelopes API takes it ("0.8"). */
  const tauxSchema = v.pipe(
    tauxSchemaOf(),
    v.description('Taux d’atteinte attendu des indicateurs, fraction de 0 à 1 (défaut 1).')
  )

  const sectionSchema = v.pipe(
    v.picklist(SECTIONS, `section attendue : ${SECTIONS.join(', ')}`),
    v.description('Section analytique : fonctionnement, une mission, ou hors_aci.')
  )

  const missionSchema = strict(
    {
      mission: v.picklist(MISSION_CODES, `mission attendue : ${MISSION_CODES.join(', ')}`),
      debut: v.pipe(isoDateSchema, v.description('Date de démarrage de la mission.')),
      taux: v.optional(tauxSchema),
      phase: v.optional(
        v.pipe(
          v.picklist(PHASES, 'phase attendue : redaction ou mise_a_jour'),
          v.description(
            'Mission crise seulement : phase du plan pour l’exercice (défaut : première rédaction).'
          )
        )
      ),
    },
    'mission engagée'
  )

  const profilSchema = strict(
    {
      nom: text('nom de la CPTS', 'Nom de la CPTS.'),
      taille: v.optional(
        v.pipe(tailleSchema(), v.description('Taille de la CPTS au contrat (1 à 4).'))
      ),
      population: v.optional(
        v.pipe(
          populationSchema(),
          v.description('Population couverte ; la taille en est déduite si elle manque.')
        )
      ),
      signature: v.pipe(
        isoDateSchema,
        v.description('Date de signature du contrat ACI : elle désigne le barème.')
      ),
      version: v.optional(
        v.pipe(
          versionIdSchema(),
          v.description(
            'Barème à appliquer, s’il n’est pas celui en vigueur à la signature (contrat modifié par avenant).'
          )
        )
      ),
      exercice: strict(
        {
          debut: v.pipe(isoDateSchema, v.description('Premier jour de l’exercice.')),
          fin: v.pipe(isoDateSchema, v.description('Dernier jour de l’exercice.')),
        },
        'exercice (début et fin)'
      ),
      missions: v.pipe(
        v.array(missionSchema, 'liste des missions engagées attendue'),
        v.maxLength(MISSION_CODES.length, `${MISSION_CODES.length} missions au plus`),
        v.description('Missions engagées au contrat, avec leur date de démarrage.')
      ),
      seuils: v.optional(
        strict(
          {
            thesaurisation: v.optional(
              v.pipe(
                pourcentageSchema,
                v.description(
                  'Excédent des produits ACI sur les charges des sections ACI toléré, en % des produits ACI (défaut 0).'
                )
              )
            ),
            pass: v.optional(
              v.pipe(
                pourcentageSchema,
                v.description(
                  'Part du PASS au-delà de laquelle un professionnel est signalé avant le plafond (aucune alerte si absent).'
                )
              )
            ),
          },
          'seuils'
        )
      ),
    },
    'profil'
  )

  const repartitionSchema = v.variant(
    'mode',
    [
      strict(
        {
          mode: v.literal('montants'),
          parts: v.pipe(
            v.array(
              strict({ section: sectionSchema, montant: amountSchema }, 'part (section, montant)'),
              'liste des parts attendue'
            ),
            v.minLength(1, 'au moins une part attendue'),
            v.maxLength(SECTIONS.length, `${SECTIONS.length} parts au plus, une par section`)
          ),
        },
        'répartition en montants'
      ),
      strict(
        {
          mode: v.literal('cles'),
          parts: v.pipe(
            v.array(
              strict(
                { section: sectionSchema, pourcentage: pourcentageSchema },
                'part (section, pourcentage)'
              ),
              'liste des parts attendue'
            ),
            v.minLength(1, 'au moins une part attendue'),
            v.maxLength(SECTIONS.length, `${SECTIONS.length} parts au plus, une par section`)
          ),
        },
        'répartition par clés'
      ),
    ],
    'mode de répartition attendu : montants ou cles'
  )

  const ligneSchema = strict(
    {
      compte: v.pipe(
        v.string('numéro de compte attendu sous forme de texte, par exemple "6411"'),
        v.regex(
          COMPTE_PATTERN,
          'compte attendu : un compte de charges (classe 6), de produits (classe 7) ou de contributions volontaires en nature (86, 87), 2 à 8 chiffres'
        ),
        v.description('Compte du plan comptable des associations (règlement ANC n° 2018-06).')
      ),
      libelle: text('libellé', 'Libellé de la ligne.'),
      montant: amountSchema,
      realise: v.optional(
        v.pipe(
          amountSchema,
          v.description(
            'Montant réalisé (dépensé ou perçu) à ce jour, en euros, texte décimal (« 38500.00 »).'
          )
        )
      ),
      repartition: v.optional(
        v.pipe(
          repartitionSchema,
          v.description(
            'Répartition analytique par section : en montants, ou par clés en pourcentage.'
          )
        )
      ),
      repartitionRealise: v.optional(
        v.pipe(
          repartitionSchema,
          v.description(
            'Répartition du réalisé par section, quand elle diffère de la répartition prévue (sinon le réalisé suit les proportions prévues).'
          )
        )
      ),
      financeur: v.optional(
        v.pipe(
          v.picklist(FINANCEURS, `financeur attendu : ${FINANCEURS.join(', ')}`),
          v.description(
            'Qui finance cette ressource (lignes de produits, et reports ou utilisations de fonds dédiés).'
          )
        )
      ),
      beneficiaire: v.optional(
        text(
          'bénéficiaire',
          'Professionnel qui perçoit cette indemnité ou rémunération (plafond du PASS, art. D. 1434-44 CSP).'
        )
      ),
    },
    'ligne de budget'
  )

  return v.pipe(
    strict(
      {
        $schema: v.optional(v.string()),
        profil: profilSchema,
        lignes: v.pipe(
          v.array(ligneSchema, 'liste des lignes attendue'),
          v.description('Lignes du budget : charges, produits, contributions en nature.')
        ),
      },
      'budget (profil et lignes)'
    ),
    v.description('Budget prévisionnel analytique d’une CPTS, par section (ACI).')
  )
}

/** The budget document: its profile and its lines, amounts as decimal strings. */
export const budgetSchema = /* @__PURE__ */ buildBudgetSchema()

/** A budget document as parseBudget returns it: checked and in canonical form. */
export type BudgetDocument = v.InferOutput<typeof budgetSchema>
export type BudgetProfil = BudgetDocument['profil']
export type BudgetLigne = BudgetDocument['lignes'][number]
export type BudgetMission = BudgetProfil['missions'][number]
export type Repartition = NonNullable<BudgetLigne['repartition']>
