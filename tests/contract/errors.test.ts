// A contract or a fiscal year that cannot be read: the error names the field, in French.
import { describe, expect, it } from 'vitest'
import {
  cutoffOf,
  parseContract,
  parseExercice,
  produitsConstatesDAvance,
} from '../../shared/contract'
import { errorOf } from '../support/errors'

const base = {
  signature: '2022-06-01',
  taille: 3,
  missions: [{ mission: 'acces', debut: '2022-09-01' }],
}

describe('contrat invalide', () => {
  it.each([
    [
      { ...base, signature: '2022-02-30' },
      'signature',
      'signature : date du calendrier attendue (ce jour n’existe pas).',
    ],
    [
      { ...base, taille: 5 },
      'taille',
      'taille : taille attendue : un entier de 1 à 4, ou une liste de 5 (une par année de contrat).',
    ],
    [
      { ...base, taille: [3, 3, 3] },
      'taille',
      'taille : liste de 5 valeurs attendue, une par année de contrat.',
    ],
    [{ ...base, couleur: 'bleu' }, 'couleur', 'couleur : champ inconnu couleur.'],
    [
      { ...base, missions: [{ mission: 'acces', debut: '2022-09-01', taux: '1.5' }] },
      'missions[0].taux',
      'missions[0].taux : taux d’atteinte attendu : une fraction de 0 à 1 avec un point décimal, par exemple "0.8".',
    ],
    [
      { ...base, options: { prorata: 'semaines' } },
      'options.prorata',
      'options.prorata : prorata attendu : jours ou mois.',
    ],
    [
      { ...base, options: { delaiVariableMois: 13 } },
      'options.delaiVariableMois',
      'options.delaiVariableMois : délai du volet variable attendu : de 0 à 12 mois.',
    ],
  ])('shape: %j → %s', (doc, argument, message) => {
    const error = errorOf(() => parseContract(doc))
    expect(error.code).toBe('contrat_invalide')
    expect(error.kind).toBe('invalid')
    expect(error.argument).toBe(argument)
    expect(error.message).toBe(message)
  })

  it('neither taille nor population, or both', () => {
    const { taille: _, ...none } = base
    expect(errorOf(() => parseContract(none)).message).toBe(
      'taille : taille de la CPTS (1 à 4) ou population attendue.'
    )
    expect(errorOf(() => parseContract({ ...base, population: 90_000 })).message).toBe(
      'population : donnez la taille ou la population, pas les deux.'
    )
  })

  it('a mission that starts before the signature or after the fifth year', () => {
    const before = errorOf(() =>
      parseContract({ ...base, missions: [{ mission: 'acces', debut: '2022-05-31' }] })
    )
    expect(before.argument).toBe('missions[0].debut')
    expect(before.message).toBe(
      'missions[0].debut : la mission acces doit démarrer pendant le contrat, du 2022-06-01 au 2027-05-31 ; reçu 2022-05-31.'
    )
    const after = errorOf(() =>
      parseContract({ ...base, missions: [{ mission: 'acces', debut: '2027-06-01' }] })
    )
    expect(after.argument).toBe('missions[0].debut')
  })

  it('a mission listed twice; crisis settings on another mission; a rate on the crisis mission', () => {
    const twice = errorOf(() =>
      parseContract({
        ...base,
        missions: [...base.missions, { mission: 'acces', debut: '2023-01-01' }],
      })
    )
    expect(twice.message).toBe('missions[1].mission : la mission acces est citée deux fois.')
    const phases = errorOf(() =>
      parseContract({
        ...base,
        missions: [{ mission: 'acces', debut: '2022-09-01', phases: Array(5).fill('redaction') }],
      })
    )
    expect(phases.message).toBe(
      'missions[0].phases : la phase du plan ne s’applique qu’à la mission crise, pas à la mission acces.'
    )
    const rate = errorOf(() =>
      parseContract({ ...base, missions: [{ mission: 'crise', debut: '2022-09-01', taux: '0.5' }] })
    )
    expect(rate.argument).toBe('missions[0].taux')
    expect(rate.message).toContain('il est dû si une crise est reconnue (crisesReconnues)')
  })

  it('the crisis mission before avenant 2 does not exist in the year’s grid', () => {
    const error = errorOf(() =>
      parseContract({
        ...base,
        signature: '2021-06-01',
        missions: [{ mission: 'crise', debut: '2021-07-01' }],
      })
    )
    expect(error.code).toBe('mission_absente')
    expect(error.kind).toBe('not_found')
    expect(error.message).toBe(
      'missions[0].mission : la mission crise n’existe pas dans le barème aci-2019 de l’année de contrat 1 (du 2021-06-01 au 2022-05-31).'
    )
  })

  it('an unknown version, a signature before the first grid', () => {
    const version = errorOf(() => parseContract({ ...base, version: 'aci-2030' }))
    expect(version.code).toBe('version_inconnue')
    expect(version.argument).toBe('version')
    const early = errorOf(() => parseContract({ ...base, signature: '2019-01-01', missions: [] }))
    expect(early.code).toBe('date_anterieure')
    expect(early.message).toBe(
      'signature : aucun barème ACI n’est en vigueur le 01/01/2019 ; le premier prend effet le 25/08/2019.'
    )
  })

  it('not an object at all', () => {
    const error = errorOf(() => parseContract('contrat'))
    expect(error.argument).toBe('contrat')
    expect(error.message).toBe('contrat : contrat (signature, taille, missions) attendu.')
  })
})

describe('exercice invalide', () => {
  const contract = parseContract(base)

  it('an end before the start, a date that does not exist, a missing field', () => {
    const order = errorOf(() => cutoffOf(contract, { debut: '2023-01-01', fin: '2022-12-31' }))
    expect(order.code).toBe('exercice_invalide')
    expect(order.message).toBe(
      'exercice.fin : la fin de l’exercice (2022-12-31) précède son début (2023-01-01).'
    )
    expect(errorOf(() => parseExercice({ debut: '2023-02-29', fin: '2023-12-31' })).message).toBe(
      'exercice.debut : date du calendrier attendue (ce jour n’existe pas).'
    )
    expect(errorOf(() => parseExercice({ debut: '2023-01-01' })).message).toBe(
      'exercice.fin : champ obligatoire absent.'
    )
  })

  it('a closing date that is not a date', () => {
    const error = errorOf(() => produitsConstatesDAvance(contract, '31/12/2023'))
    expect(error.code).toBe('date_invalide')
    expect(error.message).toBe(
      'cloture : date de clôture attendue au format AAAA-MM-JJ, reçu « 31/12/2023 ».'
    )
  })

  it('an unknown recognition option', () => {
    const error = errorOf(() =>
      cutoffOf(
        contract,
        { debut: '2023-01-01', fin: '2023-12-31' },
        { variable: 'jamais' as 'versement' }
      )
    )
    expect(error.argument).toBe('options.variable')
  })
})
