// Invariants with actuals: allocation to the cent, order of lines, CSV round trip, and budgets without actuals unchanged.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type BudgetDocument,
  type BudgetReport,
  budgetFromCsv,
  budgetFromJson,
  budgetToCsv,
  budgetToJson,
  checkBudget,
  parseBudget,
  SECTIONS,
} from '../../shared'
import { chartFor } from '../../shared/budget/accounts'
import { prepareLine } from '../../shared/budget/prepare'
import { prepareActual, splitInProportion } from '../../shared/budget/realise'
import { amount, budget, repartition } from './support/arbitraries'

const runs = { numRuns: 200 }

/** A budget with actuals on some lines, some with their own split. */
const withActuals: fc.Arbitrary<BudgetDocument> = budget.chain((doc) =>
  fc
    .tuple(
      ...doc.lignes.map(() =>
        fc.record(
          { realise: fc.option(amount(), { nil: undefined }), own: repartition },
          { requiredKeys: [] }
        )
      )
    )
    .map((extras) =>
      parseBudget({
        ...doc,
        lignes: doc.lignes.map((l, i) => {
          const { realise, own } = extras[i] ?? {}
          if (realise === undefined) return l
          return { ...l, realise, ...(own === undefined ? {} : { repartitionRealise: own }) }
        }),
      })
    )
)

/** The report without anything about actuals: the réalisé blocks and the findings marked réalisé. */
function planOnly(r: BudgetReport): BudgetReport {
  const findings = r.findings.filter((f) => f.base === undefined)
  const counts = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity] += 1
  const { realise: _, ...totaux } = r.totaux
  return {
    ...r,
    sections: r.sections.map(({ realise: _r, ...s }) => s),
    totaux,
    findings,
    counts,
  }
}

const chart = chartFor('2025-01-01', 'test')

describe('propriétés du réalisé', () => {
  it('an actual shared in the planned proportions sums to the actual, to the cent', () => {
    const parts = fc.array(fc.integer({ min: 0, max: 1_000_000_000_000 }), {
      minLength: SECTIONS.length,
      maxLength: SECTIONS.length,
    })
    fc.assert(
      fc.property(parts, fc.integer({ min: -1e14, max: 1e14 }), (weights, actual) => {
        fc.pre(weights.some((w) => w > 0))
        const montant = weights.reduce((a, b) => a + b, 0)
        const toText = (c: number) =>
          `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`
        const ligne = {
          compte: '6411',
          libelle: 'Salaire',
          montant: toText(montant),
          realise: toText(actual),
          repartition: {
            mode: 'montants' as const,
            parts: SECTIONS.map((section, i) => ({
              section,
              montant: toText(weights[i] as number),
            })),
          },
        }
        const line = prepareLine(ligne, 0, chart)
        const shared = prepareActual(line, 0)?.parts ?? []
        expect(shared.reduce((a, b) => a + b, 0)).toBe(actual)
        // Each share within one cent of its exact value.
        shared.forEach((s, i) => {
          const exact = (actual * (weights[i] as number)) / montant
          expect(Math.abs(s - exact)).toBeLessThanOrEqual(1.001)
        })
      }),
      runs
    )
  })

  it('splitInProportion agrees with splitCents where both apply, and always sums to the amount', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: -1e13, max: 1e13 }),
        (weights, cents) => {
          fc.pre(weights.some((w) => w > 0))
          const shares = splitInProportion(cents, weights)
          expect(shares.reduce((a, b) => a + b, 0)).toBe(cents)
        }
      ),
      runs
    )
  })

  it('the report is the same for any order of the lines', () => {
    fc.assert(
      fc.property(
        withActuals.chain((doc) =>
          fc.shuffledSubarray(doc.lignes, { minLength: doc.lignes.length }).map((lignes) => ({
            doc,
            shuffled: { ...doc, lignes },
          }))
        ),
        ({ doc, shuffled }) => {
          expect(checkBudget(shuffled)).toEqual(checkBudget(doc))
        }
      ),
      runs
    )
  })

  it('actuals add to the report and change nothing of the plan', () => {
    fc.assert(
      fc.property(withActuals, (doc) => {
        const plan = parseBudget({
          ...doc,
          lignes: doc.lignes.map(({ realise: _, repartitionRealise: _r, ...l }) => l),
        })
        const report = checkBudget(doc)
        // One designed exception: a line at 0,00 with an actual is unbudgeted spending, whose
        // missing split is reported on its actual, not on its plan.
        const key = (compte: string, libelle: string) => `${compte}\u0000${libelle}`
        const zeroWithActual = new Map<string, number>()
        for (const l of doc.lignes) {
          if (l.montant !== '0.00' || l.realise === undefined) continue
          const k = key(l.compte, l.libelle)
          zeroWithActual.set(k, (zeroWithActual.get(k) ?? 0) + 1)
        }
        const planReport = checkBudget(plan)
        const expected = planOnly({
          ...planReport,
          findings: planReport.findings.filter((f) => {
            if (f.code !== 'REPARTITION-ABSENTE' || f.ligne?.montant !== '0.00') return true
            const k = key(f.ligne.compte, f.ligne.libelle)
            const left = zeroWithActual.get(k) ?? 0
            if (left === 0) return true
            zeroWithActual.set(k, left - 1)
            return false
          }),
        })
        expect(planOnly(report)).toEqual(expected)
        const has = doc.lignes.some((l) => l.realise !== undefined)
        expect('realise' in report.totaux).toBe(has)
        expect(report.sections.every((s) => 'realise' in s)).toBe(has)
      }),
      runs
    )
  })

  it('a budget without actuals has no réalisé anywhere in its report', () => {
    fc.assert(
      fc.property(budget, (doc) => {
        const text = JSON.stringify(checkBudget(doc))
        expect(text).not.toContain('"realise"')
        expect(text).not.toContain('"base"')
      }),
      runs
    )
  })

  it('actual sections + not allocated = all actual charges, to the cent', () => {
    fc.assert(
      fc.property(withActuals, (doc) => {
        const r = checkBudget(doc)
        const t = r.totaux.realise
        if (t === undefined) return
        const cents = (s: string) => Math.round(Number(s) * 100)
        const sections = r.sections.reduce((a, s) => a + cents(s.realise?.charges ?? '0'), 0)
        expect(sections + cents(t.nonReparti)).toBe(cents(t.charges))
      }),
      runs
    )
  })

  it('JSON and CSV round-trip with actuals', () => {
    fc.assert(
      fc.property(withActuals, (doc) => {
        expect(budgetFromJson(budgetToJson(doc))).toEqual(doc)
        expect(budgetFromCsv(budgetToCsv(doc))).toEqual(doc)
      }),
      runs
    )
  })
})
