// The versions a dossier carries: its JSON schema's, and the product's that built it.

/**
 * The version of the dossier's JSON schema (dossier.schema.json). A reader that knows "1.x"
 * reads any "1.y"; a field removed or changed in meaning makes it "2.0".
 */
export const DOSSIER_SCHEMA_VERSION = '1.0'

/** The product and its version, printed in every dossier (kept equal to package.json by a test). */
export const PRODUCT = { nom: 'ACI-CPTS', version: '0.1.0' } as const
