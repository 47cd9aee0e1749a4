// Bytes to text for the files French users bring (FEC, CSV): UTF-8 with or without BOM, Windows-1252, ISO-8859-15, said and never guessed silently.
import { AciError } from '../errors'

/** The encodings the core reads; `utf-8-bom` is UTF-8 that started with a byte order mark (removed from the text). */
export type Encodage = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'iso-8859-15'

/** How the encoding was chosen: the byte order mark, the charset the caller declared, or the content. */
export type EncodageSource = 'bom' | 'declare' | 'contenu'

export interface DecodedText {
  readonly text: string
  readonly encodage: Encodage
  readonly source: EncodageSource
}

export interface DecodeOptions {
  /** A declared charset (a Content-Type's `charset`, a form field): it wins over detection. */
  readonly charset?: string | undefined
}

/**
 * Windows-1252 bytes 0x80–0x9F (Unicode's cp1252 mapping, as the WHATWG Encoding Standard);
 * 0 marks the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
 */
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
]

/** The eight bytes where ISO-8859-15 differs from ISO-8859-1 (and so from Windows-1252 at 0xA0–0xFF). */
const LATIN9_CHANGES: ReadonlyMap<number, number> = /* @__PURE__ */ new Map([
  [0xa4, 0x20ac], // € (¤ in Latin-1)
  [0xa6, 0x0160], // Š (¦)
  [0xa8, 0x0161], // š (¨)
  [0xb4, 0x017d], // Ž (´)
  [0xb8, 0x017e], // ž (¸)
  [0xbc, 0x0152], // Œ (¼)
  [0xbd, 0x0153], // œ (½)
  [0xbe, 0x0178], // Ÿ (¾)
])

/** Charset labels accepted, lower case, as the WHATWG Encoding Standard groups them. */
const LABELS: ReadonlyMap<string, 'utf-8' | 'windows-1252' | 'iso-8859-15'> =
  /* @__PURE__ */ new Map([
    ['utf-8', 'utf-8'],
    ['utf8', 'utf-8'],
    ['unicode-1-1-utf-8', 'utf-8'],
    // The Encoding Standard reads Latin-1 and ASCII labels as Windows-1252, as browsers do.
    ['windows-1252', 'windows-1252'],
    ['cp1252', 'windows-1252'],
    ['x-cp1252', 'windows-1252'],
    ['iso-8859-1', 'windows-1252'],
    ['iso8859-1', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['l1', 'windows-1252'],
    ['us-ascii', 'windows-1252'],
    ['ascii', 'windows-1252'],
    ['iso-8859-15', 'iso-8859-15'],
    ['iso8859-15', 'iso-8859-15'],
    ['iso_8859-15', 'iso-8859-15'],
    ['latin9', 'iso-8859-15'],
    ['latin-9', 'iso-8859-15'],
    ['l9', 'iso-8859-15'],
  ])

/** The `charset` parameter of a Content-Type header, lower case, or undefined. */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  if (!contentType) return undefined
  for (const part of contentType.split(';').slice(1)) {
    const equals = part.indexOf('=')
    if (equals < 0) continue
    if (part.slice(0, equals).trim().toLowerCase() !== 'charset') continue
    const value = part
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase()
    return value === '' ? undefined : value
  }
  return undefined
}

/**
 * Decodes a file's bytes, saying which encoding was read.
 *
 * Order of decision:
 * 1. a UTF-8 byte order mark means UTF-8 (removed from the text), whatever is declared, as the
 *    Encoding Standard's decode does: the mark is in the file itself, a label is only a claim;
 *    a UTF-16 mark is refused (no French accounting software writes it for a FEC or a CSV);
 * 2. a declared charset wins over detection; its errors are errors, not a cue to try another;
 * 3. otherwise, bytes that are valid UTF-8 are UTF-8 (plain ASCII is reported as UTF-8);
 * 4. otherwise the single-byte reading: ISO-8859-15 when only its reading makes sense — no byte
 *    in 0x80–0x9F (Windows-1252's €, ’, œ… live there, ISO-8859-15 has control characters) and
 *    every byte where the two differ reads as ISO-8859-15's letter beside a letter (« cœur »,
 *    « Œuvre ») or as its € sign (Windows-1252's ¤ has no use in French books); else Windows-1252.
 *
 * Nothing is replaced: a byte that no candidate defines (0x81 in Windows-1252, an invalid UTF-8
 * sequence when UTF-8 is declared, a control character 0x80–0x9F in ISO-8859-15, a NUL byte) is
 * an `encodage_invalide` error naming its offset and line, so U+FFFD never reaches the data.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    throw new AciError(
      'encodage_invalide',
      'Fichier en UTF-16 (marque d’ordre des octets en tête) : enregistrez-le en UTF-8, Windows-1252 ou ISO-8859-15.',
      'encodage'
    )
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8(bytes, 3, true) as string, encodage: 'utf-8-bom', source: 'bom' }
  }
  const declared = options.charset?.trim().toLowerCase()
  if (declared !== undefined && declared !== '') {
    const encodage = LABELS.get(declared)
    if (encodage === undefined) {
      throw new AciError(
        'encodage_invalide',
        `Jeu de caractères « ${declared} » non pris en charge : UTF-8, Windows-1252 ou ISO-8859-15 attendu.`,
        'encodage'
      )
    }
    const text =
      encodage === 'utf-8'
        ? (decodeUtf8(bytes, 0, true) as string)
        : encodage === 'windows-1252'
          ? decodeCp1252(bytes)
          : decodeLatin9(bytes)
    return { text, encodage, source: 'declare' }
  }
  const utf8 = decodeUtf8(bytes, 0, false)
  if (utf8 !== undefined) return { text: utf8, encodage: 'utf-8', source: 'contenu' }
  if (readsAsLatin9(bytes))
    return { text: decodeLatin9(bytes), encodage: 'iso-8859-15', source: 'contenu' }
  return { text: decodeCp1252(bytes), encodage: 'windows-1252', source: 'contenu' }
}

/** The French name of an encoding, for messages and reports. */
export function encodageLabel(encodage: Encodage): string {
  switch (encodage) {
    case 'utf-8':
      return 'UTF-8'
    case 'utf-8-bom':
      return 'UTF-8 avec BOM'
    case 'windows-1252':
      return 'Windows-1252'
    case 'iso-8859-15':
      return 'ISO-8859-15'
  }
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
  return line
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`
}

function byteError(bytes: Uint8Array, offset: number, what: string): AciError {
  const byte = bytes[offset] ?? 0
  return new AciError(
    'encodage_invalide',
    `Octet ${hex(byte)} à la position ${offset} (ligne ${lineOf(bytes, offset)}) : ${what}.`,
    'encodage'
  )
}

const NUL_MESSAGE = 'octet nul, le fichier est binaire ou en UTF-16, pas un texte'

const CHUNK = 8192

/**
 * Collects code units and turns them into a string a chunk at a time: `String.fromCharCode.apply`
 * on a plain array of 8 192 is the fastest way the language offers without TextDecoder (which
 * Office's JavaScript-only runtime lacks).
 */
class Units {
  readonly chunk: number[] = new Array<number>(CHUNK)
  length = 0
  private readonly parts: string[] = []

  flush(): void {
    if (this.length < CHUNK) this.chunk.length = this.length
    this.parts.push(String.fromCharCode.apply(null, this.chunk))
    this.length = 0
    this.chunk.length = CHUNK
  }

  toString(): string {
    if (this.length > 0) this.flush()
    return this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('')
  }
}

/**
 * Strict UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
 * Invalid input throws when `strict`, else gives undefined so the caller can try a single-byte reading.
 */
function decodeUtf8(bytes: Uint8Array, start: number, strict: boolean): string | undefined {
  const n = bytes.length
  const out = new Units()
  const chunk = out.chunk
  let i = start
  while (i < n) {
    const b0 = bytes[i] as number
    if (b0 < 0x80) {
      if (b0 === 0) throw byteError(bytes, i, NUL_MESSAGE)
      chunk[out.length++] = b0
      if (out.length === CHUNK) out.flush()
      i++
      continue
    }
    let needed: number
    let code: number
    let lower = 0x80
    let upper = 0xbf
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      needed = 1
      code = b0 & 0x1f
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      needed = 2
      code = b0 & 0x0f
      if (b0 === 0xe0) lower = 0xa0
      if (b0 === 0xed) upper = 0x9f
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      needed = 3
      code = b0 & 0x07
      if (b0 === 0xf0) lower = 0x90
      if (b0 === 0xf4) upper = 0x8f
    } else {
      if (strict) throw byteError(bytes, i, 'séquence UTF-8 invalide')
      return undefined
    }
    for (let k = 1; k <= needed; k++) {
      const b = bytes[i + k]
      const low = k === 1 ? lower : 0x80
      const high = k === 1 ? upper : 0xbf
      if (b === undefined || b < low || b > high) {
        if (strict) throw byteError(bytes, i, 'séquence UTF-8 invalide')
        return undefined
      }
      code = (code << 6) | (b & 0x3f)
    }
    if (code >= 0x10000) {
      code -= 0x10000
      chunk[out.length++] = 0xd800 + (code >> 10)
      if (out.length === CHUNK) out.flush()
      chunk[out.length++] = 0xdc00 + (code & 0x3ff)
    } else {
      chunk[out.length++] = code
    }
    if (out.length === CHUNK) out.flush()
    i += needed + 1
  }
  return out.toString()
}

/**
 * A single-byte reading: bytes below 0x80 and from 0xA0 are their own code points except
 * `changes`; 0x80–0x9F go through `high` (0 = undefined, an error).
 */
function decodeSingleByte(
  bytes: Uint8Array,
  high: readonly number[] | undefined,
  changes: ReadonlyMap<number, number> | undefined,
  undefinedMessage: string
): string {
  const out = new Units()
  const chunk = out.chunk
  for (let i = 0; i < bytes.length; i++) {
    let b = bytes[i] as number
    if (b >= 0x80) {
      if (b <= 0x9f) {
        const mapped = high === undefined ? 0 : (high[b - 0x80] as number)
        if (mapped === 0) throw byteError(bytes, i, undefinedMessage)
        b = mapped
      } else if (changes !== undefined) {
        b = changes.get(b) ?? b
      }
    } else if (b === 0) throw byteError(bytes, i, NUL_MESSAGE)
    chunk[out.length++] = b
    if (out.length === CHUNK) out.flush()
  }
  return out.toString()
}

function decodeCp1252(bytes: Uint8Array): string {
  return decodeSingleByte(
    bytes,
    CP1252_HIGH,
    undefined,
    'ni UTF-8 valide, ni défini en Windows-1252'
  )
}

function decodeLatin9(bytes: Uint8Array): string {
  return decodeSingleByte(
    bytes,
    undefined,
    LATIN9_CHANGES,
    'caractère de contrôle en ISO-8859-15, pas un texte'
  )
}

/** A letter byte in both readings: ASCII letters and Latin-1's letters (0xC0–0xFF but × and ÷). */
function isLetterByte(b: number | undefined): boolean {
  if (b === undefined) return false
  if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) return true
  return b >= 0xc0 && b !== 0xd7 && b !== 0xf7
}

function readsAsLatin9(bytes: Uint8Array): boolean {
  let differing = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    if (b < 0x80) continue
    if (b <= 0x9f) return false
    if (!LATIN9_CHANGES.has(b)) continue
    differing++
    if (b === 0xa4) continue // €
    if (!isLetterByte(bytes[i - 1]) && !isLetterByte(bytes[i + 1])) return false
  }
  return differing > 0
}
