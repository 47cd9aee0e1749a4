// checkBudget, PASS: indemnities and pay to one professional per calendar year (art. D. 1434-44 CSP, décret n° 2022-375).
import { describe, expect, it } from 'vitest'
import { parseBudget } from '../../shared'
import { check, cleanBudget, findingsOf, only } from './support/budgets'

function paid(
  exercice: { debut: string; fin: string },
  lines: [string, string, string?][],
  seuils?: Record<string, string>
) {
  const doc = cleanBudget()
  return check(
    parseBudget({
      profil: { ...doc.profil, exercice, ...(seuils ? { seuils } : {}) },
      lignes: [
        ...doc.lignes,
        ...lines.map(([beneficiaire, montant, section = 'acces']) => ({
          compte: '6228',
          libelle: `Indemnités – ${beneficiaire}`,
          montant,
          beneficiaire,
          repartition: { mode: 'montants', parts: [{ section, montant }] },
        })),
      ],
    })
  )
}

const YEAR_2025 = { debut: '2025-01-01', fin: '2025-12-31' }

describe('plafond du PASS', () => {
  it('one professional over the PASS 2025 (47 100 €) across two lines: error with the excess', () => {
    // 12 000 (governance) + 38 000 (regulation) = 50 000; 50 000 − 47 100 = 2 900.
    const report = paid(YEAR_2025, [
      ['Dr Anne Martin', '12000.00', 'fonctionnement'],
      ['Dr Anne Martin', '38000.00'],
    ])
    const f = only(report, 'PASS-PLAFOND')
    expect(f).toMatchObject({
      severity: 'error',
      beneficiaire: 'Dr Anne Martin',
      amounts: { total: '50000.00', plafond: '47100.00', depassement: '2900.00' },
    })
    expect(f.message).toBe(
      'Dr Anne Martin : 50\u202f000,00\u00a0€ d’indemnités et de rémunérations sur l’année civile 2025, soit 2\u202f900,00\u00a0€ de plus que le plafond annuel de la sécurité sociale 2025 (47\u202f100,00\u00a0€) (art. D. 1434-44 CSP).'
    )
  })

  it('exactly the PASS is allowed; one cent more is not', () => {
    expect(findingsOf(paid(YEAR_2025, [['Dr B', '47100.00']]), 'PASS-PLAFOND')).toEqual([])
    expect(only(paid(YEAR_2025, [['Dr B', '47100.01']]), 'PASS-PLAFOND').amounts.depassement).toBe(
      '0.01'
    )
  })

  it('the same professional however the name is cased or accented; the name shown does not depend on line order', () => {
    const a = paid(YEAR_2025, [
      ['dr hélène petit', '30000.00'],
      ['Dr Hélène Petit', '20000.00'],
    ])
    const b = paid(YEAR_2025, [
      ['Dr Hélène Petit', '20000.00'],
      ['dr hélène petit', '30000.00'],
    ])
    expect(only(a, 'PASS-PLAFOND').beneficiaire).toBe('Dr Hélène Petit')
    expect(only(b, 'PASS-PLAFOND')).toEqual(only(a, 'PASS-PLAFOND'))
  })

  it.each([
    [2022, '41136.00'],
    [2023, '43992.00'],
    [2024, '46368.00'],
    [2026, '48060.00'],
  ])('the PASS of the year: %i → %s', (year, plafond) => {
    const report = paid({ debut: `${year}-01-01`, fin: `${year}-12-31` }, [['Dr C', '50000.00']])
    expect(only(report, 'PASS-PLAFOND').amounts.plafond).toBe(plafond)
  })

  it('an alert share in the profile: 90 % of 47 100 = 42 390; 43 000 is a warning, 42 000 nothing', () => {
    const alert = paid(YEAR_2025, [['Paul Durand', '43000.00']], { pass: '90' })
    expect(only(alert, 'PASS-ALERTE')).toMatchObject({
      severity: 'warning',
      amounts: { total: '43000.00', plafond: '47100.00', seuil: '42390.00' },
    })
    expect(
      findingsOf(paid(YEAR_2025, [['Paul Durand', '42000.00']], { pass: '90' }), 'PASS-ALERTE')
    ).toEqual([])
    // Without a share in the profile, no alert below the cap.
    expect(findingsOf(paid(YEAR_2025, [['Paul Durand', '47000.00']]), 'PASS-ALERTE')).toEqual([])
  })

  it('a financial year across two calendar years: compared with the lower PASS, as a warning to check', () => {
    // July 2024 – June 2025: PASS 2024 = 46 368 < PASS 2025 = 47 100.
    const report = paid({ debut: '2024-07-01', fin: '2025-06-30' }, [['Dr D', '46500.00']])
    const f = only(report, 'PASS-PLAFOND')
    expect(f).toMatchObject({
      severity: 'warning',
      amounts: { total: '46500.00', plafond: '46368.00', depassement: '132.00' },
    })
    expect(f.message).toMatch(
      /sur l’exercice du 01\/07\/2024 au 30\/06\/2025, soit 132,00\u00a0€ de plus que le plus bas PASS des années civiles de l’exercice \(46\u202f368,00\u00a0€ en 2024\)/
    )
    expect(f.message).toMatch(
      /Le plafond s’apprécie par année civile : à vérifier sur chacune des années de l’exercice\.$/
    )
  })

  it('before 2022 the cap did not exist; after 2026 the table has no value: info, no check', () => {
    const doc = cleanBudget()
    const early = check(
      parseBudget({
        profil: {
          ...doc.profil,
          signature: '2020-06-01',
          exercice: { debut: '2021-01-01', fin: '2021-12-31' },
        },
        lignes: [
          ...doc.lignes.filter((l) => !l.libelle.includes('crise')),
          {
            compte: '6228',
            libelle: 'Indemnités',
            montant: '90000.00',
            beneficiaire: 'Dr E',
            repartition: { mode: 'montants', parts: [{ section: 'acces', montant: '90000.00' }] },
          },
        ],
      })
    )
    expect(findingsOf(early, 'PASS-PLAFOND')).toEqual([])
    expect(only(early, 'PASS-INCONNU').message).toMatch(/n’existe qu’à partir de 2022/)
    const late = paid({ debut: '2027-01-01', fin: '2027-12-31' }, [['Dr F', '90000.00']])
    expect(findingsOf(late, 'PASS-PLAFOND')).toEqual([])
    expect(only(late, 'PASS-INCONNU').message).toBe(
      'Le PASS de 2027 n’est pas dans la table des valeurs (dernière année connue : 2026) : le plafond n’est pas vérifié pour cette année.'
    )
  })
})
