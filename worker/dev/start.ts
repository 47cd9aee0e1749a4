// npm start: the local Worker (wrangler dev on workerd, offline, https with Microsoft's developer certificate) serving the API and the built add-in, with how to load it in Excel.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { get } from 'node:https'
import { createRequire } from 'node:module'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { certificateAdvice, certificateState, devCertificates } from './dev-certs'
import { tlsLogFilter } from './tls-log'

const port = Number(process.env.PORT ?? 8787)
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`PORT invalide « ${process.env.PORT} » : un numéro de port de 1 à 65535 attendu.`)
  process.exit(1)
}
const origin = `https://localhost:${port}`

if (!existsSync('addin/dist/manifest.xml')) {
  console.error(
    'addin/dist/manifest.xml est absent : lancez « npm run build » (npm start le fait pour vous).'
  )
  process.exit(1)
}

// Another port than the manifest's: Excel would look for the pane where nothing answers.
const manifestMismatch = !readFileSync('addin/dist/manifest.xml', 'utf8').includes(`${origin}/`)

const certificate = certificateState(process.env)
const env: NodeJS.ProcessEnv = {
  ...process.env,
  // Offline and non-interactive: no telemetry, no request.cf download, no update check, no prompt.
  CI: process.env.CI ?? 'true',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0'),
}
if (certificate.kind === 'ready') {
  env.WRANGLER_HTTPS_CERT_PATH = certificate.cert
  env.WRANGLER_HTTPS_KEY_PATH = certificate.key
}

const manifest = path.resolve('addin/dist/manifest.xml')
const sideload: Record<string, string> = {
  win32: `Excel Windows : « npm run sideload » (inscrit ${manifest} pour Excel, puis ouvrez Excel : Accueil › Compléments).`,
  darwin: `Excel Mac     : « npm run sideload » (copie le manifeste dans le dossier wef d’Excel), puis relancez Excel : Insertion › Compléments › Mes compléments.`,
}
console.log(`
ACI-CPTS — Worker local
  API             ${origin}/api/v1  (documentation : ${origin}/api/v1/openapi.json)
  Volet Office    ${origin}/taskpane.html
  Manifeste       ${manifest}

Charger le complément dans Excel (détail : README, « Installer le complément »)
  Excel sur le web : Accueil › Compléments › Plus de compléments › Mes compléments ›
                     Charger mon complément, puis ce fichier manifeste.
  ${sideload[process.platform] ?? 'Excel Windows ou Mac : « npm run sideload » sur ce poste.'}
${
  manifestMismatch
    ? `Attention : le manifeste construit ne désigne pas ${origin}. Pour Excel, lancez avec ADDIN_ORIGIN=${origin} en plus de PORT=${port}.\n`
    : ''
}${
  certificate.kind === 'ready'
    ? `Certificat : celui des compléments Office (${devCertificates().directory}), valable jusqu’au ${certificate.validTo.toLocaleDateString('fr-FR')}.`
    : certificateAdvice(certificate)
}
`)

// wrangler's own script under the running Node: no npx, no shell, the same on Windows, macOS and Linux.
const require = createRequire(import.meta.url)
const wranglerPackage = require.resolve('wrangler/package.json')
const { bin } = JSON.parse(readFileSync(wranglerPackage, 'utf8')) as { bin: Record<string, string> }
const wranglerScript = path.join(path.dirname(wranglerPackage), bin.wrangler as string)

const wrangler = spawn(
  process.execPath,
  [wranglerScript, 'dev', '--port', String(port), '--log-level', 'warn'],
  { env, stdio: ['inherit', 'inherit', 'pipe'] }
)
const filter = tlsLogFilter()
createInterface({ input: wrangler.stderr }).on('line', (line) => {
  const shown = filter(line)
  if (shown !== null) console.error(shown)
})

/** The health check answers: the server is ready. Our own probe trusts the developer CA when there is one. */
function probe(): Promise<boolean> {
  const files = devCertificates()
  const ca =
    certificate.kind === 'ready' && existsSync(files.ca) ? readFileSync(files.ca) : undefined
  return new Promise((resolve) => {
    const request = get(
      `${origin}/healthz`,
      ca === undefined ? { rejectUnauthorized: false } : { ca },
      (response) => {
        response.resume()
        resolve(response.statusCode === 200)
      }
    )
    request.on('error', () => resolve(false))
    request.setTimeout(2_000, () => request.destroy())
  })
}

const started = Date.now()
let ready = false
const poll = setInterval(() => {
  void probe().then((ok) => {
    if (!ok || ready) return
    ready = true
    clearInterval(poll)
    const seconds = ((Date.now() - started) / 1000).toLocaleString('fr-FR', {
      maximumFractionDigits: 1,
    })
    console.log(`Prêt en ${seconds} s : ${origin}/taskpane.html (Ctrl+C pour arrêter).`)
  })
}, 500)

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => wrangler.kill(signal))
wrangler.on('exit', (code) => {
  clearInterval(poll)
  process.exit(code ?? 0)
})
