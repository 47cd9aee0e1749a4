// The rate-table endpoints inside workerd: listing, whole tables with strong ETags and 304, the version in force.
import { exports } from 'cloudflare:workers'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { bundledCatalog, canonicalJson, sha256Hex } from '../../shared'
import { problemSchema, versionListSchema } from '../../worker/schemas'

const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(`https://cpts.test${path}`, { headers })

describe('GET /api/v1/rates', () => {
  it('lists every version with its source, effective date and SHA-256', async () => {
    const res = await get('/api/v1/rates')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const body = v.parse(versionListSchema, await res.json())
    expect(body.versions.map((x) => [x.id, x.effectiveDate])).toEqual([
      ['aci-2019', '2019-08-25'],
      ['aci-avenant-2', '2022-04-01'],
    ])
    expect(body.versions.map((x) => x.sha256)).toEqual(bundledCatalog().tables.map((t) => t.sha256))
  })
})

describe('GET /api/v1/rates/{id}', () => {
  it('serves the whole table, whose SHA-256 the client can recompute, with a strong ETag and an immutable cache', async () => {
    const res = await get('/api/v1/rates/aci-avenant-2')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { id: string; sha256: string; table: unknown }
    expect(body.id).toBe('aci-avenant-2')
    expect(sha256Hex(canonicalJson(body.table))).toBe(body.sha256)
    expect(res.headers.get('etag')).toBe(`"${body.sha256}"`)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('answers 304 without a body when If-None-Match names the table', async () => {
    const etag = `"${bundledCatalog().byVersionId('aci-2019').sha256}"`
    for (const ifNoneMatch of [etag, `W/${etag}`, `"autre", ${etag}`, '*']) {
      const res = await get('/api/v1/rates/aci-2019', { 'If-None-Match': ifNoneMatch })
      expect(res.status, ifNoneMatch).toBe(304)
      expect(res.headers.get('etag')).toBe(etag)
      expect(await res.text()).toBe('')
    }
    const stale = await get('/api/v1/rates/aci-2019', { 'If-None-Match': '"0000"' })
    expect(stale.status).toBe(200)
    await stale.arrayBuffer()
  })

  it('accepts the id in any case and answers 404 problem+json for an unknown version', async () => {
    const upper = await get('/api/v1/rates/ACI-2019')
    expect(upper.status).toBe(200)
    await upper.arrayBuffer()
    const res = await get('/api/v1/rates/aci-2031')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const problem = v.parse(problemSchema, await res.json())
    expect(problem).toMatchObject({
      status: 404,
      code: 'version_inconnue',
      field: 'id',
      instance: '/api/v1/rates/aci-2031',
    })
    expect(problem.detail).toMatch(/versions disponibles : aci-2019, aci-avenant-2/)
  })
})

describe('GET /api/v1/rates/current', () => {
  it.each([
    ['2019-08-25', 'aci-2019'],
    ['2022-03-31', 'aci-2019'],
    ['2022-04-01', 'aci-avenant-2'],
  ])('on %s serves %s', async (date, id) => {
    const res = await get(`/api/v1/rates/current?date=${date}`)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { id: string }).id).toBe(id)
    expect(res.headers.get('content-location')).toBe(`/api/v1/rates/${id}`)
  })

  it('serves today’s version without a date', async () => {
    const res = await get('/api/v1/rates/current')
    expect(((await res.json()) as { id: string }).id).toBe(bundledCatalog().resolve(undefined).id)
  })

  it('answers 404 before the first version and 400 for a malformed date or an unknown parameter', async () => {
    const before = await get('/api/v1/rates/current?date=2019-08-24')
    expect(before.status).toBe(404)
    expect(((await before.json()) as { code: string }).code).toBe('date_anterieure')
    for (const query of ['date=2022-02-30', 'date=24/08/2022', 'jour=2022-01-01']) {
      const res = await get(`/api/v1/rates/current?${query}`)
      expect(res.status, query).toBe(400)
      const problem = v.parse(problemSchema, await res.json())
      expect(problem.code).toBe('requete_invalide')
      expect(problem.field).toBe(query.split('=')[0])
    }
  })
})
