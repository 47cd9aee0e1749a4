// The Hono application: API routes under /api/v1, problem+json for every refusal, security headers, CORS from configuration.
import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { isAciError } from '../shared'
import type { AppEnv } from './env'
import { openApiDocument } from './openapi'
import { aciProblem, problem } from './problem'
import { postAnswersNotStored, singleQueryValues } from './request-rules'
import { budgetsRoutes } from './routes/budgets'
import { cerfaRoutes } from './routes/cerfa'
import { contractsRoutes } from './routes/contracts'
import { dossiersRoutes } from './routes/dossiers'
import { envelopesRoutes } from './routes/envelopes'
import { healthRoutes } from './routes/health'
import { indemnitiesRoutes } from './routes/indemnities'
import { LEDGER_ACTUALS_PATH, ledgerRoutes } from './routes/ledger'
import { PORTFOLIO_CHECK_PATH, portfolioRoutes } from './routes/portfolio'
import { ratesRoutes } from './routes/rates'
import { treasuryRoutes } from './routes/treasury'
import { variableRoutes } from './routes/variable'

export const MAX_BODY_BYTES = 1024 * 1024

/** Methods each path answers; any other method is a 405 with an Allow header. */
const ROUTES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['/healthz', ['GET', 'HEAD']],
  ['/api/v1/openapi.json', ['GET', 'HEAD']],
  ['/api/v1/rates', ['GET', 'HEAD']],
  ['/api/v1/rates/current', ['GET', 'HEAD']],
  ['/api/v1/rates/:id', ['GET', 'HEAD']],
  ['/api/v1/envelopes', ['GET', 'HEAD']],
  ['/api/v1/budgets/check', ['POST']],
  ['/api/v1/budgets/cerfa', ['POST']],
  ['/api/v1/contracts/schedule', ['POST']],
  ['/api/v1/contracts/cutoff', ['POST']],
  ['/api/v1/contracts/variable', ['POST']],
  ['/api/v1/indemnities', ['POST']],
  ['/api/v1/dossiers', ['POST']],
  ['/api/v1/ledger/actuals', ['POST']],
  ['/api/v1/treasury', ['POST']],
  ['/api/v1/portfolio/check', ['POST']],
]

function allowedOrigins(configured: string | undefined): Set<string> {
  return new Set(
    (configured ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== '')
  )
}

export function createApp() {
  const app = new Hono<AppEnv>()

  // JSON answers are never framed nor run as pages. The task pane's HTML is a static asset and
  // never passes here, so Office can still frame it.
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: 'same-origin',
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
    })
  )

  // The task pane calls from its own origin and needs no CORS; other origins come from
  // configuration only. The middleware is made once per configuration, not once per request.
  let corsOf:
    | { readonly configured: string | undefined; readonly handler: MiddlewareHandler }
    | undefined
  app.use('/api/*', (c, next) => {
    const configured = c.env?.ALLOWED_ORIGINS
    if (corsOf === undefined || corsOf.configured !== configured) {
      const allowed = allowedOrigins(configured)
      corsOf = {
        configured,
        handler: cors({
          origin: (origin) => (allowed.has(origin) ? origin : null),
          allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
          allowHeaders: ['Content-Type', 'If-None-Match'],
          exposeHeaders: ['ETag'],
          maxAge: 600,
        }),
      }
    }
    return corsOf.handler(c, next)
  })

  const apiBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      problem(
        c,
        413,
        'corps_trop_volumineux',
        `Le corps de la requête dépasse ${MAX_BODY_BYTES} octets (1 Mio).`
      ),
  })
  // A FEC is larger than any JSON document: its route sets its own limit (routes/ledger.ts).
  // The portfolio's NDJSON is streamed: its route limits each line, not the body (routes/portfolio.ts).
  app.use('/api/*', (c, next) =>
    c.req.path === LEDGER_ACTUALS_PATH || c.req.path === PORTFOLIO_CHECK_PATH
      ? next()
      : apiBodyLimit(c, next)
  )

  app.use('/api/*', singleQueryValues)
  app.use('/api/*', postAnswersNotStored)

  app.route('/healthz', healthRoutes)
  app.get('/api/v1/openapi.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300')
    return c.json(openApiDocument())
  })
  app.route('/api/v1/rates', ratesRoutes)
  app.route('/api/v1/envelopes', envelopesRoutes)
  app.route('/api/v1/budgets', budgetsRoutes)
  app.route('/api/v1/budgets', cerfaRoutes)
  app.route('/api/v1/contracts', contractsRoutes)
  app.route('/api/v1/contracts', variableRoutes)
  app.route('/api/v1/indemnities', indemnitiesRoutes)
  app.route('/api/v1/dossiers', dossiersRoutes)
  app.route('/api/v1/ledger', ledgerRoutes)
  app.route('/api/v1/treasury', treasuryRoutes)
  app.route('/api/v1/portfolio', portfolioRoutes)

  for (const [path, methods] of ROUTES) {
    app.all(path, (c) =>
      problem(
        c,
        405,
        'methode_non_autorisee',
        `La méthode ${c.req.method} n’est pas acceptée ici ; méthodes acceptées : ${methods.join(', ')}.`,
        undefined,
        {
          Allow: methods.join(', '),
        }
      )
    )
  }

  app.notFound((c) =>
    problem(
      c,
      404,
      'ressource_introuvable',
      `Aucune ressource à l’adresse ${new URL(c.req.url).pathname}.`
    )
  )

  app.onError((error, c) => {
    if (isAciError(error)) return aciProblem(c, error)
    if (error instanceof HTTPException && error.status < 500) {
      return problem(
        c,
        error.status as 400,
        'requete_invalide',
        `Requête invalide : ${error.message}.`
      )
    }
    // A bug of ours, never the client's: no detail leaks, and nothing the client sent is logged.
    return problem(
      c,
      500,
      'erreur_interne',
      'Erreur interne du service ; la requête n’a pas été traitée.'
    )
  })

  return app
}
