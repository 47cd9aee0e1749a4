// A JSON key given twice in one object: JSON.parse keeps the last in silence, so the text is read again to tell it.

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

/** A key as JSON writes it between its quotes: `caf\u00e9` is `café`, `a\"b` is `a"b`. */
export function keyName(raw: string): string {
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw
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
        const key = keyName(text.slice(i + 1, end))
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
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i]
        if (typeof item === 'object' && item !== null) stack.push(item)
      }
      continue
    }
    // The keys as for…in gives them: JSON.parse makes own enumerable properties only, and the
    // prototype it gives them holds none. No array of keys or values is made per object.
    for (const key in v) {
      count++
      const item: unknown = (v as Record<string, unknown>)[key]
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
  return keyRepeatedIn(text, parsed) ? duplicateKey(text) : undefined
}

/**
 * Whether a value parsed from a text lost a key given twice in it, counted as repeatedKey says,
 * without naming the key (the whole text does, when it is).
 */
export function keyRepeatedIn(text: string, parsed: unknown): boolean {
  const held = keysInValue(parsed)
  if (colonsIn(text) === held) return false
  return keysInText(text) !== held
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
