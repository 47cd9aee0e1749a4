// Every kind of bad input gives #VALEUR! or #N/A with a French message naming the argument; nothing escapes as an exception.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { isoFromExcelSerial } from '../../addin/excel/dates'
import { toExcelError } from '../../addin/functions/excel-errors'
import * as aci from '../../addin/functions/functions'
import { AciError, type AciErrorCode, ERROR_KINDS } from '../../shared'
import {
  ERROR_CODES,
  excelErrorOf,
  installCustomFunctions,
  removeCustomFunctions,
  StubExcelError,
} from './support/custom-functions'

beforeAll(() => {
  installCustomFunctions()
})
afterAll(() => {
  removeCustomFunctions()
})
afterEach(() => {
  vi.restoreAllMocks()
})

const VALUE = ERROR_CODES.invalidValue
const NA = ERROR_CODES.notAvailable
/** 2018-06-01, a date cell before the first ACI table (2019-08-25). */
const SERIAL_2018_06_01 = 43_252

type Case = readonly [
  what: string,
  call: () => unknown,
  code: string,
  argument: string,
  message: RegExp,
]

const CASES: readonly Case[] = [
  // taille
  ['taille en texte', () => aci.fonctionnement('deux', 'aci-2019'), VALUE, 'taille', /« deux »/],
  ['taille négative', () => aci.fonctionnement(-1, 'aci-2019'), VALUE, 'taille', /reçu -1/],
  ['taille zéro', () => aci.variable('acces', 0, 0.5, 'aci-2019'), VALUE, 'taille', /reçu 0\./],
  ['taille 5', () => aci.fixe('acces', 5, null, 'aci-2019'), VALUE, 'taille', /reçu 5/],
  ['taille 2,5', () => aci.enveloppe('acces', 2.5, 'aci-2019'), VALUE, 'taille', /reçu 2,5/],
  ['taille vide', () => aci.total(null, undefined, 'aci-2019'), VALUE, 'taille', /reçu vide/],
  ['taille booléenne', () => aci.fonctionnement(true), VALUE, 'taille', /reçu VRAI/],
  [
    'taille sur plusieurs cellules',
    () => aci.fonctionnement([[1, 2]], 'aci-2019'),
    VALUE,
    'taille',
    /plusieurs cellules/,
  ],
  // population
  ['population en texte', () => aci.taille('beaucoup'), VALUE, 'population', /« beaucoup »/],
  ['population négative', () => aci.taille(-5), VALUE, 'population', /reçu -5/],
  ['population 2,5', () => aci.taille(2.5), VALUE, 'population', /reçu 2,5/],
  ['population vide', () => aci.taille(null), VALUE, 'population', /reçu vide/],
  ['population booléenne', () => aci.taille(false), VALUE, 'population', /reçu FAUX/],
  [
    'population sur plusieurs cellules',
    () => aci.taille([[1000], [2000]]),
    VALUE,
    'population',
    /plusieurs cellules/,
  ],
  // mission
  [
    'mission inconnue',
    () => aci.variable('urgences', 2, 0.5, 'aci-2019'),
    NA,
    'mission',
    /« urgences » inconnue/,
  ],
  [
    'mission absente de la version (crise en 2019)',
    () => aci.fixe('crise', 2, null, 'aci-2019'),
    NA,
    'mission',
    /crise n’existe pas dans le barème aci-2019/,
  ],
  ['mission vide', () => aci.enveloppe(null, 2, 'aci-2019'), VALUE, 'mission', /reçu vide/],
  ['mission numérique', () => aci.enveloppe(3, 2, 'aci-2019'), VALUE, 'mission', /reçu 3/],
  ['mission booléenne', () => aci.enveloppe(true, 2), VALUE, 'mission', /reçu VRAI/],
  [
    'mission sur plusieurs cellules',
    () => aci.variable([['acces'], ['parcours']], 2, 0.5, 'aci-2019'),
    VALUE,
    'mission',
    /plusieurs cellules/,
  ],
  // taux
  ['taux 1,2', () => aci.variable('acces', 2, 1.2, 'aci-2019'), VALUE, 'taux', /reçu 1,2/],
  ['taux −0,1', () => aci.variable('acces', 2, -0.1, 'aci-2019'), VALUE, 'taux', /reçu -0,1/],
  [
    'taux saisi en points (75 au lieu de 75 %)',
    () => aci.variable('acces', 2, 75, 'aci-2019'),
    VALUE,
    'taux',
    /75 % = 0,75/,
  ],
  ['taux en texte', () => aci.variable('acces', 2, 'beaucoup'), VALUE, 'taux', /« beaucoup »/],
  ['taux booléen', () => aci.variable('acces', 2, true, 'aci-2019'), VALUE, 'taux', /reçu VRAI/],
  [
    'taux sur plusieurs cellules',
    () => aci.variable('acces', 2, [[0.5, 0.6]], 'aci-2019'),
    VALUE,
    'taux',
    /plusieurs cellules/,
  ],
  // phase
  [
    'phase inconnue',
    () => aci.fixe('crise', 2, 'demain', 'aci-avenant-2'),
    VALUE,
    'phase',
    /« demain »/,
  ],
  [
    'phase pour une mission sans plan de crise',
    () => aci.fixe('acces', 2, 'rédaction', 'aci-avenant-2'),
    VALUE,
    'phase',
    /ne s’applique qu’à la mission crise/,
  ],
  ['phase numérique', () => aci.fixe('crise', 2, 1, 'aci-avenant-2'), VALUE, 'phase', /reçu 1/],
  // version
  [
    'version inconnue',
    () => aci.fonctionnement(2, 'aci-2030'),
    NA,
    'version',
    /« aci-2030 » inconnue ; versions disponibles : aci-2019, aci-avenant-2/,
  ],
  [
    'date antérieure au premier barème (cellule date)',
    () => aci.variable('acces', 2, 0.5, SERIAL_2018_06_01),
    NA,
    'version',
    /aucun barème ACI n’est en vigueur le 01\/06\/2018 ; le premier prend effet le 25\/08\/2019/,
  ],
  [
    'date antérieure au premier barème (texte)',
    () => aci.bareme('2019-08-24'),
    NA,
    'version',
    /le 24\/08\/2019/,
  ],
  ['version booléenne', () => aci.fonctionnement(2, true), VALUE, 'version', /reçu VRAI/],
  ['version date négative', () => aci.missions(-3), VALUE, 'version', /date attendue.*reçu -3/],
  ['version après 31/12/9999', () => aci.missions(2_958_466), VALUE, 'version', /31\/12\/9999/],
  [
    'version sur plusieurs cellules',
    () => aci.fonctionnement(2, [['aci-2019', 'aci-avenant-2']]),
    VALUE,
    'version',
    /plusieurs cellules/,
  ],
  // missions of ACI.TOTAL
  [
    'missions : une mission inconnue dans la plage',
    () => aci.total(2, [['acces'], ['urgences']], 'aci-2019'),
    NA,
    'missions',
    /« urgences » inconnue/,
  ],
  [
    'missions : crise en 2019',
    () => aci.total(2, [['acces', 'crise']], 'aci-2019'),
    NA,
    'missions',
    /crise n’existe pas dans le barème aci-2019/,
  ],
  [
    'missions : une cellule booléenne',
    () => aci.total(2, [[true]], 'aci-2019'),
    VALUE,
    'missions',
    /reçu VRAI/,
  ],
]

describe('entrées incorrectes', () => {
  it.each(CASES)('%s', (_what, call, code, argument, message) => {
    const error = excelErrorOf(call)
    expect(error.code).toBe(code)
    expect(error.message).toMatch(new RegExp(`^${argument} : `))
    expect(error.message).toMatch(message)
    expect(error.message).toMatch(/[.]$/)
  })
})

describe('correspondance des erreurs du cœur', () => {
  it.each(Object.keys(ERROR_KINDS) as AciErrorCode[])('%s', (code) => {
    const error = toExcelError(new AciError(code, `argument : message ${code}.`, 'argument'))
    expect(error).toBeInstanceOf(StubExcelError)
    expect(error.code).toBe(ERROR_KINDS[code] === 'not_found' ? NA : VALUE)
    expect(error.message).toBe(`argument : message ${code}.`)
  })

  it('une exception imprévue devient #VALEUR! avec un message en français, jamais une exception', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const error = toExcelError(new TypeError('x is undefined'))
    expect(error.code).toBe(VALUE)
    expect(error.message).toMatch(/^Erreur inattendue du complément ACI-CPTS \(x is undefined\)/)
    expect(log).toHaveBeenCalledOnce()
  })
})

describe('dates Excel', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [43_702, '2019-08-25'],
    [43_702.75, '2019-08-25'],
    [44_651, '2022-03-31'],
    [44_652, '2022-04-01'],
    [2_958_465, '9999-12-31'],
  ])('numéro de série %s → %s', (serial, iso) => {
    expect(isoFromExcelSerial(serial)).toBe(iso)
  })
})

describe('chargement hors d’Office', () => {
  it('le module des fonctions se charge sans CustomFunctions ni Office', async () => {
    removeCustomFunctions()
    vi.resetModules()
    try {
      const fresh = await import('../../addin/functions/functions')
      expect(typeof fresh.fonctionnement).toBe('function')
      expect(Reflect.has(globalThis, 'Office')).toBe(false)
    } finally {
      installCustomFunctions()
    }
  })
})
