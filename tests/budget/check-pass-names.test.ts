// PASS ceiling per professional: names read as one person however they are typed (invisible characters, look-alike letters), a name mixing scripts said.
import { describe, expect, it } from 'vitest'
import { checkBudget, parseBudget } from '../../shared'
import { findingsOf, fixtureText } from './support/budgets'

/** The review's fixture: « Dr Anne Martin » on two lines, 12 000 + 38 000 = 50 000 € > PASS 2025 (47 100 €). */
function withFirstName(name: string) {
  const doc = JSON.parse(fixtureText('cpts-taille-2-aci-avenant-2.json'))
  const first = doc.lignes.findIndex(
    (l: { beneficiaire?: string }) => l.beneficiaire === 'Dr Anne Martin'
  )
  doc.lignes[first].beneficiaire = name
  return checkBudget(parseBudget(doc))
}

describe('names in the PASS check (art. D. 1434-44 CSP)', () => {
  it('the fixture as it is: one annual ceiling error for Dr Anne Martin', () => {
    const report = withFirstName('Dr Anne Martin')
    expect(findingsOf(report, 'PASS-PLAFOND')).toHaveLength(1)
    expect(findingsOf(report, 'PASS-NOM-ECRITURES')).toHaveLength(0)
  })

  it('a zero-width space in one of two lines of the same person no longer hides the annual ceiling error', () => {
    const report = withFirstName('Dr Anne\u200b Martin')
    const [f] = findingsOf(report, 'PASS-PLAFOND')
    expect(f).toMatchObject({
      severity: 'error',
      amounts: { total: '50000.00', plafond: '47100.00', depassement: '2900.00' },
    })
    expect(findingsOf(report, 'PASS-NOM-ECRITURES')).toHaveLength(0)
  })

  it('a Cyrillic look-alike letter groups too, and raises the warning of a name mixing scripts', () => {
    const name = 'Dr \u0410nne Martin' // А, Cyrillic capital A
    const report = withFirstName(name)
    expect(findingsOf(report, 'PASS-PLAFOND')).toHaveLength(1)
    const [w] = findingsOf(report, 'PASS-NOM-ECRITURES')
    expect(w).toMatchObject({ severity: 'warning', beneficiaire: name })
    expect(w?.message).toContain('latin, cyrillique')
    expect(w?.message).toContain('art. D. 1434-44 CSP')
    expect(w?.source).toContain('Unicode Technical Standard #39')
  })
})
