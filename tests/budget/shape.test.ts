// The fast shape check of a budget against the valibot schema: never a yes the schema would refuse, and the same French message at the same path.
import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { budgetFromJson, budgetSchema, parseBudget } from '../../shared'
import { COMPTE_PATTERN, isCompte } from '../../shared/budget/accounts'
import { centsToString, isCanonicalAmount } from '../../shared/budget/cents'
import {
  isBudgetShape,
  isLigne,
  isLigneWritten,
  isLineOfText,
  isPercentText,
  isReadyLigne,
} from '../../shared/budget/shape'
import { pathOf } from '../../shared/wire-schemas'
import { budget } from './support/arbitraries'
import { errorOf } from './support/budgets'

type Json = unknown

interface Place {
  readonly holder: Record<string, unknown>
  readonly key: string
  readonly inProfil: boolean
}

/** Every place in a document: the container and the key that hold a value. */
function places(doc: Json): Place[] {
  const out: Place[] = []
  const walk = (node: Json, inProfil: boolean) => {
    if (typeof node !== 'object' || node === null) return
    for (const key of Object.keys(node)) {
      const holder = node as Record<string, unknown>
      const here = inProfil || key === 'profil'
      out.push({ holder, key, inProfil: here })
      walk(holder[key], here)
    }
  }
  walk(doc, false)
  return out
}

/** Values that are wrong somewhere and right elsewhere, or nearly right. */
const VALUES: unknown[] = [
  undefined,
  null,
  0,
  1,
  4,
  5,
  -1,
  2.5,
  Number.NaN,
  100_000_001,
  true,
  '',
  ' ',
  'x',
  'deux\nlignes',
  'a'.repeat(301),
  '42',
  '42.001',
  '42,00',
  '-0',
  '01.5',
  '12345678901234',
  '100',
  '100.00001',
  '0.8',
  '1.0',
  '1.1',
  '2025-02-30',
  '2025-13-01',
  '2025-01-01',
  '20250101',
  'montants',
  'cles',
  'acces',
  'hors_aci',
  'aci',
  'redaction',
  'mise_a_jour',
  'aci-avenant-2',
  '-avenant',
  '6411',
  '706',
  '86',
  '999',
  [],
  [1],
  {},
  { mode: 'cles' },
  { mode: 'montants', parts: [] },
]

const TEXTS = ['', ' ', 'a\nb', ' a ', 'a'.repeat(300), 'a'.repeat(301), 42]
const AMOUNTS = [
  '42.001',
  '42,00',
  '1234567890123.45',
  '12345678901234',
  '-0',
  '.5',
  '5.',
  '+5',
  '-',
  42,
]
const PERCENTS = [
  '100',
  '100.0000',
  '100.00001',
  '101',
  '99.9999',
  '99.99999',
  '-1',
  '1e2',
  '.5',
  40,
]
const DATES = [
  '2024-02-29',
  '2023-02-29',
  '2025-1-01',
  '2025-01-01T00:00',
  '0000-01-01',
  '2025-04-31',
]
const CODES = [
  'fonctionnement',
  'acces',
  'crise',
  'hors_aci',
  'aci',
  'cpam',
  'redaction',
  'montants',
  'cles',
  'Acces',
]

/** Near misses for each field, beside the values that are wrong anywhere. */
const NEAR: Record<string, unknown[]> = {
  nom: TEXTS,
  libelle: TEXTS,
  beneficiaire: TEXTS,
  montant: AMOUNTS,
  realise: AMOUNTS,
  pourcentage: PERCENTS,
  thesaurisation: PERCENTS,
  pass: PERCENTS,
  taux: ['1.0000000001', '1.000000000', '0.1234567891', '0.123456789', '2', '-0.5', 1],
  taille: [0, 5, '2', 2.5, null],
  population: [-1, 2.5, 100_000_000, 100_000_001, '1000', Number.NaN, Number.POSITIVE_INFINITY],
  signature: DATES,
  debut: DATES,
  fin: DATES,
  version: ['-x', 'a'.repeat(40), 'a'.repeat(41), 'aci_2', 'ACI-AVENANT-2'],
  compte: ['6', '60', '86', '8', '88', '70000000', '700000000', '5000', 6411],
  section: CODES,
  mission: CODES,
  financeur: CODES,
  phase: CODES,
  mode: CODES,
}

const mutation = fc.record({
  where: fc.nat(),
  /** Half the mutations in the profile, whose few fields are lost among the lines otherwise. */
  inProfil: fc.boolean(),
  what: fc.constantFrom('replace', 'near', 'near', 'delete', 'unknown', 'swap', 'wrap', 'grow'),
  value: fc.nat(),
  other: fc.nat(),
})

/** A valid budget with one thing broken (or, sometimes, still valid). */
const brokenBudget = fc
  .tuple(budget, fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([doc, mutations]) => {
    const input = JSON.parse(JSON.stringify(doc)) as Json
    for (const m of mutations) {
      const all = places(input)
      const among = all.filter(
        (p) => (!m.inProfil || p.inProfil) && (m.what !== 'grow' || Array.isArray(p.holder[p.key]))
      )
      const at = among[m.where % among.length]
      if (at === undefined) continue
      const held = at.holder[at.key]
      if (m.what === 'replace') at.holder[at.key] = VALUES[m.value % VALUES.length]
      else if (m.what === 'near') {
        const near = NEAR[at.key] ?? VALUES
        at.holder[at.key] = near[m.value % near.length]
      } else if (m.what === 'grow') {
        // Arrays past their length: more missions than codes, more parts than sections.
        if (Array.isArray(held) && held.length > 0) {
          for (let k = 0; k <= m.value % 9; k++) held.push(structuredClone(held[k % held.length]))
        }
      } else if (m.what === 'delete') delete at.holder[at.key]
      else if (m.what === 'unknown') at.holder.inconnu = m.value
      else if (m.what === 'wrap') at.holder[at.key] = [at.holder[at.key]]
      else {
        const from = all[m.other % all.length]
        if (from !== undefined) at.holder[at.key] = structuredClone(from.holder[from.key])
      }
    }
    return input
  })

/** The schema's verdict, and parseBudget's, on one document: the same French message at the same path. */
function agrees(input: Json): void {
  const reference = v.safeParse(budgetSchema, input)
  if (reference.success) {
    // Accepted by the schema: the fast path may take it or not, the result is the same.
    const outcome = (doc: Json) => {
      try {
        return parseBudget(doc)
      } catch (error) {
        return error
      }
    }
    expect(outcome(input)).toEqual(outcome(reference.output))
    return
  }
  expect(isBudgetShape(input)).toBe(false)
  const issue = reference.issues[0]
  const path = pathOf(issue, 'budget')
  const error = errorOf(() => parseBudget(input))
  expect(error.code).toBe('budget_invalide')
  expect(error.argument).toBe(path)
  expect(error.message).toBe(`${path} : ${issue.message}.`)
}

/** A budget that uses every field of the schema once. */
const FULL = {
  $schema: 'https://example.org/budget.schema.json',
  profil: {
    nom: 'CPTS Essai',
    taille: 2,
    population: 60_000,
    signature: '2023-03-01',
    version: 'aci-avenant-2',
    exercice: { debut: '2025-01-01', fin: '2025-12-31' },
    missions: [
      { mission: 'acces', debut: '2023-03-01', taux: '0.8' },
      { mission: 'crise', debut: '2023-03-01', phase: 'mise_a_jour' },
    ],
    seuils: { thesaurisation: '10', pass: '80' },
  },
  lignes: [
    {
      compte: '6226',
      libelle: 'Honoraires',
      montant: '1000.00',
      realise: '900.5',
      repartition: { mode: 'cles', parts: [{ section: 'acces', pourcentage: '100' }] },
      repartitionRealise: { mode: 'montants', parts: [{ section: 'acces', montant: '900.50' }] },
      financeur: 'aci',
      beneficiaire: 'Dr Martin',
    },
  ],
}

describe('the fast shape check of a budget', () => {
  it('agrees with the schema on every near miss of every field', () => {
    expect(isBudgetShape(FULL)).toBe(true)
    const all = places(FULL)
    for (let i = 0; i < all.length; i++) {
      const key = (all[i] as Place).key
      for (const value of [...(NEAR[key] ?? []), ...VALUES]) {
        const input = structuredClone(FULL) as Json
        const at = places(input)[i] as Place
        at.holder[at.key] = value
        agrees(input)
      }
    }
  })

  it('says yes to every valid budget', () => {
    fc.assert(
      fc.property(budget, (doc) => {
        expect(isBudgetShape(JSON.parse(JSON.stringify(doc)))).toBe(true)
      }),
      { numRuns: 200 }
    )
  })

  it('never says yes to a document the schema refuses, and parseBudget gives the schema’s message at its path', () => {
    fc.assert(
      fc.property(brokenBudget, (input) => {
        agrees(input)
      }),
      { numRuns: 1_000 }
    )
  })

  it('says of a line a reader wrote (a line’s keys only) what it says of any line', () => {
    const only = (o: unknown, keys: readonly string[]) =>
      typeof o !== 'object' ||
      o === null ||
      Array.isArray(o) ||
      Object.keys(o).every((k) => keys.includes(k))
    const splitKeysKnown = (r: unknown) => {
      if (typeof r !== 'object' || r === null || Array.isArray(r)) return true
      if (!only(r, ['mode', 'parts'])) return false
      const { mode, parts } = r as { mode?: unknown; parts?: unknown }
      const keys = mode === 'cles' ? ['section', 'pourcentage'] : ['section', 'montant']
      return !Array.isArray(parts) || parts.every((p) => only(p, keys))
    }
    const keysKnown = (l: unknown) =>
      // FULL's line holds every field a line may have.
      only(l, Object.keys(FULL.lignes[0] as object)) &&
      (typeof l !== 'object' ||
        l === null ||
        (splitKeysKnown((l as { repartition?: unknown }).repartition) &&
          splitKeysKnown((l as { repartitionRealise?: unknown }).repartitionRealise)))
    let compared = 0
    fc.assert(
      fc.property(brokenBudget, (input) => {
        const lignes = (input as { lignes?: unknown }).lignes
        if (!Array.isArray(lignes)) return
        for (const l of lignes) {
          if (keysKnown(l)) {
            expect(isLigneWritten(l)).toBe(isLigne(l))
            compared++
          } else expect(isLigne(l)).toBe(false)
        }
      }),
      { numRuns: 500 }
    )
    expect(compared).toBeGreaterThan(1_000)
    // A key no line has: refused by the one, not looked at by the other.
    const line = { ...(FULL.lignes[0] as object), inconnu: 1 }
    expect(isLigne(line)).toBe(false)
    expect(isLigneWritten(line)).toBe(true)
  })

  it('refuses what the schema refuses at the top of the document', () => {
    for (const input of [null, [], 'budget', 42, { profil: {} }, { lignes: [] }]) {
      expect(isBudgetShape(input)).toBe(false)
      expect(v.safeParse(budgetSchema, input).success).toBe(false)
    }
  })
})

type Line = Record<string, unknown>

/**
 * One change to a line of a Budget, that the long way may check or canonicalize differently:
 * spaces around a text, an amount or a key written otherwise, parts out of order or twice, a
 * split of actuals with or without its actual amount, a beneficiary on a product, a code in
 * capitals. `k` picks the change, `n` a variant of it.
 */
function changed(line: Line, k: number, n: number): Line {
  const l = structuredClone(line)
  const split = l.repartition as { mode: string; parts: Record<string, string>[] } | undefined
  const first = split?.parts[0]
  switch (k % 12) {
    case 0:
      l.libelle = [` ${l.libelle}`, `${l.libelle} `, `${l.libelle}\u00a0`, `\u2003${l.libelle}`][
        n % 4
      ]
      break
    case 1:
      l.montant = ['42', '42.5', '-0.00', '042.00', '1234567890123.00', '12345678901234.00'][n % 6]
      break
    case 2:
      l.realise = ['900.50', '900.5', '900', '-0.05'][n % 4]
      if (n % 3 === 0) {
        l.repartitionRealise = {
          mode: 'montants',
          parts: [{ section: 'acces', montant: l.realise as string }],
        }
      }
      break
    case 3:
      l.repartitionRealise = { mode: 'cles', parts: [{ section: 'acces', pourcentage: '100' }] }
      if (n % 2 === 0) delete l.realise
      break
    case 4:
      split?.parts.reverse()
      break
    case 5:
      if (first !== undefined) split?.parts.push(structuredClone(first))
      break
    case 6:
      if (first?.pourcentage !== undefined) {
        first.pourcentage = first.pourcentage.includes('.')
          ? `${first.pourcentage}0`
          : `${first.pourcentage}.0`
      } else if (first?.montant !== undefined) first.montant = `${first.montant}`.slice(0, -1)
      break
    case 7:
      l.beneficiaire = ['Dr Martin', ' Dr Martin', 'Dr Martin '][n % 3]
      l.compte = ['6228', '706', '864'][Math.floor(n / 3) % 3]
      break
    case 8:
      l.financeur = ['aci', 'ACI', 'fir', 'mecene'][n % 4]
      break
    case 9:
      if (first !== undefined) first.section = ['Acces', 'inconnue', 'hors_aci'][n % 3] as string
      break
    case 10:
      if (split !== undefined) split.mode = ['clés', 'cles', 'montants'][n % 3] as string
      break
    default:
      l.libelle = ['a'.repeat(300), 'a'.repeat(301), 'deux\nlignes', '’Loyer’', ''][n % 5]
  }
  return l
}

/** What a value says as JSON: an array's own other properties, which no schema reads, left out. */
const asJson = (value: unknown): unknown =>
  value instanceof Error ? value : JSON.parse(JSON.stringify(value))

/** A line's fields in a Budget's canonical order (the order of FULL's line, which has them all). */
const inCanonicalOrder = (line: Line): Line =>
  Object.fromEntries(
    Object.keys(FULL.lignes[0] as object)
      .filter((key) => key in line)
      .map((key) => [key, line[key]])
  )

/** The long way: the line parsed alone under FULL's profile, or the error it gives. */
function longWay(line: Line): unknown {
  try {
    return parseBudget({ profil: FULL.profil, lignes: [line] }).lignes[0]
  } catch (error) {
    return error
  }
}

describe('a line that needs nothing more (isReadyLigne), kept as it is', () => {
  it('is every line of every Budget', () => {
    fc.assert(
      fc.property(budget, (doc) => {
        for (const l of parseBudget(doc).lignes) {
          const copy = JSON.parse(JSON.stringify(l)) as unknown
          expect(isReadyLigne(copy)).toBe(true)
        }
      }),
      { numRuns: 200 }
    )
  })

  it('is never a line that the long way would refuse or change', () => {
    let ready = 0
    let notReady = 0
    fc.assert(
      fc.property(budget, fc.nat(), fc.nat(), (doc, k, n) => {
        for (const [i, l] of parseBudget(doc).lignes.entries()) {
          const line = changed(l as unknown as Line, k + i, n)
          // Asked of the line with its fields in canonical order: the changes are to values.
          if (!isReadyLigne(inCanonicalOrder(line))) {
            notReady++
            continue
          }
          ready++
          expect(isLigne(line)).toBe(true)
          expect(longWay(line)).toEqual(line)
        }
      }),
      { numRuns: 400 }
    )
    // Both answers are given often: the property is asked of lines on either side.
    expect(ready).toBeGreaterThan(300)
    expect(notReady).toBeGreaterThan(300)
  })

  it('is never a line the schema refuses, among the near misses of every field', () => {
    fc.assert(
      fc.property(brokenBudget, (input) => {
        const lignes = (input as { lignes?: unknown }).lignes
        if (!Array.isArray(lignes)) return
        for (const l of lignes) {
          if (isReadyLigne(l)) expect(asJson(longWay(l as Line))).toEqual(asJson(l))
        }
      }),
      { numRuns: 500 }
    )
    // A key no line has is refused.
    const line = { ...(FULL.lignes[0] as object), realise: '900.50', inconnu: 1 }
    expect(isReadyLigne({ ...(FULL.lignes[0] as object), realise: '900.50' })).toBe(true)
    expect(isReadyLigne(line)).toBe(false)
  })

  it('keeps a line only with its fields in canonical order, and budgetFromJson gives them so', () => {
    let reordered = 0
    fc.assert(
      fc.property(budget, fc.nat(), (doc, n) => {
        const canonical = parseBudget(doc)
        const text = JSON.stringify(canonical)
        // Each line's fields, its split's and its parts' written in another order.
        const shuffled = JSON.parse(text) as { lignes: Line[] }
        shuffled.lignes = shuffled.lignes.map((l, i) => {
          const keys = Object.keys(l)
          const turn = (n + i) % keys.length
          const split = l.repartition as
            | { mode: string; parts: Record<string, string>[] }
            | undefined
          const out: Line = Object.fromEntries(
            [...keys.slice(turn), ...keys.slice(0, turn)].map((k) => [k, l[k]])
          )
          if (split !== undefined && (n + i) % 2 === 0) {
            out.repartition = {
              parts: split.parts.map((p) => Object.fromEntries(Object.entries(p).reverse())),
              mode: split.mode,
            }
          }
          if (JSON.stringify(out) !== JSON.stringify(l)) {
            reordered++
            expect(isReadyLigne(out)).toBe(false)
          }
          return out
        })
        expect(JSON.stringify(budgetFromJson(JSON.stringify(shuffled)))).toBe(text)
        expect(JSON.stringify(budgetFromJson(text))).toBe(text)
      }),
      { numRuns: 200 }
    )
    expect(reordered).toBeGreaterThan(200)
  })
})

describe('patterns read character by character', () => {
  /**
   * A check and its pattern say the same of 5 000 strings made of the characters the pattern
   * looks at (`alphabet`, up to `maxLength` of them), and of the given edge cases.
   */
  function agrees(
    check: (text: string) => boolean,
    pattern: RegExp,
    alphabet: string,
    maxLength: number,
    edges: readonly string[]
  ): void {
    const near = fc.string({ unit: fc.constantFrom(...alphabet.split('')), maxLength })
    fc.assert(
      fc.property(near, (text) => {
        expect(check(text)).toBe(pattern.test(text))
      }),
      { numRuns: 5000 }
    )
    for (const text of edges) expect(check(text), text).toBe(pattern.test(text))
  }

  it('isCompte is the accounts pattern', () => {
    agrees(isCompte, COMPTE_PATTERN, '0136789-. a', 10, [
      '6',
      '60',
      '64111111',
      '641111111',
      '7',
      '86',
      '8',
      '85',
      '870000',
      '8700000',
      '87000000',
    ])
  })

  it('isLineOfText is the texts’ pattern', () => {
    agrees(isLineOfText, /^[^\r\n]*\S[^\r\n]*$/, ' a\t\r\n\u00a0\u2028é~!', 8, [
      '',
      ' ',
      'a',
      ' a',
      'a\n',
      '\u3000',
      '\u00a0x',
      '~',
      '\u007f',
    ])
  })

  it('isPercentText is the schema’s percentage pattern', () => {
    agrees(isPercentText, /^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/, '0019.-5 ,', 9, [
      '100',
      '100.0000',
      '100.00000',
      '100.5',
      '1000',
      '99.9999',
      '05',
      '007',
      '.5',
      '5.',
    ])
  })

  it('isCanonicalAmount is centsToString’s form, and what it writes', () => {
    agrees(isCanonicalAmount, /^(?:0|-?[1-9]\d*)\.\d\d$|^-0\.(?:0[1-9]|[1-9]\d)$/, '0015.-9 ', 9, [
      '0.00',
      '-0.00',
      '-0.05',
      '-0.50',
      '00.00',
      '1.00',
      '-10.01',
      '.00',
      '-.00',
    ])
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        expect(isCanonicalAmount(centsToString(cents))).toBe(true)
      })
    )
  })
})
