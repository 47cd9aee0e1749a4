// Bytes to text: UTF-8 with or without BOM, Windows-1252 and ISO-8859-15 read, detected and said; a byte no encoding defines is an error at its offset.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { charsetOf, decodeText } from '../../../shared'
import { errorOf } from '../../support/errors'

const bytes = (...values: number[]) => Uint8Array.from(values)
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))
/** UTF-8 bytes written by hand, so the test does not lean on the platform's encoder either. */
function utf8(text: string): Uint8Array {
  const out: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0) as number
    if (code < 0x80) out.push(code)
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f))
    else if (code < 0x10000)
      out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f))
    else
      out.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f)
      )
  }
  return Uint8Array.from(out)
}

describe('decodeText: UTF-8', () => {
  it('reads UTF-8 without BOM, accents, € and a character beyond the BMP', () => {
    const text = 'Écriture;Débit;€;œuvre;😀'
    expect(decodeText(utf8(text))).toEqual({ text, encodage: 'utf-8', source: 'contenu' })
  })

  it('removes the BOM and says so', () => {
    const decoded = decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8('Compte;Libellé')))
    expect(decoded).toEqual({ text: 'Compte;Libellé', encodage: 'utf-8-bom', source: 'bom' })
  })

  it('calls plain ASCII UTF-8', () => {
    expect(decodeText(ascii('JournalCode\tJournalLib')).encodage).toBe('utf-8')
  })

  it('reads an empty file as empty text', () => {
    expect(decodeText(new Uint8Array(0)).text).toBe('')
  })

  it('round-trips any string without NUL (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const clean = text.replace(/\0/g, '').replace(/[\ud800-\udfff]/g, '')
        expect(decodeText(utf8(clean)).text).toBe(clean)
      })
    )
  })

  it.each([
    ['overlong « / »', [0x41, 0xc0, 0xaf], 1],
    ['surrogate', [0x41, 0x42, 0xed, 0xa0, 0x80], 2],
    ['truncated', [0x41, 0xe2, 0x82], 1],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('declared UTF-8 with an invalid sequence (%s) is refused at its offset', (_, values, at) => {
    const error = errorOf(() => decodeText(bytes(...values), { charset: 'UTF-8' }))
    expect(error.code).toBe('encodage_invalide')
    expect(error.message).toContain(`position ${at}`)
    expect(error.message).toMatch(/séquence UTF-8 invalide/)
  })
})

describe('decodeText: Windows-1252 and ISO-8859-15', () => {
  it('reads invalid UTF-8 as Windows-1252, with the characters of 0x80–0x9F', () => {
    // « Dépense – café € œ ’ »
    const data = bytes(
      ...ascii('D'),
      0xe9,
      ...ascii('pense '),
      0x96,
      ...ascii(' caf'),
      0xe9,
      0x20,
      0x80,
      0x20,
      0x9c,
      0x20,
      0x92
    )
    expect(decodeText(data)).toEqual({
      text: 'Dépense – café € œ ’',
      encodage: 'windows-1252',
      source: 'contenu',
    })
  })

  it('refuses a byte Windows-1252 leaves undefined, naming its offset and line', () => {
    const data = bytes(...ascii('ligne un\nca'), 0xe9, 0x81)
    const error = errorOf(() => decodeText(data))
    expect(error.code).toBe('encodage_invalide')
    expect(error.argument).toBe('encodage')
    expect(error.message).toBe(
      'Octet 0x81 à la position 12 (ligne 2) : ni UTF-8 valide, ni défini en Windows-1252.'
    )
  })

  it.each([0x81, 0x8d, 0x8f, 0x90, 0x9d])('byte %i is undefined in Windows-1252', (byte) => {
    expect(errorOf(() => decodeText(bytes(0xe9, byte))).message).toContain('position 1')
  })

  it('reads ISO-8859-15 when only its letters make sense: œ in « cœur », € alone', () => {
    const data = bytes(
      ...ascii('c'),
      0xbd,
      ...ascii('ur '),
      0xa4,
      ...ascii(' '),
      0xbc,
      ...ascii('uvre')
    )
    expect(decodeText(data)).toEqual({
      text: 'cœur € Œuvre',
      encodage: 'iso-8859-15',
      source: 'contenu',
    })
  })

  it('keeps Windows-1252 when a differing byte is a symbol (« 1½ »)', () => {
    expect(decodeText(bytes(0x31, 0xbd, 0x20, 0xe9)).text).toBe('1½ é')
  })

  it('keeps Windows-1252 when a byte of 0x80–0x9F is present', () => {
    expect(decodeText(bytes(0x80, 0x20, 0x63, 0xbd, 0x75)).text).toBe('€ c½u')
  })

  it('reads plain Latin-1 letters as Windows-1252', () => {
    expect(decodeText(bytes(0xc9, 0x63, 0x72, 0x69, 0x74, 0x75, 0x72, 0x65)).encodage).toBe(
      'windows-1252'
    )
  })
})

describe('decodeText: a declared charset wins', () => {
  it('reads declared ISO-8859-15 and Windows-1252 byte for byte', () => {
    const data = bytes(0xa4, 0x20, 0xe9)
    expect(decodeText(data, { charset: 'iso-8859-15' })).toEqual({
      text: '€ é',
      encodage: 'iso-8859-15',
      source: 'declare',
    })
    expect(decodeText(data, { charset: 'windows-1252' }).text).toBe('¤ é')
    expect(decodeText(data, { charset: 'ISO-8859-1' }).encodage).toBe('windows-1252')
  })

  it('reads valid UTF-8 bytes as Windows-1252 when so declared (no second guess)', () => {
    expect(decodeText(utf8('é'), { charset: 'cp1252' }).text).toBe('Ã©')
  })

  it('lets the BOM win over a declared single-byte charset', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x41), { charset: 'windows-1252' })).toEqual({
      text: 'A',
      encodage: 'utf-8-bom',
      source: 'bom',
    })
  })

  it('refuses control characters in declared ISO-8859-15', () => {
    const error = errorOf(() => decodeText(bytes(0x41, 0x85), { charset: 'latin9' }))
    expect(error.message).toBe(
      'Octet 0x85 à la position 1 (ligne 1) : caractère de contrôle en ISO-8859-15, pas un texte.'
    )
  })

  it('refuses an unknown charset, UTF-16 and NUL bytes', () => {
    expect(errorOf(() => decodeText(ascii('a'), { charset: 'shift_jis' })).message).toMatch(
      /« shift_jis » non pris en charge/
    )
    expect(errorOf(() => decodeText(bytes(0xff, 0xfe, 0x41, 0))).message).toMatch(/UTF-16/)
    expect(errorOf(() => decodeText(bytes(0x41, 0, 0x42))).message).toMatch(/position 1.*octet nul/)
  })

  it('never lets U+FFFD in (property: any bytes either decode without it or are refused)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (data) => {
        try {
          expect(decodeText(data).text).not.toContain('\ufffd')
        } catch (error) {
          expect((error as { code?: string }).code).toBe('encodage_invalide')
        }
      })
    )
  })
})

describe('charsetOf', () => {
  it.each([
    ['text/plain; charset=windows-1252', 'windows-1252'],
    ['text/tab-separated-values;charset="UTF-8"', 'utf-8'],
    ['text/plain', undefined],
    [null, undefined],
    ['text/plain; format=flowed; Charset=ISO-8859-15', 'iso-8859-15'],
  ])('%s → %s', (header, charset) => {
    expect(charsetOf(header)).toBe(charset)
  })
})
