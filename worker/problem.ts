// RFC 9457 problem details in French: the one way the API says no.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AciError, AciErrorCode } from '../shared'

export const PROBLEM_TYPE = 'application/problem+json'

export interface Problem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly instance?: string
  /** A stable code for programs (the core's error codes, or an HTTP-level one). */
  readonly code: string
  /** The query parameter, path segment or body field at fault. */
  readonly field?: string
}

const TITLES: Record<string, string> = {
  400: 'Requête invalide',
  404: 'Ressource introuvable',
  405: 'Méthode non autorisée',
  413: 'Corps de requête trop volumineux',
  415: 'Type de contenu non pris en charge',
  422: 'Données impossibles à traiter',
  500: 'Erreur interne',
}

export function problemBody(
  status: number,
  code: string,
  detail: string,
  options: { field?: string; instance?: string } = {}
): Problem {
  return {
    type: `urn:aci-cpts:probleme:${code}`,
    title: TITLES[status] ?? 'Erreur',
    status,
    detail,
    code,
    ...(options.field === undefined ? {} : { field: options.field }),
    ...(options.instance === undefined ? {} : { instance: options.instance }),
  }
}

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  detail: string,
  field?: string,
  headers: Record<string, string> = {}
): Response {
  const body = problemBody(status, code, detail, {
    ...(field === undefined ? {} : { field }),
    instance: new URL(c.req.url).pathname,
  })
  return c.body(JSON.stringify(body), status, { 'Content-Type': PROBLEM_TYPE, ...headers })
}

/**
 * A domain error as a problem: a bad value is 400; a thing that does not exist is 404 when it is
 * the resource of the path, 422 when a request names it in its query or body.
 */
export function aciProblem(c: Context, error: AciError, notFoundStatus: 404 | 422 = 422): Response {
  const status = error.kind === 'invalid' ? 400 : notFoundStatus
  return problem(c, status, error.code satisfies AciErrorCode, error.message, error.argument)
}
