// npm run bench: every benchmark of the project, figures and ratios against baselines of the same run.
import benchAddin from './addin.bench'
import benchBudget, { benchReaders } from './budget.bench'
import benchCore from './core.bench'
import benchDossier from './dossier.bench'
import benchLedger from './ledger.bench'
import benchPortfolio from './portfolio.bench'
import benchTaskpane from './taskpane.bench'
import benchWorker from './worker.bench'

console.log('# ACI-CPTS — mesures (cibles indicatives, jamais des assertions de test)')
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`)
benchCore()
benchBudget()
await benchReaders()
benchLedger()
await benchAddin()
await benchTaskpane()
await benchDossier()
await benchPortfolio()
// The budget check over HTTP is measured there, beside the JSON of its own body.
await benchWorker()
