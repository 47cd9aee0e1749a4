// The books' cash movements by month, the actual side of the cash plan: every entry's net on 512 and 53, transfers between them netted, à-nouveaux left out.
import { describe, expect, it } from 'vitest'
import {
  cashFlowsOf,
  centsOf,
  ledgerBalances,
  parseContract,
  parseFec,
  planDeTresorerie,
} from '../../../shared'
import { fecYear } from './support/fec-year'

const year = { debut: '2025-01-01', fin: '2025-12-31' }

describe('cashFlowsOf', () => {
  const { text } = fecYear(9, 500)
  const ledger = parseFec(text, { exercice: year })
  const flows = cashFlowsOf(ledger)

  it('adds up to the cash the books hold at closing', () => {
    const total = (r: Readonly<Record<string, string>>) =>
      Object.values(r).reduce((a, s) => a + (centsOf(s) as number), 0)
    const { tresorerie } = ledgerBalances(ledger)
    expect(tresorerie.ouverture + total(flows.encaissements) - total(flows.decaissements)).toBe(
      tresorerie.cloture
    )
  })

  it('gives each month’s end cash as the books do, and feeds the cash plan’s past months', () => {
    const { tresorerie } = ledgerBalances(ledger)
    const past = cashFlowsOf(ledger, { jusquA: '2025-06' })
    expect(Object.keys(past.decaissements).every((m) => m <= '2025-06')).toBe(true)
    const plan = planDeTresorerie({
      contrat: parseContract({ signature: '2023-04-15', taille: 2, missions: [] }),
      exercice: year,
      tresorerieInitiale: (tresorerie.ouverture / 100).toFixed(2),
      decaissements: past.decaissements,
    })
    expect(plan.mois.slice(0, 6).every((m) => m.source === 'realise')).toBe(true)
    expect(plan.mois[6]?.source).toBe('budget')
  })

  it('nets a transfer between the bank and the cash box within one entry', () => {
    // « Retrait pour la caisse »: 530 debit, 512 credit in one entry: no movement.
    const jan = cashFlowsOf(
      parseFec(
        text
          .split('\r\n')
          .filter((l, i) => i === 0 || l.includes('\tRET1\t'))
          .join('\n')
      )
    )
    expect(jan).toEqual({ encaissements: {}, decaissements: {} })
  })
})
