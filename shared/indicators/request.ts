// The request for a contract year's variable part (POST /api/v1/contracts/variable): its schema, and its one reading into a result.
import * as v from 'valibot'
import { PHASES } from '../rates/schema'
import { pathOf, strict, tailleSchema, versionIdSchema } from '../wire-schemas'
import { type VariableResult, variableOf } from './compute'
import { annexeError, annexeOfDocument } from './parse'
import { annexeSchema } from './schema'

function buildVariableRequestSchema() {
  return v.pipe(
    strict(
      {
        taille: v.pipe(
          tailleSchema(),
          v.description('Taille de la CPTS (1 à 4) pour l’année de contrat.')
        ),
        version: v.optional(
          v.pipe(
            versionIdSchema(),
            v.description(
              'Barème de l’année de contrat : un identifiant (« aci-avenant-2 ») ou une date AAAA-MM-JJ (le barème en vigueur ce jour-là, par exemple le premier jour de l’année de contrat) ; défaut : celui en vigueur aujourd’hui.'
            )
          )
        ),
        phase: v.optional(
          v.pipe(
            v.picklist(PHASES, 'phase attendue : redaction ou mise_a_jour'),
            v.description(
              'Phase du plan de crise dans l’année : redaction ou mise_a_jour (le volet fixe en dépend ; pas le volet variable des barèmes actuels).'
            )
          )
        ),
        crise: v.optional(
          v.pipe(
            v.boolean('crise : true ou false attendu'),
            v.description(
              'Une crise sanitaire grave a-t-elle été reconnue par l’ARS dans l’année ? Le volet variable de la mission crise n’est dû qu’alors (défaut : non).'
            )
          )
        ),
        annexe: annexeSchema,
        observations: v.optional(
          v.pipe(
            v.record(
              v.string(),
              v.union(
                [v.number(), v.string(), v.boolean(), v.null()],
                'valeur observée attendue : un nombre, un texte décimal, true/false ou null'
              ),
              'objet attendu : identifiant d’indicateur → valeur observée'
            ),
            v.description(
              'Valeur observée par identifiant d’indicateur : un nombre dans l’unité des seuils (63.5, ou "63,5 %") pour un indicateur à paliers, true/false (fait, non fait) pour un indicateur binaire, null ou absent : non observé (ne rapporte rien).'
            )
          )
        ),
        livrables: v.optional(
          v.pipe(
            v.record(
              v.string(),
              v.array(v.boolean('true ou false attendu'), 'liste de true/false attendue'),
              'objet attendu : identifiant d’action → liste de true/false'
            ),
            v.description(
              'État des livrables par identifiant d’action : true (fourni) ou false, un par livrable de l’action, dans son ordre ; une action absente n’a aucun livrable fourni.'
            )
          )
        ),
        options: v.optional(
          strict(
            {
              exigerLivrables: v.optional(
                v.pipe(
                  v.boolean('exigerLivrables : true ou false attendu'),
                  v.description(
                    'Si true, les indicateurs d’une action ne rapportent rien tant qu’un de ses livrables manque (défaut false : les livrables manquants sont signalés, pas déduits ; aucun texte ne fixe la règle).'
                  )
                )
              ),
            },
            'options (exigerLivrables)'
          )
        ),
      },
      'demande (taille, annexe, observations)'
    ),
    v.description(
      'Le volet variable d’une année de contrat, indicateur par indicateur : l’annexe, le contexte (taille, barème, phase, crise reconnue) et les valeurs observées.'
    )
  )
}

/** The request: context, annex, observations, evidence status, options. */
export const variableRequestSchema = /* @__PURE__ */ buildVariableRequestSchema()

/** Reads a variable-part request (JSON already parsed) and computes it; fails with an AciError naming the field. */
export function variableOfRequest(input: unknown): VariableResult {
  const result = v.safeParse(variableRequestSchema, input)
  if (!result.success) {
    const issue = result.issues[0]
    throw annexeError(pathOf(issue, 'demande'), `${issue.message}.`)
  }
  const request = result.output
  const annexe = annexeOfDocument(request.annexe)
  return variableOf(
    annexe,
    {
      taille: request.taille,
      version: request.version,
      phase: request.phase,
      crise: request.crise,
    },
    request.observations,
    request.livrables,
    { exigerLivrables: request.options?.exigerLivrables ?? false }
  )
}
