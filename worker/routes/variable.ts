// POST /api/v1/contracts/variable: a contract year's variable part, indicator by indicator, from its annex and observations, on the shared core.
import { Hono } from 'hono'
import { variableJson, variableOfRequest } from '../../shared'
import type { AppEnv } from '../env'
import { jsonBody } from '../json-body'

export const variableRoutes = new Hono<AppEnv>().post('/variable', async (c) => {
  const read = await jsonBody(c, 'La demande de volet variable')
  if ('response' in read) return read.response
  return c.json(variableJson(variableOfRequest(read.body)))
})
