// checkBudget, resources: where ACI money is booked (CNCC), fonds dédiés, funders, secondary funding, hoarding.
import { describe, expect, it } from 'vitest'
import { parseBudget } from '../../shared'
import {
  check,
  cleanBudget,
  codes,
  findingsOf,
  only,
  withLines,
  withProfil,
} from './support/budgets'

/** The clean budget with its ACI income line replaced. */
function withAciLine(line: Record<string, unknown>) {
  const doc = cleanBudget()
  return parseBudget({ ...doc, lignes: [...doc.lignes.slice(0, -1), line] })
}

describe('financement ACI : compte de produits', () => {
  it('in 74 (subvention): error, the CNCC reads it as consideration for services, not a subsidy', () => {
    const report = check(
      withAciLine({
        compte: '741',
        libelle: 'Financement ACI',
        montant: '277500.00',
        financeur: 'aci',
      })
    )
    const f = only(report, 'CNCC-ACI-EN-74')
    expect(f).toMatchObject({ severity: 'error', amounts: { montant: '277500.00' } })
    expect(f.message).toMatch(
      /l’inscrire au compte 706 Prestations de services \(ou 730 Concours publics\)\.$/
    )
    expect(f.source).toMatch(/CNCC/)
  })

  it('in 730 (concours publics): accepted, the alternative reading', () => {
    const report = check(
      withAciLine({
        compte: '730',
        libelle: 'Financement ACI',
        montant: '277500.00',
        financeur: 'aci',
      })
    )
    expect(report.findings).toEqual([])
  })

  it('in another income account (7588): warning', () => {
    const report = check(
      withAciLine({
        compte: '758',
        libelle: 'Financement ACI',
        montant: '277500.00',
        financeur: 'aci',
      })
    )
    expect(only(report, 'ACI-COMPTE').severity).toBe('warning')
  })

  it('ACI money reported to fonds dédiés (6894): error, it goes to produits constatés d’avance (487)', () => {
    const report = check(
      withLines({
        compte: '6894',
        libelle: 'Report du financement ACI non utilisé',
        montant: '20000.00',
        financeur: 'aci',
        repartition: { mode: 'montants', parts: [{ section: 'hors_aci', montant: '20000.00' }] },
      })
    )
    const f = only(report, 'ACI-FONDS-DEDIES')
    expect(f.severity).toBe('error')
    expect(f.message).toMatch(/^Report en fonds dédiés de financement ACI/)
    expect(f.message).toMatch(/produit constaté d’avance \(compte 487\)/)
  })

  it('fonds dédiés from a FIR subsidy (74) are allowed; without a funder, a warning', () => {
    const fir = check(
      withLines({
        compte: '6894',
        libelle: 'Report FIR non utilisé',
        montant: '3000.00',
        financeur: 'ars_fir',
        repartition: { mode: 'montants', parts: [{ section: 'hors_aci', montant: '3000.00' }] },
      })
    )
    expect(findingsOf(fir, 'ACI-FONDS-DEDIES')).toEqual([])
    expect(findingsOf(fir, 'FINANCEUR-ABSENT')).toEqual([])
    const unknown = check(
      withLines({ compte: '7894', libelle: 'Utilisation de fonds dédiés', montant: '3000.00' })
    )
    expect(only(unknown, 'FINANCEUR-ABSENT').message).toMatch(
      /^Utilisation de fonds dédiés sans financeur/
    )
  })
})

describe('financeurs', () => {
  it('an income line of 70–75 without a funder: warning (Sénat, proposition n° 11)', () => {
    const report = check(withLines({ compte: '7551', libelle: 'Contribution', montant: '2000.00' }))
    expect(only(report, 'FINANCEUR-ABSENT')).toMatchObject({
      severity: 'warning',
      amounts: { montant: '2000.00' },
    })
    // Financial income (76) needs none, and is not ACI money.
    expect(
      codes(check(withLines({ compte: '768', libelle: 'Intérêts du livret', montant: '80.00' })))
    ).toEqual([])
  })

  it('secondary funding listed by funder: info; companies and pharmaceutical laboratories: warning', () => {
    // Two municipal lines add up: 3 000 + 2 000 = 5 000. Members' fees are not secondary funding.
    const report = check(
      withLines(
        { compte: '741', libelle: 'Commune A', montant: '3000.00', financeur: 'collectivite' },
        { compte: '741', libelle: 'Commune B', montant: '2000.00', financeur: 'collectivite' },
        {
          compte: '7551',
          libelle: 'Laboratoire X',
          montant: '1500.00',
          financeur: 'laboratoire_pharmaceutique',
        },
        { compte: '7561', libelle: 'Cotisations', montant: '900.00', financeur: 'adherents' }
      )
    )
    const found = findingsOf(report, 'FINANCEMENT-SECONDAIRE')
    expect(found.map((f) => [f.severity, f.amounts.montant])).toEqual([
      ['warning', '1500.00'],
      ['info', '5000.00'],
    ])
    expect(found[0]?.message).toMatch(
      /^Financement secondaire – Laboratoire pharmaceutique : 1\u202f500,00\u00a0€ \(1 ligne\)\./
    )
    expect(found[1]?.message).toBe(
      'Financement secondaire – Collectivité territoriale : 5\u202f000,00\u00a0€ (2 lignes).'
    )
  })
})

describe('thésaurisation', () => {
  it('ACI income above the ACI sections’ charges: warning with the surplus', () => {
    // ACI 277 500 + 10 000 more; charges of the ACI sections 277 500 → surplus 10 000.
    const report = check(
      withAciLine({
        compte: '706',
        libelle: 'Financement ACI',
        montant: '287500.00',
        financeur: 'aci',
      })
    )
    const f = only(report, 'SENAT-THESAURISATION')
    expect(f).toMatchObject({
      severity: 'warning',
      amounts: { produitsAci: '287500.00', chargesSectionsAci: '277500.00', excedent: '10000.00' },
    })
  })

  it('a tolerated share in the profile: 5 % of 287 500 = 14 375 tolerates a surplus of 10 000, not 15 000', () => {
    const tolerated = parseBudget({
      ...withProfil({ seuils: { thesaurisation: '5' } }),
      lignes: [
        ...cleanBudget().lignes.slice(0, -1),
        { compte: '706', libelle: 'Financement ACI', montant: '287500.00', financeur: 'aci' },
      ],
    })
    expect(findingsOf(check(tolerated), 'SENAT-THESAURISATION')).toEqual([])
    const over = parseBudget({
      ...tolerated,
      lignes: [
        ...tolerated.lignes.slice(0, -1),
        { compte: '706', libelle: 'Financement ACI', montant: '292500.00', financeur: 'aci' },
      ],
    })
    // 5 % of 292 500 = 14 625 < surplus 15 000.
    expect(only(check(over), 'SENAT-THESAURISATION').amounts).toEqual({
      produitsAci: '292500.00',
      chargesSectionsAci: '277500.00',
      excedent: '15000.00',
      seuil: '14625.00',
    })
  })
})

describe('partie financière et contributions en nature', () => {
  it('a budget without income, or without charges: error', () => {
    const doc = cleanBudget()
    const noIncome = check(parseBudget({ ...doc, lignes: doc.lignes.slice(0, -1) }))
    expect(only(noIncome, 'PARTIE-FINANCIERE').message).toMatch(
      /^Le budget ne compte aucun produit \(classe 7\)/
    )
    const empty = check(parseBudget({ ...doc, lignes: [] }))
    expect(only(empty, 'PARTIE-FINANCIERE').message).toMatch(
      /^Le budget ne compte aucune charge \(classe 6\) et aucun produit \(classe 7\)/
    )
  })

  it('uses (86) and contributions (87) in kind must balance: 10 000 against 8 000 is an error', () => {
    const report = check(
      withLines(
        { compte: '864', libelle: 'Temps bénévole', montant: '10000.00' },
        { compte: '875', libelle: 'Bénévolat', montant: '8000.00' }
      )
    )
    expect(only(report, 'CVN-EQUILIBRE').amounts).toEqual({
      emplois: '10000.00',
      contributions: '8000.00',
      ecart: '2000.00',
    })
    expect(report.totaux).toMatchObject({
      emploisNature: '10000.00',
      contributionsNature: '8000.00',
    })
    // Outside the result: charges and income are unchanged.
    expect(report.totaux.resultat).toBe('0.00')
  })
})
