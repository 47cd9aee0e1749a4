// Debian's Chromium for the browser tests and benchmarks: where it is, how it starts on a closed network, and office.js served from npm.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const CHROMIUM_PATH = '/usr/bin/chromium'

/**
 * Headless as root, without GPU, and without the background connections a machine with no
 * internet refuses by the dozen (component updates, sync, QUIC probes).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Microsoft's CDN path of office.js and the files it loads next to it. */
export const OFFICE_HOSTED = 'https://appsforoffice.microsoft.com/lib/1/hosted/'

const OFFICE_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../node_modules/@microsoft/office-js/dist'
)

/** The local copy (from @microsoft/office-js) of a file of Office's CDN, or undefined if the package has none. */
export function officeJsFile(url: string): string | undefined {
  if (!url.startsWith(OFFICE_HOSTED)) return undefined
  const file = path.join(OFFICE_DIST, new URL(url).pathname.slice('/lib/1/hosted/'.length))
  return file.startsWith(OFFICE_DIST) && existsSync(file) ? file : undefined
}
