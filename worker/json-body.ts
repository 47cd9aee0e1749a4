// Reading a JSON request body: 415 when it is not JSON, 400 when it does not parse or repeats a key; the body is never kept.
import type { Context } from 'hono'
import { decodeText, isAciError } from '../shared'
import { problem } from './problem'

/** JSON and its structured-syntax variants (application/merge-patch+json…), with any parameters. */
export function isJson(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType)
}

/** A key given twice in one object, and where: `profil.taille`, `lignes[3].compte`, or the key alone at the top. */
export interface DuplicateKey {
  readonly key: string
  readonly path: string
}

const QUOTE = 34
const BACKSLASH = 92

type Frame =
  | {
      readonly object: true
      readonly keys: Set<string>
      key: string | undefined
      expectKey: boolean
    }
  | { readonly object: false; index: number }

/** The quote that closes the string opened at `open`: a quote after an odd number of backslashes is inside it. */
function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1)
  for (;;) {
    let backslashes = 0
    for (let k = end - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++
    if (backslashes % 2 === 0) return end
    end = text.indexOf('"', end + 1)
  }
}

/**
 * The first key repeated within one object of a JSON text JSON.parse has accepted, or undefined.
 * JSON.parse keeps the last of two equal keys silently (and a reviver never sees the first), so
 * the text is scanned once more, without building anything: a stack of the open objects (the
 * keys they hold) and arrays (the index reached), strings skipped with indexOf. Linear in the
 * text, whatever its depth (the stack is an array, not recursion).
 */
export function duplicateKey(text: string): DuplicateKey | undefined {
  const stack: Frame[] = []
  const length = text.length
  let i = 0
  while (i < length) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const end = closingQuote(text, i)
      const top = stack[stack.length - 1]
      if (top?.object === true && top.expectKey) {
        const raw = text.slice(i + 1, end)
        // An escaped quote leaves a backslash in the raw key too.
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw
        if (top.keys.has(key)) {
          top.key = key
          return { key, path: pathOf(stack) }
        }
        top.keys.add(key)
        top.key = key
        top.expectKey = false
      }
      i = end + 1
      continue
    }
    if (c === 123 /* { */)
      stack.push({ object: true, keys: new Set(), key: undefined, expectKey: true })
    else if (c === 91 /* [ */) stack.push({ object: false, index: 0 })
    else if (c === 125 /* } */ || c === 93 /* ] */) stack.pop()
    else if (c === 44 /* , */) {
      const top = stack[stack.length - 1]
      if (top?.object === true) top.expectKey = true
      else if (top !== undefined) top.index++
    }
    i++
  }
  return undefined
}

/**
 * How many keys the text gives: a string followed (after white space) by a colon. JSON.parse has
 * accepted the text, so its strings are well formed: they are jumped over with indexOf.
 */
function keysInText(text: string): number {
  let count = 0
  let i = text.indexOf('"')
  while (i !== -1) {
    let j = closingQuote(text, i) + 1
    let c = text.charCodeAt(j)
    while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(++j)
    if (c === 58 /* : */) count++
    i = text.indexOf('"', j)
  }
  return count
}

/** How many keys the parsed value holds, at every depth (a stack, not recursion). */
function keysInValue(value: unknown): number {
  let count = 0
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v !== 'object' || v === null) continue
    if (Array.isArray(v)) {
      for (const item of v) if (typeof item === 'object' && item !== null) stack.push(item)
      continue
    }
    const record = v as Record<string, unknown>
    // for…in rather than Object.keys: no array of keys made for each object. JSON.parse makes
    // plain objects, whose prototype has no enumerable key; own keys are counted all the same.
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue
      count++
      const item = record[key]
      if (typeof item === 'object' && item !== null) stack.push(item)
    }
  }
  return count
}

/** How many colons the text holds: every key's, and any inside strings (« 12:30 », « Note : »). */
function colonsIn(text: string): number {
  let count = 0
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) count++
  return count
}

/**
 * duplicateKey of a text JSON.parse has made `parsed` of, at a fraction of its cost when no key is
 * repeated: JSON.parse keeps one of two equal keys, so the text gives more keys than the value
 * holds exactly when some key is repeated. Each key is followed by a colon, so the colons are at
 * least the text's keys: when they are no more than the value's keys, none was lost (one native
 * search, the usual case). Otherwise the keys are counted string by string, and only when some
 * key was lost is the text scanned for the first one.
 */
export function repeatedKey(text: string, parsed: unknown): DuplicateKey | undefined {
  const held = keysInValue(parsed)
  if (colonsIn(text) === held) return undefined
  return keysInText(text) === held ? undefined : duplicateKey(text)
}

/** `lignes[3].compte`: the keys and indexes of the open containers, the repeated key last. */
function pathOf(stack: readonly Frame[]): string {
  let path = ''
  for (const frame of stack) {
    if (frame.object) path += path === '' ? (frame.key ?? '') : `.${frame.key ?? ''}`
    else path += `[${frame.index}]`
  }
  return path
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

/** The body read as UTF-8 (utf8Text), then as JSON (jsonText), whatever its Content-Type says. */
export async function jsonOfBody(c: Context): Promise<{ body: unknown } | { response: Response }> {
  const read = await utf8Text(c)
  return 'response' in read ? read : jsonText(c, read.text)
}

/**
 * The most bytes decoded at once: each decoded piece stays a small string and the text is made
 * once, by JSON.parse, instead of the runtime decoding the whole body into one large string first.
 */
const PIECE = 32 * 1024

/**
 * The request's body as text, read from its stream and decoded as UTF-8, which JSON requires
 * (RFC 8259): a byte that is not UTF-8 is a 400 naming it, never a U+FFFD read in silence.
 * A byte order mark at the start is dropped. The body is never kept.
 */
export async function utf8Text(c: Context): Promise<{ text: string } | { response: Response }> {
  const body = c.req.raw.body
  if (body === null) return { text: '' }
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  const chunks: Uint8Array[] = []
  const reader = body.getReader()
  let text = ''
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value)
      for (let i = 0; i < chunk.value.length; i += PIECE) {
        text += decoder.decode(chunk.value.subarray(i, i + PIECE), { stream: true })
      }
    }
    text += decoder.decode()
  } catch (error) {
    // The runtime's decoder says only that a byte is wrong; the core's says which and where.
    if (!(error instanceof TypeError) || chunks.length === 0) throw error
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
