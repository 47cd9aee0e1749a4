// The NDJSON splitter: lines however the bytes are chunked, a line cut by the end of the body, a line over the limit dropped as it comes.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type NdjsonLine, NdjsonSplitter } from '../../../shared'

const bytes = (text: string) => new TextEncoder().encode(text)
const text = (line: NdjsonLine) =>
  'bytes' in line ? new TextDecoder().decode(line.bytes) : `<${line.tropLongue}>`

function split(chunks: Uint8Array[], max = 1024) {
  const splitter = new NdjsonSplitter(max)
  const lines = chunks.flatMap((c) => splitter.push(c).map(text))
  const last = splitter.end()
  return { lines, last: last === undefined ? undefined : text(last), numero: last?.numero }
}

describe('NdjsonSplitter', () => {
  it('numbers the lines of the body, blank lines included but not returned, CRLF read as LF', () => {
    const { lines, last } = split([bytes('{"a":1}\r\n\n  \n{"b":2}\n')])
    expect(lines).toEqual(['{"a":1}', '{"b":2}'])
    expect(last).toBeUndefined()
  })

  it('gives back a line cut by the end of the body, with its number', () => {
    const { lines, last, numero } = split([bytes('{"a":1}\n{"b":'), bytes('2, "c"')])
    expect(lines).toEqual(['{"a":1}'])
    expect(last).toBe('{"b":2, "c"')
    expect(numero).toBe(2)
  })

  it('drops a line over the limit as it comes, and reads the next', () => {
    const { lines } = split(
      [bytes(`{"x":"${'a'.repeat(50)}`), bytes(`${'a'.repeat(50)}"}\n{"y":1}\n`)],
      64
    )
    expect(lines).toEqual(['<108>', '{"y":1}'])
  })

  it('gives the same lines however the body is cut into chunks', () => {
    const body = bytes('{"nom":"Évreux"}\n\n{"nom":"Sète"}\r\n{"nom":"Ajaccio"}')
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: body.length - 1 }), { maxLength: 8 }),
        (cuts) => {
          const at = [0, ...cuts.sort((a, b) => a - b), body.length]
          const chunks = at.slice(1).map((end, i) => body.subarray(at[i], end))
          const { lines, last } = split(chunks)
          expect(lines).toEqual(['{"nom":"Évreux"}', '{"nom":"Sète"}'])
          expect(last).toBe('{"nom":"Ajaccio"}')
        }
      )
    )
  })
})
