// A dossier whose actuals come from the books (FEC and mapping rules): the budget with its réalisé from the ledger, « non affecté » shown, the source said.
import { describe, expect, it } from 'vitest'
import {
  actualsFromLedger,
  buildDossier,
  centsToString,
  checkBudget,
  decodeText,
  parseFec,
  parseMappingRules,
} from '../../../shared'
import { fecYear, windows1252 } from '../ledger/support/fec-year'
import { budget, PRODUIT_LE } from './support/fixtures'

describe('dossier with actuals from the books', () => {
  const b = budget()
  const { text } = fecYear(11, 300)
  const ledger = parseFec(decodeText(windows1252(text)).text, { exercice: b.profil.exercice })
  // Payroll and rent to fonctionnement, the ACI income too; what no rule maps stays « non affecté ».
  const rules = parseMappingRules({
    regles: [
      { compte: '641', section: 'fonctionnement' },
      { compte: '645', section: 'fonctionnement' },
      { compte: '6132', section: 'fonctionnement' },
      { compte: '706', section: 'fonctionnement' },
    ],
  })
  const actuals = actualsFromLedger(ledger, rules, b)
  const d = buildDossier({ budget: b, realise: actuals, produitLe: PRODUIT_LE })

  it('reads the budget with the books’ actuals, and says so', () => {
    const report = checkBudget(actuals.budget)
    expect(d.budget.realise.source).toBe('fec')
    expect(d.budget.totaux.realise?.charges).toBe(report.totaux.realise?.charges)
    expect(d.budget.realise.nonAffecte).toEqual({
      charges: centsToString(actuals.nonAffecte.charges),
      produits: centsToString(actuals.nonAffecte.produits),
    })
    expect(d.budget.realise.remarques).toEqual(actuals.remarques)
  })

  it('keeps the budget’s figures beside the actuals', () => {
    expect(d.budget.totaux.charges).toBe(checkBudget(b).totaux.charges)
    expect(d.budget.sections.find((s) => s.section === 'fonctionnement')?.realise).not.toBeNull()
  })
})
