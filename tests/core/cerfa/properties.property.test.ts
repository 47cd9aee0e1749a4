// What must always hold of a CERFA table: every cent of the budget in exactly one chapter, the chapters adding up to the budget's totals, the projects to the association.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type BudgetDocument,
  type CerfaTable,
  cerfaTable,
  FINANCEURS,
  parseBudget,
  roundTable,
  SECTIONS,
} from '../../../shared'

const PROFIL: BudgetDocument['profil'] = {
  nom: 'CPTS des Collines',
  taille: 3,
  signature: '2023-03-01',
  exercice: { debut: '2025-01-01', fin: '2025-12-31' },
  missions: [{ mission: 'acces', debut: '2023-03-01' }],
}

const COMPTES = [
  '6061',
  '613',
  '6226',
  '631',
  '6411',
  '6571',
  '661',
  '671',
  '6811',
  '6894',
  '695',
  '706',
  '711',
  '730',
  '741',
  '7408',
  '7561',
  '761',
  '771',
  '781',
  '791',
  '860',
  '8611',
  '864',
  '870',
  '871',
  '875',
  '879',
]

/** Cents as the budget writes them: "-1234.05". */
const amount = (cents: number) => {
  const sign = cents < 0 ? '-' : ''
  const m = Math.abs(cents)
  return `${sign}${Math.floor(m / 100)}.${String(m % 100).padStart(2, '0')}`
}
const cents = (text: string) => {
  const negative = text.startsWith('-')
  const [e = '0', c = '00'] = (negative ? text.slice(1) : text).split('.')
  const value = BigInt(e) * 100n + BigInt(c.padEnd(2, '0'))
  return negative ? -value : value
}
const money = fc.integer({ min: -5_000_000_00, max: 5_000_000_00 })

const ligne = fc.record(
  {
    compte: fc.constantFrom(...COMPTES),
    libelle: fc.constantFrom('Ligne', 'Conseil régional', 'Mairie', 'Fonds européens', 'Divers'),
    montant: money.map(amount),
    realise: money.map(amount),
    financeur: fc.constantFrom(...FINANCEURS),
    repartition: fc
      .uniqueArray(fc.constantFrom(...SECTIONS), { minLength: 1, maxLength: 4 })
      .chain((sections) =>
        fc.tuple(...sections.map((section) => money.map((m) => ({ section, montant: amount(m) }))))
      )
      .map((parts) => ({ mode: 'montants' as const, parts })),
  },
  { requiredKeys: ['compte', 'libelle', 'montant'] }
)
const budgets = fc.array(ligne, { maxLength: 25 }).map((lignes) => ({ profil: PROFIL, lignes }))
/** The 15059 needs some actual: one line at least carries one. */
const budgetsWithActuals = fc.tuple(budgets, money).map(([doc, spent]) => ({
  ...doc,
  lignes: [
    ...doc.lignes,
    { compte: '6061', libelle: 'Ligne', montant: '0.00', realise: amount(spent) },
  ],
}))

/** The chapter a line belongs to, written out here: two digits, the ACI booked in 74 shown in 70. */
const chapterOf = (l: { compte: string; financeur?: string }) =>
  l.compte.startsWith('74') && l.financeur === 'aci' ? '70' : l.compte.slice(0, 2)

function chapterTotals(table: CerfaTable, pick: 'montant' | 'realise') {
  const out = new Map<string, bigint>()
  for (const l of table.lignes) {
    if (l.niveau === 'chapitre') out.set(l.chapitre, cents(l[pick] ?? '0'))
  }
  return out
}

function expectAddsUp(table: CerfaTable, pick: 'montant' | 'realise') {
  const totaux = pick === 'montant' ? table.totaux : table.totauxRealises
  const sides = { charges: 0n, produits: 0n, emplois: 0n, contributions: 0n }
  for (const l of table.lignes) {
    if (l.niveau !== 'chapitre') continue
    sides[l.cote] += cents(l[pick] ?? '0')
    const details = table.lignes.filter((d) => d.niveau === 'detail' && d.chapitre === l.chapitre)
    if (details.length > 0) {
      expect(details.reduce((s, d) => s + cents(d[pick] ?? '0'), 0n)).toBe(cents(l[pick] ?? '0'))
    }
  }
  expect(String(sides.charges)).toBe(String(cents(totaux?.charges ?? '')))
  expect(String(sides.produits)).toBe(String(cents(totaux?.produits ?? '')))
  expect(String(sides.emplois)).toBe(String(cents(totaux?.emplois ?? '')))
  expect(String(sides.contributions)).toBe(String(cents(totaux?.contributions ?? '')))
}

describe('every cent in exactly one chapter', () => {
  it('the association: each chapter is the sum of its lines, the chapters add up to the totals', () => {
    fc.assert(
      fc.property(budgetsWithActuals, (doc) => {
        const budget = parseBudget(doc)
        const table = cerfaTable(budget, '15059')
        // Expected by chapter, from the lines themselves.
        const planned = new Map<string, bigint>()
        const actual = new Map<string, bigint>()
        const byNature = { charges: 0n, produits: 0n, emplois: 0n, contributions: 0n }
        for (const l of budget.lignes) {
          const chapitre = chapterOf(l)
          planned.set(chapitre, (planned.get(chapitre) ?? 0n) + cents(l.montant))
          actual.set(chapitre, (actual.get(chapitre) ?? 0n) + cents(l.realise ?? '0'))
          const side = l.compte.startsWith('6')
            ? 'charges'
            : l.compte.startsWith('7')
              ? 'produits'
              : l.compte.startsWith('86')
                ? 'emplois'
                : 'contributions'
          byNature[side] += cents(l.montant)
        }
        const shownPlanned = chapterTotals(table, 'montant')
        const shownActual = chapterTotals(table, 'realise')
        for (const [chapitre, total] of planned) {
          expect(shownPlanned.get(chapitre) ?? 0n).toBe(total)
          expect(shownActual.get(chapitre) ?? 0n).toBe(actual.get(chapitre))
        }
        for (const [chapitre, total] of shownPlanned) {
          expect(total).toBe(planned.get(chapitre) ?? 0n)
        }
        expect(cents(table.totaux.charges)).toBe(byNature.charges)
        expect(cents(table.totaux.produits)).toBe(byNature.produits)
        expect(cents(table.totaux.emplois)).toBe(byNature.emplois)
        expect(cents(table.totaux.contributions)).toBe(byNature.contributions)
        expect(cents(table.totaux.ecart)).toBe(byNature.produits - byNature.charges)
        expectAddsUp(table, 'montant')
        expectAddsUp(table, 'realise')
      }),
      { numRuns: 150 }
    )
  })

  it('the projects: each takes its share of each line, no more, no less', () => {
    fc.assert(
      fc.property(budgets, (doc) => {
        const budget = parseBudget(doc)
        const allocated = new Map<string, bigint>()
        for (const l of budget.lignes) {
          for (const part of l.repartition?.parts ?? []) {
            if (!('montant' in part)) continue
            const chapitre = chapterOf(l)
            allocated.set(chapitre, (allocated.get(chapitre) ?? 0n) + cents(part.montant))
          }
        }
        const bySections = new Map<string, bigint>()
        for (const section of SECTIONS) {
          const table = cerfaTable(budget, '12156', { section })
          expectAddsUp(table, 'montant')
          for (const [chapitre, total] of chapterTotals(table, 'montant')) {
            bySections.set(chapitre, (bySections.get(chapitre) ?? 0n) + total)
          }
        }
        for (const chapitre of new Set([...allocated.keys(), ...bySections.keys()])) {
          expect(bySections.get(chapitre) ?? 0n).toBe(allocated.get(chapitre) ?? 0n)
        }
      }),
      { numRuns: 60 }
    )
  })

  it('in whole euros, every row moves by less than a euro and every sum still holds', () => {
    fc.assert(
      fc.property(budgetsWithActuals, (doc) => {
        const exact = cerfaTable(parseBudget(doc), '15059')
        const rounded = roundTable(exact)
        expectAddsUp(rounded, 'montant')
        expectAddsUp(rounded, 'realise')
        exact.lignes.forEach((l, i) => {
          const r = rounded.lignes[i]
          expect(r?.code).toBe(l.code)
          expect(cents(r?.montant ?? '') % 100n).toBe(0n)
          const moved = cents(r?.montant ?? '') - cents(l.montant)
          expect(moved > -100n && moved < 100n).toBe(true)
        })
        for (const key of ['charges', 'produits'] as const) {
          // Each total rounded once to the euro, half away from zero (decimal.js's ROUND_HALF_UP).
          const total = cents(exact.totaux[key])
          const euros = ((total < 0n ? -total : total) + 50n) / 100n
          expect(cents(rounded.totaux[key])).toBe((total < 0n ? -euros : euros) * 100n)
        }
      }),
      { numRuns: 150 }
    )
  })
})
