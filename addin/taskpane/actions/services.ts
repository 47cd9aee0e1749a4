// What the pane's actions work with: the workbook, the service and its fetch, the local storage, the clock and the rate tables in use.
import type { Catalog } from '../../../shared'
import type { KeyValueStore } from '../rates/storage'
import type { Workbook } from '../workbook/workbook'

/** What the page hands the pane once, at start-up (main.tsx), and tests replace. */
export interface PaneServices {
  readonly workbook: Workbook
  readonly fetch: typeof fetch
  /** The service's API root, e.g. https://localhost:8787/api/v1/. */
  readonly api: string
  readonly store: KeyValueStore
  /** Today in France, ISO (YYYY-MM-DD): the date written on the sheets. */
  readonly today: () => string
}

/** The services, and the rate tables the pane uses now (bundled, cached and downloaded). */
export interface ActionServices extends PaneServices {
  readonly catalog: Catalog
}
