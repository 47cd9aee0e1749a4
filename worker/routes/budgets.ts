// POST /api/v1/budgets/check: the budget check report of the shared core, for a budget sent as JSON.
import { Hono } from 'hono'
import type * as v from 'valibot'
import { budgetSchema, checkBudget, isAciError, parseBudget } from '../../shared'
import type { AppEnv } from '../env'
import type { ExtraOperation } from '../openapi'
import { aciProblem, problem } from '../problem'

/** JSON and its structured-syntax variants (application/problem+json…), with any parameters. */
function isJson(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType)
}

export const budgetsRoutes = new Hono<AppEnv>().post('/check', async (c) => {
  if (!isJson(c.req.header('Content-Type'))) {
    return problem(
      c,
      415,
      'type_de_contenu',
      'Le budget doit être envoyé en JSON (Content-Type: application/json).',
      'Content-Type',
      { 'Accept-Post': 'application/json' }
    )
  }
  let body: unknown
  try {
    body = JSON.parse(await c.req.text())
  } catch {
    return problem(c, 400, 'json_invalide', 'Le corps de la requête n’est pas un JSON valide.')
  }
  try {
    return c.json(checkBudget(parseBudget(body)))
  } catch (error) {
    if (isAciError(error)) return aciProblem(c, error)
    throw error
  }
})

export const budgetsOperation: ExtraOperation = {
  path: '/api/v1/budgets/check',
  method: 'post',
  schemas: { Budget: budgetSchema as v.GenericSchema },
  operation: {
    summary: 'Contrôle d’un budget analytique',
    description:
      'Compare les charges prévues par section (fonctionnement, missions, hors ACI) aux enveloppes du contrat et liste les constats (erreurs, avertissements, informations).',
    operationId: 'checkBudget',
    requestBody: {
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Budget' } } },
    },
    responses: {
      200: {
        description: 'Le rapport de contrôle, montants en texte décimal.',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
      400: {
        description: 'JSON invalide ou budget non conforme au schéma (le champ fautif est nommé).',
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        },
      },
      413: {
        description: 'Corps de plus de 1 Mio.',
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        },
      },
      415: {
        description: 'Corps qui n’est pas du JSON.',
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        },
      },
      422: {
        description:
          'Budget bien formé mais impossible à contrôler (version, compte ou mission inconnus).',
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        },
      },
    },
  },
}
