// What must always hold, on random annexes and observations: an indicator never earns more than its maximum, a mission never more than its envelope, a better observation never earns less, and the published rate gives back the amount.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  Decimal,
  MISSION_CODES,
  montantPalier,
  type Palier,
  parseAnnexe,
  rateString,
  variable,
  variableOf,
} from '../../../shared'

const cents = (n: number) => (n / 100).toFixed(2)

/** Tiers in the order of achievement: thresholds rising, amounts rising with achievement. */
const orderedTiers = (sens: 'hausse' | 'baisse') =>
  fc
    .integer({ min: 1, max: 5 })
    .chain((n) =>
      fc.tuple(
        fc.uniqueArray(fc.integer({ min: -500, max: 500 }), { minLength: n, maxLength: n }),
        fc.uniqueArray(fc.integer({ min: 1, max: 2_000_000 }), { minLength: n, maxLength: n })
      )
    )
    .map(([seuils, montants]) => {
      const s = [...seuils].sort((a, b) => a - b)
      const m = [...montants].sort((a, b) => a - b)
      if (sens === 'baisse') m.reverse()
      return s.map((seuil, k) => ({ seuil: String(seuil), montant: cents(m[k] as number) }))
    })

/** Any tiers at all, in any order (the checks report disorder; the amounts must stay bounded anyway). */
const anyTiers = fc.array(
  fc.record({
    seuil: fc.integer({ min: -500, max: 500 }).map(String),
    montant: fc.integer({ min: 0, max: 2_000_000 }).map(cents),
  }),
  { minLength: 1, maxLength: 6 }
)

const indicator = (id: string) =>
  fc.oneof(
    fc.integer({ min: 0, max: 2_000_000 }).map((max) => ({
      id,
      libelle: `Indicateur ${id}`,
      type: 'binaire' as const,
      max: cents(max),
    })),
    fc.constantFrom('hausse' as const, 'baisse' as const).chain((sens) =>
      fc.oneof(orderedTiers(sens), anyTiers).map((paliers) => ({
        id,
        libelle: `Indicateur ${id}`,
        type: 'paliers' as const,
        sens,
        paliers,
      }))
    )
  )

/** A mission with one to three actions of one to four indicators, ids unique. */
const annexDoc = fc
  .tuple(
    fc.constantFrom(...MISSION_CODES),
    fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 })
  )
  .chain(([mission, sizes]) =>
    fc
      .tuple(
        ...sizes.map((size, a) =>
          fc.tuple(...Array.from({ length: size }, (_, i) => indicator(`a${a}-i${i}`)))
        )
      )
      .map((actions) => ({
        missions: [
          {
            mission,
            actions: actions.map((indicateurs, a) => ({
              id: `a${a}`,
              libelle: `Action ${a}`,
              indicateurs,
            })),
          },
        ],
      }))
  )

const observation = fc.oneof(
  fc.integer({ min: -600, max: 600 }),
  fc.double({ min: -600, max: 600, noNaN: true }),
  fc.boolean(),
  fc.constant(null)
)

/** An observation fitting each indicator's type (booleans for binaries, numbers for tiers). */
function observationsFor(doc: ReturnType<typeof parseAnnexe>, draws: readonly unknown[]) {
  const out: Record<string, unknown> = {}
  let k = 0
  for (const m of doc.missions)
    for (const a of m.actions)
      for (const i of a.indicateurs) {
        const draw = draws[k++ % draws.length]
        if (draw === null || draw === undefined) continue
        if (i.type === 'binaire') out[i.id] = typeof draw === 'boolean' ? draw : Number(draw) > 0
        else out[i.id] = typeof draw === 'boolean' ? Number(draw) : draw
      }
  return out
}

const context = fc.record({
  taille: fc.constantFrom(1, 2, 3, 4),
  version: fc.constantFrom('aci-2019', 'aci-avenant-2'),
  crise: fc.boolean(),
})

describe('properties of the variable part', () => {
  it('an indicator never earns more than its maximum, a mission never more than its envelope', () => {
    fc.assert(
      fc.property(
        annexDoc,
        fc.array(observation, { minLength: 1, maxLength: 12 }),
        context,
        (doc, draws, ctx) => {
          const annexe = parseAnnexe(doc)
          const result = variableOf(annexe, ctx, observationsFor(annexe, draws))
          for (const i of result.indicateurs) {
            expect(i.montant.lte(i.max)).toBe(true)
            expect(i.montant.gte(0)).toBe(true)
          }
          for (const m of result.missions) {
            expect(m.montant.lte(m.enveloppeVariable)).toBe(true)
            expect(m.taux.gte(0) && m.taux.lte(1)).toBe(true)
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  it('raising an observation in the good direction never lowers the amount (tiers in order)', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom('hausse' as const, 'baisse' as const)
          .chain((sens) => fc.tuple(fc.constant(sens), orderedTiers(sens))),
        fc.double({ min: -600, max: 600, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        ([sens, tiers], value, step) => {
          const paliers: Palier[] = tiers.map((t) => ({
            seuil: new Decimal(t.seuil),
            montant: new Decimal(t.montant),
          }))
          const v = new Decimal(value)
          const better = sens === 'hausse' ? v.plus(step) : v.minus(step)
          expect(montantPalier(better, paliers, sens).gte(montantPalier(v, paliers, sens))).toBe(
            true
          )
        }
      ),
      { numRuns: 1000 }
    )
  })

  it('a binary indicator done never earns less than not done', () => {
    fc.assert(
      fc.property(annexDoc, context, (doc, ctx) => {
        const annexe = parseAnnexe(doc)
        const ids = annexe.missions.flatMap((m) =>
          m.actions.flatMap((a) =>
            a.indicateurs.filter((i) => i.type === 'binaire').map((i) => i.id)
          )
        )
        const done = variableOf(annexe, ctx, Object.fromEntries(ids.map((id) => [id, true])))
        const notDone = variableOf(annexe, ctx, Object.fromEntries(ids.map((id) => [id, false])))
        expect(done.montant.gte(notDone.montant)).toBe(true)
      }),
      { numRuns: 200 }
    )
  })

  it('the published rate (nine decimals) × the envelope, rounded to the cent, is the mission’s amount', () => {
    fc.assert(
      fc.property(
        annexDoc,
        fc.array(observation, { minLength: 1, maxLength: 12 }),
        context,
        (doc, draws, ctx) => {
          const annexe = parseAnnexe(doc)
          const result = variableOf(annexe, ctx, observationsFor(annexe, draws))
          for (const m of result.missions) {
            if (m.enveloppeVariable.isZero()) continue
            expect(
              variable(m.mission, ctx.taille, rateString(m.taux), ctx.version).toFixed(2)
            ).toBe(m.montant.toFixed(2))
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})
