// The ACI contract as JSON (for the payment schedule and the year-end cut-off): a valibot schema with French messages.
import * as v from 'valibot'
import { MISSION_CODES } from '../missions'
import { PHASES } from '../rates/schema'
import {
  isoDateSchema,
  populationSchema as populationSchemaOf,
  strict,
  tailleSchema as tailleSchemaOf,
  tauxSchema as tauxSchemaOf,
  versionIdSchema,
} from '../wire-schemas'

// Shapes only, as for the budget (shared/budget/schema.ts): what ties fields together (dates in
// order, a mission in the grid of its years, taille or population) is parseContract's. Built in a
// function marked pure, so that a bundle that never reads a contract leaves all of it out.

/** The contract lasts five contract years (notes-aci-rates §9.1). */
export const CONTRACT_YEARS = 5

/** Proration of a mission's first fixed part: by days (default) or months begun (notes §9.7). */
export const PRORATAS = ['jours', 'mois'] as const
export type Prorata = (typeof PRORATAS)[number]

/** The variable part of a mission's first year: in full (default) or prorated like its fixed part (notes §9.7). */
export const VARIABLES_PREMIERE_ANNEE = ['complet', 'prorata'] as const
export type VariablePremiereAnnee = (typeof VARIABLES_PREMIERE_ANNEE)[number]

const FIVE = `liste de ${CONTRACT_YEARS} valeurs attendue, une par année de contrat`

/** One value for the whole contract, or one per contract year (five); `message` when it is neither. */
function perYear<T extends v.GenericSchema>(item: T, message: string) {
  return v.union(
    [item, v.pipe(v.array(item, FIVE), v.length(CONTRACT_YEARS, FIVE))],
    `${message}, ou une liste de ${CONTRACT_YEARS} (une par année de contrat)`
  )
}

/** A list of exactly five values, one per contract year. */
function fiveYears<T extends v.GenericSchema>(item: T) {
  return v.pipe(v.array(item, FIVE), v.length(CONTRACT_YEARS, FIVE))
}

function buildContractSchema() {
  const tailleSchema = tailleSchemaOf()
  const populationSchema = populationSchemaOf()
  const versionSchema = versionIdSchema()
  const tauxSchema = tauxSchemaOf()
  const phaseSchema = v.picklist(PHASES, 'phase attendue : redaction ou mise_a_jour')
  const moisSchema = (what: string) =>
    v.pipe(
      v.number(`${what} attendu : un nombre entier de mois`),
      v.integer(`${what} attendu : un nombre entier de mois`),
      v.minValue(0, `${what} attendu : de 0 à 12 mois`),
      v.maxValue(12, `${what} attendu : de 0 à 12 mois`)
    )

  const missionSchema = strict(
    {
      mission: v.picklist(MISSION_CODES, `mission attendue : ${MISSION_CODES.join(', ')}`),
      debut: v.pipe(
        isoDateSchema,
        v.description(
          'Date de démarrage de la mission : l’avance de 75 % du volet fixe, proratisée jusqu’au prochain anniversaire, est versée ce jour-là.'
        )
      ),
      taux: v.optional(
        v.pipe(
          perYear(tauxSchema, 'taux d’atteinte attendu : une fraction de 0 à 1 en texte ("0.8")'),
          v.description(
            'Taux d’atteinte des indicateurs (attendu ou constaté au dialogue de gestion), fraction de 0 à 1 ; un seul pour tout le contrat ou un par année de contrat (défaut 1). Pas pour la mission crise.'
          )
        )
      ),
      phases: v.optional(
        v.pipe(
          fiveYears(phaseSchema),
          v.description(
            'Mission crise seulement : phase du plan par année de contrat (défaut : rédaction l’année du démarrage, mise à jour ensuite) ; les années avant le démarrage sont ignorées.'
          )
        )
      ),
      crisesReconnues: v.optional(
        v.pipe(
          fiveYears(v.boolean('true ou false attendu')),
          v.description(
            'Mission crise seulement : une crise sanitaire grave a-t-elle été reconnue dans l’année de contrat (volet variable de la mission crise) ? Défaut : non.'
          )
        )
      ),
    },
    'mission engagée (mission, debut)'
  )

  const optionsSchema = strict(
    {
      prorata: v.optional(
        v.pipe(
          v.picklist(PRORATAS, 'prorata attendu : jours ou mois'),
          v.description(
            'Prorata de la première avance du volet fixe : jours (défaut) ou mois entamés, du démarrage de la mission au prochain anniversaire.'
          )
        )
      ),
      variablePremiereAnnee: v.optional(
        v.pipe(
          v.picklist(
            VARIABLES_PREMIERE_ANNEE,
            'variablePremiereAnnee attendu : complet ou prorata'
          ),
          v.description(
            'Volet variable de l’année de démarrage d’une mission : complet (défaut) ou proratisé comme le volet fixe.'
          )
        )
      ),
      delaiVariableMois: v.optional(
        v.pipe(
          moisSchema('délai du volet variable'),
          v.description(
            'Mois entre l’anniversaire et le versement du volet variable de l’année écoulée (défaut 2 : limite du dialogue de gestion).'
          )
        )
      ),
      delaiSoldeMois: v.optional(
        v.pipe(
          moisSchema('délai des soldes'),
          v.description(
            'Mois entre l’anniversaire et le versement des soldes (25 %) de l’année écoulée (défaut : le délai du volet variable, les soldes étant versés avec lui).'
          )
        )
      ),
    },
    'options'
  )

  return v.pipe(
    strict(
      {
        $schema: v.optional(v.string()),
        signature: v.pipe(
          isoDateSchema,
          v.description(
            'Date de signature du contrat ACI : les années de contrat courent de ses anniversaires.'
          )
        ),
        version: v.optional(
          v.pipe(
            perYear(versionSchema, 'identifiant de version attendu'),
            v.description(
              'Barème à appliquer, pour tout le contrat ou par année de contrat ; défaut : celui en vigueur au premier jour de chaque année de contrat.'
            )
          )
        ),
        taille: v.optional(
          v.pipe(
            perYear(tailleSchema, 'taille attendue : un entier de 1 à 4'),
            v.description(
              'Taille de la CPTS (1 à 4), pour tout le contrat ou par année de contrat.'
            )
          )
        ),
        population: v.optional(
          v.pipe(
            perYear(populationSchema, 'population attendue : un nombre entier d’habitants'),
            v.description(
              'Population couverte, si la taille n’est pas donnée : la taille en est déduite.'
            )
          )
        ),
        missions: v.pipe(
          v.array(missionSchema, 'liste des missions attendue'),
          v.maxLength(MISSION_CODES.length, `${MISSION_CODES.length} missions au plus`),
          v.description('Missions du contrat, avec leur date de démarrage.')
        ),
        options: v.optional(
          v.pipe(
            optionsSchema,
            v.description(
              'Choix que les textes publiés de l’ACI CPTS (contrat type, art. 6) laissent ouverts ; chacun a un défaut déclaré.'
            )
          )
        ),
      },
      'contrat (signature, taille, missions)'
    ),
    v.description('Contrat ACI d’une CPTS : de quoi calculer son échéancier de versements.')
  )
}

/** The contract document: signature, taille, missions with their start dates, options. */
export const contractSchema = /* @__PURE__ */ buildContractSchema()

export type ContractDocument = v.InferOutput<typeof contractSchema>
export type ContractMissionDocument = ContractDocument['missions'][number]
export type ContractOptionsDocument = NonNullable<ContractDocument['options']>

function buildExerciceSchema() {
  return v.pipe(
    strict(
      {
        debut: v.pipe(isoDateSchema, v.description('Premier jour de l’exercice.')),
        fin: v.pipe(isoDateSchema, v.description('Dernier jour de l’exercice (date de clôture).')),
      },
      'exercice (debut, fin)'
    ),
    v.description('Exercice comptable de la CPTS.')
  )
}

/** A fiscal year: its first and last days. */
export const exerciceSchema = /* @__PURE__ */ buildExerciceSchema()
export type Exercice = v.InferOutput<typeof exerciceSchema>
