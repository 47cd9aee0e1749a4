// POST /api/v1/contracts/schedule and /contracts/cutoff: a contract's payment schedule and a fiscal year's cut-off, from the shared core.
import { Hono } from 'hono'
import {
  AciError,
  type CutoffOptions,
  cutoffJson,
  cutoffOf,
  parseContract,
  scheduleJson,
  scheduleOf,
} from '../../shared'
import type { AppEnv } from '../env'
import { jsonBody } from '../json-body'

const CUTOFF_FIELDS = ['contrat', 'exercice', 'options'] as const

/** The cut-off request: `{ contrat, exercice: { debut, fin }, options? }`, nothing else. */
function cutoffRequest(body: unknown): {
  contrat: unknown
  exercice: unknown
  options: CutoffOptions | undefined
} {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AciError('contrat_invalide', 'Objet attendu : { contrat, exercice, options }.')
  }
  const fields = body as Record<string, unknown>
  for (const key of Object.keys(fields)) {
    if (!(CUTOFF_FIELDS as readonly string[]).includes(key)) {
      throw new AciError(
        'contrat_invalide',
        `${key} : champ inconnu ; champs acceptés : ${CUTOFF_FIELDS.join(', ')}.`,
        key
      )
    }
  }
  for (const key of ['contrat', 'exercice'] as const) {
    if (fields[key] === undefined) {
      throw new AciError('contrat_invalide', `${key} : champ obligatoire absent.`, key)
    }
  }
  const options = fields.options
  if (options !== undefined) {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new AciError(
        'exercice_invalide',
        'options : objet attendu, { variable, repartition }.',
        'options'
      )
    }
    for (const key of Object.keys(options)) {
      if (key !== 'variable' && key !== 'repartition') {
        throw new AciError(
          'exercice_invalide',
          `options.${key} : champ inconnu ; champs acceptés : variable, repartition.`,
          `options.${key}`
        )
      }
    }
  }
  return {
    contrat: fields.contrat,
    exercice: fields.exercice,
    options: options as CutoffOptions | undefined,
  }
}

export const contractsRoutes = new Hono<AppEnv>()
  .post('/schedule', async (c) => {
    const read = await jsonBody(c, 'Le contrat')
    if ('response' in read) return read.response
    return c.json(scheduleJson(scheduleOf(parseContract(read.body))))
  })
  .post('/cutoff', async (c) => {
    const read = await jsonBody(c, 'La demande de cut-off')
    if ('response' in read) return read.response
    const request = cutoffRequest(read.body)
    const contract = parseContract(request.contrat)
    return c.json(cutoffJson(cutoffOf(contract, request.exercice, request.options)))
  })
