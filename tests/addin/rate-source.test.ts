// The pane's rate tables: built in, downloaded when newer, verified by SHA-256, cached, and kept when offline.
import { describe, expect, it } from 'vitest'
import { loadRateSource } from '../../addin/taskpane/rates/rate-source'
import { MemoryStore } from '../../addin/taskpane/rates/storage'
import { BUNDLED_TABLE_FILES, bundledCatalog, loadRateTable } from '../../shared'

const API = 'https://cpts.example/api/v1/'

/** A new version, as the next avenant would be published: the avenant 2 grid under a new id and date. */
function nextVersionFile(): Record<string, unknown> {
  const base = structuredClone(BUNDLED_TABLE_FILES[1]) as Record<string, unknown>
  return { ...base, id: 'aci-avenant-3', title: 'Avenant 3 (essai)', effectiveDate: '2026-06-01' }
}

function service(
  files: Record<string, unknown>[],
  tamper?: (file: Record<string, unknown>) => void
) {
  const calls: string[] = []
  const fetch = (async (input: URL | RequestInfo) => {
    const url = String(input)
    calls.push(url)
    const tables = files.map((f) => loadRateTable(f))
    if (url === `${API}rates`) {
      return Response.json({ versions: tables.map((t) => ({ id: t.id, sha256: t.sha256 })) })
    }
    const id = url.slice(`${API}rates/`.length)
    const file = files.find((f) => f.id === id)
    if (file === undefined) return new Response('{}', { status: 404 })
    const served = structuredClone(file)
    tamper?.(served)
    return Response.json({ id, table: served })
  }) as typeof globalThis.fetch
  return { fetch, calls }
}

describe('loadRateSource', () => {
  it('downloads a version the build does not have, verifies it and caches it', async () => {
    const store = new MemoryStore()
    const { fetch, calls } = service([
      ...(BUNDLED_TABLE_FILES as Record<string, unknown>[]),
      nextVersionFile(),
    ])
    const state = await loadRateSource({ fetch, api: API, store })
    expect(state.serviceReachable).toBe(true)
    expect(state.catalog.tables.map((t) => t.id)).toEqual([
      'aci-2019',
      'aci-avenant-2',
      'aci-avenant-3',
    ])
    expect(state.origins.get('aci-avenant-3')).toBe('telecharge')
    expect(state.origins.get('aci-2019')).toBe('integre')
    expect(state.catalog.inForceOn('2026-11-23').id).toBe('aci-avenant-3')
    // Only the new version is downloaded: the built-in ones are known by their fingerprint.
    expect(calls).toEqual([`${API}rates`, `${API}rates/aci-avenant-3`])

    // Offline afterwards: the cached table is still used, re-verified, and said to come from the cache.
    const offline = (async () => {
      throw new TypeError('Failed to fetch')
    }) as typeof globalThis.fetch
    const later = await loadRateSource({ fetch: offline, api: API, store })
    expect(later.serviceReachable).toBe(false)
    expect(later.origins.get('aci-avenant-3')).toBe('cache')
    expect(later.notes.join(' ')).toMatch(/injoignable/)
  })

  it('refuses a table whose content does not match the announced SHA-256', async () => {
    const store = new MemoryStore()
    const { fetch } = service([nextVersionFile()], (file) => {
      ;(file as { title: string }).title = 'Avenant 3 (modifié en route)'
    })
    const state = await loadRateSource({ fetch, api: API, store })
    expect(state.catalog.tables.map((t) => t.id)).toEqual(['aci-2019', 'aci-avenant-2'])
    expect(state.notes.join(' ')).toMatch(/Barème aci-avenant-3 refusé : son empreinte SHA-256/)
    expect(await store.get('aci-cpts:baremes')).toBeNull()
  })

  it('refuses a table whose totals do not add up, with the loader’s French message', async () => {
    const { fetch } = service([nextVersionFile()], (file) => {
      const f = file as { fonctionnement: { amounts: Record<string, number> } }
      f.fonctionnement.amounts['1'] = 1
    })
    const state = await loadRateSource({ fetch, api: API, store: new MemoryStore() })
    expect(state.catalog.tables).toHaveLength(2)
    expect(state.notes.join(' ')).toMatch(/aci-avenant-3 non téléchargé/)
  })

  it('keeps the built-in version when the service announces another content under its id', async () => {
    const changed = {
      ...(structuredClone(BUNDLED_TABLE_FILES[0]) as Record<string, unknown>),
      title: 'Autre',
    }
    const { fetch, calls } = service([changed])
    const state = await loadRateSource({ fetch, api: API, store: new MemoryStore() })
    expect(state.catalog.byVersionId('aci-2019').sha256).toBe(
      bundledCatalog().byVersionId('aci-2019').sha256
    )
    expect(state.notes.join(' ')).toMatch(/empreinte différente/)
    expect(calls).toHaveLength(1)
  })

  it('answers on a 5xx or an unreadable list with the built-in tables', async () => {
    const fetch = (async () => new Response('oops', { status: 503 })) as typeof globalThis.fetch
    const state = await loadRateSource({ fetch, api: API, store: new MemoryStore() })
    expect(state.serviceReachable).toBe(false)
    expect(state.catalog.tables.map((t) => t.id)).toEqual(['aci-2019', 'aci-avenant-2'])
  })
})
