// The yearly dossier of a CPTS for the ARS, the CPAM and the auditor: its model and JSON here; its PDF in ./pdf, loaded only when a dossier is made.
export { buildDossier, type DossierInput } from './build'
export { dossierFileName } from './file-name'
export { dossierFromJson, dossierToJson, parseDossier } from './json'
export { KEY_MIN_LENGTH, pseudonymOf } from './pseudonym'
export { dossierOfRequest, dossierRequestSchema } from './request'
export { type Dossier, dossierSchema } from './schema'
export { DOSSIER_SCHEMA_VERSION, PRODUCT } from './version'

/**
 * The PDF renderer, loaded on demand: `const { dossierPdf } = await loadDossierPdf()`. A dynamic
 * import, so that bundlers put pdf-lib and the layout in their own chunk, fetched only when a
 * dossier is made; nothing imports ./pdf statically.
 */
export function loadDossierPdf(): Promise<typeof import('./pdf')> {
  return import('./pdf')
}
