// GET /api/v1/rates, /rates/current and /rates/{id}: the versioned rate tables, with strong ETags.
import { Hono } from 'hono'
import {
  bundledCatalog,
  isAciError,
  type RateTable,
  todayInFrance,
  versionSummary,
} from '../../shared'
import type { AppEnv } from '../env'
import { aciProblem } from '../problem'
import { ratesCurrentQuery } from '../schemas'
import { validate } from '../validation'

/** A table as served: its summary (with the SHA-256 the client checks) and the published file. */
export function tableDocument(table: RateTable) {
  return { ...versionSummary(table), table: table.data }
}

/** Does If-None-Match name this ETag (weak comparison, as RFC 9110 asks for If-None-Match)? */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

export const ratesRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    c.header('Cache-Control', 'public, max-age=300')
    return c.json({ versions: bundledCatalog().tables.map(versionSummary) })
  })
  .get('/current', validate('query', ratesCurrentQuery), (c) => {
    const { date } = c.req.valid('query')
    try {
      const table = bundledCatalog().inForceOn(date ?? todayInFrance())
      c.header('Cache-Control', date ? 'public, max-age=3600' : 'public, max-age=300')
      c.header('Content-Location', `/api/v1/rates/${table.id}`)
      return c.json(tableDocument(table))
    } catch (error) {
      if (isAciError(error)) return aciProblem(c, error, 404)
      throw error
    }
  })
  .get('/:id', (c) => {
    let table: RateTable
    try {
      table = bundledCatalog().byVersionId(c.req.param('id'), 'id')
    } catch (error) {
      if (isAciError(error)) return aciProblem(c, error, 404)
      throw error
    }
    // A published version never changes: its content hash is its strong validator.
    const etag = `"${table.sha256}"`
    c.header('ETag', etag)
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304)
    return c.json(tableDocument(table))
  })
