// POST /api/v1/budgets/check: the budget check report of the shared core, for a budget sent as JSON.
import { Hono } from 'hono'
import { checkBudget, parseBudget } from '../../shared'
import type { AppEnv } from '../env'
import { jsonBody } from '../json-body'

export const budgetsRoutes = new Hono<AppEnv>().post('/check', async (c) => {
  const read = await jsonBody(c, 'Le budget')
  if ('response' in read) return read.response
  // Nothing of the budget is kept or logged: it is checked and answered. A domain error is
  // answered by the app's error handler (400 for a bad value, 422 for something unknown).
  return c.json(checkBudget(parseBudget(read.body)))
})
