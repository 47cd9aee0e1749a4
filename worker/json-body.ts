// Reading a JSON request body: 415 when it is not JSON, 400 when it does not parse or repeats a key; the body is never kept.
import type { Context } from 'hono'
import { decodeText, isAciError } from '../shared'
import { repeatedKey } from './json-keys'
import { parseInSegments } from './json-segments'
import { problem } from './problem'

/** JSON and its structured-syntax variants (application/merge-patch+json…), with any parameters. */
export function isJson(contentType: string | undefined): boolean {
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
  return jsonOfBody(c)
}

/**
 * The body read as UTF-8, then as JSON, whatever its Content-Type says: 400 when it is not
 * UTF-8, does not parse or gives a key twice. A large body is parsed in segments
 * (json-segments.ts); any other, or one whose segments fail, is read whole, which says what is
 * wrong.
 */
export async function jsonOfBody(c: Context): Promise<{ body: unknown } | { response: Response }> {
  const chunks = await bodyChunks(c)
  const segments = parseInSegments(chunks)
  if (segments !== undefined) return { body: segments.value }
  const read = utf8Text(c, chunks)
  return 'response' in read ? read : jsonText(c, read.text)
}

/** The body's bytes as the stream gives them, never joined into one buffer. */
async function bodyChunks(c: Context): Promise<Uint8Array[]> {
  const body = c.req.raw.body
  const chunks: Uint8Array[] = []
  if (body === null) return chunks
  const reader = body.getReader()
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    chunks.push(chunk.value)
  }
  return chunks
}

/**
 * The most bytes decoded at once: each decoded piece stays a small string, and the text is
 * made once, by JSON.parse.
 */
const PIECE = 32 * 1024

/**
 * The body as text, decoded as UTF-8, which JSON requires (RFC 8259): a byte that is not UTF-8
 * is a 400 naming it, never a U+FFFD read in silence. A byte order mark at the start is dropped.
 */
function utf8Text(
  c: Context,
  chunks: readonly Uint8Array[]
): { text: string } | { response: Response } {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  let text = ''
  try {
    for (const chunk of chunks) {
      for (let i = 0; i < chunk.length; i += PIECE) {
        text += decoder.decode(chunk.subarray(i, i + PIECE), { stream: true })
      }
    }
    text += decoder.decode()
  } catch (error) {
    // The runtime's decoder says only that a byte is wrong; the core's says which and where.
    if (!(error instanceof TypeError)) throw error
    return { response: notUtf8(c, chunks) }
  }
  return { text }
}

function notUtf8(c: Context, chunks: readonly Uint8Array[]): Response {
  const bytes = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0))
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  let where = ''
  try {
    decodeText(bytes, { charset: 'utf-8' })
  } catch (error) {
    if (!isAciError(error)) throw error
    where = ` ${error.message}`
  }
  return problem(
    c,
    400,
    'encodage_invalide',
    `Le corps de la requête n’est pas en UTF-8, l’encodage qu’exige JSON (RFC 8259).${where}`
  )
}

/** A JSON text read as jsonBody reads a body: 400 when it does not parse or gives a key twice. */
function jsonText(c: Context, text: string): { body: unknown } | { response: Response } {
  let body: unknown
  try {
    body = JSON.parse(text)
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
  const duplicate = repeatedKey(text, body)
  if (duplicate !== undefined) {
    const where =
      duplicate.path.includes('.') || duplicate.path.includes('[')
        ? `en « ${duplicate.path} »`
        : 'à la racine du document'
    return {
      response: problem(
        c,
        400,
        'json_invalide',
        `Clé « ${duplicate.key} » donnée deux fois ${where} : chaque clé d’un objet JSON ne se donne qu’une fois (la seconde valeur ne remplace pas la première en silence).`,
        duplicate.path
      ),
    }
  }
  return { body }
}
