// POST /api/v1/dossiers inside workerd: pdf-lib runs there, the JSON is the core's byte for byte, bad inputs are problem+json and never a 500.
import { exports } from 'cloudflare:workers'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { type Budget, buildDossier, dossierSchema, dossierToJson, parseBudget } from '../../shared'
import { preferredFormat } from '../../worker/routes/dossiers'
import { problemSchema } from '../../worker/schemas'
import budget from '../budget/fixtures/cpts-taille-2-aci-avenant-2.json'

const post = (body: unknown, accept?: string, contentType = 'application/json') =>
  exports.default.fetch('https://cpts.test/api/v1/dossiers', {
    method: 'POST',
    headers: { 'Content-Type': contentType, ...(accept === undefined ? {} : { Accept: accept }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

const problemOf = async (res: Response) => {
  expect(res.headers.get('Content-Type')).toBe('application/problem+json')
  return v.parse(problemSchema, await res.json())
}

describe('POST /api/v1/dossiers', () => {
  it('answers the PDF for Accept: application/pdf, built by pdf-lib inside workerd', async () => {
    const started = Date.now()
    const res = await post({ budget, produitLe: '2026-03-15' }, 'application/pdf')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    expect(res.headers.get('Content-Disposition')).toBe(
      'attachment; filename="dossier-2025-cpts-des-deux-rives.pdf"'
    )
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect(new TextDecoder().decode(bytes.slice(0, 8))).toBe('%PDF-1.7')
    expect(bytes.length).toBeGreaterThan(20_000)
    // The same dossier as the core gives in Node, to the byte (pdf-lib is deterministic here).
    const again = new Uint8Array(
      await (await post({ budget, produitLe: '2026-03-15' }, 'application/pdf')).arrayBuffer()
    )
    expect(again).toEqual(bytes)
    // Wall time inside the test pool, a loose guard: Workers limit CPU time, not this.
    expect(Date.now() - started).toBeLessThan(20_000)
  }, 30_000)

  it('answers the core’s JSON for Accept: application/json, with its schema version', async () => {
    const res = await post({ budget, produitLe: '2026-03-15' }, 'application/json')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=UTF-8')
    const text = await res.text()
    expect(text).toBe(
      dossierToJson(
        buildDossier({ budget: parseBudget(budget) as Budget, produitLe: '2026-03-15' })
      )
    )
    const dossier = v.parse(dossierSchema, JSON.parse(text))
    expect(dossier.schemaVersion).toBe('1.0')
    expect(dossier.enveloppes.produitsAciExercice).toBe('271866.43')
  })

  it('answers JSON without an Accept header, dated today in Paris', async () => {
    const res = await post({ budget })
    expect(res.status).toBe(200)
    const dossier = (await res.json()) as { produitLe: string }
    expect(dossier.produitLe).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('pseudonymises the professionals’ names with the CPTS’s key', async () => {
    const res = await post(
      { budget, produitLe: '2026-03-15', cleDePseudonymisation: 'clé de la CPTS des Deux Rives' },
      'application/json'
    )
    const text = await res.text()
    expect(text).not.toContain('Anne Martin')
    expect(text).toMatch(/PS-[0-9a-f]{16}/)
  })

  it('takes a contract, an annex and its observations', async () => {
    const res = await post(
      {
        budget,
        produitLe: '2026-03-15',
        contrat: {
          signature: '2023-03-01',
          taille: 2,
          missions: [
            { mission: 'acces', debut: '2023-03-01', taux: '0.8' },
            {
              mission: 'crise',
              debut: '2024-03-01',
              crisesReconnues: [false, true, false, false, false],
            },
          ],
        },
        annexe: {
          annee: 2,
          missions: [
            {
              mission: 'crise',
              actions: [
                {
                  id: 'plan',
                  libelle: 'Activer le plan',
                  indicateurs: [
                    { id: 'activation', libelle: 'Plan activé', type: 'binaire', max: '52500' },
                  ],
                },
              ],
            },
          ],
        },
        observations: { activation: true },
      },
      'application/json'
    )
    expect(res.status).toBe(200)
    const dossier = (await res.json()) as {
      indicateurs: { crise: boolean; montantReclame: string }
    }
    expect(dossier.indicateurs).toMatchObject({ crise: true, montantReclame: '52500.00' })
  })

  it('answers 406 in problem+json when Accept allows neither PDF nor JSON', async () => {
    const res = await post({ budget }, 'text/html')
    expect(res.status).toBe(406)
    const problem = await problemOf(res)
    expect(problem.code).toBe('format_non_disponible')
    expect(problem.detail).toContain('application/pdf')
  })

  it.each([
    [{}, 400, 'budget'],
    [{ budget: { profil: {} } }, 400, 'budget.profil.nom'],
    [{ budget, inconnu: 1 }, 400, 'inconnu'],
    [{ budget, produitLe: '15/03/2026' }, 400, 'produitLe'],
    [{ budget, cleDePseudonymisation: 'court' }, 400, 'cleDePseudonymisation'],
    [{ budget, contrat: { signature: '2023-03-01' } }, 400, 'contrat.missions'],
    [{ budget, annexe: { missions: 'non' } }, 400, 'annexe.missions'],
    [{ budget, options: { prorata: 'semaines' } }, 400, 'options.prorata'],
    [
      { budget: { ...budget, profil: { ...budget.profil, version: 'aci-2099' } } },
      422,
      'budget.profil.version',
    ],
    [[], 400, 'demande'],
  ])('refuses %j with %i naming %s', async (body, status, field) => {
    for (const accept of ['application/json', 'application/pdf']) {
      const res = await post(body, accept)
      expect(res.status).toBe(status)
      expect((await problemOf(res)).field).toBe(field)
    }
  })

  it('refuses a body that is not JSON (415) or does not parse (400)', async () => {
    expect((await post('budget', 'application/pdf', 'text/plain')).status).toBe(415)
    expect((await post('{ "budget": ', 'application/pdf')).status).toBe(400)
  })

  it('answers 405 to GET with Allow: POST', async () => {
    const res = await exports.default.fetch('https://cpts.test/api/v1/dossiers')
    expect(res.status).toBe(405)
    expect(res.headers.get('Allow')).toBe('POST')
  })

  it('is in the OpenAPI document with both formats', async () => {
    const doc = (await (
      await exports.default.fetch('https://cpts.test/api/v1/openapi.json')
    ).json()) as {
      paths: Record<string, { post?: { responses: Record<string, { content?: object }> } }>
      components: { schemas: Record<string, unknown> }
    }
    const content = doc.paths['/api/v1/dossiers']?.post?.responses['200']?.content
    expect(Object.keys(content ?? {})).toEqual(['application/pdf', 'application/json'])
    expect(doc.components.schemas.Dossier).toBeDefined()
    expect(doc.components.schemas.DossierRequest).toBeDefined()
  })
})

describe('Accept negotiation', () => {
  it.each([
    [undefined, 'json'],
    ['*/*', 'json'],
    ['application/pdf', 'pdf'],
    ['application/json', 'json'],
    ['application/pdf, application/json;q=0.5', 'pdf'],
    ['application/json;q=0.4, application/pdf;q=0.9', 'pdf'],
    ['application/*', 'json'],
    ['text/html, */*;q=0.1', 'json'],
    ['text/html', null],
    ['application/pdf;q=0', null],
  ] as const)('%s → %s', (accept, format) => {
    expect(preferredFormat(accept)).toBe(format)
  })
})
