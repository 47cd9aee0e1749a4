// POST /api/v1/budgets/check: the budget check report of the shared core, for a budget sent as JSON or as French Excel's CSV.
import { Hono } from 'hono'
import {
  type Budget,
  charsetOf,
  checkBudget,
  groupThousands,
  importBudgetCsv,
  parseBudgetBuilt,
} from '../../shared'
import type { AppEnv } from '../env'
import { isJson, jsonOfBody } from '../json-body'
import { problem } from '../problem'

/** The two forms of a budget the route reads, for the 415's Accept-Post. */
export const BUDGET_MEDIA_TYPES = 'application/json, text/csv'

/**
 * The most budget lines the route checks. 1 MiB of JSON holds at most about 5 000 to 6 000
 * typical lines (a split by keys, a bénéficiaire) and about 20 000 of the smallest the schema
 * takes; a CSV is denser (a line of 7 bytes, some 150 000 in 1 MiB). 20 000 lines is ten times
 * a large real CPTS budget, keeps every JSON body the byte limit admits in practice, and bounds
 * the check's time (about 8 µs a line: some 160 ms) whatever the form.
 */
export const MAX_BUDGET_LINES = 20_000

/** The profile and missions blocks of a budget CSV take a few dozen rows beside its lines. */
const CSV_HEADROOM = 100

function tooManyLines(c: Parameters<typeof problem>[0], count: string): Response {
  return problem(
    c,
    413,
    'trop_de_lignes',
    `Budget de ${count} lignes : le service en contrôle ${groupThousands(String(MAX_BUDGET_LINES))} au plus ; contrôlez-le dans le classeur (le même contrôle, en local).`,
    'lignes'
  )
}

export const budgetsRoutes = new Hono<AppEnv>().post('/check', async (c) => {
  const contentType = c.req.header('Content-Type')
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  // Nothing of the budget is kept or logged: it is checked and answered. A domain error (a bad
  // value, an unknown charset, a byte no encoding defines, a refused CSV line) is answered by the
  // app's error handler in French: 400 for a bad value, 422 for something unknown.
  let budget: Budget
  if (mediaType === 'text/csv') {
    const bytes = new Uint8Array(await c.req.arrayBuffer())
    let rows = 0
    for (const byte of bytes) if (byte === 10) rows++
    if (rows > MAX_BUDGET_LINES + CSV_HEADROOM)
      return tooManyLines(c, `plus de ${MAX_BUDGET_LINES}`)
    budget = importBudgetCsv(bytes, { charset: charsetOf(contentType) }).budget
  } else if (isJson(contentType)) {
    const read = await jsonOfBody(c)
    if ('response' in read) return read.response
    const lignes = (read.body as { lignes?: unknown } | null)?.lignes
    if (Array.isArray(lignes) && lignes.length > MAX_BUDGET_LINES) {
      return tooManyLines(c, String(lignes.length))
    }
    // The body was parsed for this request alone: its lines are put in canonical form where they are.
    budget = parseBudgetBuilt(read.body)
  } else {
    return problem(
      c,
      415,
      'type_de_contenu',
      'Le budget doit être envoyé en JSON (Content-Type: application/json) ou en CSV d’Excel en français (Content-Type: text/csv, charset facultatif : détecté sinon, UTF-8 ou Windows-1252).',
      'Content-Type',
      { 'Accept-Post': BUDGET_MEDIA_TYPES }
    )
  }
  if (budget.lignes.length > MAX_BUDGET_LINES) {
    return tooManyLines(c, String(budget.lignes.length))
  }
  return c.json(checkBudget(budget))
})
