// Names and identifiers grouped however they are typed: invisible characters, case, accents, spaces and look-alike letters folded; a name mixing scripts said apart.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nameKey, nameScripts, readName, sameName } from '../../../shared'

describe('nameKey', () => {
  it.each([
    ['Martin', 'martin'],
    ['  MARTIN  ', 'martin'],
    ['Mar\u200btin', 'martin'], // zero-width space
    ['Mar\u00adtin', 'martin'], // soft hyphen
    ['\ufeffMartin\u2060', 'martin'], // BOM, word joiner
    ['M\u0430rtin', 'martin'], // Cyrillic а
    ['\u041cartin', 'martin'], // Cyrillic М
    ['Μartin', 'martin'], // Greek Μ
    ['Ｍａｒｔｉｎ', 'martin'], // full-width
    ['Jean-Éric  Dupré', 'jean eric dupre'],
    ['Jean\u00a0Éric\u202fDupre', 'jean eric dupre'], // no-break spaces
    ['Jean-E\u0301ric Dupre\u0301', 'jean eric dupre'], // decomposed accents
    ['D’Amico', 'd amico'],
    ["D'Amico", 'd amico'],
    ['Lœtitia Straße', 'loetitia strasse'],
    ['INF-012', 'inf 012'],
    ['inf 012', 'inf 012'],
  ])('%s → %s', (name, key) => {
    expect(nameKey(name)).toBe(key)
  })

  it('keeps different names apart', () => {
    expect(sameName('Martin', 'Martine')).toBe(false)
    expect(sameName('INF-012', 'INF-021')).toBe(false)
  })

  it('is stable: the key of a key is itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const key = nameKey(text)
        expect(nameKey(key)).toBe(key)
      }),
      // Found by this property: case folding makes a lookalike (Γ → γ), and ẞ → ß → SS.
      { examples: [['Γ'], ['ẞ'], ['ß']] }
    )
  })

  it('does not see invisible characters, case or surrounding spaces', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,12}$/),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'),
        (name, at, invisible) => {
          const cut = Math.min(at, name.length)
          const typed = ` ${name.slice(0, cut)}${invisible}${name.slice(cut)}  `.toUpperCase()
          expect(nameKey(typed)).toBe(nameKey(name))
        }
      )
    )
  })
})

describe('readName', () => {
  it('says a name mixes scripts, and which', () => {
    expect(readName('M\u0430rtin')).toMatchObject({
      key: 'martin',
      scripts: ['latin', 'cyrillique'],
      mixedScripts: true,
    })
    expect(readName('Martin').mixedScripts).toBe(false)
    expect(readName('Иванов').scripts).toEqual(['cyrillique'])
    expect(readName('Иванов').mixedScripts).toBe(false)
    expect(readName('Jean 2').scripts).toEqual(['latin'])
  })

  it('counts the invisible characters', () => {
    expect(readName('Mar\u200btin').invisibles).toBe(1)
    expect(readName('Martin').invisibles).toBe(0)
  })

  it('reads Chinese, Japanese and Korean as one', () => {
    expect(nameScripts('山田たろう')).toEqual(['asie-est'])
  })
})
