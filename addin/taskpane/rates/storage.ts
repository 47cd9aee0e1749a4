// Where the pane keeps downloaded rate tables: Office's storage in Excel, localStorage in a plain browser, memory otherwise.

export interface KeyValueStore {
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
}

/** OfficeRuntime.storage, as the shared runtime offers it (10 MB per add-in, kept across sessions). */
interface OfficeRuntimeStorage {
  getItem(key: string): Promise<string | null>
  setItem(key: string, value: string): Promise<void>
}

export class MemoryStore implements KeyValueStore {
  private readonly items = new Map<string, string>()
  async get(key: string): Promise<string | null> {
    return this.items.get(key) ?? null
  }
  async set(key: string, value: string): Promise<void> {
    this.items.set(key, value)
  }
}

/** The best store this page has: Office's, then the browser's, then memory (private browsing, tests). */
export function defaultStore(): KeyValueStore {
  const office = (globalThis as { OfficeRuntime?: { storage?: OfficeRuntimeStorage } })
    .OfficeRuntime?.storage
  if (office !== undefined) {
    return {
      get: (key) => office.getItem(key),
      set: (key, value) => office.setItem(key, value),
    }
  }
  try {
    const local = globalThis.localStorage
    local.getItem('aci-cpts:test')
    return {
      get: async (key) => local.getItem(key),
      set: async (key, value) => local.setItem(key, value),
    }
  } catch {
    return new MemoryStore()
  }
}
