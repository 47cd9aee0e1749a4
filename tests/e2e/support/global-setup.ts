// vitest globalSetup of the e2e project, run before any test: the Debian packages the suite needs (Chromium, certutil, pdftotext) installed when missing, https the browser trusts, the Worker (API + built add-in) started on loopback.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { get } from 'node:https'
import { resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { type BrowserChoice, DEBIAN_CHROMIUM, findBrowser } from '../../support/chromium'
import { hasCertutil, trustedHttps } from './trusted-https'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The origin of the local Worker, e.g. https://localhost:41234 (no trailing slash); '' when skipped. */
    baseUrl: string
    /** The browser the tests launch. */
    browser: BrowserChoice | null
    /** HOME of the browser process, whose NSS database trusts the test CA (Linux); '' for the OS store. */
    browserHome: string
    /** Why the end-to-end tests cannot run on this machine; '' when they run. */
    skipReason: string
  }
}

/** wrangler fully offline and non-interactive (see .ci/run and notes-worker-stack.md §2.1). */
const OFFLINE_ENV = {
  CI: process.env.CI ?? 'true',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
} as const

/**
 * The Debian packages the tests need: Chromium (unless another browser is found outside CI), certutil
 * for its certificate database, and poppler's pdftotext for the dossier's PDF text.
 */
export function debianPackagesMissing(): string[] {
  const missing: string[] = []
  const otherBrowser = process.env.CI === undefined && !('reason' in findBrowser())
  if (!existsSync(DEBIAN_CHROMIUM) && !otherBrowser) missing.push('chromium')
  if (!hasCertutil()) missing.push('libnss3-tools')
  if (!existsSync('/usr/bin/pdftotext')) missing.push('poppler-utils')
  return missing
}

/** The commands that install Debian packages: as root directly, otherwise through non-interactive sudo. */
export function aptInstallCommands(isRoot: boolean, packages: readonly string[]): string[][] {
  const sudo = isRoot ? [] : ['sudo', '-n']
  return [
    [...sudo, 'apt-get', 'update'],
    [...sudo, 'apt-get', 'install', '-y', '--no-install-recommends', ...packages],
  ]
}

/** On a Debian-like machine with apt, installs what is missing; elsewhere leaves the machine alone. */
function installFromApt(): void {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) return
  const packages = debianPackagesMissing()
  if (packages.length === 0) return
  // A developer's machine with another browser already found keeps it; CI always gets Debian's.
  if (process.env.CI === undefined && !('reason' in findBrowser()) && packages.includes('chromium'))
    return
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  console.log(
    `[e2e] installation par apt-get de ${packages.join(', ')} (${isRoot ? 'root' : 'sudo -n'})…`
  )
  for (const [command, ...args] of aptInstallCommands(isRoot, packages)) {
    const run = spawnSync(command as string, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (run.error !== undefined || run.status !== 0) {
      console.warn(
        `[e2e] « ${[command, ...args].join(' ')} » a échoué (${run.error?.message ?? `code ${run.status}`}).`
      )
      return
    }
  }
}

function healthy(url: string, ca: Buffer): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const request = get(url, { ca }, (response) => {
      response.resume()
      resolvePromise(response.statusCode ?? 0)
    })
    request.on('error', reject)
  })
}

function skip(project: TestProject, reason: string): () => Promise<void> {
  // CI never skips: a machine of CI without a browser or certutil is a failure to see.
  if (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false') {
    throw new Error(`[e2e] en CI les tests de bout en bout ne sont jamais sautés : ${reason}`)
  }
  console.warn(`[e2e] tests de bout en bout sautés : ${reason}`)
  project.provide('baseUrl', '')
  project.provide('browser', null)
  project.provide('browserHome', '')
  project.provide('skipReason', reason)
  return async () => {}
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = resolve(import.meta.dirname, '../../..')
  // ACI_E2E_ASSETS: another build of the add-in to serve instead of addin/dist (to test a build made elsewhere).
  const assets = process.env.ACI_E2E_ASSETS
  const dist = assets === undefined || assets === '' ? resolve(root, 'addin/dist') : resolve(assets)
  if (!existsSync(resolve(dist, 'taskpane.html'))) {
    throw new Error(
      `[e2e] ${dist}/taskpane.html est absent : construisez le complément d’abord (npm run build).`
    )
  }
  installFromApt()
  const found = findBrowser()
  if ('reason' in found) return skip(project, found.reason)
  const https = await trustedHttps()
  if ('reason' in https) return skip(project, https.reason)

  // Before wrangler is loaded: it reads some of these when its modules initialise.
  Object.assign(process.env, OFFLINE_ENV)
  const { unstable_startWorker } = await import('wrangler')
  let worker: Awaited<ReturnType<typeof unstable_startWorker>>
  try {
    worker = await unstable_startWorker({
      config: resolve(root, 'wrangler.toml'),
      sendMetrics: false,
      ...(dist === resolve(root, 'addin/dist') ? {} : { assets: dist }),
      dev: {
        // A free loopback port (npm start may hold 8787), https with the trusted certificate.
        server: {
          hostname: '127.0.0.1',
          port: 0,
          secure: true,
          httpsKeyPath: https.key,
          httpsCertPath: https.cert,
        },
        inspector: false,
        persist: false,
        watch: false,
        remote: false,
        liveReload: false,
        logLevel: 'warn',
      },
    })
  } catch (error) {
    https.dispose()
    throw error
  }
  try {
    await worker.ready
    const url = await worker.url
    // The certificate names localhost: the browser and this check go through that name.
    const baseUrl = `https://localhost:${url.port}`
    const status = await healthy(`${baseUrl}/healthz`, readFileSync(https.ca))
    if (status !== 200) throw new Error(`[e2e] ${baseUrl}/healthz a répondu ${status}`)
    console.log(
      `[e2e] Worker local prêt sur ${baseUrl} (${https.description}), navigateur : ${found.browser.label}`
    )
    project.provide('baseUrl', baseUrl)
    project.provide('browser', found.browser)
    project.provide('browserHome', https.browserHome ?? '')
    project.provide('skipReason', '')
  } catch (error) {
    await worker.dispose()
    https.dispose()
    throw error
  }
  return async () => {
    await worker.dispose()
    https.dispose()
  }
}
