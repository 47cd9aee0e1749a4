// The Chromium-family browser for the browser tests and benchmarks: which one, how it starts on a closed network, and office.js served from npm.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Debian's Chromium, the browser of CI (installed with apt when missing). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium'

/** How playwright-core launches the browser: a binary, or one of its channels (an installed Chrome or Edge). */
export type BrowserChoice =
  | { readonly executablePath: string; readonly channel?: undefined; readonly label: string }
  | {
      readonly channel: 'chrome' | 'msedge'
      readonly executablePath?: undefined
      readonly label: string
    }

/** Where installed Chrome and Edge live, for the channels playwright-core knows, per OS. */
function installedPaths(channel: 'chrome' | 'msedge'): string[] {
  const env = process.env
  if (process.platform === 'darwin') {
    return channel === 'chrome'
      ? ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']
      : ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']
  }
  if (process.platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(
      (root): root is string => root !== undefined && root !== ''
    )
    const tail =
      channel === 'chrome'
        ? ['Google', 'Chrome', 'Application', 'chrome.exe']
        : ['Microsoft', 'Edge', 'Application', 'msedge.exe']
    return roots.map((root) => path.join(root, ...tail))
  }
  return channel === 'chrome' ? ['/opt/google/chrome/chrome'] : ['/opt/microsoft/msedge/msedge']
}

/**
 * The browser to drive: `CHROMIUM_PATH` when set, else Debian's Chromium, else an installed Chrome or
 * Edge through playwright-core's channels; otherwise the reason none was found.
 */
export function findBrowser(): { readonly browser: BrowserChoice } | { readonly reason: string } {
  const configured = process.env.CHROMIUM_PATH
  if (configured !== undefined && configured !== '') {
    return existsSync(configured)
      ? { browser: { executablePath: configured, label: `CHROMIUM_PATH (${configured})` } }
      : { reason: `CHROMIUM_PATH désigne ${configured}, qui n’existe pas.` }
  }
  if (existsSync(DEBIAN_CHROMIUM)) {
    return { browser: { executablePath: DEBIAN_CHROMIUM, label: `Chromium (${DEBIAN_CHROMIUM})` } }
  }
  for (const channel of ['chrome', 'msedge'] as const) {
    if (installedPaths(channel).some((file) => existsSync(file))) {
      return {
        browser: { channel, label: channel === 'chrome' ? 'Google Chrome' : 'Microsoft Edge' },
      }
    }
  }
  return {
    reason:
      'aucun navigateur Chromium trouvé : ni CHROMIUM_PATH, ni /usr/bin/chromium, ni Google Chrome, ni Microsoft Edge installés.',
  }
}

/** The launch options of playwright-core for a choice of browser. */
export function launchOptionsOf(browser: BrowserChoice): {
  executablePath?: string
  channel?: string
} {
  return browser.channel === undefined
    ? { executablePath: browser.executablePath }
    : { channel: browser.channel }
}

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
