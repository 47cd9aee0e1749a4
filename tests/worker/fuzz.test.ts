// A bounded fuzz of the API inside workerd: thousands of random and malformed requests, none answered 5xx.
import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import worker from '../../worker/index'

const paths = [
  '/api/v1/rates',
  '/api/v1/rates/current',
  '/api/v1/rates/aci-2019',
  '/api/v1/rates/%00',
  '/api/v1/rates/..%2F..%2Fetc',
  '/api/v1/envelopes',
  '/api/v1/budgets/check',
  '/api/v1/budgets/cerfa',
  '/api/v1/contracts/schedule',
  '/api/v1/contracts/cutoff',
  '/api/v1/contracts/variable',
  '/api/v1/indemnities',
  '/api/v1/portfolio/check',
  '/api/v1/dossiers',
  '/api/v1/ledger/actuals',
  '/api/v1/treasury',
  '/api/v1/openapi.json',
  '/api/v2/rates',
  '/healthz',
]
const keys = [
  'taille',
  'population',
  'version',
  'date',
  'missions',
  'taux',
  'phase',
  'formulaire',
  'section',
  'seuilEcart',
  'debut',
  'fin',
  'x',
  '',
  'taille[]',
  '__proto__',
]
const values = fc.oneof(
  fc.constantFrom(
    '1',
    '2',
    '4',
    '0',
    '-1',
    '2.5',
    '1e3',
    'NaN',
    'Infinity',
    'aci-2019',
    'aci-avenant-2',
    '2019-08-24',
    '2022-04-01',
    '2022-02-30',
    'acces,crise',
    'crise',
    'redaction',
    'mise_a_jour',
    '12156',
    '15059',
    'hors_aci',
    '0.8',
    '1.0000000001',
    ''
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.nat().map(String)
)
const query = fc
  .array(fc.tuple(fc.constantFrom(...keys), values), { maxLength: 6 })
  .map((pairs) => {
    const params = new URLSearchParams()
    for (const [k, val] of pairs) params.append(k, val)
    return params.toString()
  })
const budgetish = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.string({ maxLength: 200 }),
  fc
    .record({
      profil: fc.oneof(
        fc.anything({ maxDepth: 2 }),
        fc.record({ nom: fc.string(), taille: fc.integer(), dateSignature: fc.string() })
      ),
      lignes: fc.oneof(
        fc.anything({ maxDepth: 2 }),
        fc.array(
          fc.record({
            compte: fc.string(),
            libelle: fc.string(),
            montant: fc.oneof(fc.string(), fc.double()),
          }),
          { maxLength: 5 }
        )
      ),
    })
    .map((x) => JSON.stringify(x))
)
/** Contract-shaped bodies: valid fields with random values, and the cut-off's envelope around them. */
const contractish = fc
  .record(
    {
      signature: fc.oneof(fc.constantFrom('2022-04-15', '2019-08-25', '2030-02-29'), fc.string()),
      taille: fc.oneof(fc.integer({ min: -1, max: 5 }), fc.array(fc.integer({ min: 0, max: 5 }))),
      missions: fc.array(
        fc.record(
          {
            mission: fc.constantFrom('acces', 'crise', 'parcours', 'x'),
            debut: fc.constantFrom('2022-10-15', '2021-01-01', '2040-01-01', 'demain'),
            taux: fc.oneof(fc.constantFrom('0.8', '1', '2', '-0'), fc.array(fc.constant('0.5'))),
            crisesReconnues: fc.array(fc.boolean()),
          },
          { requiredKeys: ['mission'] }
        ),
        { maxLength: 3 }
      ),
      options: fc.anything({ maxDepth: 1 }),
    },
    { requiredKeys: [] }
  )
  .chain((contrat) =>
    fc.oneof(
      fc.constant(contrat),
      fc.record({
        contrat: fc.constant(contrat),
        exercice: fc.oneof(
          fc.constant({ debut: '2022-01-01', fin: '2022-12-31' }),
          fc.anything({ maxDepth: 1 })
        ),
        options: fc.anything({ maxDepth: 1 }),
      })
    )
  )
  .map((x) => JSON.stringify(x))
const headers = fc.record(
  {
    'Content-Type': fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'text/csv',
      'text/csv; charset=windows-1252',
      'text/tab-separated-values',
      'application/x-ndjson',
      'application/x-www-form-urlencoded',
      'application/problem+json',
      '',
      'json'
    ),
    'If-None-Match': fc.oneof(fc.constant('*'), fc.string({ maxLength: 70 })),
    Origin: fc.constantFrom('https://evil.example', 'null', 'https://cpts.test'),
    Accept: fc.constantFrom('*/*', 'text/html', 'application/xml', 'application/pdf'),
  },
  { requiredKeys: [] }
)
const request = fc.record({
  method: fc.constantFrom(
    'GET',
    'GET',
    'GET',
    'POST',
    'POST',
    'HEAD',
    'PUT',
    'DELETE',
    'OPTIONS',
    'PATCH'
  ),
  path: fc.oneof(fc.constantFrom(...paths), fc.webPath()),
  query,
  headers,
  body: fc.oneof(budgetish, contractish),
})

describe('fuzz borné de l’API', () => {
  it('answers 5 000 random and malformed requests without a single 5xx', async () => {
    let count = 0
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, query: q, headers: h, body }) => {
        const init: RequestInit = { method, headers: h }
        if (method === 'POST' || method === 'PUT' || method === 'PATCH') init.body = body
        // The Worker's own handler, inside workerd, without the loopback hop of each test request.
        const url = `https://cpts.test${path.startsWith('/') ? path : `/${path}`}?${q}`
        const res = await worker.fetch(new Request(url, init), env)
        await res.arrayBuffer()
        count += 1
        expect(res.status, `${method} ${path}?${q}`).toBeLessThan(500)
      }),
      { numRuns: 5000, seed: 20261122 }
    )
    expect(count).toBe(5000)
  }, 120_000)
})
