// npm run deploy: builds the add-in for its public origin and publishes the Worker and the add-in's files together on Cloudflare.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { addinOrigin } from '../../addin/vite-plugins/addin-assets'

const require = createRequire(import.meta.url)

/** A package's command-line script, run by this Node: no npx and no shell, the same on every OS. */
function binOf(pkg: string, name: string): string {
  const manifest = require.resolve(`${pkg}/package.json`)
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> }
  return path.join(path.dirname(manifest), bin[name] as string)
}

const given = process.env.ADDIN_ORIGIN ?? ''
if (given.trim() === '') {
  console.error(
    [
      'ADDIN_ORIGIN manque : l’adresse https publique où le Worker sera servi, que le manifeste doit désigner.',
      '  - domaine workers.dev : https://aci-cpts.<votre-sous-domaine>.workers.dev (le sous-domaine du compte est affiché dans le tableau de bord Cloudflare, Workers & Pages) ;',
      '  - ou un domaine à vous, déclaré comme route personnalisée du Worker.',
      'Exemples : ADDIN_ORIGIN=https://aci.example.org npm run deploy (macOS, Linux) ;',
      '           $env:ADDIN_ORIGIN="https://aci.example.org"; npm run deploy (PowerShell) ;',
      '           set ADDIN_ORIGIN=https://aci.example.org && npm run deploy (invite de commandes).',
    ].join('\n')
  )
  process.exit(1)
}
let origin: string
try {
  origin = addinOrigin(given)
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}

function run(label: string, script: string, args: string[]): void {
  console.log(`\n${label}…`)
  const result = spawnSync(process.execPath, [script, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ADDIN_ORIGIN: origin },
  })
  if (result.error !== undefined || result.status !== 0) {
    console.error(`${label} : échec (${result.error?.message ?? `code ${result.status}`}).`)
    process.exit(1)
  }
}

run(`Construction du complément pour ${origin}`, binOf('vite', 'vite'), [
  'build',
  '--config',
  'addin/vite.config.ts',
])
run('Publication du Worker et des fichiers du complément', binOf('wrangler', 'wrangler'), [
  'deploy',
  '--minify',
])
console.log(
  [
    '',
    `Publié. Manifeste à distribuer : ${origin}/manifest.xml`,
    '  - une organisation : Centre d’administration Microsoft 365 › Paramètres › Applications intégrées › Charger des applications personnalisées, ce manifeste ;',
    '  - une personne : Excel › Accueil › Compléments › Plus de compléments › Mes compléments › Charger mon complément.',
  ].join('\n')
)
