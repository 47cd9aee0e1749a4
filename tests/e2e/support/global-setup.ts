// vitest globalSetup of the e2e project: Debian Chromium present, the Worker (API + built add-in) started on loopback.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { CHROMIUM_PATH } from '../../support/chromium'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The origin of the local Worker, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string
    /** The Chromium binary the tests launch. */
    chromiumPath: string
  }
}

const CHROMIUM = CHROMIUM_PATH

/** wrangler fully offline and non-interactive (see .ci/run and notes-worker-stack.md §2.1). */
const OFFLINE_ENV = {
  CI: 'true',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
} as const

/** The commands that install Debian's Chromium: as root directly, otherwise through non-interactive sudo. */
export function chromiumInstallCommands(isRoot: boolean): string[][] {
  const sudo = isRoot ? [] : ['sudo', '-n']
  return [
    [...sudo, 'apt-get', 'update'],
    [...sudo, 'apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
  ]
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const commands = chromiumInstallCommands(isRoot)
  console.log(
    `[e2e] ${CHROMIUM} absent : installation de Chromium par apt-get (${isRoot ? 'root' : 'sudo -n'})…`
  )
  for (const [command, ...args] of commands) {
    const run = spawnSync(command as string, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (run.error !== undefined || run.status !== 0) {
      throw new Error(
        `[e2e] Chromium est nécessaire aux tests e2e et n’a pas pu être installé : « ${[command, ...args].join(' ')} » a échoué (${run.error?.message ?? `code ${run.status}`}). Installez-le à la main : apt-get install -y --no-install-recommends chromium`
      )
    }
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`[e2e] apt-get a réussi mais ${CHROMIUM} est toujours absent.`)
  }
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
  ensureChromium()

  // Before wrangler is loaded: it reads some of these when its modules initialise.
  Object.assign(process.env, OFFLINE_ENV)
  const { unstable_startWorker } = await import('wrangler')
  const worker = await unstable_startWorker({
    config: resolve(root, 'wrangler.toml'),
    sendMetrics: false,
    ...(dist === resolve(root, 'addin/dist') ? {} : { assets: dist }),
    dev: {
      // http on a free loopback port (wrangler.toml asks for https on 8787, which npm start may hold).
      server: { hostname: '127.0.0.1', port: 0, secure: false },
      inspector: false,
      persist: false,
      watch: false,
      remote: false,
      liveReload: false,
      logLevel: 'warn',
    },
  })
  try {
    await worker.ready
    const url = await worker.url
    const baseUrl = url.origin
    const health = await fetch(`${baseUrl}/healthz`)
    await health.arrayBuffer()
    if (!health.ok) throw new Error(`[e2e] ${baseUrl}/healthz a répondu ${health.status}`)
    console.log(`[e2e] Worker local prêt sur ${baseUrl}`)
    project.provide('baseUrl', baseUrl)
    project.provide('chromiumPath', CHROMIUM)
  } catch (error) {
    await worker.dispose()
    throw error
  }
  return async () => {
    await worker.dispose()
  }
}
