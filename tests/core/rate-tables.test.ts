// Loading rate tables: schema, recomputed totals, SHA-256 over the canonical form, and the version resolver.
import { describe, expect, it } from 'vitest'
import { bundledCatalog, Catalog, canonicalJson, loadRateTable, sha256Hex } from '../../shared'
import aci2019 from '../../shared/rates/aci-2019.json'
import aciAvenant2 from '../../shared/rates/aci-avenant-2.json'
import { utf8Bytes } from '../../shared/rates/canonical'
import { errorOf } from '../support/errors'

const copy = <T>(value: T): T => structuredClone(value)

const loadError = (raw: unknown) => errorOf(() => loadRateTable(raw))

describe('chargement d’un barème', () => {
  it('fails on a component that no longer adds up, naming the version, the mission and the taille', () => {
    const broken = copy(aciAvenant2)
    const acces = broken.missions[0]
    if (!acces?.components[0]) throw new Error('fixture')
    acces.components[0].amounts[2] = '80000' // the damaged cell of the 9 April 2025 table
    const error = loadError(broken)
    expect(error.code).toBe('bareme_invalide')
    expect(error.message).toBe(
      'Barème aci-avenant-2 : mission acces, taille 3 : total publié 125\u202f000,00\u00a0€, somme recalculée 115\u202f000,00\u00a0€.'
    )
  })

  it('fails on a grand total that does not match the missions', () => {
    const broken = copy(aci2019)
    broken.total[3] = '455000'
    expect(loadError(broken).message).toMatch(
      /^Barème aci-2019 : total général, taille 4 : total publié 455/
    )
  })

  it('fails on a schema error with the path of the field', () => {
    const broken = copy(aci2019) as Record<string, unknown>
    ;(broken.fonctionnement as { amounts: unknown[] }).amounts = ['50000', '60000', '75000']
    expect(loadError(broken).message).toMatch(
      /^Barème aci-2019 : fonctionnement\.amounts : quatre montants attendus/
    )
    const badAmount = copy(aci2019)
    badAmount.fonctionnement.amounts[0] = '50 000'
    expect(loadError(badAmount).message).toMatch(/au plus deux décimales/)
    const unknownMission = copy(aci2019) as { missions: { code: string }[] }
    if (unknownMission.missions[0]) unknownMission.missions[0].code = 'urgences'
    expect(loadError(unknownMission).message).toMatch(/missions\.0\.code : code de mission attendu/)
  })

  it('fails on thresholds that leave a gap between tailles', () => {
    const broken = copy(aci2019)
    const second = broken.tailles[1]
    if (second) second.populationMin = 45_000
    expect(loadError(broken).message).toMatch(/borne haute de la taille 1/)
  })

  it('fails on a phase that no component carries', () => {
    const broken = copy(aciAvenant2)
    const crise = broken.missions.find((m) => m.code === 'crise')
    if (!crise) throw new Error('fixture')
    crise.components = crise.components.filter((c) => c.code !== 'mise_a_jour_plan')
    expect(loadError(broken).message).toMatch(
      /mission crise : aucune composante pour la phase mise_a_jour/
    )
  })

  it('fingerprints the canonical form: key order and the editor’s $schema hint do not count, a cent does', () => {
    const table = loadRateTable(aci2019)
    const { $schema: _hint, ...published } = aci2019
    expect(table.sha256).toBe(sha256Hex(canonicalJson(published)))
    expect(table.sha256).toMatch(/^[0-9a-f]{64}$/)
    const reordered = Object.fromEntries(Object.entries(aci2019).reverse())
    expect(loadRateTable(reordered).sha256).toBe(table.sha256)
    const changed = copy(aci2019)
    changed.notes = [...changed.notes, 'Une note de plus.']
    expect(loadRateTable(changed).sha256).not.toBe(table.sha256)
  })

  it('serializes canonically: sorted keys, no spaces, strings escaped as JSON', () => {
    expect(canonicalJson({ b: 1, a: ['x', null, true], é: 'l’accès' })).toBe(
      '{"a":["x",null,true],"b":1,"é":"l’accès"}'
    )
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    )
  })
})

describe('version en vigueur', () => {
  const catalog = bundledCatalog()

  it.each([
    ['2019-08-25', 'aci-2019'],
    ['2020-06-30', 'aci-2019'],
    ['2022-03-31', 'aci-2019'],
    ['2022-04-01', 'aci-avenant-2'],
    ['2025-04-09', 'aci-avenant-2'],
    ['2026-11-22', 'aci-avenant-2'],
  ])('on %s the version in force is %s', (date, id) => {
    expect(catalog.inForceOn(date).id).toBe(id)
    expect(catalog.resolve(date).id).toBe(id)
  })

  it('fails before the first version', () => {
    expect(() => catalog.inForceOn('2019-08-24')).toThrowError(
      /aucun barème ACI n’est en vigueur le 24\/08\/2019/
    )
  })

  it('resolves ids in any case, and today when nothing is given', () => {
    expect(catalog.resolve('ACI-2019').id).toBe('aci-2019')
    expect(catalog.resolve(undefined).id).toBe('aci-avenant-2')
    expect(catalog.resolve('').id).toBe('aci-avenant-2')
  })

  it('refuses two versions with the same effective date', () => {
    const twin = { ...copy(aci2019), id: 'aci-2019-bis' }
    expect(() => Catalog.fromFiles([aci2019, twin])).toThrowError(/même jour/)
  })

  it('lists the versions oldest first', () => {
    expect(catalog.tables.map((t) => [t.id, t.effectiveDate])).toEqual([
      ['aci-2019', '2019-08-25'],
      ['aci-avenant-2', '2022-04-01'],
    ])
  })
})

describe('encodage UTF-8 de l’empreinte', () => {
  it('encodes like TextEncoder, for every plane', () => {
    for (const text of [
      'abc',
      'l’accès',
      '€ 12 500',
      '𝔸𝕔𝕚 🏥',
      '\u0000\u007f\u0080\u07ff\u0800\uffff',
    ]) {
      expect(Array.from(utf8Bytes(text))).toEqual(Array.from(new TextEncoder().encode(text)))
    }
  })
})
