// Reading a JSON request body: 415 when it is not JSON, 400 when it does not parse; the body is never kept.
import type { Context } from 'hono'
import { problem } from './problem'

/** JSON and its structured-syntax variants (application/merge-patch+json…), with any parameters. */
function isJson(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType)
}

/** The parsed body, or the problem response to send back. `what` names the document in the 415 message. */
export async function jsonBody(
  c: Context,
  what: string
): Promise<{ body: unknown } | { response: Response }> {
  if (!isJson(c.req.header('Content-Type'))) {
    return {
      response: problem(
        c,
        415,
        'type_de_contenu',
        `${what} doit être envoyé en JSON (Content-Type: application/json).`,
        'Content-Type',
        { 'Accept-Post': 'application/json' }
      ),
    }
  }
  try {
    return { body: JSON.parse(await c.req.text()) }
  } catch {
    return {
      response: problem(
        c,
        400,
        'json_invalide',
        'Le corps de la requête n’est pas un JSON valide.'
      ),
    }
  }
}
