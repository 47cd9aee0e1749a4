// npm run bench: every benchmark of the project, figures and ratios against baselines of the same run.
import { readFileSync } from 'node:fs'
import { budgetFromJson } from '../../shared'
import benchAddin from './addin.bench'
import benchBudget, { budgetOf } from './budget.bench'
import benchCore from './core.bench'
import benchDossier from './dossier.bench'
import benchLedger from './ledger.bench'
import benchTaskpane from './taskpane.bench'
import benchWorker, { ENV } from './worker.bench'

console.log('# ACI-CPTS — mesures (cibles indicatives, jamais des assertions de test)')
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`)
benchCore()
benchBudget()
benchLedger()
await benchAddin()
await benchTaskpane()
await benchDossier()
const fixture = readFileSync(
  new URL('../budget/fixtures/cpts-taille-2-aci-avenant-2.json', import.meta.url),
  'utf8'
)
const budget1000 = JSON.stringify(budgetOf(budgetFromJson(fixture), 1_000))
await benchWorker([
  {
    name: 'POST /api/v1/budgets/check (1 000 lignes)',
    send: (app) =>
      app.request(
        '/api/v1/budgets/check',
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: budget1000 },
        ENV
      ),
  },
])
