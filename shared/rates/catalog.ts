// The versions of the rate tables, and which one is in force on a given date.
import { frenchDate, isIsoDate, todayInFrance } from '../dates'
import { AciError, describeValue } from '../errors'
import aci2019 from './aci-2019.json'
import aciAvenant2 from './aci-avenant-2.json'
import { loadRateTable } from './load'
import type { RateTable } from './table'

/** The date formatter lives in dates.ts; re-exported for the modules that still import it from here. */
export { frenchDate } from '../dates'

/** The table files shipped with the product, oldest first. Adding a version = adding its file here. */
export const BUNDLED_TABLE_FILES: readonly unknown[] = [aci2019, aciAvenant2]

export class Catalog {
  /** Versions by effective date, oldest first. */
  readonly tables: readonly RateTable[]
  private readonly byId: ReadonlyMap<string, RateTable>

  constructor(tables: readonly RateTable[]) {
    this.tables = [...tables].sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : 1))
    this.byId = new Map(this.tables.map((t) => [t.id, t]))
    if (this.byId.size !== this.tables.length) {
      throw new AciError('bareme_invalide', 'Deux barèmes portent le même identifiant.', 'bareme')
    }
    for (let i = 1; i < this.tables.length; i++) {
      if (this.tables[i]?.effectiveDate === this.tables[i - 1]?.effectiveDate) {
        throw new AciError('bareme_invalide', 'Deux barèmes prennent effet le même jour.', 'bareme')
      }
    }
  }

  static fromFiles(files: readonly unknown[]): Catalog {
    return new Catalog(files.map(loadRateTable))
  }

  /** The version with this id (any case), or fails as not found. */
  byVersionId(id: string, argument = 'version'): RateTable {
    const table = this.byId.get(id.trim().toLowerCase())
    if (table) return table
    throw new AciError(
      'version_inconnue',
      `${argument} : version ${describeValue(id)} inconnue ; versions disponibles : ${this.tables.map((t) => t.id).join(', ')}.`,
      argument
    )
  }

  /**
   * The version in force on a date (YYYY-MM-DD): the last one whose effective date is on or before it.
   * A contract year that straddles a change is the contract's question, not this one's.
   */
  inForceOn(date: string, argument = 'date'): RateTable {
    let found: RateTable | undefined
    for (const table of this.tables) {
      if (table.effectiveDate <= date) found = table
      else break
    }
    if (found) return found
    const first = this.tables[0]
    throw new AciError(
      'date_anterieure',
      `${argument} : aucun barème ACI n’est en vigueur le ${frenchDate(date)} ; le premier prend effet le ${first ? frenchDate(first.effectiveDate) : '(aucun)'}.`,
      argument
    )
  }

  /** A version id, a date (YYYY-MM-DD) or nothing (today in France) → the table to use. */
  resolve(ref: string | RateTable | null | undefined, argument = 'version'): RateTable {
    if (ref === null || ref === undefined || ref === '')
      return this.inForceOn(todayInFrance(), argument)
    if (typeof ref !== 'string') return ref
    const text = ref.trim()
    return isIsoDate(text) ? this.inForceOn(text, argument) : this.byVersionId(text, argument)
  }
}

let bundled: Catalog | undefined

/** The catalog of the tables shipped with this build, loaded and checked once. */
export function bundledCatalog(): Catalog {
  bundled ??= Catalog.fromFiles(BUNDLED_TABLE_FILES)
  return bundled
}
