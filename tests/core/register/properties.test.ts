// What must always hold for any register: amounts add up per person, per section, per month, per calendar year and in total; the budget lines carry them whole; a split by time equals the hours' shares to the cent.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  calculerRegistre,
  Decimal,
  lignesBudgetTemps,
  parseRegistre,
  repartitionParTemps,
  sum,
} from '../../../shared'

const PEOPLE = ['Dr Martin', 'INF-002', 'Mme Petit', 'Pharmacie Durand']
const PROFESSIONS = ['médecin', 'infirmier', 'kiné']
const SECTIONS = [
  'fonctionnement',
  'gouvernance',
  'acces',
  'parcours',
  'prevention',
  'crise',
  'qualite',
  'accompagnement',
  'hors_aci',
]

const hours = fc.integer({ min: 1, max: 2400 }).map((n) => (n / 100).toFixed(2))
const rate = fc.integer({ min: 1, max: 30_000 }).map((n) => (n / 100).toFixed(2))
const day = fc
  .integer({ min: 0, max: 364 * 2 })
  .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))

const registre = fc
  .record({
    count: fc.integer({ min: 1, max: PEOPLE.length }),
    rates: fc.array(fc.tuple(fc.constantFrom(...PROFESSIONS), day, rate), { maxLength: 6 }),
    base: fc.tuple(rate, rate, rate),
    temps: fc.array(
      fc.record({
        person: fc.nat(),
        date: day,
        heures: hours,
        section: fc.constantFrom(...SECTIONS),
        nature: fc.constantFrom('indemnite', 'remuneration'),
        paid: fc.boolean(),
      }),
      { maxLength: 60 }
    ),
  })
  .map(({ count, rates, base, temps }) => {
    const seen = new Set<string>()
    const taux = [
      ...PROFESSIONS.map((profession, i) => ({
        profession,
        depuis: '2025-01-01',
        horaire: base[i] as string,
      })),
      ...rates
        .filter(([p, d]) => !seen.has(`${p}${d}`) && d !== '2025-01-01' && seen.add(`${p}${d}`))
        .map(([profession, depuis, horaire]) => ({ profession, depuis, horaire })),
    ]
    return {
      personnes: PEOPLE.slice(0, count).map((id, i) => ({
        id,
        profession: PROFESSIONS[i % 3] as string,
      })),
      taux,
      temps: temps.map((t) => ({
        personne: PEOPLE[t.person % count] as string,
        date: t.date,
        heures: t.heures,
        section: t.section,
        nature: t.nature,
        ...(t.paid ? { verse: t.date } : {}),
      })),
    }
  })

describe('a computed register', () => {
  it('adds up per person, per section, per month, per calendar year and in total', () => {
    fc.assert(
      fc.property(registre, (doc) => {
        const calcul = calculerRegistre(parseRegistre(doc))
        const total = calcul.total.montant
        expect(total.eq(sum(calcul.temps.map((t) => t.montant)))).toBe(true)
        expect(sum(calcul.personnes.map((p) => p.montant)).eq(total)).toBe(true)
        expect(sum(calcul.sections.map((s) => s.montant)).eq(total)).toBe(true)
        expect(sum(calcul.mois.map((m) => m.montant)).eq(total)).toBe(true)
        expect(sum(calcul.plafonds.map((p) => p.total)).eq(total)).toBe(true)
        expect(calcul.total.indemnites.plus(calcul.total.remunerations).eq(total)).toBe(true)
        for (const t of calcul.temps) {
          expect(t.montant.decimalPlaces()).toBeLessThanOrEqual(2)
          expect(t.montant.minus(t.heures.times(t.taux.horaire)).abs().lte('0.005')).toBe(true)
        }
        for (const p of calcul.plafonds) {
          if (p.plafond === undefined) continue
          expect(
            (p.depassement as Decimal).minus(p.reste as Decimal).eq(p.total.minus(p.plafond))
          ).toBe(true)
        }
      })
    )
  })

  it('gives budget lines whose parts add up to their amount, and whose amounts add up to the total', () => {
    fc.assert(
      fc.property(registre, (doc) => {
        const calcul = calculerRegistre(parseRegistre(doc))
        const lignes = lignesBudgetTemps(calcul)
        expect(sum(lignes.map((l) => new Decimal(l.montant))).eq(calcul.total.montant)).toBe(true)
        expect(sum(lignes.map((l) => new Decimal(l.realise ?? '0'))).eq(calcul.total.verse)).toBe(
          true
        )
        for (const l of lignes) {
          const parts = l.repartition?.mode === 'montants' ? l.repartition.parts : []
          expect(sum(parts.map((p) => new Decimal(p.montant))).eq(new Decimal(l.montant))).toBe(
            true
          )
        }
      })
    )
  })
})

describe('the clé de répartition by time', () => {
  it('splits an amount as the hours’ shares, to the cent, without losing one', () => {
    fc.assert(
      fc.property(
        registre.filter((doc) => doc.temps.length > 0),
        fc.integer({ min: 0, max: 100_000_000 }).map((c) => new Decimal(c).div(100)),
        (doc, montant) => {
          const calcul = calculerRegistre(parseRegistre(doc))
          const parts = repartitionParTemps(montant, calcul.temps)
          const all = calcul.total.heures
          expect(sum(parts.map((p) => p.montant)).eq(montant)).toBe(true)
          expect(sum(parts.map((p) => p.heures)).eq(all)).toBe(true)
          for (const p of parts) {
            // Within a cent of montant × hours of the section ÷ all hours.
            const exact = montant.times(p.heures).div(all)
            expect(p.montant.minus(exact).abs().lt('0.01')).toBe(true)
          }
        }
      )
    )
  })

  it('gives the worked example: 10 000 € over 6, 1.75, 5 and 2.25 hours', () => {
    const calcul = calculerRegistre(
      parseRegistre({
        personnes: [{ id: 'A', profession: 'infirmier' }],
        taux: [{ profession: 'infirmier', depuis: '2026-01-01', horaire: '60' }],
        temps: [
          {
            personne: 'A',
            date: '2026-01-05',
            heures: '6',
            section: 'fonctionnement',
            nature: 'indemnite',
          },
          {
            personne: 'A',
            date: '2026-01-06',
            heures: '1.75',
            section: 'acces',
            nature: 'remuneration',
          },
          {
            personne: 'A',
            date: '2026-01-07',
            heures: '5',
            section: 'parcours',
            nature: 'remuneration',
          },
          {
            personne: 'A',
            date: '2026-01-08',
            heures: '2.25',
            section: 'prevention',
            nature: 'remuneration',
          },
        ],
      })
    )
    // 15 h: 4 000, 1 166.666…, 3 333.333…, 1 500 → the cent left over goes to the largest remainder (accès, .67).
    expect(
      repartitionParTemps(new Decimal('10000'), calcul.temps).map((p) => [
        p.section,
        p.montant.toFixed(2),
      ])
    ).toEqual([
      ['fonctionnement', '4000.00'],
      ['acces', '1166.67'],
      ['parcours', '3333.33'],
      ['prevention', '1500.00'],
    ])
  })
})
