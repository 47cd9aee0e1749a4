// The plafond annuel de la sécurité sociale by calendar year: the cap of art. D. 1434-44 CSP on what a CPTS pays one professional.
import * as v from 'valibot'
import { Decimal } from '../../money'
import { dataError, dataHeader, parseDataFile, type Source, text } from '../data-file'
import passFile from './pass.json'

/** The schema of the file, built when a file is loaded (never when this module is). */
export function passSchema() {
  return v.strictObject({
    ...dataHeader,
    values: v.pipe(
      v.array(
        v.strictObject({
          annee: v.pipe(v.number('année attendue'), v.integer('année entière attendue')),
          montant: v.pipe(
            v.string('montant attendu sous forme de texte décimal'),
            v.regex(/^\d{1,7}$/, 'montant attendu : euros entiers positifs')
          ),
          source: text,
        })
      ),
      v.minLength(1, 'au moins une année attendue')
    ),
  })
}

export interface PassTable {
  readonly id: string
  readonly title: string
  readonly source: Source
  /** The day the cap came into force (décret n° 2022-375, JO of 17 March 2022). */
  readonly effectiveDate: string
  readonly notes: readonly string[]
  readonly sha256: string
  readonly firstYear: number
  readonly lastYear: number
  /** The PASS of a calendar year, or undefined when the table does not have it. */
  amount(year: number): Decimal | undefined
  /** Where the value of a year was read. */
  sourceOf(year: number): string | undefined
}

/** Checks the PASS file: contiguous years, oldest first, the first one being the cap's year of entry into force. */
export function loadPass(raw: unknown): PassTable {
  const { data, sha256 } = parseDataFile(passSchema(), raw)
  const firstYear = (data.values[0] as { annee: number }).annee
  data.values.forEach((row, i) => {
    if (row.annee !== firstYear + i) {
      throw dataError(data.id, `values[${i}] : année ${firstYear + i} attendue, reçu ${row.annee}.`)
    }
  })
  if (String(firstYear) !== data.effectiveDate.slice(0, 4)) {
    throw dataError(data.id, 'la première année doit être celle de l’entrée en vigueur du plafond.')
  }
  const amounts = new Map(data.values.map((row) => [row.annee, new Decimal(row.montant)]))
  const sources = new Map(data.values.map((row) => [row.annee, row.source]))
  return {
    id: data.id,
    title: data.title,
    source: data.source,
    effectiveDate: data.effectiveDate,
    notes: data.notes,
    sha256,
    firstYear,
    lastYear: firstYear + data.values.length - 1,
    amount: (year) => amounts.get(year),
    sourceOf: (year) => sources.get(year),
  }
}

let bundled: PassTable | undefined

/** The PASS table shipped with the product, loaded and checked once. */
export function bundledPass(): PassTable {
  bundled ??= loadPass(passFile)
  return bundled
}
