// Two rules every API route follows: a query parameter is given once, and an answer to a POST is never stored by a cache.
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './env'
import { problem } from './problem'

/**
 * `?taille=2&taille=3` is refused in French, naming the parameter, before any route reads it: which
 * of the two values was meant cannot be guessed.
 */
export const singleQueryValues: MiddlewareHandler<AppEnv> = async (c, next) => {
  const seen = new Set<string>()
  for (const key of new URL(c.req.url).searchParams.keys()) {
    if (seen.has(key)) {
      return problem(
        c,
        400,
        'requete_invalide',
        `${key} : le paramètre est donné plusieurs fois ; une seule valeur attendue.`,
        key
      )
    }
    seen.add(key)
  }
  await next()
}

/**
 * A POST answer is computed from what the client sent (a budget, its professionals' names and pay):
 * no cache keeps it.
 */
export const postAnswersNotStored: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  if (c.req.method === 'POST') c.res.headers.set('Cache-Control', 'no-store')
}
