// POST /api/v1/indemnities inside workerd: the register of time computed by the shared core, one row per person and calendar year against the PASS, and its refusals as problem+json, never a 500.
import { exports } from 'cloudflare:workers'
import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { indemnitesOfRequest } from '../../shared'
import { problemSchema } from '../../worker/schemas'

const post = (body: unknown, contentType = 'application/json') =>
  exports.default.fetch('https://cpts.test/api/v1/indemnities', {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

/** The request of the issue: a rate by profession changed in June, a person's own rate, a year past the PASS. */
const example = {
  personnes: [
    { id: 'Dr Martin', profession: 'médecin généraliste' },
    { id: 'INF-002', profession: 'infirmier' },
  ],
  taux: [
    { profession: 'médecin généraliste', depuis: '2026-01-01', horaire: '90.00' },
    { profession: 'médecin généraliste', depuis: '2026-06-01', horaire: '100.00' },
    { personne: 'INF-002', depuis: '2025-01-01', horaire: '2000.00' },
  ],
  temps: [
    {
      personne: 'Dr Martin',
      date: '2026-05-31',
      heures: '2.5',
      section: 'parcours',
      nature: 'remuneration',
    },
    {
      personne: 'Dr Martin',
      date: '2026-06-01',
      heures: '2.5',
      section: 'gouvernance',
      nature: 'indemnite',
    },
    // 24 h at 2 000 € = 48 000 €, then one more hour: past the PASS 2025 (47 100 €).
    {
      personne: 'INF-002',
      date: '2025-11-03',
      heures: '24',
      section: 'prevention',
      nature: 'remuneration',
    },
    {
      personne: 'INF-002',
      date: '2025-11-04',
      heures: '1',
      section: 'prevention',
      nature: 'remuneration',
    },
  ],
}

interface Answer {
  personnes: {
    id: string
    annee: number
    total: string
    plafond: string | null
    depassement: string | null
    statut: string
    franchissement: string | null
  }[]
  sections: { section: string; montant: string; heures: string }[]
  constats: {
    code: string
    severity: string
    message: string
    personne?: string
    depassement?: string
  }[]
}

async function answer(body: unknown): Promise<Answer> {
  const res = await post(body)
  expect(res.status).toBe(200)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
  expect(res.headers.get('Cache-Control')).toBe('no-store')
  return (await res.json()) as Answer
}

async function problemOf(body: unknown, status: number, contentType?: string) {
  const res = await post(body, contentType)
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  return v.parse(problemSchema, await res.json())
}

describe('POST /api/v1/indemnities', () => {
  it('answers one row per person and calendar year, the sections and the findings', async () => {
    const json = await answer(example)
    expect(
      json.personnes.map(({ id, annee, total, plafond, depassement, statut, franchissement }) => ({
        id,
        annee,
        total,
        plafond,
        depassement,
        statut,
        franchissement,
      }))
    ).toEqual([
      // 2.5 × 90 + 2.5 × 100
      {
        id: 'Dr Martin',
        annee: 2026,
        total: '475.00',
        plafond: '48060.00',
        depassement: '0.00',
        statut: 'sous-plafond',
        franchissement: null,
      },
      {
        id: 'INF-002',
        annee: 2025,
        total: '50000.00',
        plafond: '47100.00',
        depassement: '2900.00',
        statut: 'depasse',
        franchissement: '2025-11-03',
      },
    ])
    expect(json.sections).toEqual([
      expect.objectContaining({ section: 'fonctionnement', montant: '250.00', heures: '2.5' }),
      expect.objectContaining({ section: 'parcours', montant: '225.00', heures: '2.5' }),
      expect.objectContaining({ section: 'prevention', montant: '50000.00', heures: '25' }),
    ])
    expect(json.constats[0]).toMatchObject({
      code: 'PASS-DEPASSE',
      severity: 'error',
      personne: 'INF-002',
      depassement: '2900.00',
    })
  })

  it('is the shared core’s answer, to the character', async () => {
    expect(await answer(example)).toEqual(JSON.parse(JSON.stringify(indemnitesOfRequest(example))))
  })

  it('says a year without a PASS is not checked, rather than guessing', async () => {
    const json = await answer({
      ...example,
      temps: [
        {
          personne: 'INF-002',
          date: '2031-02-01',
          heures: '1',
          section: 'crise',
          nature: 'remuneration',
        },
      ],
    })
    expect(json.personnes[0]).toMatchObject({
      annee: 2031,
      plafond: null,
      depassement: null,
      statut: 'pass-inconnu',
    })
    expect(json.constats[0]).toMatchObject({ code: 'PASS-INCONNU', severity: 'error' })
  })

  it.each([
    [{ ...example, temps: [{ ...example.temps[0], heures: '2,5' }] }, 'demande.temps[0].heures'],
    [
      { ...example, temps: [{ ...example.temps[0], personne: 'Dr Durand' }] },
      'demande.temps[0].personne',
    ],
    [{ ...example, temps: [{ ...example.temps[0], date: '2025-12-31' }] }, 'demande.temps[0]'],
    [{ ...example, taux: [{ depuis: '2026-01-01', horaire: '90' }] }, 'demande.taux[0]'],
    [{ personnes: [] }, 'demande.taux'],
    [[], 'demande'],
  ])('refuses a bad register in French, naming the field (%#)', async (body, field) => {
    const problem = await problemOf(body, 400)
    expect(problem.code).toBe('registre_invalide')
    expect(problem.field).toBe(field)
    expect(problem.detail.startsWith(field)).toBe(true)
  })

  it('refuses what is not JSON', async () => {
    expect((await problemOf('{', 400)).code).toBe('json_invalide')
    expect((await problemOf('a;b', 415, 'text/csv')).code).toBe('type_de_contenu')
  })

  it('answers 405 with Allow to another method', async () => {
    const res = await exports.default.fetch('https://cpts.test/api/v1/indemnities')
    expect(res.status).toBe(405)
    expect(res.headers.get('Allow')).toBe('POST')
  })

  it('never answers a 5xx to random registers', async () => {
    const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean())
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          personnes: fc.array(fc.record({ id: fc.string(), profession: fc.string() }), {
            maxLength: 3,
          }),
          taux: fc.array(
            fc.record({
              profession: fc.string(),
              depuis: fc.constantFrom('2025-01-01', '2026-13-01', 'x'),
              horaire: fc.oneof(fc.constantFrom('80', '0.5'), fc.string()),
            }),
            { maxLength: 3 }
          ),
          temps: fc.array(
            fc.record({
              personne: fc.string(),
              date: fc.constantFrom('2025-03-01', '2026-02-29'),
              heures: fc.oneof(fc.constantFrom('1', '24.5', 0.25), anything),
              section: fc.constantFrom('acces', 'gouvernance', 'x'),
              nature: fc.constantFrom('indemnite', 'remuneration', 'x'),
            }),
            { maxLength: 4 }
          ),
        }),
        async (body) => {
          const res = await post(body)
          expect(res.status).toBeLessThan(500)
        }
      ),
      { numRuns: 150 }
    )
  })
})
