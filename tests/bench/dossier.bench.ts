// Benchmark of the yearly dossier: its PDF beside its JSON for the fixture CPTS, in the core and through the Worker in process, with the PDF's size and pages.
import { readFileSync } from 'node:fs'
import { PDFDocument } from 'pdf-lib'
import {
  type Budget,
  budgetFromJson,
  buildDossier,
  dossierToJson,
  loadDossierPdf,
} from '../../shared'
import { createApp } from '../../worker/app'
import { printFigure, printTitle } from './harness'

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits })

/** CPU time (user + system) of one call, median of rounds, in milliseconds. */
async function cpuMs(task: () => Promise<unknown>, count = 10): Promise<number> {
  for (let i = 0; i < 3; i++) await task()
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

export default async function benchDossier(): Promise<void> {
  const text = readFileSync(
    new URL('../budget/fixtures/cpts-taille-2-aci-avenant-2.json', import.meta.url),
    'utf8'
  )
  const budget = budgetFromJson(text) as Budget
  const produitLe = '2026-03-15'
  const dossier = buildDossier({ budget, produitLe })
  const { dossierPdf } = await loadDossierPdf()
  const pdf = await dossierPdf(dossier)
  const pages = (await PDFDocument.load(pdf)).getPageCount()
  printTitle(`Dossier de l’exercice (CPTS de taille 2, ${budget.lignes.length} lignes de budget)`)
  printFigure('PDF', `${fmt(pdf.length / 1024, 1)} Kio`, `${pages} pages A4`)
  printFigure('JSON', `${fmt(dossierToJson(dossier).length / 1024, 1)} Kio`)

  const cpuJson = await cpuMs(async () => dossierToJson(buildDossier({ budget, produitLe })))
  const cpuPdf = await cpuMs(async () => dossierPdf(buildDossier({ budget, produitLe })))
  const cpuPdfOnly = await cpuMs(async () => dossierPdf(dossier))
  printFigure('CPU JSON (référence)', `${fmt(cpuJson, 1)} ms`)
  printFigure(
    'CPU PDF (dossier construit + PDF)',
    `${fmt(cpuPdf, 1)} ms`,
    `×${fmt(cpuPdf / cpuJson, 1)} le JSON`
  )
  printFigure('CPU PDF seul (dossier donné)', `${fmt(cpuPdfOnly, 1)} ms`)

  // Through the Worker in process: what one request costs, body read to the end.
  const app = createApp()
  const body = JSON.stringify({ budget: JSON.parse(text), produitLe })
  const request = (accept: string) => () =>
    Promise.resolve(
      app.request('/api/v1/dossiers', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: accept },
        body,
      })
    ).then((res) => res.arrayBuffer())
  const cpuRequestJson = await cpuMs(request('application/json'))
  const cpuRequestPdf = await cpuMs(request('application/pdf'))
  printFigure('CPU POST /dossiers (JSON)', `${fmt(cpuRequestJson, 1)} ms`)
  printFigure(
    'CPU POST /dossiers (PDF)',
    `${fmt(cpuRequestPdf, 1)} ms`,
    `×${fmt(cpuRequestPdf / cpuRequestJson, 1)} le JSON ; limite de CPU par requête (Cloudflare, « Workers limits ») : 10 ms en offre Free, 30 s par défaut en offre Paid (jusqu’à 5 min par limits.cpu_ms)`
  )
}
