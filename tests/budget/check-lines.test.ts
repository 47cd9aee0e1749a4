// checkBudget, one line at a time: its account in the year's chart, its sign, its analytic split.
import { describe, expect, it } from 'vitest'
import { parseBudget } from '../../shared'
import { check, cleanBudget, codes, direct, findingsOf, only, withLines } from './support/budgets'

describe('plan comptable de l’exercice', () => {
  it('79 in a 2025 budget: error, the account was removed by ANC 2022-06', () => {
    const report = check(
      withLines({ compte: '791', libelle: 'Remboursement OPCO', montant: '1500.00' })
    )
    const f = only(report, 'PLAN-COMPTES-VERSION')
    expect(f).toMatchObject({
      severity: 'error',
      ligne: { compte: '791', libelle: 'Remboursement OPCO', montant: '1500.00' },
    })
    expect(f.message).toBe(
      'Le compte 791 de la ligne « Remboursement OPCO » n’existe pas dans le plan comptable de l’exercice (pca-2025, Plan comptable des associations – règlement ANC n° 2018-06 modifié par le règlement ANC n° 2022-06) ; il figure dans le plan pca-2018, qui ne s’applique plus aux exercices ouverts à compter du 01/01/2025.'
    )
  })

  it('the same 791 in a 2024 budget is fine; 649 in 2024 exists only from 2025', () => {
    const doc = cleanBudget()
    const report = check(
      parseBudget({
        profil: { ...doc.profil, exercice: { debut: '2024-01-01', fin: '2024-12-31' } },
        lignes: [
          ...doc.lignes,
          { compte: '791', libelle: 'Remboursement OPCO', montant: '1500.00' },
          direct('649', 'Remboursement d’indemnités journalières', '-800.00', 'fonctionnement'),
        ],
      })
    )
    const f = only(report, 'PLAN-COMPTES-VERSION')
    expect(f.ligne?.compte).toBe('649')
    expect(f.message).toMatch(
      /il n’existe que dans le plan pca-2025, applicable aux exercices ouverts à compter du 01\/01\/2025\.$/
    )
  })

  it('an account in no chart, nor under one: error', () => {
    const report = check(withLines(direct('6999', 'Divers', '10.00', 'fonctionnement')))
    expect(only(report, 'PLAN-COMPTES-VERSION').message).toMatch(
      /n’existe pas dans le plan comptable de l’exercice \(pca-2025, .*\), ni comme sous-compte d’un de ses comptes\.$/
    )
  })

  it('a sub-account of the chart (70611, 64111) is known', () => {
    const report = check(withLines(direct('64111', 'Salaire de base', '0.00', 'fonctionnement')))
    expect(findingsOf(report, 'PLAN-COMPTES-VERSION')).toEqual([])
  })
})

describe('signe des montants', () => {
  it('a negative charge: error', () => {
    const report = check(withLines(direct('6251', 'Déplacements', '-300.00', 'fonctionnement')))
    expect(only(report, 'MONTANT-NEGATIF')).toMatchObject({
      severity: 'error',
      amounts: { montant: '-300.00' },
    })
  })

  it('a negative part in the split of a positive line: error naming the section', () => {
    const report = check(
      withLines({
        compte: '6251',
        libelle: 'Déplacements',
        montant: '300.00',
        repartition: {
          mode: 'montants',
          parts: [
            { section: 'fonctionnement', montant: '400.00' },
            { section: 'acces', montant: '-100.00' },
          ],
        },
      })
    )
    expect(only(report, 'MONTANT-NEGATIF')).toMatchObject({
      section: 'acces',
      amounts: { montant: '300.00', part: '-100.00' },
    })
  })

  it('a contra account (609 rabais obtenus, 709 RRR accordés) admits a negative amount', () => {
    const report = check(
      withLines(direct('609', 'Remise fournisseur', '-120.00', 'fonctionnement'), {
        compte: '709',
        libelle: 'Remise accordée',
        montant: '-50.00',
        financeur: 'autre',
      })
    )
    expect(findingsOf(report, 'MONTANT-NEGATIF')).toEqual([])
    // The rebate lowers fonctionnement's charges: 60 000 − 120 = 59 880.
    expect(report.sections[0]).toMatchObject({
      charges: '59880.00',
      status: 'under',
      difference: '120.00',
    })
  })
})

describe('répartition analytique', () => {
  it('keys that total 100 %: the line is shared by largest remainder, to the cent', () => {
    // 1 000,00 € by 33,3333 / 33,3333 / 33,3334 %: 100 000 c × 0,333333 = 33 333,3 c twice,
    // × 0,333334 = 33 333,4 c; floors 3 × 33 333 = 99 999 c, the cent to the third (0,4 > 0,3).
    const report = check(
      withLines({
        compte: '6413',
        libelle: 'Prime',
        montant: '1000.00',
        repartition: {
          mode: 'cles',
          parts: [
            { section: 'fonctionnement', pourcentage: '33.3333' },
            { section: 'acces', pourcentage: '33.3333' },
            { section: 'parcours', pourcentage: '33.3334' },
          ],
        },
      })
    )
    expect(report.sections.slice(0, 3).map((s) => s.charges)).toEqual([
      '60333.33',
      '100333.33',
      '70333.34',
    ])
    expect(findingsOf(report, 'CLE-SOMME')).toEqual([])
    expect(report.totaux.nonReparti).toBe('0.00')
  })

  it('keys that total 90 %: error; 90 % of the line is shared, the rest is not allocated', () => {
    // 5 000 × 90 % = 4 500, shared 70 : 20 → 3 500 and 1 000; 500 not allocated.
    const report = check(
      withLines({
        compte: '623',
        libelle: 'Campagne de prévention',
        montant: '5000.00',
        repartition: {
          mode: 'cles',
          parts: [
            { section: 'fonctionnement', pourcentage: '20' },
            { section: 'prevention', pourcentage: '70' },
          ],
        },
      })
    )
    const f = only(report, 'CLE-SOMME')
    expect(f).toMatchObject({
      severity: 'error',
      amounts: { montant: '5000.00', reparti: '4500.00', nonReparti: '500.00' },
    })
    expect(f.message).toBe(
      'Les clés de répartition de « Campagne de prévention » (compte 623, 5\u202f000,00\u00a0€) totalisent 90\u00a0% au lieu de 100 % : 4\u202f500,00\u00a0€ répartis, 500,00\u00a0€ non répartis.'
    )
    expect(report.sections[0]?.charges).toBe('61000.00')
    expect(report.sections[3]?.charges).toBe('33500.00')
    expect(report.totaux.nonReparti).toBe('500.00')
  })

  it('keys over 100 %: the charge is counted twice (double emploi)', () => {
    // The coordinator in fonctionnement at 100 % and in parcours at 50 %: 150 %.
    const report = check(
      withLines({
        compte: '6411',
        libelle: 'Coordinatrice',
        montant: '1000.00',
        repartition: {
          mode: 'cles',
          parts: [
            { section: 'fonctionnement', pourcentage: '100' },
            { section: 'parcours', pourcentage: '50' },
          ],
        },
      })
    )
    expect(only(report, 'CLE-SOMME').message).toMatch(
      /totalisent 150\u00a0% au lieu de 100 % : 1\u202f500,00\u00a0€ répartis, soit 500,00\u00a0€ de trop \(la charge est comptée plus d’une fois, double emploi\)\.$/
    )
    expect(report.totaux.nonReparti).toBe('-500.00')
  })

  it('amounts that do not total the line: error with the gap', () => {
    const report = check(
      withLines({
        compte: '6226',
        libelle: 'Honoraires',
        montant: '6500.00',
        repartition: {
          mode: 'montants',
          parts: [{ section: 'fonctionnement', montant: '6000.00' }],
        },
      })
    )
    expect(only(report, 'REPARTITION-SOMME')).toMatchObject({
      severity: 'error',
      amounts: { montant: '6500.00', reparti: '6000.00', nonReparti: '500.00' },
    })
  })

  it('a charge without any split: error, and its amount is shown as not allocated', () => {
    const report = check(withLines({ compte: '616', libelle: 'Assurance', montant: '950.00' }))
    expect(only(report, 'REPARTITION-ABSENTE').severity).toBe('error')
    expect(report.totaux.nonReparti).toBe('950.00')
    // An income line without a split is normal: no finding.
    expect(codes(check(cleanBudget()))).toEqual([])
  })
})
