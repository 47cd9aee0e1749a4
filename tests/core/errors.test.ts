// Every kind of bad input gives a typed error with its code, the argument at fault and a French message saying what was expected.
import { describe, expect, it } from 'vitest'
import { enveloppe, fixe, fonctionnement, total, variable } from '../../shared'
import { errorOf } from '../support/errors'

describe('erreurs du cœur', () => {
  it.each([
    [
      'taille 0',
      () => fonctionnement(0, 'aci-2019'),
      'taille_invalide',
      'taille',
      /entier de 1 à 4, reçu 0/,
    ],
    ['taille 5', () => fonctionnement(5, 'aci-2019'), 'taille_invalide', 'taille', /reçu 5/],
    ['taille 2,5', () => fonctionnement(2.5, 'aci-2019'), 'taille_invalide', 'taille', /reçu 2,5/],
    [
      'taille texte',
      () => fonctionnement('deux', 'aci-2019'),
      'taille_invalide',
      'taille',
      /« deux »/,
    ],
    ['taille vide', () => fonctionnement(null, 'aci-2019'), 'taille_invalide', 'taille', /vide/],
    [
      'taille négative',
      () => fonctionnement(-1, 'aci-2019'),
      'taille_invalide',
      'taille',
      /reçu -1/,
    ],
    [
      'mission inconnue',
      () => fixe('urgences', 2, null, 'aci-2019'),
      'mission_inconnue',
      'mission',
      /« urgences » inconnue/,
    ],
    [
      'mission non texte',
      () => fixe(3, 2, null, 'aci-2019'),
      'mission_invalide',
      'mission',
      /mission attendue/,
    ],
    [
      'mission vide',
      () => fixe('  ', 2, null, 'aci-2019'),
      'mission_invalide',
      'mission',
      /mission attendue/,
    ],
    [
      'crise en 2019',
      () => fixe('crise', 2, null, 'aci-2019'),
      'mission_absente',
      'mission',
      /n’existe pas dans le barème aci-2019/,
    ],
    [
      'taux 1,2',
      () => variable('acces', 2, 1.2, 'aci-2019'),
      'taux_invalide',
      'taux',
      /entre 0 et 1 \(75 % = 0,75\), reçu 1,2/,
    ],
    [
      'taux −0,1',
      () => variable('acces', 2, -0.1, 'aci-2019'),
      'taux_invalide',
      'taux',
      /reçu -0,1/,
    ],
    [
      'taux NaN',
      () => variable('acces', 2, Number.NaN, 'aci-2019'),
      'taux_invalide',
      'taux',
      /non numérique/,
    ],
    [
      'taux texte',
      () => variable('acces', 2, '75 %', 'aci-2019'),
      'taux_invalide',
      'taux',
      /« 75 % »/,
    ],
    [
      'version inconnue',
      () => fonctionnement(1, 'aci-2030'),
      'version_inconnue',
      'version',
      /versions disponibles : aci-2019, aci-avenant-2/,
    ],
    [
      'date avant 2019',
      () => fonctionnement(1, '2019-08-24'),
      'date_anterieure',
      'version',
      /premier prend effet le 25\/08\/2019/,
    ],
    [
      'phase hors crise',
      () => fixe('acces', 2, 'rédaction', 'aci-avenant-2'),
      'phase_invalide',
      'phase',
      /ne s’applique qu’à la mission crise/,
    ],
    [
      'phase inconnue',
      () => fixe('crise', 2, 'survenue', 'aci-avenant-2'),
      'phase_invalide',
      'phase',
      /« rédaction » ou « mise à jour »/,
    ],
    [
      'missions dont une inconnue',
      () => total(2, ['acces', 'soins'], 'aci-2019'),
      'mission_inconnue',
      'missions',
      /« soins »/,
    ],
  ])('%s', (_name, call, code, argument, message) => {
    const error = errorOf(call)
    expect(error.code).toBe(code)
    expect(error.argument).toBe(argument)
    expect(error.message).toMatch(message)
  })

  it('classes each code as a bad value or as something not found', () => {
    expect(errorOf(() => fonctionnement(9, 'aci-2019')).kind).toBe('invalid')
    expect(errorOf(() => fixe('crise', 1, null, 'aci-2019')).kind).toBe('not_found')
    expect(errorOf(() => fonctionnement(1, 'aci-1999')).kind).toBe('not_found')
    expect(errorOf(() => fonctionnement(1, '2001-01-01')).kind).toBe('not_found')
  })
})

describe('missions en toutes lettres', () => {
  it.each([
    ['ACCES', 'acces'],
    ['Accès aux soins', 'acces'],
    ['  accès  ', 'acces'],
    ['Prévention', 'prevention'],
    ['PREVENTION', 'prevention'],
    ['Parcours pluriprofessionnels', 'parcours'],
    ['Qualité', 'qualite'],
    ['accompagnement des professionnels de santé', 'accompagnement'],
    ['Missions en faveur de l’amélioration de l’accès aux soins', 'acces'],
    ["Missions en faveur de l'amélioration de l'accès aux soins", 'acces'],
    ['Crises sanitaires graves', 'crise'],
  ])('« %s » is the mission %s', (words, code) => {
    expect(enveloppe(words, 3, null, 'aci-avenant-2').toFixed(2)).toBe(
      enveloppe(code, 3, null, 'aci-avenant-2').toFixed(2)
    )
  })
})
