// npm run bench: every benchmark of the project, figures and ratios against baselines of the same run.
import benchAddin from './addin.bench'
import benchCore from './core.bench'
import benchWorker from './worker.bench'

console.log('# ACI-CPTS — mesures (cibles indicatives, jamais des assertions de test)')
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`)
benchCore()
await benchAddin()
await benchWorker()
