// npm start: the local Worker (wrangler dev on workerd, offline, https) serving the API and the built add-in, with how to load it in Excel.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'

const origin = 'https://localhost:8787'

if (!existsSync('addin/dist/manifest.xml')) {
  console.error(
    'addin/dist/manifest.xml est absent : lancez « npm run build » (npm start le fait pour vous).'
  )
  process.exit(1)
}

const env = {
  ...process.env,
  // Offline and non-interactive: no telemetry, no request.cf download, no update check, no prompt.
  CI: process.env.CI ?? 'true',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
}

console.log(`
ACI-CPTS — Worker local
  API             ${origin}/api/v1  (documentation : ${origin}/api/v1/openapi.json)
  Volet Office    ${origin}/taskpane.html
  Manifeste       ${origin}/manifest.xml

Charger le complément dans Excel
  Excel sur le web : Accueil › Compléments › Plus de compléments › Mes compléments ›
                     Charger mon complément, puis choisir le fichier addin/dist/manifest.xml.
  Excel Windows    : placer addin/dist/manifest.xml dans un dossier partagé, déclarer ce partage
                     dans Fichier › Options › Centre de gestion de la confidentialité › Catalogues
                     de compléments approuvés, puis Insertion › Mes compléments › Dossier partagé.
  Excel Mac        : copier addin/dist/manifest.xml dans
                     ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ puis relancer Excel.

Certificat : wrangler sert un certificat localhost auto-signé, à ne jamais approuver. Pour Excel
de bureau, donnez le vôtre : WRANGLER_HTTPS_KEY_PATH=… WRANGLER_HTTPS_CERT_PATH=… npm start
(par exemple ceux que crée « npx office-addin-dev-certs install »).
`)

const wrangler = spawn('npx', ['wrangler', 'dev', '--log-level', 'warn'], { env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => wrangler.kill(signal))
wrangler.on('exit', (code) => process.exit(code ?? 0))
