// Invariants for any contract: the schedule sums to the contract's amounts, each entitlement is paid exactly, the cut-off balances and telescopes.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Decimal, fixe, fonctionnement, variable } from '../../shared'
import {
  type Contract,
  cutoffOf,
  parseContract,
  produitsARecevoir,
  produitsConstatesDAvance,
  type Schedule,
  scheduleOf,
} from '../../shared/contract'

const runs = { numRuns: 120 }
const DAY = 86_400_000

function iso(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10)
}
function day(text: string): number {
  return Date.parse(`${text}T00:00:00Z`) / DAY
}
/** The same day `years` later, 29/02 → 28/02: written again here, apart from the code under test. */
function anniversary(text: string, years: number): string {
  const y = Number(text.slice(0, 4)) + years
  const md = text.slice(5)
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`
}

const taux = fc
  .integer({ min: 0, max: 100 })
  .map((n) => (n === 100 ? '1' : `0.${String(n).padStart(2, '0')}`))
const CODES = ['acces', 'parcours', 'prevention', 'crise', 'qualite', 'accompagnement'] as const

/** A contract document: a signature from 2019-09 to 2027, one taille or five, missions started any day of the contract. */
const contractDoc = fc
  .record({
    signature: fc.integer({ min: day('2019-09-01'), max: day('2027-12-31') }).map(iso),
    taille: fc.oneof(
      fc.constantFrom(1, 2, 3, 4),
      fc.array(fc.constantFrom(1, 2, 3, 4), { minLength: 5, maxLength: 5 })
    ),
    missions: fc.subarray([...CODES]),
    offsets: fc.array(fc.integer({ min: 0, max: 1825 }), { minLength: 6, maxLength: 6 }),
    taux: fc.array(
      fc.oneof(fc.constant(undefined), taux, fc.array(taux, { minLength: 5, maxLength: 5 })),
      { minLength: 6, maxLength: 6 }
    ),
    crises: fc.option(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), { nil: undefined }),
    options: fc.record(
      {
        prorata: fc.constantFrom('jours', 'mois'),
        variablePremiereAnnee: fc.constantFrom('complet', 'prorata'),
        delaiVariableMois: fc.integer({ min: 0, max: 12 }),
        delaiSoldeMois: fc.integer({ min: 0, max: 12 }),
      },
      { requiredKeys: [] }
    ),
  })
  .map((r) => {
    const end = day(anniversary(r.signature, 5)) - 1
    const missions = r.missions
      // The crisis mission exists from avenant 2 only.
      .filter((m) => m !== 'crise' || r.signature >= '2022-04-01')
      .map((mission) => {
        const i = CODES.indexOf(mission)
        const debut = iso(Math.min(day(r.signature) + (r.offsets[i] ?? 0), end))
        if (mission === 'crise') {
          return {
            mission,
            debut,
            ...(r.crises === undefined ? {} : { crisesReconnues: r.crises }),
          }
        }
        const t = r.taux[i]
        return { mission, debut, ...(t === undefined ? {} : { taux: t }) }
      })
    return { signature: r.signature, taille: r.taille, missions, options: r.options }
  })

const money = (d: Decimal) => d.toFixed(2)
const total = (amounts: readonly Decimal[]) => amounts.reduce((a, b) => a.plus(b), new Decimal(0))

/** The contract's five-year amount, recomputed from the funding functions and the calendar. */
function expectedTotal(contract: Contract, schedule: Schedule): Decimal {
  let expected = new Decimal(0)
  contract.annees.forEach((year, i) => {
    const version = schedule.parAnnee[i]?.version as string
    expected = expected.plus(fonctionnement(year.taille, version))
    for (const m of contract.missions) {
      if (year.annee < m.anneeDebut) continue
      const start = year.annee === m.anneeDebut
      const end = anniversary(contract.signature, year.annee)
      let num = 1
      let den = 1
      if (start && contract.options.prorata === 'jours') {
        num = day(end) - day(m.debut)
        den = day(end) - day(anniversary(contract.signature, year.annee - 1))
      } else if (start) {
        den = 12
        while (num < 12 && anniversaryMonths(m.debut, num) < end) num += 1
      }
      const phase = m.phases[year.annee - 1] ?? undefined
      const f = fixe(m.mission, year.taille, phase, version)
      expected = expected.plus(f.times(num).div(den).toDecimalPlaces(2, Decimal.ROUND_HALF_UP))
      const rate = m.taux[year.annee - 1] as Decimal
      const prorated = start && contract.options.variablePremiereAnnee === 'prorata'
      const envelope = variable(m.mission, year.taille, 1, version)
      expected = expected.plus(
        prorated
          ? envelope.times(rate).times(num).div(den).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
          : variable(m.mission, year.taille, rate, version)
      )
    }
  })
  return expected
}

/** `from` + n months, the day clamped to the month's length. */
function anniversaryMonths(from: string, n: number): string {
  const y = Number(from.slice(0, 4))
  const m = Number(from.slice(5, 7)) - 1 + n
  const ty = y + Math.floor(m / 12)
  const tm = m % 12
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate()
  const d = Math.min(Number(from.slice(8, 10)), last)
  return `${ty}-${String(tm + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

describe('propriétés de l’échéancier', () => {
  it('the five-year schedule sums exactly to the contract’s amounts', () => {
    fc.assert(
      fc.property(contractDoc, (doc) => {
        const contract = parseContract(doc)
        const s = scheduleOf(contract)
        const paid = total(s.paiements.map((p) => p.montant))
        expect(money(paid)).toBe(money(s.totaux.total))
        expect(money(paid)).toBe(money(expectedTotal(contract, s)))
        expect(money(total(s.parAnnee.map((y) => y.total)))).toBe(money(paid))
        expect(money(total(s.parMission.map((m) => m.total)).plus(s.totaux.fonctionnement))).toBe(
          money(paid)
        )
      }),
      runs
    )
  })

  it('each entitlement is paid exactly by its advance and balance; each year by its payments', () => {
    fc.assert(
      fc.property(contractDoc, (doc) => {
        const s = scheduleOf(parseContract(doc))
        for (const d of s.droits) {
          const mine = s.paiements.filter((p) => p.droit === d.id)
          expect(money(total(mine.map((p) => p.montant)))).toBe(money(d.montant))
          const advance = mine.find((p) => p.nature.endsWith('avance'))
          if (advance !== undefined && d.volet === 'fixe') {
            // The advance is 75 % of the entitlement, within the cent of each rounding.
            expect(advance.montant.minus(d.montant.times(0.75)).abs().lte(0.01)).toBe(true)
          }
        }
        for (const y of s.parAnnee) {
          const mine = s.paiements.filter((p) => p.annee === y.annee)
          expect(money(total(mine.map((p) => p.montant)))).toBe(money(y.total))
        }
      }),
      runs
    )
  })

  it('payments are in date order, with unique ids, never before the signature nor negative', () => {
    fc.assert(
      fc.property(contractDoc, (doc) => {
        const s = scheduleOf(parseContract(doc))
        const dates = s.paiements.map((p) => p.date)
        expect(dates).toEqual([...dates].sort())
        expect(new Set(s.paiements.map((p) => p.id)).size).toBe(s.paiements.length)
        for (const p of s.paiements) {
          expect(p.date >= s.signature).toBe(true)
          expect(p.montant.isPositive()).toBe(true)
          expect(p.periode.du <= p.periode.au).toBe(true)
        }
      }),
      runs
    )
  })
})

const cutoffOptions = fc.record(
  {
    variable: fc.constantFrom('versement', 'periode'),
    repartition: fc.constantFrom('jours', 'mois'),
  },
  { requiredKeys: [] }
)

describe('propriétés de la régularisation', () => {
  it('any fiscal year: the journal balances to the cent; income = receipts + opening PCA − PAR − closing PCA + PAR', () => {
    fc.assert(
      fc.property(
        contractDoc,
        fc.integer({ min: 0, max: 2600 }),
        fc.integer({ min: 0, max: 540 }),
        cutoffOptions,
        (doc, start, length, options) => {
          const contract = parseContract(doc)
          const debut = iso(day(contract.signature) - 200 + start)
          const exercice = { debut, fin: iso(day(debut) + length) }
          const c = cutoffOf(contract, exercice, options)
          expect(money(c.totaux.debit)).toBe(money(c.totaux.credit))
          for (const date of new Set(c.journal.map((j) => j.date))) {
            const entries = c.journal.filter((j) => j.date === date)
            expect(money(total(entries.map((j) => j.debit)))).toBe(
              money(total(entries.map((j) => j.credit)))
            )
          }
          for (const l of c.lignes) {
            expect(money(l.acquisAvant.plus(l.produit).plus(l.acquisApres))).toBe(
              money(l.droit.montant)
            )
            expect(
              money(
                l.encaisse
                  .plus(l.pcaOuverture)
                  .minus(l.parOuverture)
                  .minus(l.pcaCloture)
                  .plus(l.parCloture)
              )
            ).toBe(money(l.produit))
          }
          expect(money(produitsConstatesDAvance(contract, exercice.fin, options))).toBe(
            money(c.totaux.pcaCloture)
          )
          expect(money(produitsARecevoir(contract, exercice.fin, options))).toBe(
            money(c.totaux.parCloture)
          )
        }
      ),
      runs
    )
  })

  it('consecutive fiscal years: income of the years + deferred income − receivables = payments received', () => {
    fc.assert(
      fc.property(
        contractDoc,
        fc.integer({ min: 0, max: 364 }),
        cutoffOptions,
        (doc, shift, options) => {
          const contract = parseContract(doc)
          const s = scheduleOf(contract)
          // Twelve-month fiscal years from before the signature to after the last payment.
          let debut = iso(day(contract.signature) - 365 + shift)
          const last = s.paiements.at(-1)?.date as string
          let income = new Decimal(0)
          let previousPca = new Decimal(0)
          let previousPar = new Decimal(0)
          while (debut <= last) {
            const fin = iso(day(anniversary(debut, 1)) - 1)
            const c = cutoffOf(s, { debut, fin }, options)
            expect(money(c.totaux.pcaOuverture)).toBe(money(previousPca))
            expect(money(c.totaux.parOuverture)).toBe(money(previousPar))
            income = income.plus(c.totaux.produits)
            const received = total(s.paiements.filter((p) => p.date <= fin).map((p) => p.montant))
            expect(money(income.plus(c.totaux.pcaCloture).minus(c.totaux.parCloture))).toBe(
              money(received)
            )
            previousPca = c.totaux.pcaCloture
            previousPar = c.totaux.parCloture
            debut = anniversary(debut, 1)
          }
          expect(money(income)).toBe(money(s.totaux.total))
          expect(money(previousPca)).toBe('0.00')
          expect(money(previousPar)).toBe('0.00')
        }
      ),
      { numRuns: 60 }
    )
  })
})
