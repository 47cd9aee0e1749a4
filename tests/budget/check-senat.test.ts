// checkBudget, the expenses the Sénat names as questionable: warnings to justify, with the reason.
import { describe, expect, it } from 'vitest'
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
})
