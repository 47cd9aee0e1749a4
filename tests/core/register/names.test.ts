// A professional whose name is written several ways is one person for the PASS ceiling: the overrun does not disappear behind a zero-width space or a Cyrillic letter.
import { describe, expect, it } from 'vitest'
import { calculerRegistre, parseRegistre } from '../../../shared'
import { errorOf } from '../../support/errors'

/** 20 h at 1 000 €: 20 000 € an entry. */
const entry = (personne: string, date: string) => ({
  personne,
  date,
  heures: '20',
  section: 'parcours',
  nature: 'remuneration',
})

describe('names written two ways', () => {
  const registre = parseRegistre({
    personnes: [{ id: 'Martin', profession: 'infirmier' }],
    taux: [{ profession: 'infirmier', depuis: '2026-01-01', horaire: '1000' }],
    temps: [
      entry('Martin', '2026-01-15'),
      entry('Mar\u200btin', '2026-02-15'), // a zero-width space
      entry('M\u0430rtin', '2026-03-15'), // a Cyrillic а
    ],
  })
  const calcul = calculerRegistre(registre)

  it('groups the three spellings under one person, whose 60 000 € pass the PASS 2026', () => {
    expect(calcul.personnes).toHaveLength(1)
    expect(calcul.plafonds).toHaveLength(1)
    expect(calcul.plafonds[0]?.total.toFixed(2)).toBe('60000.00')
    expect(calcul.plafonds[0]?.depassement?.toFixed(2)).toBe('11940.00')
    expect(calcul.plafonds[0]?.franchissement).toBe('2026-03-15')
  })

  it('warns of the name mixing scripts, and tells each other spelling', () => {
    expect(calcul.constats.map((c) => [c.code, c.severity, c.temps])).toEqual([
      ['PASS-DEPASSE', 'error', undefined],
      ['NOM-ECRITURES', 'warning', 2],
      ['NOM-VARIANTE', 'info', 1],
      ['NOM-VARIANTE', 'info', 2],
    ])
    expect(calcul.constats[1]?.message).toContain('latin, cyrillique')
  })

  it('refuses the same person declared twice under two spellings', () => {
    const error = errorOf(() =>
      parseRegistre({
        personnes: [
          { id: 'Martin', profession: 'infirmier' },
          { id: 'MARTIN\u200b', profession: 'infirmier' },
        ],
        taux: [],
        temps: [],
      })
    )
    expect(error.code).toBe('registre_invalide')
    expect(error.argument).toBe('registre.personnes[1].id')
    expect(error.message).toContain('même personne que « Martin »')
  })
})

describe('the parser says what is wrong, and where', () => {
  const base = {
    personnes: [{ id: 'A', profession: 'sage-femme', membre: false }],
    taux: [{ profession: 'sage-femme', depuis: '2026-03-01', horaire: '70' }],
    temps: [
      {
        personne: 'A',
        date: '2026-03-02',
        heures: '2',
        section: 'fonctionnement',
        nature: 'remuneration',
      },
    ],
  }

  it.each([
    [
      { ...base, temps: [{ ...base.temps[0], heures: '2,5' }] },
      'registre.temps[0].heures',
      /point décimal/,
    ],
    [
      { ...base, temps: [{ ...base.temps[0], heures: '25' }] },
      'registre.temps[0].heures',
      /au plus 24 heures/,
    ],
    [
      { ...base, temps: [{ ...base.temps[0], date: '2026-02-30' }] },
      'registre.temps[0].date',
      /ce jour n’existe pas/,
    ],
    [
      { ...base, temps: [{ ...base.temps[0], nature: 'prime' }] },
      'registre.temps[0].nature',
      /indemnite ou remuneration/,
    ],
    [
      { ...base, temps: [{ ...base.temps[0], personne: 'B' }] },
      'registre.temps[0].personne',
      /n’est pas dans la liste/,
    ],
    [
      { ...base, temps: [{ ...base.temps[0], date: '2026-02-28' }] },
      'registre.temps[0]',
      /aucun taux horaire en vigueur le 2026-02-28.*commence le 2026-03-01/,
    ],
    [
      { ...base, taux: [{ depuis: '2026-03-01', horaire: '70' }] },
      'registre.taux[0]',
      /profession ou à une personne/,
    ],
    [
      {
        ...base,
        taux: [...base.taux, { profession: 'Sage femme', depuis: '2026-03-01', horaire: '75' }],
      },
      'registre.taux[1].depuis',
      /un seul taux par date/,
    ],
    [
      { ...base, options: { exercice: { debut: '2026-07-01', fin: '2026-06-30' } } },
      'registre.options.exercice.fin',
      /précède son début/,
    ],
    [{ ...base, autre: 1 }, 'registre.autre', /champ inconnu/],
  ])('%#: %s', (input, argument, message) => {
    const error = errorOf(() => parseRegistre(input))
    expect(error.code).toBe('registre_invalide')
    expect(error.argument).toBe(argument)
    expect(error.message).toMatch(message)
  })

  it('flags a non-member and a remuneration on the fonctionnement section', () => {
    const calcul = calculerRegistre(parseRegistre(base))
    expect(calcul.constats.map((c) => c.code)).toEqual(['MEMBRE-NON-A-JOUR', 'NATURE-SECTION'])
  })
})
