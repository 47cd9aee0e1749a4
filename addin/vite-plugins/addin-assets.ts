// Vite plugin for what Office fetches besides the page: manifest.xml with the origin it is served from, and the icons.
import { readFile } from 'node:fs/promises'
import type { Plugin } from 'vite'
import { ICON_SIZES, iconFileName, iconPng } from './icons.ts'
import { icoOfPng, staticHeaders } from './static-headers.ts'

/** The origin of `wrangler dev`, written in the repository's manifest.xml. */
export const DEV_ORIGIN = 'https://localhost:8787'

/**
 * The origin the manifest will point to: ADDIN_ORIGIN when set, else the dev origin. Office
 * refuses plain http, and the origin is also the manifest's AppDomain, so anything but
 * https://host[:port] is an error.
 */
export function addinOrigin(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return DEV_ORIGIN
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    throw new Error(
      `ADDIN_ORIGIN : URL attendue, par exemple https://aci.example.org, reçu « ${value} »`
    )
  }
  if (url.protocol !== 'https:' || url.origin + (url.pathname === '/' ? '/' : '') !== url.href) {
    throw new Error(
      `ADDIN_ORIGIN : origine https attendue, sans chemin ni paramètres (Office n’accepte que https), reçu « ${value} »`
    )
  }
  return url.origin
}

/** The manifest with every URL of the dev origin moved to `origin`. */
export function rewriteOrigin(manifest: string, origin: string): string {
  return manifest.split(DEV_ORIGIN).join(origin)
}

/** Emits manifest.xml (origin rewritten), icons/icon-<size>.png, favicon.ico and the `_headers` of the static files. */
export function addinAssets(options: { manifest: string; origin: string }): Plugin {
  return {
    name: 'aci:addin-assets',
    buildStart() {
      this.addWatchFile(options.manifest)
    },
    async generateBundle() {
      const manifest = await readFile(options.manifest, 'utf8')
      if (!manifest.includes(DEV_ORIGIN)) {
        this.error(`manifest.xml : les URL doivent partir de ${DEV_ORIGIN} pour être réécrites`)
      }
      this.emitFile({
        type: 'asset',
        fileName: 'manifest.xml',
        source: rewriteOrigin(manifest, options.origin),
      })
      for (const size of ICON_SIZES) {
        this.emitFile({ type: 'asset', fileName: iconFileName(size), source: iconPng(size) })
      }
      this.emitFile({ type: 'asset', fileName: 'favicon.ico', source: icoOfPng(iconPng(32), 32) })
      this.emitFile({ type: 'asset', fileName: '_headers', source: staticHeaders() })
    },
  }
}
