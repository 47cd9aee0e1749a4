// Benchmark of the Worker: CPU per request in process, a 10-second loopback load against wrangler dev, the deployed bundle's size.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { budgetFromJson, checkBudget, parseBudgetBuilt } from '../../shared'
import { createApp } from '../../worker/app'
import { jsonOfBody } from '../../worker/json-body'
import { budgetOf } from './budget.bench'
import { medianInTurns, printFigure, printTitle } from './harness'

interface LoadResult {
  requests: { average: number }
  latency: { p99: number; p50: number }
  errors: number
  non2xx: number
  timeouts: number
}
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: object
) => Promise<LoadResult>

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits })

/** CPU time (user + system) per call of a task, median of rounds, in milliseconds. */
async function cpuPerCall(task: () => unknown, count: number): Promise<number> {
  for (let i = 0; i < Math.min(200, count); i++) await task()
  const rounds: number[] = []
  for (let r = 0; r < 5; r++) {
    const start = process.cpuUsage()
    for (let i = 0; i < count; i++) await task()
    const used = process.cpuUsage(start)
    rounds.push((used.user + used.system) / 1000 / count)
  }
  rounds.sort((a, b) => a - b)
  return rounds[2] as number
}

/** CPU time per in-process request, its answer read to the end. */
function cpuPerRequest(send: () => Response | Promise<Response>, count = 2000): Promise<number> {
  return cpuPerCall(async () => (await send()).arrayBuffer(), count)
}

/**
 * The budget check over HTTP beside what reading its own body costs: JSON.parse then
 * JSON.stringify of the same text, measured the same way in the same run (target: ≤ 2.5×).
 * 10 000 lines are past the 1 Mio body limit; 4 000 show the growth.
 */
async function budgetChecks(app: ReturnType<typeof createApp>): Promise<void> {
  // The same app, its middleware and body limit, with one more route that reads its body as every
  // JSON route does (parsed in segments, keys given twice told), then answers a small JSON: what
  // any route taking this body costs.
  const floorApp = createApp()
  floorApp.post('/api/v1/plancher', async (c) => {
    const read = await jsonOfBody(c)
    if ('response' in read) return read.response
    return c.json({ cles: Object.keys(read.body as object).length })
  })
  const fixture = readFileSync(
    new URL('../budget/fixtures/cpts-taille-2-aci-avenant-2.json', import.meta.url),
    'utf8'
  )
  const base = budgetFromJson(fixture)
  for (const size of [1_000, 4_000]) {
    const text = JSON.stringify(budgetOf(base, size))
    const body = new TextEncoder().encode(text)
    const headers = {
      'Content-Type': 'application/json',
      'Content-Length': String(body.byteLength),
    }
    const count = Math.round(100_000 / size)
    // The body as a runtime hands it to a Worker: a stream of the bytes it received, in chunks,
    // already in memory, as the baseline's text is. Given as one Uint8Array instead, Node's
    // Request first copies it into a fresh buffer of its own, whose pages cost more here than
    // parsing it (the last line shows that cost apart).
    const send =
      (target: typeof app, path: string, as: 'stream' | 'bytes' = 'stream') =>
      async () =>
        (
          await target.request(
            path,
            {
              method: 'POST',
              headers,
              body: as === 'stream' ? chunksOf(body) : body,
              duplex: 'half',
            } as RequestInit,
            ENV
          )
        ).arrayBuffer()
    // The request and its baseline in turns, with what it is made of: the floor of any route
    // taking this body (the same Hono app's plumbing, the same reading of the body, a small
    // answer), then the core alone.
    const measured = await medianInTurns(
      {
        json: () => JSON.stringify(JSON.parse(text)),
        post: send(app, '/api/v1/budgets/check'),
        floor: send(floorApp, '/api/v1/plancher'),
        core: () => JSON.stringify(checkBudget(parseBudgetBuilt(JSON.parse(text)))),
        copied: send(app, '/api/v1/budgets/check', 'bytes'),
      },
      count,
      { clock: 'cpu', warmUp: Math.min(200, count) }
    )
    const { json, post, floor, core, copied } = measured
    const label = size.toLocaleString('fr-FR')
    printFigure(
      `base : JSON.parse + stringify du corps (${label} lignes)`,
      `${fmt(json.ms, 3)} ms`,
      'mesurée à tour de rôle avec les lignes suivantes (9 tours) ; rapports : médiane des rapports de chaque tour'
    )
    printFigure(
      `POST /api/v1/budgets/check (${label} lignes)`,
      `${fmt(post.ms, 3)} ms`,
      `×${fmt(post.ratio, 2)} la base ; cible ≤ 2,5× : ${post.ratio <= 2.5 ? 'atteinte' : 'NON atteinte'} ; ${fmt((post.ms / size) * 1000, 2)} µs par ligne`
    )
    printFigure(
      '  plancher : même route sans contrôle',
      `${fmt(floor.ms, 3)} ms`,
      `×${fmt(floor.ratio, 2)} la base : la requête et son corps en flux, les middlewares, le corps lu comme toute route JSON (décodé et parsé par segments, clés en double), une petite réponse`
    )
    printFigure(
      '  dont contrôle (POST − plancher)',
      `${fmt(post.ms - floor.ms, 3)} ms`,
      `×${fmt(post.ratio - floor.ratio, 2)} la base : parseBudgetBuilt (le corps mis en forme canonique sur place), checkBudget, rapport`
    )
    printFigure(
      '  dont cœur (JSON, parseBudgetBuilt, checkBudget, rapport)',
      `${fmt(core.ms, 3)} ms`,
      `×${fmt(core.ratio, 2)} la base`
    )
    printFigure(
      '  la même requête, corps donné en un seul Uint8Array',
      `${fmt(copied.ms, 3)} ms`,
      `×${fmt(copied.ratio, 2)} la base : le Request de Node copie d’abord le corps dans un tampon neuf (${fmt(copied.ms - post.ms, 3)} ms de plus), ce que ne fait pas un runtime qui le reçoit du réseau`
    )
  }
}

const CHUNK = 64 * 1024

/** Bytes in memory as a stream of 64 KiB chunks (views of them, not copies). */
function chunksOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close()
        return
      }
      controller.enqueue(bytes.subarray(at, at + CHUNK))
      at += CHUNK
    },
  })
}

export const ENV = {
  ASSETS: { fetch: async () => new Response(null, { status: 404 }) },
  ALLOWED_ORIGINS: '',
}

export async function inProcess(
  extra: {
    name: string
    send: (app: ReturnType<typeof createApp>) => Response | Promise<Response>
  }[] = []
) {
  const app = createApp()
  printTitle('Worker en processus (Node, Hono) — temps CPU par requête, cible ≤ 2 ms')
  const health = await cpuPerRequest(() => app.request('/healthz', {}, ENV))
  printFigure('GET /healthz (base)', `${fmt(health, 3)} ms`)
  const cases = [
    {
      name: 'GET /api/v1/envelopes',
      send: () =>
        app.request('/api/v1/envelopes?taille=3&version=aci-avenant-2&taux=0.85', {}, ENV),
    },
    ...extra.map((c) => ({ name: c.name, send: () => c.send(app) })),
  ]
  for (const c of cases) {
    const ms = await cpuPerRequest(c.send, c.name.includes('budget') ? 200 : 2000)
    printFigure(
      c.name,
      `${fmt(ms, 3)} ms`,
      `${fmt(ms / health, 1)}× la base ; cible ≤ 2 ms : ${ms <= 2 ? 'atteinte' : 'NON atteinte'}`
    )
  }
  await budgetChecks(app)
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} ne répond pas après ${timeoutMs} ms`)
}

export async function loopback(): Promise<void> {
  printTitle(
    'Charge sur la boucle locale : wrangler dev (workerd), 10 s, 50 connexions — comparer les rapports, pas la vitesse de production'
  )
  const port = 8797
  const env = {
    ...process.env,
    CI: 'true',
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_HIDE_BANNER: 'true',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_SEND_ERROR_REPORTS: 'false',
  }
  const server: ChildProcess = spawn(
    'node',
    [
      'node_modules/wrangler/bin/wrangler.js',
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--local-protocol',
      'http',
      '--log-level',
      'error',
      '--show-interactive-dev-session=false',
    ],
    { env, stdio: 'ignore', detached: true }
  )
  try {
    const base = `http://127.0.0.1:${port}`
    await waitFor(`${base}/healthz`, 60_000)
    const results: [string, LoadResult][] = []
    for (const path of ['/healthz', '/api/v1/envelopes?taille=3&version=aci-avenant-2&taux=0.85']) {
      await autocannon({ url: base + path, connections: 10, duration: 2 }) // warm-up
      results.push([path, await autocannon({ url: base + path, connections: 50, duration: 10 })])
    }
    const [healthRps = 1] = results.map(([, r]) => r.requests.average)
    for (const [path, r] of results) {
      printFigure(
        path.split('?')[0] as string,
        `${fmt(r.requests.average)} req/s`,
        `p50 ${fmt(r.latency.p50)} ms, p99 ${fmt(r.latency.p99)} ms, erreurs ${r.errors + r.non2xx + r.timeouts} ; ${fmt(r.requests.average / healthRps, 2)}× le débit de /healthz`
      )
    }
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM')
  }
}

export function bundleSize(): void {
  printTitle('Paquet déployé (wrangler deploy --dry-run --minify) — cible ≤ 100 Kio gzip')
  const out = mkdtempSync(join(tmpdir(), 'aci-bundle-'))
  try {
    execFileSync(
      'node',
      ['node_modules/wrangler/bin/wrangler.js', 'deploy', '--dry-run', '--minify', '--outdir', out],
      {
        env: {
          ...process.env,
          CI: 'true',
          WRANGLER_SEND_METRICS: 'false',
          WRANGLER_HIDE_BANNER: 'true',
        },
        stdio: 'ignore',
      }
    )
    const code = readFileSync(join(out, 'index.js'))
    const gzip = gzipSync(code, { level: 9 }).length / 1024
    printFigure(
      'worker (index.js)',
      `${fmt(code.length / 1024, 1)} Kio`,
      `gzip ${fmt(gzip, 1)} Kio ; cible ≤ 100 Kio : ${gzip <= 100 ? 'atteinte' : 'NON atteinte'}`
    )
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

export default async function benchWorker(
  extra: Parameters<typeof inProcess>[0] = []
): Promise<void> {
  await inProcess(extra)
  bundleSize()
  await loopback()
}
