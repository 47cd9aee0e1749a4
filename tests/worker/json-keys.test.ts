// The scanner that finds a JSON key given twice: any depth, escaped keys, strings that look like keys, linear in the text.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { duplicateKey, repeatedKey } from '../../worker/json-keys'

describe('duplicateKey', () => {
  it('finds a repeated key at the top, in the profile and in a line, with its path', () => {
    expect(duplicateKey('{"profil":{},"lignes":[1],"lignes":[]}')).toEqual({
      key: 'lignes',
      path: 'lignes',
    })
    expect(duplicateKey('{"profil":{"taille":2,"taille":4}}')).toEqual({
      key: 'taille',
      path: 'profil.taille',
    })
    expect(duplicateKey('{"lignes":[{"a":1},{"b":1,"c":{"d":[1,{"e":1,"e":2}]}}]}')).toEqual({
      key: 'e',
      path: 'lignes[1].c.d[1].e',
    })
  })

  it('keeps apart equal keys of different objects, values that look like keys, and escapes', () => {
    expect(duplicateKey('{"a":{"x":1},"b":{"x":1},"c":[{"x":1},{"x":2}]}')).toBeUndefined()
    expect(duplicateKey('{"a":"a","b":["a","a"],"c":"\\"a\\":"}')).toBeUndefined()
    expect(duplicateKey('{"a\\\\":1,"a":2}')).toBeUndefined()
    expect(duplicateKey('{"\\u0061":1,"a":2}')).toEqual({ key: 'a', path: 'a' })
    expect(duplicateKey('{"é":1,"\\u00e9":2}')).toEqual({ key: 'é', path: 'é' })
  })

  it('goes 100 000 levels deep without recursion', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    expect(duplicateKey(deep)).toBeUndefined()
    const objects = `${'{"a":'.repeat(50_000)}{"k":1,"k":2}${'}'.repeat(50_000)}`
    expect(duplicateKey(objects)?.key).toBe('k')
  })
})

describe('repeatedKey: counting keys first', () => {
  const same = (text: string) =>
    expect(repeatedKey(text, JSON.parse(text))).toEqual(duplicateKey(text))

  it('answers as duplicateKey on the hand-written cases', () => {
    for (const text of [
      '{"profil":{},"lignes":[1],"lignes":[]}',
      '{"lignes":[{"a":1},{"b":1,"c":{"d":[1,{"e":1,"e":2}]}}]}',
      '{"a":"a","b":["a","a"],"c":"\\"a\\":"}',
      '{"a\\\\":1,"a":2}',
      '{"\\u0061":1,"a":2}',
      '{ "a" : 1 ,\n\t"a"\r\n: 2 }',
      '{"__proto__":1,"__proto__":2}',
      '{"__proto__":{"a":1,"a":2}}',
      '{"__proto__":{"a":1},"b":{"c":"d:"}}',
      '[]',
      '"a:"',
      '{"heure":"12:30","note":"Objet : réunion"}',
      '{"a":"1:2","a":2}',
      '{"a":{"b":"x:"},"a":1}',
    ]) {
      same(text)
    }
  })

  it('answers as duplicateKey on any JSON, with or without a key given twice', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), fc.string(), (value, repeat, key) => {
        const text = JSON.stringify(value)
        same(text)
        if (repeat) same(`{${JSON.stringify(key)}:${text},${JSON.stringify(key)}:1}`)
      })
    )
  })

  it('goes 100 000 levels deep without recursion', () => {
    const objects = `${'{"a":'.repeat(50_000)}{"k":1}${'}'.repeat(50_000)}`
    expect(repeatedKey(objects, JSON.parse(objects))).toBeUndefined()
  })
})
