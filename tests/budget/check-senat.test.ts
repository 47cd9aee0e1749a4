// checkBudget, the expenses the Sénat names as questionable: warnings to justify, with the reason.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bundledQuestionable } from '../../shared/budget/data/senat-expenses'
import { normalizeWords } from '../../shared/text'
import { check, direct, findingsOf, only, withLines } from './support/budgets'

describe('dépenses litigieuses (Sénat)', () => {
  it('leisure for members: warning with the word found and the Sénat’s reason', () => {
    const report = check(
      withLines(direct('6257', 'Sortie en voile du bureau', '900.00', 'fonctionnement'))
    )
    const f = only(report, 'SENAT-LOISIRS')
    expect(f).toMatchObject({ severity: 'warning', amounts: { montant: '900.00' } })
    expect(f.message).toBe(
      'Dépense à justifier : « Sortie en voile du bureau » (compte 6257, 900,00\u00a0€), mot relevé « voile ». Le Sénat relève parmi les dépenses litigieuses des CPTS l’organisation d’activités culturelles et sportives à destination des membres, tels que des cours de yoga, des sorties en voile ou des « soirées théâtre ».'
    )
  })

  it('CPTS words that look alike do not raise it (concertation, soirée de formation)', () => {
    const report = check(
      withLines(
        direct('6228', 'Réunions de concertation pluriprofessionnelle', '100.00', 'parcours'),
        direct('6185', 'Soirée de formation sur le diabète', '100.00', 'accompagnement')
      )
    )
    expect(findingsOf(report, 'SENAT-LOISIRS')).toEqual([])
  })

  it('real estate, by account (6125 crédit-bail immobilier) or by words: warning', () => {
    const report = check(
      withLines(
        direct('6125', 'Crédit-bail du local', '7200.00', 'fonctionnement'),
        direct('6228', 'Frais de notaire – acquisition des locaux', '3000.00', 'fonctionnement')
      )
    )
    const found = findingsOf(report, 'SENAT-IMMOBILIER')
    expect(found.map((f) => f.ligne?.compte)).toEqual(['6125', '6228'])
    expect(found[0]?.message).toMatch(/, compte relevé : Crédit-bail immobilier\./)
    expect(found[1]?.message).toMatch(/, mots relevés « acquisition des locaux »\./)
  })

  it('income lines are not expenses: no warning for a « gala » donation', () => {
    const report = check(
      withLines({ compte: '7541', libelle: 'Dons du gala', montant: '500.00', financeur: 'autre' })
    )
    expect(findingsOf(report, 'SENAT-LOISIRS')).toEqual([])
  })

  it('the first pass lets through every expression of both lists, in capitals or inside a label, and no word that only starts like one', () => {
    const senat = bundledQuestionable()
    const file = JSON.parse(
      readFileSync(new URL('../../shared/budget/data/depenses-senat.json', import.meta.url), 'utf8')
    ) as Record<'loisirs' | 'immobilier', { expressions: string[] }>
    for (const name of ['loisirs', 'immobilier'] as const) {
      for (const expression of file[name].expressions) {
        for (const label of [expression, expression.toUpperCase(), `Frais (${expression}) 2025`]) {
          expect(senat.mayMatch(label)).toBe(true)
          expect(senat[name].prefilter?.test(label)).toBe(true)
          expect(senat[name].match(label)).toBe(expression)
        }
        // The first word extended, or glued to what comes before it: not the word.
        const first = expression.split(' ')[0] as string
        expect(senat.mayMatch(`${first}x`)).toBe(false)
        expect(senat.mayMatch(`x${first}`)).toBe(false)
      }
    }
  })

  it('the first pass on the raw label never turns away a label whose words hold an expression', () => {
    const senat = bundledQuestionable()
    const raw = (name: 'loisirs' | 'immobilier') =>
      name === 'loisirs'
        ? ['yoga', 'voile', 'voiles', 'theatre', 'week end', 'weekend', 'sport', 'concert']
        : ['achat immobilier', 'credit bail immobilier', 'achat d un local', 'pret immobilier']
    // Words as labels write them: accents, capitals, words that hold or extend an expression.
    const vocabulary = [
      'Yoga',
      'YOGA',
      'yôga',
      'voilé',
      'Voiles',
      'Théâtre',
      'THÉÂTRES',
      'week',
      'end',
      'Week-end',
      'weekend',
      'sport',
      'sports',
      'transport',
      'Sportif',
      'concert',
      'concertation',
      'prêt',
      'prêtée',
      'Prêt',
      'immobilier',
      'IMMOBILIÈRE',
      'Crédit',
      'bail',
      'achat',
      'd',
      'un',
      'local',
      'œuvre',
      'ñandú',
      'á',
      '2024',
      'réunion',
      'de',
      'la',
    ]
    const separators = [' ', '-', '’', "'", '_', ', ', ' (', ' / ', '', '\u00a0', '2']
    const label = fc
      .array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators)), {
        minLength: 1,
        maxLength: 6,
      })
      .map((parts) => parts.map(([w, sep]) => w + sep).join(''))
    fc.assert(
      fc.property(label, (text) => {
        const words = normalizeWords(text)
          .split(/[^a-z0-9]+/)
          .filter((w) => w !== '')
        for (const name of ['loisirs', 'immobilier'] as const) {
          const list = senat[name]
          const found = list.match(text)
          const holds = raw(name).some((expression) => {
            const e = expression.split(' ')
            return words.some((_, i) => e.every((w, k) => words[i + k] === w))
          })
          // What the words hold is found (the expressions above are on the lists).
          if (holds) expect(found).not.toBeUndefined()
          // What is found is in the words, whole.
          if (found !== undefined) {
            const e = found.split(' ')
            expect(words.some((_, i) => e.every((w, k) => words[i + k] === w))).toBe(true)
          }
          if (found !== undefined) expect(senat.mayMatch(text)).toBe(true)
        }
      }),
      { numRuns: 500 }
    )
    expect(senat.loisirs.match('Réunions de concertation')).toBeUndefined()
    expect(senat.immobilier.match('Salle prêtée par la mairie')).toBeUndefined()
    expect(senat.loisirs.match('Sortie Week-end (voile)')).toBe('week end')
  })
})
