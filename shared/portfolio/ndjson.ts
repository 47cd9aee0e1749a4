// Splitting an NDJSON body into lines as its bytes arrive: memory bounded by the longest line allowed, a line cut by the end of the body told apart.

/** A line of the body: its bytes, or the fact that it was longer than allowed (its bytes dropped as they came). */
export type NdjsonLine =
  | { readonly numero: number; readonly bytes: Uint8Array }
  | { readonly numero: number; readonly tropLongue: number }

/**
 * Cuts chunks of bytes at each line feed (0x0A: a byte no other character uses in UTF-8,
 * Windows-1252 or ISO-8859-15), dropping a carriage return before it. Blank lines get a number
 * but no result. A line longer than `maxLineBytes` is not kept: its bytes are counted and dropped
 * until its end, so memory never holds more than one line of the allowed size.
 */
export class NdjsonSplitter {
  private parts: Uint8Array[] = []
  private size = 0
  private numero = 0

  constructor(readonly maxLineBytes: number) {}

  /** The lines this chunk completes, in order. */
  push(chunk: Uint8Array): NdjsonLine[] {
    const lines: NdjsonLine[] = []
    let start = 0
    while (start <= chunk.length) {
      const end = chunk.indexOf(0x0a, start)
      if (end < 0) {
        this.keep(chunk.subarray(start))
        break
      }
      this.keep(chunk.subarray(start, end))
      const line = this.take()
      if (line !== undefined) lines.push(line)
      start = end + 1
    }
    return lines
  }

  /**
   * The end of the body: the last line if it has bytes and no line feed after it. `coupee` is true
   * for it: the caller decides whether a last line without its line feed is complete (valid JSON)
   * or was cut.
   */
  end(): (NdjsonLine & { readonly coupee: true }) | undefined {
    const line = this.take()
    return line === undefined ? undefined : { ...line, coupee: true }
  }

  private keep(bytes: Uint8Array): void {
    if (bytes.length === 0) return
    this.size += bytes.length
    if (this.size <= this.maxLineBytes) this.parts.push(bytes.slice())
    else this.parts = []
  }

  private take(): NdjsonLine | undefined {
    this.numero += 1
    const size = this.size
    const parts = this.parts
    this.parts = []
    this.size = 0
    if (size > this.maxLineBytes) return { numero: this.numero, tropLongue: size }
    let bytes: Uint8Array
    if (parts.length === 1) bytes = parts[0] as Uint8Array
    else {
      bytes = new Uint8Array(size)
      let at = 0
      for (const part of parts) {
        bytes.set(part, at)
        at += part.length
      }
    }
    let length = bytes.length
    if (length > 0 && bytes[length - 1] === 0x0d) length -= 1
    let blank = true
    for (let i = 0; i < length && blank; i++) {
      const b = bytes[i] as number
      blank = b === 0x20 || b === 0x09 || b === 0x0d
    }
    return blank ? undefined : { numero: this.numero, bytes: bytes.subarray(0, length) }
  }
}
