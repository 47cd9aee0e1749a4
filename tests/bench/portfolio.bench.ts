// Benchmark of the portfolio: 1 000 generated CPTS (40 to 80 lines) through the portfolio beside 1 000 single checks of the same budgets, and the Worker's NDJSON route in process (CPU per CPTS, memory at 100 and 1 000).
import { performance } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import {
  addToPortfolio,
  type Budget,
  buildDossier,
  checkBudget,
  dossierToJson,
  newPortfolio,
  parseBudget,
  portfolioSummary,
} from '../../shared'
import { createApp } from '../../worker/app'
import { generatedBudget } from '../core/portfolio/generate'
import { printFigure, printTitle } from './harness'

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits })

/** Median of rounds, in milliseconds. */
function timeMs(task: () => unknown, rounds = 5): number {
  task()
  const times: number[] = []
  for (let r = 0; r < rounds; r++) {
    const start = performance.now()
    task()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(rounds / 2)] as number
}

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** One request of `count` CPTS, its body generated line by line as it is read; peak heap sampled at each answer chunk. */
async function request(texts: readonly string[], count: number) {
  const app = createApp()
  const encoder = new TextEncoder()
  let i = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i >= count) return controller.close()
      controller.enqueue(encoder.encode(`${texts[i % texts.length]}\n`))
      i += 1
    },
  })
  gc()
  const base = process.memoryUsage().heapUsed
  let peak = base
  const cpu = process.cpuUsage()
  const res = await app.request('/api/v1/portfolio/check', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-ndjson' },
    body,
    duplex: 'half',
  } as RequestInit)
  const reader = (res.body as ReadableStream<Uint8Array>).getReader()
  let lines = 0
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    for (const b of r.value) if (b === 0x0a) lines += 1
    const heap = process.memoryUsage().heapUsed
    if (heap > peak) peak = heap
  }
  const used = process.cpuUsage(cpu)
  return { lines, peakMiB: (peak - base) / 1024 / 1024, cpuMs: (used.user + used.system) / 1000 }
}

export default async function benchPortfolio(): Promise<void> {
  const count = 1_000
  const docs = Array.from({ length: count }, (_, i) => generatedBudget(i))
  const texts = docs.map((d) => JSON.stringify(d))
  const lines = docs.reduce((a, d) => a + d.lignes.length, 0)
  printTitle(
    `Portefeuille — ${fmt(count)} CPTS générées, ${fmt(lines / count, 1)} lignes en moyenne (40 à 80)`
  )

  // Baseline: the single check a treasurer runs, of each budget read from its JSON.
  const single = timeMs(() => {
    for (const t of texts) checkBudget(JSON.parse(t))
  })
  const budgets = texts.map((t) => parseBudget(JSON.parse(t)) as Budget)
  const checkOnly = timeMs(() => {
    for (const b of budgets) checkBudget(b)
  })
  const portfolio = timeMs(() => {
    const p = newPortfolio()
    for (let i = 0; i < count; i++) addToPortfolio(p, `cpts-${i}.json`, texts[i] as string)
    portfolioSummary(p)
  })
  const bytes = texts.map((t) => new TextEncoder().encode(t))
  const portfolioBytes = timeMs(() => {
    const p = newPortfolio()
    for (let i = 0; i < count; i++) addToPortfolio(p, `cpts-${i}.json`, bytes[i] as Uint8Array)
    portfolioSummary(p)
  })
  printFigure('1 000 checkBudget (JSON lu) — base', `${fmt(single)} ms`)
  printFigure('1 000 checkBudget (budget déjà lu)', `${fmt(checkOnly)} ms`)
  printFigure(
    'portefeuille, budgets JSON (texte)',
    `${fmt(portfolio)} ms`,
    `×${fmt(portfolio / single, 2)} la base (cible ≤ ×1,2 : ${portfolio <= 1.2 * single ? 'atteinte' : 'NON atteinte'}), ×${fmt(portfolio / checkOnly, 2)} le contrôle seul ; cible ≤ 2 000 ms : ${portfolio <= 2000 ? 'atteinte' : 'NON atteinte'}`
  )
  printFigure(
    'portefeuille, budgets JSON (octets)',
    `${fmt(portfolioBytes)} ms`,
    `×${fmt(portfolioBytes / single, 2)} la base (décodage par decodeText compris)`
  )

  const dossiers = budgets
    .slice(0, 200)
    .map((b) => dossierToJson(buildDossier({ budget: b, produitLe: '2026-03-15' })))
  const dossierTexts = Array.from(
    { length: count },
    (_, i) => dossiers[i % dossiers.length] as string
  )
  const portfolioDossiers = timeMs(() => {
    const p = newPortfolio()
    for (let i = 0; i < count; i++) addToPortfolio(p, `d-${i}.json`, dossierTexts[i] as string)
    portfolioSummary(p)
  })
  printFigure(
    'portefeuille, dossiers JSON',
    `${fmt(portfolioDossiers)} ms`,
    `×${fmt(portfolioDossiers / single, 2)} la base ; dossier moyen ${fmt(dossierTexts.reduce((a, t) => a + t.length, 0) / count / 1024, 1)} Kio (le contrôle est dans le dossier)`
  )

  printTitle('Portefeuille par le Worker (NDJSON en flux, en processus)')
  for (const n of [100, 1_000]) {
    const r = await request(texts, n)
    printFigure(
      `${fmt(n)} CPTS`,
      `${fmt(r.cpuMs / n, 2)} ms CPU/CPTS`,
      `${fmt(r.lines)} lignes de réponse ; pic du tas au-dessus du repos ${fmt(r.peakMiB, 1)} Mio`
    )
  }
}
