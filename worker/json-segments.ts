// A large JSON body parsed from its bytes in segments of about 32 KiB, never as one large string.
//
// V8 keeps a string of more than 128 KiB as a "large object", on pages of its own that the
// system hands over and zeroes for it: on a small virtual machine that costs about 6 µs a KiB,
// more than JSON.parse spends on the same text. A budget of 1 000 lines is 214 kB of JSON, so
// decoding it into one string, then parsing it, cost twice what parsing did. Here the first
// array directly under the root (a budget's `lignes`) is cut between its elements into segments
// that are decoded and parsed apart; the rest of the document is parsed with that array empty,
// which is then filled.
//
// Where to cut is guessed, not scanned: at a comma followed by what the array's first element
// starts with (`,{"compte":`). JSON.parse is the judge. A segment that starts at an element
// and ends at a comma parses as `[segment]` only when that comma lies between two elements of
// the array (a cut inside a string leaves it open, a cut inside an element leaves a bracket
// open), so every accepted segment is a list of whole elements, and the value assembled is the
// one JSON.parse gives of the whole text. Anything unexpected gives up, and the caller reads
// the body whole as before.

import { keyName, keyRepeatedIn } from './json-keys'

/** The size at which an array is cut, and about the most a segment holds. */
const SEGMENT = 32 * 1024

/** Guessed cuts that JSON.parse refused, beyond which the body is read whole. */
const MISSES = 3

const QUOTE = 34
const BACKSLASH = 92
const COMMA = 44
const COLON = 58
const OPEN_ARRAY = 91
const CLOSE_ARRAY = 93
const OPEN_OBJECT = 123
const CLOSE_OBJECT = 125

/**
 * Where a segment is copied between its brackets to be decoded, for every body: a fresh buffer
 * of this size per request costs more than copying into it (the system hands over and zeroes
 * its pages), and parsing in segments runs from start to end without yielding, so no two
 * bodies ever use it at once. A segment longer than this (one element of more than 64 KiB) has
 * a buffer of its own.
 */
const SCRATCH = new Uint8Array(2 * SEGMENT)

const isSpace = (b: number | undefined) => b === 32 || b === 10 || b === 13 || b === 9

/** The body's pieces read by position, decoded as strict UTF-8 (a TypeError on a bad byte). */
class Bytes {
  private readonly starts: number[] = []
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  readonly length: number

  constructor(private readonly chunks: readonly Uint8Array[]) {
    let length = 0
    for (const chunk of chunks) {
      this.starts.push(length)
      length += chunk.length
    }
    this.length = length
  }

  private chunkAt(at: number): number {
    let k = this.chunks.length - 1
    while (k > 0 && (this.starts[k] as number) > at) k--
    return k
  }

  /** The chunk of the last byte read: bytes are mostly read in order. */
  private current = 0

  byte(at: number): number | undefined {
    if (at < 0 || at >= this.length) return undefined
    let k = this.current
    const start = this.starts[k] as number
    if (at < start || at >= start + (this.chunks[k] as Uint8Array).length) {
      k = this.chunkAt(at)
      this.current = k
    }
    return (this.chunks[k] as Uint8Array)[at - (this.starts[k] as number)]
  }

  /** The first position at or after `from` holding `value`, or -1. */
  indexOf(value: number, from: number): number {
    for (let k = this.chunkAt(Math.max(0, from)); k < this.chunks.length; k++) {
      const start = this.starts[k] as number
      const found = (this.chunks[k] as Uint8Array).indexOf(value, Math.max(0, from - start))
      if (found !== -1) return start + found
    }
    return -1
  }

  /** The last position holding `value`, or -1. */
  lastIndexOf(value: number): number {
    for (let k = this.chunks.length - 1; k >= 0; k--) {
      const found = (this.chunks[k] as Uint8Array).lastIndexOf(value)
      if (found !== -1) return (this.starts[k] as number) + found
    }
    return -1
  }

  /** The parts of the chunks that hold bytes [from, to), in order. */
  private pieces(from: number, to: number): Uint8Array[] {
    const pieces: Uint8Array[] = []
    for (let k = this.chunkAt(from); k < this.chunks.length; k++) {
      const chunk = this.chunks[k] as Uint8Array
      const start = this.starts[k] as number
      if (start >= to) break
      pieces.push(chunk.subarray(Math.max(0, from - start), Math.min(chunk.length, to - start)))
    }
    return pieces
  }

  /** The text of bytes [from, to). Cuts fall on ASCII bytes, so never inside a character. */
  text(from: number, to: number): string {
    let text = ''
    for (const piece of this.pieces(from, to)) text += this.decoder.decode(piece, { stream: true })
    return text + this.decoder.decode()
  }

  /**
   * The text `[` bytes [from, to) `]`, decoded in one piece: one flat string that JSON.parse
   * reads as it is, where `[${text}]` would be a string of three that it first copies into one.
   */
  bracketed(from: number, to: number): string {
    const length = to - from + 2
    const scratch = length <= SCRATCH.length ? SCRATCH : new Uint8Array(length)
    scratch[0] = OPEN_ARRAY
    let at = 1
    for (const piece of this.pieces(from, to)) {
      scratch.set(piece, at)
      at += piece.length
    }
    scratch[at] = CLOSE_ARRAY
    // Decoded as the stream it is part of (Node's streaming decoder is the faster here); the
    // segment ends with `]`, so no character is left pending, and a bad byte still throws.
    return this.decoder.decode(scratch.subarray(0, at + 1), { stream: true })
  }
}

/** Where the first array directly under the root opens, and the root object's key that holds it. */
interface RootArray {
  readonly open: number
  /** The key's raw bytes between its quotes; undefined when the root itself is the array. */
  readonly key: readonly [number, number] | undefined
}

/**
 * Reads from the start the way JSON reads strings and brackets (a quote opens or closes a
 * string, a backslash escapes the next byte; UTF-8 never uses an ASCII byte inside a
 * character) up to the first array directly under the root. Undefined when there is none in
 * the first segment's bytes.
 */
function firstRootArray(bytes: Bytes, start: number): RootArray | undefined {
  let depth = 0
  let inString = false
  let expectKey = false
  let keyFrom = -1
  let keyTo = -1
  // Within the first segment or not at all: a document whose first bytes hold no such array is
  // not read twice (a budget's lines open after its profile, a few hundred bytes in).
  const end = Math.min(bytes.length, start + SEGMENT)
  for (let at = start; at < end; at++) {
    const c = bytes.byte(at) as number
    if (inString) {
      if (c === BACKSLASH) at++
      else if (c === QUOTE) {
        inString = false
        if (keyTo < keyFrom) keyTo = at
      }
      continue
    }
    if (c === QUOTE) {
      inString = true
      if (expectKey) {
        keyFrom = at + 1
        expectKey = false
      }
    } else if (c === COMMA) {
      expectKey = depth === 1
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++
      if (c === OPEN_ARRAY && depth === 1) return { open: at, key: undefined }
      if (c === OPEN_ARRAY && depth === 2) return { open: at, key: [keyFrom, keyTo] }
      expectKey = c === OPEN_OBJECT && depth === 1
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--
      if (depth <= 0) return undefined
    }
  }
  return undefined
}

/** Where the array whose elements start at `from` closes, read as firstRootArray reads; -1 if it does not. */
function closeOf(bytes: Bytes, from: number): number {
  let depth = 1
  let inString = false
  for (let at = from; at < bytes.length; at++) {
    const c = bytes.byte(at) as number
    if (inString) {
      if (c === BACKSLASH) at++
      else if (c === QUOTE) inString = false
    } else if (c === QUOTE) inString = true
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++
    else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0) return at
  }
  return -1
}

/** The bytes an element starts with, up to its first colon (`{"compte":`), 16 at most: what a cut is guessed by. */
function headOf(bytes: Bytes, from: number): number[] {
  let at = from
  while (isSpace(bytes.byte(at))) at++
  const head: number[] = []
  for (; head.length < 16 && at < bytes.length; at++) {
    const c = bytes.byte(at) as number
    if (c === COMMA || c === CLOSE_ARRAY) break
    head.push(c)
    if (c === COLON) break
  }
  return head
}

/** A comma after `from`, then white space, then the head: where the next segment may end. */
function nextCut(bytes: Bytes, from: number, head: readonly number[]): number {
  for (
    let comma = bytes.indexOf(COMMA, from);
    comma !== -1;
    comma = bytes.indexOf(COMMA, comma + 1)
  ) {
    let at = comma + 1
    while (isSpace(bytes.byte(at))) at++
    let k = 0
    while (k < head.length && bytes.byte(at + k) === head[k]) k++
    if (k === head.length) return comma
  }
  return -1
}

/** What a body parsed in segments gives: its value, and where its array was cut (the commas' byte positions). */
export interface Segments {
  readonly value: unknown
  readonly cuts: readonly number[]
}

/** `[segment]` parsed, or undefined when JSON.parse refuses it. */
function parsedOrUndefined(text: string): unknown[] | undefined {
  try {
    return JSON.parse(text) as unknown[]
  } catch {
    return undefined
  }
}

/**
 * The value of a JSON body, the one JSON.parse gives of its whole text. Each segment's keys are
 * counted as soon as it is parsed (keyRepeatedIn, json-keys.ts), and its text is dropped: a key
 * given twice lies within one element, so within one segment, or in the document around the
 * array. Undefined when the body is small, has no array under its root, gives a key twice (the
 * whole reading names it), or anything does not go as expected (a byte that is not UTF-8, a
 * syntax error, guessed cuts refused): the caller then reads it whole, and says what is wrong
 * exactly as before.
 */
export function parseInSegments(chunks: readonly Uint8Array[]): Segments | undefined {
  const bytes = new Bytes(chunks)
  if (bytes.length <= 2 * SEGMENT) return undefined
  const bom = bytes.byte(0) === 0xef && bytes.byte(1) === 0xbb && bytes.byte(2) === 0xbf
  const start = bom ? 3 : 0
  const array = firstRootArray(bytes, start)
  if (array === undefined) return undefined
  try {
    const cuts: number[] = []
    const items: unknown[] = []
    const head = headOf(bytes, array.open + 1)
    let from = array.open + 1
    let misses = 0
    if (head.length > 0) {
      for (let cut = nextCut(bytes, from + SEGMENT, head); cut !== -1; ) {
        const text = bytes.bracketed(from, cut)
        const part = parsedOrUndefined(text)
        if (part === undefined) {
          // Not between two elements (a comma inside a string or an element): the next one.
          if (++misses === MISSES) return undefined
          cut = nextCut(bytes, cut + 1, head)
          continue
        }
        // `[ ]`: white space where an element should be, which the whole text would refuse.
        if (part.length === 0 || keyRepeatedIn(text, part)) return undefined
        for (const item of part) items.push(item)
        cuts.push(cut)
        from = cut + 1
        cut = nextCut(bytes, from + SEGMENT, head)
      }
    }
    // The last segment ends where the array closes: at the last `]` of a document that ends
    // with it (a budget's lines come last), otherwise where reading from here says.
    let close = bytes.lastIndexOf(CLOSE_ARRAY)
    let lastText = close > from ? bytes.bracketed(from, close) : ''
    let last = close > from ? parsedOrUndefined(lastText) : undefined
    if (last === undefined) {
      close = closeOf(bytes, from)
      if (close === -1) return undefined
      lastText = bytes.bracketed(from, close)
      last = JSON.parse(lastText) as unknown[]
    }
    if ((last.length === 0 && items.length > 0) || keyRepeatedIn(lastText, last)) return undefined
    for (const item of last) items.push(item)
    // The document around the array, the array left empty: `{"profil":{…},"lignes":[]}`.
    const outer = bytes.text(start, array.open + 1) + bytes.text(close, bytes.length)
    const value = JSON.parse(outer) as unknown
    if (keyRepeatedIn(outer, value)) return undefined
    const holder =
      array.key === undefined
        ? value
        : (value as Record<string, unknown>)[keyName(bytes.text(array.key[0], array.key[1]))]
    if (!Array.isArray(holder) || holder.length !== 0) return undefined
    for (const item of items) holder.push(item)
    return { value, cuts }
  } catch {
    return undefined
  }
}
