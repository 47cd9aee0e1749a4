// GET /healthz: the service answers and knows its rate tables.
import { Hono } from 'hono'
import { bundledCatalog } from '../../shared'
import type { AppEnv } from '../env'

export const healthRoutes = new Hono<AppEnv>().get('/', (c) => {
  c.header('Cache-Control', 'no-store')
  return c.json({ status: 'ok' as const, versions: bundledCatalog().tables.map((t) => t.id) })
})
