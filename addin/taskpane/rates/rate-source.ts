// Which rate tables the pane uses: those built in, plus newer ones downloaded from the service, verified by SHA-256 and cached.
import { bundledCatalog, Catalog, isAciError, loadRateTable, type RateTable } from '../../../shared'
import type { KeyValueStore } from './storage'

/** Where a table the pane uses came from. */
export type TableOrigin = 'integre' | 'telecharge' | 'cache'

export const TABLE_ORIGIN_LABELS: Readonly<Record<TableOrigin, string>> = {
  integre: 'intégré au complément',
  telecharge: 'téléchargé du service et vérifié',
  cache: 'téléchargé précédemment, conservé sur cet ordinateur',
}

export interface RateSourceState {
  readonly catalog: Catalog
  readonly origins: ReadonlyMap<string, TableOrigin>
  /** Did the service answer the list of versions? */
  readonly serviceReachable: boolean
  /** What happened, in French, for the pane to show: refusals, being offline. */
  readonly notes: readonly string[]
}

const CACHE_KEY = 'aci-cpts:baremes'

interface VersionListing {
  readonly id: string
  readonly sha256: string
}

function listingOf(body: unknown): VersionListing[] {
  const versions = (body as { versions?: unknown })?.versions
  if (!Array.isArray(versions)) throw new Error('liste des versions illisible')
  return versions.flatMap((v: unknown) => {
    const { id, sha256 } = (v ?? {}) as { id?: unknown; sha256?: unknown }
    return typeof id === 'string' && typeof sha256 === 'string' ? [{ id, sha256 }] : []
  })
}

/** Tables kept from an earlier download, each checked again (schema, totals, SHA-256). */
async function cachedTables(store: KeyValueStore, notes: string[]): Promise<RateTable[]> {
  const text = await store.get(CACHE_KEY)
  if (text === null) return []
  let files: unknown
  try {
    files = JSON.parse(text)
  } catch {
    notes.push('Le cache des barèmes était illisible ; il est ignoré.')
    return []
  }
  if (!Array.isArray(files)) return []
  return files.flatMap((file: unknown) => {
    try {
      return [loadRateTable(file)]
    } catch {
      notes.push('Un barème du cache ne passe plus le contrôle ; il est ignoré.')
      return []
    }
  })
}

/** Only new versions are accepted: a published version never changes, so a different content under a known id is refused. */
function accept(
  table: RateTable,
  known: Map<string, RateTable>,
  origins: Map<string, TableOrigin>,
  origin: TableOrigin,
  notes: string[]
): boolean {
  const existing = known.get(table.id)
  if (existing !== undefined) {
    if (existing.sha256 !== table.sha256) {
      notes.push(
        `Le barème ${table.id} reçu diffère de celui déjà connu (empreintes différentes) : il est refusé, la version connue reste utilisée.`
      )
    }
    return false
  }
  known.set(table.id, table)
  origins.set(table.id, origin)
  return true
}

/**
 * The tables to use. Always the built-in ones; then the cached ones; then, if the service answers,
 * every version it lists that is not known yet, downloaded, loaded (schema and totals checked) and
 * accepted only if its SHA-256 equals the one the list announced. Never throws: offline, the pane
 * works on what it has and says so.
 */
export async function loadRateSource(options: {
  readonly fetch: typeof fetch
  /** The service's API root, e.g. `https://localhost:8787/api/v1/`. */
  readonly api: string
  readonly store: KeyValueStore
}): Promise<RateSourceState> {
  const notes: string[] = []
  const known = new Map<string, RateTable>()
  const origins = new Map<string, TableOrigin>()
  for (const table of bundledCatalog().tables) {
    known.set(table.id, table)
    origins.set(table.id, 'integre')
  }
  const cached = await cachedTables(options.store, notes)
  for (const table of cached) accept(table, known, origins, 'cache', notes)

  let listing: VersionListing[]
  try {
    const response = await options.fetch(new URL('rates', options.api), {
      headers: { Accept: 'application/json' },
    })
    if (!response.ok) throw new Error(`statut ${response.status}`)
    listing = listingOf(await response.json())
  } catch {
    notes.push(
      'Service des barèmes injoignable : le volet utilise les barèmes intégrés et ceux déjà téléchargés.'
    )
    return { catalog: catalogOf(known, notes), origins, serviceReachable: false, notes }
  }

  const downloaded: unknown[] = []
  for (const entry of listing) {
    if (known.has(entry.id.toLowerCase())) {
      const existing = known.get(entry.id.toLowerCase()) as RateTable
      if (existing.sha256 !== entry.sha256) {
        notes.push(
          `Le service annonce pour ${entry.id} une empreinte différente de celle connue ; la version connue reste utilisée.`
        )
      }
      continue
    }
    try {
      const response = await options.fetch(
        new URL(`rates/${encodeURIComponent(entry.id)}`, options.api),
        {
          headers: { Accept: 'application/json' },
        }
      )
      if (!response.ok) throw new Error(`statut ${response.status}`)
      const body = (await response.json()) as { table?: unknown }
      const table = loadRateTable(body.table)
      if (table.sha256 !== entry.sha256) {
        notes.push(
          `Barème ${entry.id} refusé : son empreinte SHA-256 (${table.sha256.slice(0, 12)}…) n’est pas celle annoncée (${entry.sha256.slice(0, 12)}…).`
        )
        continue
      }
      if (accept(table, known, origins, 'telecharge', notes)) {
        downloaded.push(body.table)
        notes.push(
          `Barème ${table.id} téléchargé et vérifié (SHA-256 ${table.sha256.slice(0, 12)}…).`
        )
      }
    } catch (error) {
      notes.push(
        `Barème ${entry.id} non téléchargé : ${isAciError(error) ? error.message : 'réponse illisible ou réseau interrompu'}.`
      )
    }
  }
  if (downloaded.length > 0) {
    const keep = [...cached.map((t) => t.data), ...downloaded]
    await options.store.set(CACHE_KEY, JSON.stringify(keep))
  }
  return { catalog: catalogOf(known, notes), origins, serviceReachable: true, notes }
}

/** A catalog of the accepted tables; two effective on the same day would be ambiguous: the later arrival is left out. */
function catalogOf(known: Map<string, RateTable>, notes: string[]): Catalog {
  const byDate = new Map<string, RateTable>()
  for (const table of known.values()) {
    const other = byDate.get(table.effectiveDate)
    if (other !== undefined) {
      notes.push(
        `Les barèmes ${other.id} et ${table.id} prennent effet le même jour : ${table.id} est ignoré.`
      )
      continue
    }
    byDate.set(table.effectiveDate, table)
  }
  return new Catalog([...byDate.values()])
}
