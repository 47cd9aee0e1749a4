// Vite plugin for the ACI.* functions: functions.json from their JSDoc, functions.js as one classic script that registers them.
// It does for Vite what Microsoft's custom-functions-metadata-plugin does for webpack.
import path from 'node:path'
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata'
import { build, type Plugin } from 'vite'

/** The module through which the task pane reads the generated metadata (names, parameters, descriptions). */
export const METADATA_MODULE = 'virtual:aci-functions-metadata'
const RESOLVED_METADATA_MODULE = `\0${METADATA_MODULE}`

export interface Association {
  /** The function's id in functions.json (ACI.<id> in Excel). */
  readonly id: string
  /** The name of the JavaScript function in the entry module. */
  readonly functionName: string
}

export interface FunctionsMetadata {
  /** functions.json, as the generator writes it. */
  readonly json: string
  readonly associations: readonly Association[]
}

/** Runs Microsoft's generator on the entry file; fails with every error it reports. */
export async function generateFunctionsMetadata(entry: string): Promise<FunctionsMetadata> {
  const result = await generateCustomFunctionsMetadata(path.resolve(entry), false)
  if (result.errors.length > 0) {
    throw new Error(`functions.json : JSDoc invalide\n${result.errors.join('\n')}`)
  }
  if (result.metadataJson === '')
    throw new Error(`functions.json : aucune @customfunction dans ${entry}`)
  return {
    json: result.metadataJson,
    associations: result.associate.map((a) => ({ id: a.id, functionName: a.functionName })),
  }
}

/**
 * The registration code appended to the entry module, one `associate` per function. Outside Excel
 * (the pane's preview in a browser) `CustomFunctions` does not exist: the page loads without error.
 */
export function associateCalls(associations: readonly Association[]): string {
  const calls = associations
    .map((a) => `\n  CustomFunctions.associate(${JSON.stringify(a.id)}, ${a.functionName});`)
    .join('')
  return `\nif (typeof CustomFunctions !== 'undefined') {${calls}\n}\n`
}

function appendAssociations(entry: string, associations: readonly Association[]): Plugin {
  return {
    name: 'aci:associate-functions',
    transform(code, id) {
      if (path.resolve(id.split('?')[0] ?? id) !== entry) return null
      return { code: code + associateCalls(associations), map: null }
    },
  }
}

export interface FunctionsBundle {
  readonly code: string
  /** Every source file in the bundle, for the watcher. */
  readonly moduleIds: readonly string[]
}

/**
 * Bundles the functions apart from the page, as one IIFE with no import and no export: Excel's
 * JavaScript-only runtime loads it as a classic script, and the page's code never leaks into it.
 * ES2020 keeps it readable by the older WebViews Excel desktop still uses.
 */
export async function bundleFunctions(
  entry: string,
  associations: readonly Association[]
): Promise<FunctionsBundle> {
  const output = await build({
    configFile: false,
    envDir: false,
    logLevel: 'warn',
    root: path.dirname(entry),
    publicDir: false,
    plugins: [appendAssociations(entry, associations)],
    build: {
      write: false,
      target: 'es2020',
      minify: true,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: entry,
        // As for the pane: the core (shared/) is pure, so a module of it whose exports the
        // functions do not use is left out, with the schemas it would build on loading.
        treeshake: {
          moduleSideEffects: (id: string) =>
            /[\\/]shared[\\/]/.test(id) && !id.includes('node_modules') ? false : undefined,
        },
        output: { format: 'iife', entryFileNames: 'functions.js' },
      },
    },
  })
  const outputs = Array.isArray(output) ? output : [output]
  for (const result of outputs) {
    if (!('output' in result)) continue
    const chunks = result.output.filter((item) => item.type === 'chunk')
    const [chunk, ...others] = chunks
    if (chunk === undefined || others.length > 0) {
      throw new Error(`functions.js : un seul fichier attendu, obtenu ${chunks.length}`)
    }
    return { code: chunk.code, moduleIds: chunk.moduleIds }
  }
  throw new Error('functions.js : la construction n’a rien produit')
}

/**
 * Emits functions.json and functions.js into the build, adds the functions script to the page
 * after office.js, and serves the metadata to the page as a module.
 */
export function customFunctions(options: { entry: string }): Plugin {
  const entry = path.resolve(options.entry)
  let metadata: FunctionsMetadata | undefined
  let bundle: FunctionsBundle | undefined
  return {
    name: 'aci:custom-functions',
    async buildStart() {
      try {
        metadata = await generateFunctionsMetadata(entry)
        bundle = await bundleFunctions(entry, metadata.associations)
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error))
      }
      for (const id of bundle.moduleIds) {
        if (path.isAbsolute(id)) this.addWatchFile(id)
      }
    },
    resolveId(id) {
      return id === METADATA_MODULE ? RESOLVED_METADATA_MODULE : null
    },
    load(id) {
      if (id !== RESOLVED_METADATA_MODULE) return null
      if (metadata === undefined) this.error('functions.json : métadonnées non générées')
      return `export default ${metadata.json}`
    },
    transformIndexHtml() {
      // A classic script, so it runs before the page's module and in document order after office.js.
      return [{ tag: 'script', attrs: { src: 'functions.js' }, injectTo: 'head' }]
    },
    generateBundle() {
      if (metadata === undefined || bundle === undefined) {
        this.error('functions.js : construction des fonctions absente')
      }
      this.emitFile({ type: 'asset', fileName: 'functions.json', source: metadata.json })
      this.emitFile({ type: 'asset', fileName: 'functions.js', source: bundle.code })
    },
  }
}
