// A large JSON body parsed in segments gives JSON.parse's own value, or gives up: never another value, whatever the text and however its bytes arrive.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { keyRepeatedIn } from '../../worker/json-keys'
import { parseInSegments } from '../../worker/json-segments'

const encode = (text: string) => new TextEncoder().encode(text)

/** The bytes cut at the given positions, as a stream may deliver them (inside a character too). */
function chunksOf(bytes: Uint8Array, cuts: readonly number[] = []): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  const chunks: Uint8Array[] = []
  let from = 0
  for (const to of [...at, bytes.length]) {
    if (to > from) chunks.push(bytes.slice(from, to))
    from = Math.max(from, to)
  }
  return chunks
}

/** What the route may do with a text: the same value as JSON.parse, or read it whole (undefined). */
function agrees(text: string, cuts: readonly number[] = []): 'segments' | 'whole' {
  const read = parseInSegments(chunksOf(encode(text), cuts))
  let expected: unknown
  try {
    expected = JSON.parse(text.replace(/^\ufeff/, ''))
  } catch {
    expect(read).toBeUndefined()
    return 'whole'
  }
  if (read === undefined) return 'whole'
  expect(read.value).toStrictEqual(expected)
  return 'segments'
}

/** A budget-like line: the head `{"compte":` every element starts with, and a nested split of the same shape. */
const line = (i: number, libelle = `Ligne n° ${i} – réunion « été »`) => ({
  compte: String(6000 + (i % 900)),
  libelle,
  montant: `${i}.50`,
  repartition: {
    mode: 'cles',
    parts: [
      { section: 'fonctionnement', pourcentage: '60' },
      { section: 'acces', pourcentage: '40' },
    ],
  },
})

const budget = (count: number, make = line) => ({
  profil: { nom: 'CPTS des Deux Rives', taille: 2, missions: [{ mission: 'acces' }] },
  lignes: Array.from({ length: count }, (_, i) => make(i)),
})

describe('parseInSegments', () => {
  it('parses a budget of 1 000 lines in segments to the value JSON.parse gives of the whole', () => {
    const text = JSON.stringify(budget(1_000))
    expect(text.length).toBeGreaterThan(150_000)
    const read = parseInSegments([encode(text)])
    expect(read?.value).toStrictEqual(JSON.parse(text))
    // Several segments of the lines, each of about 32 KiB, cut at a comma between two lines.
    const cuts = read?.cuts ?? []
    expect(cuts.length).toBeGreaterThan(4)
    const bytes = encode(text)
    let from = bytes.indexOf(91 /* [ */)
    for (const cut of cuts) {
      expect(cut - from).toBeGreaterThan(32 * 1024)
      expect(cut - from).toBeLessThan(40_000)
      expect(new TextDecoder().decode(bytes.subarray(cut, cut + 11))).toBe(',{"compte":')
      from = cut
    }
  })

  it('leaves small bodies, and bodies with no array under the root, to the whole reading', () => {
    expect(parseInSegments([encode(JSON.stringify(budget(10)))])).toBeUndefined()
    const noArray = JSON.stringify({ a: 'x'.repeat(100_000), b: { c: 'y'.repeat(100_000) } })
    expect(parseInSegments([encode(noArray)])).toBeUndefined()
    // The lines behind 40 KiB of something else: not looked for that far.
    const late = JSON.stringify({ note: 'z'.repeat(40_000), ...budget(600) })
    expect(parseInSegments([encode(late)])).toBeUndefined()
  })

  it('reads the same value from bytes cut anywhere, with a BOM, indented, or with the lines first', () => {
    const doc = budget(700)
    const texts = [
      JSON.stringify(doc),
      `\ufeff${JSON.stringify(doc)}`,
      JSON.stringify(doc, null, 2),
      JSON.stringify({ lignes: doc.lignes, profil: doc.profil }),
      JSON.stringify(doc.lignes),
      `  \r\n\t${JSON.stringify(doc)}\n`,
    ]
    for (const text of texts) {
      expect(agrees(text)).toBe('segments')
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 12 }), (cuts) => {
          expect(agrees(text, cuts)).toBe('segments')
        }),
        { numRuns: 15 }
      )
    }
  })

  it('is not fooled by labels that look like a cut, nor by nested elements that start alike', () => {
    const tricky = (i: number) =>
      line(i, i % 7 === 0 ? 'a,{"compte":"6411"}, ],[ \\ " \u2028 fin' : `Ligne ${i}`)
    expect(agrees(JSON.stringify(budget(900, tricky)))).toBe('segments')
    // Each element holds children of its own shape: a cut guessed between two children is refused.
    const nested = (i: number) => ({
      compte: String(i),
      enfants: Array.from({ length: 30 }, (_, k) => ({
        compte: `${i}.${k}`,
        libelle: 'x'.repeat(40),
      })),
    })
    agrees(JSON.stringify(budget(120, nested as unknown as typeof line)))
  })

  it('reads an element longer than the copy buffer, and the bodies after it, as JSON.parse does', () => {
    // One line of about 100 KiB among ordinary ones: its segment is longer than the 64 KiB all
    // bodies share; it gets a buffer of its own, and the shared one still serves the next body.
    const long = (i: number) => line(i, i === 300 ? 'é'.repeat(50_000) : `Ligne ${i} – réunion`)
    const bodies = [
      JSON.stringify(budget(900, long)),
      JSON.stringify(budget(700)),
      JSON.stringify(budget(900, long)),
      JSON.stringify({ lignes: budget(800).lignes.reverse(), profil: budget(1).profil }),
    ]
    for (const text of bodies) {
      const read = parseInSegments([encode(text)])
      expect(read?.value).toStrictEqual(JSON.parse(text))
    }
  })

  it('never gives a value for a text JSON.parse refuses', () => {
    const text = JSON.stringify(budget(600))
    const bad = [
      text.replace('},{"compte":"6300"', '},,{"compte":"6300"'), // an element missing
      text.replace('},{"compte":"6300"', '}, ,{"compte":"6300"'),
      text.replace(/]}$/, ',]}'), // a trailing comma
      text.replace('"libelle":"Ligne n° 300', '"libelle":"Ligne\n n° 300'), // a raw line feed
      text.replace('{"compte":"6300"', '{"compte":6300"'),
      `${text} x`,
      text.slice(0, -1),
    ]
    // The same faults exactly where a segment ends: at its comma, and just after it.
    const bytes = encode(text)
    const firstCut = parseInSegments([bytes])?.cuts[0] as number
    const cut = new TextDecoder().decode(bytes.subarray(0, firstCut)).length
    expect(text[cut]).toBe(',')
    bad.push(
      `${text.slice(0, cut)},${text.slice(cut)}`,
      `${text.slice(0, cut + 1)} ,${text.slice(cut + 1)}`
    )
    for (const b of bad) {
      expect(() => JSON.parse(b)).toThrow()
      expect(parseInSegments([encode(b)])).toBeUndefined()
    }
  })

  it('agrees with JSON.parse on any text with one byte changed, inserted or removed', () => {
    const text = JSON.stringify(budget(450))
    fc.assert(
      fc.property(
        fc.nat({ max: text.length - 1 }),
        fc.constantFrom(',', ' ', ']', '[', '{', '}', '"', '\\', ':', '1'),
        fc.constantFrom('replace', 'insert', 'remove'),
        (at, char, how) => {
          const changed =
            how === 'remove'
              ? text.slice(0, at) + text.slice(at + 1)
              : text.slice(0, at) + char + text.slice(how === 'insert' ? at : at + 1)
          agrees(changed)
        }
      ),
      { numRuns: 150 }
    )
  })

  it('agrees with JSON.parse on any JSON values as elements and around them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 8 }),
        fc.jsonValue({ maxDepth: 2 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (values, around, cuts) => {
          // Enough elements to pass 64 KiB, each made of the generated values.
          const element = JSON.stringify(values)
          const count = Math.ceil(70_000 / Math.max(element.length, 1))
          const lignes = Array.from({ length: Math.min(count, 20_000) }, () => values)
          agrees(JSON.stringify({ avant: around, lignes, apres: around }), cuts)
        }
      ),
      { numRuns: 40 }
    )
  })

  it('gives up on a byte that is not UTF-8 (the whole reading names it)', () => {
    const bytes = encode(JSON.stringify(budget(600)))
    bytes[100_000] = 0xff
    expect(parseInSegments([bytes])).toBeUndefined()
    // A character's first byte left alone in the last string of a segment, just before its cut:
    // read leniently it would be a U+FFFD in valid JSON.
    const clean = encode(JSON.stringify(budget(600)))
    const cut = parseInSegments([clean])?.cuts[0] as number
    const quote = clean.lastIndexOf(34 /* " */, cut)
    const truncated = clean.slice()
    truncated[quote - 1] = 0xc3
    expect(new TextDecoder().decode(truncated.subarray(quote - 1, quote + 1))).toBe('\ufffd"')
    expect(() => JSON.parse(new TextDecoder().decode(truncated))).not.toThrow()
    expect(parseInSegments([truncated])).toBeUndefined()
    expect(parseInSegments(chunksOf(truncated, [quote - 1, quote, cut]))).toBeUndefined()
  })
})

describe('keys given twice', () => {
  it('tells a key given twice in a segment or around the lines, and none when colons are in strings', () => {
    const once = '[{"a":1,"b":"12:30"},{"c":{"d":"Objet : x"}}]'
    expect(keyRepeatedIn(once, JSON.parse(once))).toBe(false)
    const twice = '[{"a":1,"b":"12:30"},{"c":{"d":1,"d":2}}]'
    expect(keyRepeatedIn(twice, JSON.parse(twice))).toBe(true)
  })

  it('leaves to the whole reading a body with a key given twice, in any segment or around the lines', () => {
    const doc = budget(600)
    const text = JSON.stringify(doc)
    const read = parseInSegments([encode(text)])
    expect(read?.value).toStrictEqual(doc)
    // The lines of the first segment: the next one starts the second.
    const bytes = encode(text)
    const before = new TextDecoder().decode(bytes.subarray(0, read?.cuts[0]))
    const first = before.split('{"compte":').length - 1
    expect(first).toBeGreaterThan(100)
    // A line given a key twice: the first line, the last of a segment and the first of the
    // next, the last line; and the profile.
    const twice = (i: number) =>
      text.replace(`{"compte":"${6000 + (i % 900)}","libelle":"Ligne n° ${i} `, (m) =>
        m.replace('{"compte":', '{"compte":"6000","compte":')
      )
    for (const i of [0, first - 1, first, 599]) {
      const changed = twice(i)
      expect(changed).not.toBe(text)
      expect(parseInSegments([encode(changed)])).toBeUndefined()
    }
    const profile = text.replace('"taille":2', '"taille":2,"taille":3')
    expect(parseInSegments([encode(profile)])).toBeUndefined()
    // Labels that hold colons are not keys.
    const colons = JSON.stringify(budget(600, (i) => line(i, `Objet : réunion de ${i} à 12:30`)))
    expect(parseInSegments([encode(colons)])).not.toBeUndefined()
  })

  it('tells the lines given twice at the root, whichever JSON.parse would keep', () => {
    const lignes = JSON.stringify(budget(600).lignes)
    for (const text of [`{"lignes":${lignes},"lignes":[]}`, `{"lignes":[],"lignes":${lignes}}`]) {
      expect(parseInSegments([encode(text)])).toBeUndefined()
    }
  })
})
