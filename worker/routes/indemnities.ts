// POST /api/v1/indemnities: the register of the professionals' time computed on the shared core — amounts per person and calendar year against the PASS, per section, and the findings.
import { Hono } from 'hono'
import { indemnitesOfRequest } from '../../shared'
import type { AppEnv } from '../env'
import { jsonBody } from '../json-body'

export const indemnitiesRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const read = await jsonBody(c, 'Le registre des temps')
  if ('response' in read) return read.response
  return c.json(indemnitesOfRequest(read.body))
})
