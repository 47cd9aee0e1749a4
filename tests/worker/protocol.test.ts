// HTTP behaviour inside workerd: 404/405/413/415 problems, CORS from configuration only, security headers, OpenAPI, health.
import { exports } from 'cloudflare:workers'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../worker/app'
import { healthSchema, problemSchema } from '../../worker/schemas'

const call = (path: string, init?: RequestInit) =>
  exports.default.fetch(`https://cpts.test${path}`, init)

async function problemOf(res: Response, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  return v.parse(problemSchema, await res.json())
}

describe('refus au format problem+json', () => {
  it('404 for an unknown route', async () => {
    const problem = await problemOf(await call('/api/v1/nowhere'), 404)
    expect(problem).toMatchObject({
      code: 'ressource_introuvable',
      title: 'Ressource introuvable',
      instance: '/api/v1/nowhere',
    })
  })

  it.each([
    ['/api/v1/rates', 'DELETE', 'GET, HEAD'],
    ['/api/v1/rates/aci-2019', 'PUT', 'GET, HEAD'],
    ['/api/v1/envelopes', 'POST', 'GET, HEAD'],
    ['/api/v1/budgets/check', 'GET', 'POST'],
    ['/api/v1/budgets/cerfa', 'GET', 'POST'],
    ['/api/v1/contracts/schedule', 'PUT', 'POST'],
    ['/api/v1/contracts/cutoff', 'GET', 'POST'],
    ['/api/v1/contracts/variable', 'DELETE', 'POST'],
    ['/api/v1/portfolio/check', 'GET', 'POST'],
    ['/healthz', 'PATCH', 'GET, HEAD'],
  ])('405 for %s with %s, with Allow: %s', async (path, method, allow) => {
    const res = await call(path, { method })
    expect(res.headers.get('allow')).toBe(allow)
    expect((await problemOf(res, 405)).code).toBe('methode_non_autorisee')
  })

  it('415 for a budget that is not JSON', async () => {
    const res = await call('/api/v1/budgets/check', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    })
    expect(res.headers.get('accept-post')).toBe('application/json, text/csv')
    expect((await problemOf(res, 415)).field).toBe('Content-Type')
  })

  it('413 for a body over 1 MiB, announced or streamed', async () => {
    const big = `{"x":"${'a'.repeat(1024 * 1024)}"}`
    const announced = await call('/api/v1/budgets/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: big,
    })
    expect((await problemOf(announced, 413)).code).toBe('corps_trop_volumineux')
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big))
        controller.close()
      },
    })
    const streamed = await call('/api/v1/budgets/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
    })
    expect((await problemOf(streamed, 413)).code).toBe('corps_trop_volumineux')
  })

  it('400 for malformed JSON', async () => {
    const res = await call('/api/v1/budgets/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"profil": ',
    })
    expect((await problemOf(res, 400)).code).toBe('json_invalide')
  })
})

describe('CORS et en-têtes de sécurité', () => {
  it('answers a preflight from an origin of the configuration, and only from it', async () => {
    // wrangler.toml leaves ALLOWED_ORIGINS empty: no foreign origin is allowed by default.
    const foreign = await call('/api/v1/envelopes', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    })
    expect(foreign.status).toBe(204)
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('follows the configured origins, read again when the configuration changes', async () => {
    const app = createApp()
    const preflight = (origin: string, ALLOWED_ORIGINS: string) =>
      app.request(
        '/api/v1/envelopes',
        {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
        },
        { ALLOWED_ORIGINS, ASSETS: { fetch: async () => new Response(null, { status: 404 }) } }
      )
    const configured = 'https://a.example, https://b.example'
    for (const origin of ['https://a.example', 'https://b.example']) {
      const res = await preflight(origin, configured)
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
      expect(res.headers.get('access-control-max-age')).toBe('600')
    }
    expect(
      (await preflight('https://c.example', configured)).headers.get('access-control-allow-origin')
    ).toBeNull()
    // Another configuration on the same app: its origins, not the previous ones.
    const other = 'https://c.example'
    expect(
      (await preflight('https://c.example', other)).headers.get('access-control-allow-origin')
    ).toBe('https://c.example')
    expect(
      (await preflight('https://a.example', other)).headers.get('access-control-allow-origin')
    ).toBeNull()
  })

  it('puts security headers on every API answer, errors included', async () => {
    for (const res of [
      await call('/api/v1/rates'),
      await call('/api/v1/nowhere'),
      await call('/healthz'),
    ]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      await res.arrayBuffer()
    }
  })
})

describe('documents du service', () => {
  it('GET /healthz', async () => {
    const res = await call('/healthz')
    expect(res.status).toBe(200)
    expect(v.parse(healthSchema, await res.json())).toEqual({
      status: 'ok',
      versions: ['aci-2019', 'aci-avenant-2'],
    })
  })

  it('GET /api/v1/openapi.json describes every operation, with parameters generated from the validating schemas', async () => {
    const res = await call('/api/v1/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as {
      openapi: string
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>
      components: { schemas: Record<string, unknown> }
    }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/budgets/cerfa',
      '/api/v1/budgets/check',
      '/api/v1/contracts/cutoff',
      '/api/v1/contracts/schedule',
      '/api/v1/contracts/variable',
      '/api/v1/dossiers',
      '/api/v1/envelopes',
      '/api/v1/indemnities',
      '/api/v1/ledger/actuals',
      '/api/v1/portfolio/check',
      '/api/v1/rates',
      '/api/v1/rates/current',
      '/api/v1/rates/{id}',
      '/api/v1/treasury',
      '/healthz',
    ])
    expect(doc.paths['/api/v1/envelopes']?.get?.parameters?.map((p) => p.name)).toEqual([
      'taille',
      'population',
      'version',
      'date',
      'missions',
      'taux',
      'phase',
    ])
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Problem', 'Envelopes', 'RateTableFile', 'Budget'])
    )
    // Every $ref resolves inside the document.
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? []
    for (const ref of refs)
      expect(doc.components.schemas).toHaveProperty(ref.split('/').pop()?.replace('"', '') ?? '')
  })
})

describe('paramètres répétés et réponses aux POST', () => {
  it('refuse en français un paramètre de requête donné deux fois, en le nommant', async () => {
    const problem = await problemOf(await call('/api/v1/envelopes?taille=2&taille=3'), 400)
    expect(problem.detail).toBe(
      'taille : le paramètre est donné plusieurs fois ; une seule valeur attendue.'
    )
    expect(problem.field).toBe('taille')
  })

  it('accepte des paramètres différents', async () => {
    const res = await call('/api/v1/envelopes?taille=2&version=aci-2019')
    expect(res.status).toBe(200)
  })

  it('interdit aux caches de garder la réponse à un POST', async () => {
    const res = await call('/api/v1/contracts/schedule', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        signature: '2024-04-15',
        taille: 2,
        missions: [{ mission: 'acces', debut: '2024-10-01' }],
      }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})
