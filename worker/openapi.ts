// The OpenAPI 3.1 document of the API, generated from the valibot schemas that validate the requests.
import { toJsonSchema } from '@valibot/to-json-schema'
import type * as v from 'valibot'
import {
  budgetSchema,
  cashPlanRequestSchema,
  contractSchema,
  dossierRequestSchema,
  dossierSchema,
  exerciceSchema,
  rateTableSchema,
  registreSchema,
  SECTIONS,
  SEUIL_ECART_DEFAUT,
  variableRequestSchema,
} from '../shared'
import { MAX_BUDGET_LINES } from './routes/budgets'
import {
  envelopesQuery,
  envelopesResponseSchema,
  healthSchema,
  problemSchema,
  ratesCurrentQuery,
  versionListSchema,
  versionSummarySchema,
} from './schemas'

type AnySchema = v.GenericSchema

/** JSON Schema of a valibot schema, without the draft marker (OpenAPI 3.1 speaks JSON Schema 2020-12). */
export function jsonSchema(schema: AnySchema): Record<string, unknown> {
  const { $schema: _draft, ...rest } = toJsonSchema(schema, { errorMode: 'ignore' }) as Record<
    string,
    unknown
  >
  return rest
}

/** One OpenAPI query parameter per property of a query schema. */
function queryParameters(schema: AnySchema) {
  const object = jsonSchema(schema) as {
    properties?: Record<string, Record<string, unknown>>
    required?: string[]
  }
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property
    return {
      name,
      in: 'query',
      required: object.required?.includes(name) ?? false,
      ...(typeof description === 'string' ? { description } : {}),
      schema: propertySchema,
    }
  })
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
})

const json = (description: string, ref: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
})

/** The document, built once per request of it from the schemas. */
export function openApiDocument() {
  const schemas: Record<string, unknown> = {
    Problem: jsonSchema(problemSchema),
    VersionSummary: jsonSchema(versionSummarySchema),
    VersionList: jsonSchema(versionListSchema),
    RateTableFile: jsonSchema(rateTableSchema),
    RateTableDocument: {
      allOf: [{ $ref: '#/components/schemas/VersionSummary' }],
      type: 'object',
      properties: { table: { $ref: '#/components/schemas/RateTableFile' } },
      required: ['table'],
    },
    Envelopes: jsonSchema(envelopesResponseSchema),
    Health: jsonSchema(healthSchema),
    Budget: jsonSchema(budgetSchema as AnySchema),
    Contract: jsonSchema(contractSchema as AnySchema),
    Exercice: jsonSchema(exerciceSchema as AnySchema),
    VariableRequest: jsonSchema(variableRequestSchema as AnySchema),
    TreasuryRequest: jsonSchema(cashPlanRequestSchema as AnySchema),
    DossierRequest: jsonSchema(dossierRequestSchema as AnySchema),
    Dossier: jsonSchema(dossierSchema as AnySchema),
    Registre: jsonSchema(registreSchema as AnySchema),
    CutoffRequest: {
      type: 'object',
      additionalProperties: false,
      required: ['contrat', 'exercice'],
      properties: {
        contrat: { $ref: '#/components/schemas/Contract' },
        exercice: { $ref: '#/components/schemas/Exercice' },
        options: {
          type: 'object',
          additionalProperties: false,
          properties: {
            variable: {
              enum: ['versement', 'periode'],
              description:
                'Reconnaissance du volet variable : à son versement, une fois notifié (défaut), ou sur sa période, comme une estimation.',
            },
            repartition: {
              enum: ['jours', 'mois'],
              description: 'Répartition dans le temps : au jour (défaut) ou au mois entamé.',
            },
          },
        },
      },
    },
  }
  const paths: Record<string, Record<string, unknown>> = {
    '/healthz': {
      get: {
        summary: 'État du service',
        operationId: 'health',
        responses: { 200: json('Service disponible.', 'Health') },
      },
    },
    '/api/v1/rates': {
      get: {
        summary: 'Versions des barèmes ACI',
        description:
          'Identifiant, titre, source, date d’effet et empreinte SHA-256 de chaque version publiée.',
        operationId: 'listRates',
        responses: {
          200: json('Les versions, de la plus ancienne à la plus récente.', 'VersionList'),
        },
      },
    },
    '/api/v1/rates/current': {
      get: {
        summary: 'Barème en vigueur à une date',
        operationId: 'currentRates',
        parameters: queryParameters(ratesCurrentQuery),
        responses: {
          200: json('Le barème en vigueur (aujourd’hui si aucune date).', 'RateTableDocument'),
          400: problemResponse('Date mal formée ou paramètre inconnu.'),
          404: problemResponse('Aucun barème en vigueur à cette date.'),
        },
      },
    },
    '/api/v1/rates/{id}': {
      get: {
        summary: 'Un barème complet',
        description:
          'ETag fort (l’empreinte SHA-256 du barème), réponse immuable ; 304 si If-None-Match correspond.',
        operationId: 'getRates',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: json('Le barème.', 'RateTableDocument', {
            ETag: {
              schema: { type: 'string' },
              description: 'SHA-256 du barème, entre guillemets.',
            },
          }),
          304: { description: 'Le barème n’a pas changé.' },
          404: problemResponse('Version inconnue.'),
        },
      },
    },
    '/api/v1/envelopes': {
      get: {
        summary: 'Enveloppes d’une CPTS',
        description:
          'Fonctionnement et, par mission, volet fixe, volet variable au taux d’atteinte, enveloppe ; montants en texte décimal.',
        operationId: 'envelopes',
        parameters: queryParameters(envelopesQuery),
        responses: {
          200: json('Les enveloppes.', 'Envelopes'),
          400: problemResponse('Paramètre invalide (taille, population, taux, date…).'),
          422: problemResponse('Version, mission ou date sans barème.'),
        },
      },
    },
  }
  const problems = (codes: Record<number, string>) =>
    Object.fromEntries(
      Object.entries(codes).map(([status, text]) => [status, problemResponse(text)])
    )
  paths['/api/v1/budgets/check'] = {
    post: {
      summary: 'Contrôle d’un budget analytique',
      description: `Compare les charges prévues par section (fonctionnement, missions, hors ACI) aux enveloppes du contrat et liste les constats (erreurs, avertissements, informations). Le budget est envoyé en JSON ou en CSV d’Excel en français (le fichier « Exporter en CSV » du classeur ; charset du Content-Type s’il est donné, sinon détecté : UTF-8 avec ou sans BOM, Windows-1252, ISO-8859-15) : les deux formes d’un même budget reçoivent le même rapport. Limites : corps de 1 Mio (1 048 576 octets) au plus, soit environ 5 000 lignes typiques en JSON compact (2 000 en JSON indenté) ; ${MAX_BUDGET_LINES} lignes au plus, quelle que soit la forme (413 au-delà : le contrôle se fait alors dans le classeur). Une clé JSON donnée deux fois est refusée, comme un corps JSON qui n’est pas en UTF-8 (400 nommant l’octet et sa position). Rien du budget n’est conservé.`,
      operationId: 'checkBudget',
      requestBody: {
        required: true,
        description: `Le budget, en JSON ou en CSV ; 1 Mio et ${MAX_BUDGET_LINES} lignes au plus.`,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Budget',
              properties: { lignes: { maxItems: MAX_BUDGET_LINES } },
            },
          },
          'text/csv': {
            schema: {
              type: 'string',
              maxLength: 1_048_576,
              description: `Le CSV du budget (« Budget ACI-CPTS ; format 1 », séparateur point-virgule), ${MAX_BUDGET_LINES} lignes de budget au plus.`,
            },
          },
        },
      },
      responses: {
        200: {
          description:
            'Le rapport de contrôle, montants en texte décimal : sections, totaux, constats, et `produitsAciExercice`, ce que l’exercice acquiert du contrat du profil (le total 706 de la coupure pour le même contrat et le même exercice), expliqué dans `produitsExercice` par année de contrat, par compte 706 et droit par droit, à côté des enveloppes des années de contrat (null, avec un constat, quand le contrat du profil ne se calcule pas).',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['totaux', 'findings', 'produitsAciExercice', 'produitsExercice'],
                properties: {
                  produitsAciExercice: { type: ['string', 'null'], pattern: '^-?\\d+\\.\\d{2}$' },
                  produitsExercice: { type: ['object', 'null'] },
                },
              },
            },
          },
        },
        ...problems({
          400: 'JSON invalide ou clé JSON en double, CSV refusé (la ligne et la colonne sont nommées), encodage illisible, ou budget non conforme au schéma (le champ fautif est nommé).',
          413: `Corps de plus de 1 Mio, ou budget de plus de ${MAX_BUDGET_LINES} lignes.`,
          415: 'Corps qui n’est ni du JSON ni du CSV (Accept-Post : application/json, text/csv).',
          422: 'Budget bien formé mais sans barème ou plan comptable applicable.',
        }),
      },
    },
  }
  const cerfaAmount = { type: 'string', pattern: '^-?\\d+\\.\\d{2}$' }
  const cerfaTotaux = {
    type: 'object',
    required: ['charges', 'produits', 'ecart', 'emplois', 'contributions'],
    properties: {
      charges: cerfaAmount,
      produits: cerfaAmount,
      ecart: {
        ...cerfaAmount,
        description: 'Produits − charges : zéro quand le tableau est équilibré.',
      },
      emplois: cerfaAmount,
      contributions: cerfaAmount,
    },
  }
  paths['/api/v1/budgets/cerfa'] = {
    post: {
      summary: 'Le budget dans la présentation des financeurs : CERFA 12156*06 ou 15059',
      description:
        'Tableau budgétaire du CERFA n° 12156*06 (demande de subvention : charges par chapitre 60 à 68, produits 70 à 78 avec le 74 par financeur, contributions volontaires en nature 86 et 87 sous le trait, règle d’équilibre) ou compte rendu financier CERFA n° 15059 (prévu, réalisé, écart par chapitre, écarts à expliquer au-delà du seuil), pour l’association entière ou un projet (section : sa part de chaque ligne). Chaque centime du budget tombe dans un seul chapitre ; l’ACI portée en 74 est présentée en 70 (ce n’est pas une subvention). Le budget est envoyé en JSON ou en CSV d’Excel en français (charset du Content-Type s’il est donné, sinon détecté). Rien n’est conservé.',
      operationId: 'cerfaBudget',
      parameters: [
        {
          name: 'formulaire',
          in: 'query',
          required: true,
          description:
            '12156 : budget prévisionnel ; 15059 : compte rendu financier (le budget doit porter du réalisé).',
          schema: { enum: ['12156', '15059'] },
        },
        {
          name: 'section',
          in: 'query',
          required: false,
          description: 'Un projet : une mission ou hors_aci ; absent : l’association entière.',
          schema: { enum: [...SECTIONS] },
        },
        {
          name: 'seuilEcart',
          in: 'query',
          required: false,
          description: `15059 : écart à expliquer au-delà de ce pourcentage du prévu (défaut ${SEUIL_ECART_DEFAUT}).`,
          schema: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,4})?$' },
        },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/Budget' } },
          'text/csv': { schema: { type: 'string' } },
        },
      },
      responses: {
        200: {
          description: 'Les lignes du formulaire et ses totaux, montants en texte décimal.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['formulaire', 'lignes', 'totaux', 'equilibre', 'avertissements'],
                properties: {
                  formulaire: { enum: ['12156', '15059'] },
                  section: { type: ['string', 'null'] },
                  perimetre: { type: 'string' },
                  lignes: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['code', 'chapitre', 'libelle', 'cote', 'niveau', 'montant'],
                      properties: {
                        code: { type: 'string' },
                        chapitre: { type: 'string' },
                        libelle: { type: 'string' },
                        cote: { enum: ['charges', 'produits', 'emplois', 'contributions'] },
                        niveau: { enum: ['chapitre', 'detail'] },
                        source: { enum: ['formulaire', 'plan_comptable', 'aci_cpts'] },
                        montant: cerfaAmount,
                        realise: cerfaAmount,
                        ecart: cerfaAmount,
                        aExpliquer: { type: 'boolean' },
                        explication: { type: 'string' },
                        comptes: { type: 'array', items: { type: 'string' } },
                      },
                    },
                  },
                  totaux: {
                    ...cerfaTotaux,
                    properties: { ...cerfaTotaux.properties, realise: cerfaTotaux },
                  },
                  equilibre: { type: 'object' },
                  seuilEcart: { type: 'string' },
                  financeurs: { type: 'object', additionalProperties: { type: 'string' } },
                  avertissements: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
        ...problems({
          400: 'Formulaire, section ou seuil invalide ; JSON, CSV ou budget non conforme (le champ fautif est nommé) ; 15059 sans réalisé ; encodage illisible.',
          413: 'Corps de plus de 1 Mio.',
          415: 'Corps qui n’est ni du JSON ni du CSV.',
          422: 'Budget bien formé mais sans barème ou plan comptable applicable.',
        }),
      },
    },
  }
  const contractErrors = problems({
    400: 'JSON invalide ou contrat non conforme au schéma (le champ fautif est nommé).',
    413: 'Corps de plus de 1 Mio.',
    415: 'Corps qui n’est pas du JSON.',
    422: 'Contrat bien formé mais sans barème applicable à l’une de ses années.',
  })
  paths['/api/v1/contracts/schedule'] = {
    post: {
      summary: 'Échéancier des versements d’un contrat ACI',
      description:
        'Chaque versement des cinq années de contrat (fonctionnement, avances et soldes du volet fixe, volet variable) avec sa date, sa période et son calcul ; les choix que les textes laissent ouverts (prorata en jours ou en mois, volet variable de la première année…) sont listés dans hypotheses.',
      operationId: 'contractSchedule',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Contract' } } },
      },
      responses: {
        200: {
          description: 'L’échéancier, montants en texte décimal.',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        ...contractErrors,
      },
    },
  }
  paths['/api/v1/contracts/cutoff'] = {
    post: {
      summary: 'Cut-off d’un exercice',
      description:
        'Répartit les versements ACI entre les exercices : produit de l’exercice (706), produits constatés d’avance (487), produits à recevoir (4687), et propose les écritures de clôture, équilibrées au centime.',
      operationId: 'contractCutoff',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/CutoffRequest' } } },
      },
      responses: {
        200: {
          description: 'Les lignes du cut-off et le journal proposé, montants en texte décimal.',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        ...contractErrors,
      },
    },
  }
  const decimal = { type: 'string', pattern: '^-?\\d+\\.\\d{2}$' }
  paths['/api/v1/contracts/variable'] = {
    post: {
      summary: 'Volet variable d’une année de contrat, indicateur par indicateur',
      description:
        'À partir de l’annexe des indicateurs (missions → actions → indicateurs binaires ou à paliers, avec leurs livrables), des valeurs observées et de l’état des livrables : le montant de chaque indicateur (paliers à bornes incluses : valeur ≥ seuil en hausse, ≤ seuil en baisse ; un indicateur binaire rapporte son maximum s’il est fait ; sans observation, rien), de chaque action et de chaque mission, plafonné à son volet variable, et le taux d’atteinte = montant / volet variable, que l’échéancier, le cut-off et le budget acceptent. Les constats disent les maxima d’une mission qui ne totalisent pas son volet variable (erreur, avec l’écart), les paliers hors d’ordre, le volet variable de la mission crise dû seulement si une crise est reconnue par l’ARS, les indicateurs sans observation et les livrables manquants. Rien n’est conservé.',
      operationId: 'contractVariable',
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/VariableRequest' } },
        },
      },
      responses: {
        200: {
          description:
            'Montants en texte décimal, taux en fraction décimale (neuf décimales au plus).',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['indicateurs', 'actions', 'missions', 'total', 'constats'],
                properties: {
                  indicateurs: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'mission', 'statut', 'montant', 'max'],
                      properties: {
                        id: { type: 'string' },
                        mission: { type: 'string' },
                        statut: {
                          enum: [
                            'atteint',
                            'non_atteint',
                            'sans_observation',
                            'crise_non_reconnue',
                            'livrables_manquants',
                            'hors_bareme',
                          ],
                        },
                        palier: { type: ['integer', 'null'] },
                        montant: decimal,
                        max: decimal,
                      },
                    },
                  },
                  missions: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['mission', 'montant', 'enveloppeVariable', 'taux'],
                      properties: {
                        mission: { type: 'string' },
                        montant: decimal,
                        enveloppeVariable: decimal,
                        taux: { type: 'string', pattern: '^(0(\\.\\d{1,9})?|1)$' },
                      },
                    },
                  },
                  constats: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['code', 'severity', 'message'],
                      properties: {
                        code: { type: 'string' },
                        severity: { enum: ['error', 'warning', 'info'] },
                        message: { type: 'string' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        ...problems({
          400: 'JSON invalide, annexe ou observations non conformes (le champ fautif est nommé).',
          413: 'Corps de plus de 1 Mio.',
          415: 'Corps qui n’est pas du JSON.',
          422: 'Version inconnue ou date sans barème.',
        }),
      },
    },
  }
  const totaux = {
    heures: { type: 'string', pattern: '^\\d+(\\.\\d{1,2})?$' },
    montant: decimal,
    indemnites: decimal,
    remunerations: decimal,
    verse: decimal,
  }
  const decimalOrNull = { type: ['string', 'null'], pattern: '^-?\\d+\\.\\d{2}$' }
  paths['/api/v1/indemnities'] = {
    post: {
      summary: 'Indemnités et rémunérations des professionnels, plafonnées au PASS',
      description:
        'À partir du registre des temps (personnes, taux horaires votés par le conseil d’administration par profession ou par personne et datés, temps passés par section et nature) : le montant de chaque temps (heures × taux en vigueur ce jour-là, arrondi au centime une fois), les totaux par section (la clé de répartition par le temps) et par mois, et pour chaque personne et chaque année civile le total perçu comparé au PASS de l’année (art. D. 1434-44 CSP, décret n° 2022-375) : dépassement, reste, jour du franchissement. Un exercice qui n’est pas une année civile est jugé sur chacune des années civiles qu’il touche, chacune entière. Une année sans PASS dans la table est une erreur (constat PASS-INCONNU), jamais une estimation. Rien n’est conservé.',
      operationId: 'indemnities',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Registre' } } },
      },
      responses: {
        200: {
          description: 'Montants en texte décimal ; une ligne par personne et par année civile.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['exercice', 'personnes', 'sections', 'mois', 'total', 'constats'],
                properties: {
                  exercice: {
                    type: ['object', 'null'],
                    properties: { debut: { type: 'string' }, fin: { type: 'string' } },
                  },
                  personnes: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'annee', 'total', 'plafond', 'depassement', 'statut'],
                      properties: {
                        id: { type: 'string' },
                        profession: { type: 'string' },
                        annee: { type: 'integer' },
                        heures: totaux.heures,
                        total: decimal,
                        plafond: decimalOrNull,
                        seuil: decimalOrNull,
                        depassement: decimalOrNull,
                        reste: decimalOrNull,
                        statut: {
                          enum: [
                            'sous-plafond',
                            'alerte',
                            'depasse',
                            'pass-inconnu',
                            'avant-plafond',
                          ],
                        },
                        franchissement: { type: ['string', 'null'] },
                      },
                    },
                  },
                  sections: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['section', 'montant'],
                      properties: { section: { type: 'string' }, ...totaux },
                    },
                  },
                  mois: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['mois', 'montant'],
                      properties: { mois: { type: 'string' }, ...totaux },
                    },
                  },
                  total: { type: 'object', properties: totaux },
                  constats: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['code', 'severity', 'message', 'source'],
                      properties: {
                        code: { type: 'string' },
                        severity: { enum: ['error', 'warning', 'info'] },
                        message: { type: 'string' },
                        source: { type: 'string' },
                        personne: { type: 'string' },
                        annee: { type: 'integer' },
                        temps: { type: 'integer' },
                        depassement: decimal,
                      },
                    },
                  },
                },
              },
            },
          },
        },
        ...problems({
          400: 'JSON invalide, registre non conforme (le champ fautif est nommé), personne inconnue ou temps sans taux horaire en vigueur.',
          413: 'Corps de plus de 1 Mio.',
          415: 'Corps qui n’est pas du JSON.',
        }),
      },
    },
  }
  paths['/api/v1/dossiers'] = {
    post: {
      summary: 'Dossier de l’exercice d’une CPTS (PDF ou JSON)',
      description:
        'Le dossier annuel pour l’ARS, la CPAM et le commissaire aux comptes, à partir du budget (le contrat est alors déduit de son profil, comme le fait le volet), complété du contrat, de l’annexe des indicateurs et de ses observations s’ils sont donnés : identité et profil, règles utilisées (barème et source juridique, plan comptable, PASS de l’année, avec leurs SHA-256 ; chaque hypothèse), enveloppes par section et produits ACI de l’exercice, budget et réalisé par section avec taux d’exécution et de consommation, indicateurs et volet variable réclamé, échéancier, clôture et journal, constats par gravité avec leur source, financements autres que l’ACI (entreprises et laboratoires signalés), bloc de signature. Le format suit l’en-tête Accept : application/pdf (A4, en français, pages numérotées) ou application/json (schéma dossier.schema.json, schemaVersion) ; JSON par défaut. Avec cleDePseudonymisation, les noms des professionnels deviennent des HMAC-SHA-256 de cette clé. Mêmes entrées, même dossier. Rien n’est conservé.',
      operationId: 'dossier',
      parameters: [
        {
          name: 'Accept',
          in: 'header',
          required: false,
          schema: { type: 'string', default: 'application/json' },
          description: 'application/pdf ou application/json.',
        },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/DossierRequest' } },
        },
      },
      responses: {
        200: {
          description: 'Le dossier, en PDF ou en JSON (montants en texte décimal).',
          content: {
            'application/pdf': { schema: { type: 'string', format: 'binary' } },
            'application/json': { schema: { $ref: '#/components/schemas/Dossier' } },
          },
        },
        ...problems({
          400: 'JSON invalide, budget, contrat, annexe ou clé non conformes (le champ fautif est nommé).',
          406: 'Accept ne permet ni application/pdf ni application/json.',
          413: 'Corps de plus de 1 Mio.',
          415: 'Corps qui n’est pas du JSON.',
          422: 'Version inconnue ou date sans barème.',
        }),
      },
    },
  }
  const amountString = { type: 'string', pattern: '^-?\\d+\\.\\d{2}$' }
  paths['/api/v1/ledger/actuals'] = {
    post: {
      summary: 'Lecture d’un FEC : soldes par compte et par mois, trésorerie',
      description:
        'Le fichier des écritures comptables (art. A47 A-1 du livre des procédures fiscales : 18 colonnes, séparées par des tabulations ou des barres verticales, dates AAAAMMJJ, virgule décimale ; variante Montant/Sens acceptée) envoyé tel quel comme corps. Encodage : le charset du Content-Type s’il est donné, sinon détecté (UTF-8 avec ou sans BOM, sinon ISO-8859-15 quand seules ses lettres ont un sens, sinon Windows-1252) ; un octet qu’aucun ne définit est refusé avec sa position. Le FEC est contrôlé en entier (colonnes obligatoires, écritures équilibrées, dates dans l’exercice, montants bien formés) : un seul problème et rien n’est importé, chaque problème étant listé avec sa ligne dans problemes. Limite du corps : 16 Mio (un FEC de 100 000 lignes fait environ 13 Mio) ; les autres routes gardent 1 Mio. Rien du FEC n’est conservé.',
      operationId: 'ledgerActuals',
      parameters: [
        {
          name: 'debut',
          in: 'query',
          required: true,
          description: 'Premier jour de l’exercice (AAAA-MM-JJ).',
          schema: { type: 'string', format: 'date' },
        },
        {
          name: 'fin',
          in: 'query',
          required: true,
          description: 'Dernier jour de l’exercice (AAAA-MM-JJ).',
          schema: { type: 'string', format: 'date' },
        },
      ],
      requestBody: {
        required: true,
        content: {
          'text/plain': { schema: { type: 'string' } },
          'text/tab-separated-values': { schema: { type: 'string' } },
        },
      },
      responses: {
        200: {
          description:
            'Débit, crédit et solde (débit − crédit) de chaque compte sur l’exercice et par mois (mouvement du mois), trésorerie (comptes 512 et 53) à l’ouverture (écritures d’à-nouveaux) et à la clôture ; montants en texte décimal.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['encodage', 'lignes', 'ecritures', 'comptes', 'tresorerie'],
                properties: {
                  encodage: { enum: ['utf-8', 'utf-8-bom', 'windows-1252', 'iso-8859-15'] },
                  lignes: { type: 'integer' },
                  ecritures: { type: 'integer' },
                  comptes: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['compte', 'libelle', 'debit', 'credit', 'solde', 'mois'],
                      properties: {
                        compte: { type: 'string' },
                        libelle: { type: 'string' },
                        debit: amountString,
                        credit: amountString,
                        solde: amountString,
                        mois: {
                          type: 'object',
                          description:
                            'Mouvement (débit − crédit) de chaque mois « AAAA-MM » de l’exercice.',
                          additionalProperties: amountString,
                        },
                      },
                    },
                  },
                  tresorerie: {
                    type: 'object',
                    required: ['ouverture', 'cloture'],
                    properties: { ouverture: amountString, cloture: amountString },
                  },
                  avertissements: {
                    type: 'array',
                    description:
                      'Colonnes descriptives vides ou dates de pièce illisibles : sans effet sur les montants.',
                    items: { type: 'object' },
                  },
                },
              },
            },
          },
        },
        ...problems({
          400: 'FEC refusé (problemes : chaque problème avec sa ligne), fichier qui n’est pas un FEC, encodage illisible, ou exercice absent ou invalide dans la requête.',
          413: 'Corps de plus de 16 Mio.',
          415: 'Corps qui n’est pas du texte (text/plain ou text/tab-separated-values).',
        }),
      },
    },
  }
  paths['/api/v1/treasury'] = {
    post: {
      summary: 'Plan de trésorerie d’un exercice',
      description:
        'Mois par mois : trésorerie d’ouverture, encaissements ACI aux dates de l’échéancier du contrat, autres encaissements et décaissements du budget étalés par mois (à parts égales ou selon un profil mensuel par ligne ; les décaissements réels fournis remplacent ceux des mois passés), solde de fin de mois ; une alerte pour chaque mois qui finit sous zéro ou sous le seuil. moisSuivants ajoute les 12 mois suivants (le budget y est repris). Rien n’est conservé.',
      operationId: 'treasuryPlan',
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/TreasuryRequest' } },
        },
      },
      responses: {
        200: {
          description: 'Les mois et les alertes, montants en texte décimal.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['mois', 'alertes'],
                properties: {
                  mois: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: [
                        'mois',
                        'encaissementsAci',
                        'autresEncaissements',
                        'decaissements',
                        'solde',
                      ],
                      properties: {
                        mois: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
                        ouverture: amountString,
                        encaissementsAci: amountString,
                        autresEncaissements: amountString,
                        decaissements: amountString,
                        solde: amountString,
                        source: { enum: ['realise', 'budget'] },
                      },
                    },
                  },
                  alertes: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['mois', 'niveau', 'solde', 'message'],
                      properties: {
                        mois: { type: 'string' },
                        niveau: { enum: ['negatif', 'seuil'] },
                        solde: amountString,
                        message: { type: 'string' },
                      },
                    },
                  },
                  hypotheses: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
        ...problems({
          400: 'JSON invalide, demande, contrat ou budget non conforme (le champ fautif est nommé).',
          413: 'Corps de plus de 1 Mio.',
          415: 'Corps qui n’est pas du JSON.',
          422: 'Contrat ou budget bien formé mais sans barème applicable.',
        }),
      },
    },
  }
  paths['/api/v1/portfolio/check'] = {
    post: {
      summary: 'Portefeuille de CPTS : chaque CPTS contrôlée, puis la synthèse par mission',
      description:
        'Un dossier de l’exercice (JSON du schéma dossier.schema.json) ou un budget (JSON) par ligne, en NDJSON. La réponse, en NDJSON elle aussi, est écrite au fil de la lecture : un résultat par ligne non vide, dans l’ordre, { ligne, statut: "ok", nom, totalEnveloppe, charges, chargesSectionsAci, realise, consommation, variable, constats, principauxConstats, financementsHorsAci, sections, fongibilite, anomalies, doublon, … } ou { ligne, statut: "erreur", code, message } (une ligne fautive n’arrête pas les autres ; une dernière ligne coupée par la fin du corps est signalée comme telle), puis une dernière ligne { synthese: { cpts, erreurs, doublons, totalEnveloppe, parMission: [ … ], … } } : par section, enveloppe, charges prévues et réalisées, taux de consommation et leur distribution entre CPTS (minimum et maximum avec leur CPTS, quartiles par interpolation linéaire, comme QUARTILE.INCLURE d’Excel) ; la fongibilité des enveloppes entre missions en scénario ; les CPTS signalées (fonctionnement au-delà de son enveloppe, thésaurisation, financement par une entreprise ou un laboratoire, PASS dépassé, barème autre que celui en vigueur). Une même CPTS pour le même exercice n’est comptée qu’une fois (la première ligne) ; les suivantes sont des doublons. Limites : 1 Mio par ligne, 10 000 lignes ; le corps entier n’a pas de limite, il n’est jamais gardé en mémoire. Rien n’est conservé.',
      operationId: 'portfolioCheck',
      requestBody: {
        required: true,
        content: {
          'application/x-ndjson': {
            schema: {
              type: 'string',
              description: 'Un document JSON par ligne : un dossier ou un budget.',
            },
            itemSchema: {
              oneOf: [
                { $ref: '#/components/schemas/Dossier' },
                { $ref: '#/components/schemas/Budget' },
              ],
            },
          },
        },
      },
      responses: {
        200: {
          description:
            'Un résultat JSON par ligne lue, dans l’ordre, puis la synthèse ; montants en texte décimal, taux en pour cent (« 87.50 »).',
          content: {
            'application/x-ndjson': {
              schema: { type: 'string' },
              itemSchema: {
                type: 'object',
                properties: {
                  ligne: { type: 'integer', description: 'Numéro de la ligne dans le corps.' },
                  statut: { enum: ['ok', 'erreur'] },
                  nom: { type: ['string', 'null'] },
                  totalEnveloppe: amountString,
                  charges: amountString,
                  message: { type: 'string', description: 'Raison de l’erreur, en français.' },
                  synthese: {
                    type: 'object',
                    required: ['cpts', 'erreurs', 'totalEnveloppe', 'parMission'],
                    properties: {
                      cpts: { type: 'integer' },
                      erreurs: { type: 'integer' },
                      doublons: { type: 'integer' },
                      totalEnveloppe: amountString,
                      parMission: { type: 'array', items: { type: 'object' } },
                    },
                  },
                },
              },
            },
          },
        },
        ...problems({
          415: 'Corps qui n’est pas du NDJSON, ou jeu de caractères non pris en charge.',
        }),
      },
    },
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ACI-CPTS — barèmes, enveloppes, budgets et contrats',
      version: '1.0.0',
      description:
        'Barèmes versionnés de l’accord conventionnel interprofessionnel (ACI) des CPTS, enveloppes de financement et contrôle des budgets analytiques. Erreurs au format RFC 9457 (application/problem+json), en français.',
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas },
  }
}
