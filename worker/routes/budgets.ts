// POST /api/v1/budgets/check: the budget check report of the shared core, for a budget sent as JSON.
import { Hono } from 'hono'
import { checkBudget, parseBudget } from '../../shared'
import type { AppEnv } from '../env'
import { problem } from '../problem'

/** JSON and its structured-syntax variants (application/merge-patch+json…), with any parameters. */
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
  // Nothing of the budget is kept or logged: it is checked and answered. A domain error is
  // answered by the app's error handler (400 for a bad value, 422 for something unknown).
  return c.json(checkBudget(parseBudget(body)))
})
