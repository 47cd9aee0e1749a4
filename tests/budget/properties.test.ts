// Invariants for any valid budget: the report does not depend on the order of lines, and JSON and CSV round-trip without loss.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  budgetFromCsv,
  budgetFromJson,
  budgetToCsv,
  budgetToJson,
  checkBudget,
  contractOfBudget,
  cutoffOf,
  Decimal,
  parseBudget,
} from '../../shared'
import { budget, budgetAndShuffle } from './support/arbitraries'

const runs = { numRuns: 300 }

describe('propriétés du contrôle', () => {
  it('the report is the same for any order of the lines', () => {
    fc.assert(
      fc.property(budgetAndShuffle, ({ doc, shuffled }) => {
        expect(checkBudget(shuffled)).toEqual(checkBudget(doc))
      }),
      runs
    )
  })

  it('sections + not allocated = all charges, to the cent; result = income − charges', () => {
    fc.assert(
      fc.property(budget, (doc) => {
        const r = checkBudget(doc)
        const sections = r.sections.reduce((a, s) => a.plus(s.charges), new Decimal(0))
        expect(sections.plus(r.totaux.nonReparti).toFixed(2)).toBe(r.totaux.charges)
        expect(new Decimal(r.totaux.produits).minus(r.totaux.charges).toFixed(2)).toBe(
          r.totaux.resultat
        )
        expect(r.counts.error + r.counts.warning + r.counts.info).toBe(r.findings.length)
      }),
      runs
    )
  })

  it('the fiscal year’s ACI income is the cut-off’s 706 total, and its lines add up to it', () => {
    fc.assert(
      fc.property(budget, (doc) => {
        const r = checkBudget(doc)
        const f = r.produitsExercice
        if (f === null) {
          expect(r.produitsAciExercice).toBeNull()
          expect(r.findings.some((x) => x.code === 'ACI-PRODUITS-EXERCICE')).toBe(true)
          return
        }
        const cutoff = cutoffOf(contractOfBudget(doc.profil), doc.profil.exercice)
        expect(r.produitsAciExercice).toBe(cutoff.totaux.produits.toFixed(2))
        const lines = f.lignes.reduce((a, l) => a.plus(l.produit), new Decimal(0))
        expect(lines.toFixed(2)).toBe(f.produitsAciExercice)
        for (const l of f.lignes) {
          // Earned before, in and after the fiscal year: the whole envelope, to the cent.
          expect(new Decimal(l.acquisAvant).plus(l.produit).plus(l.acquisApres).toFixed(2)).toBe(
            l.enveloppe
          )
        }
        expect(new Decimal(r.totaux.produitsAci).minus(f.produitsAciExercice).toFixed(2)).toBe(
          f.ecartBudget
        )
      }),
      { numRuns: 100 }
    )
  })

  it('a line split by keys that total 100 % is allocated exactly: nothing left, nothing created', () => {
    fc.assert(
      fc.property(budget, (doc) => {
        const whole = doc.lignes.filter(
          (l) =>
            l.compte.startsWith('6') &&
            l.repartition?.mode === 'cles' &&
            l.repartition.parts.reduce((a, p) => a.plus(p.pourcentage), new Decimal(0)).eq(100)
        )
        const r = checkBudget({ ...doc, lignes: whole })
        expect(r.totaux.nonReparti).toBe('0.00')
      }),
      runs
    )
  })
})

describe('import ∘ export est l’identité', () => {
  it('JSON', () => {
    fc.assert(
      fc.property(budget, (doc) => {
        expect(budgetFromJson(budgetToJson(doc))).toEqual(doc)
      }),
      runs
    )
  })

  it('CSV for French Excel', () => {
    fc.assert(
      fc.property(budget, (doc) => {
        expect(budgetFromCsv(budgetToCsv(doc))).toEqual(doc)
      }),
      runs
    )
  })

  it('parseBudget is idempotent on any document it accepts', () => {
    fc.assert(
      fc.property(budget, (doc) => {
        expect(parseBudget(doc)).toEqual(doc)
      }),
      runs
    )
  })
})
