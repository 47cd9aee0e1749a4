// npm run sideload: registers the built add-in with Excel on this Windows or Mac computer (npm run sideload -- --retirer removes it).
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { addinIdOf, sideloadPlan } from './sideload-plan'

const manifest = path.resolve('addin/dist/manifest.xml')
if (!existsSync(manifest)) {
  console.error(
    'addin/dist/manifest.xml est absent : lancez « npm run build » (npm run sideload le fait pour vous).'
  )
  process.exit(1)
}
const remove = process.argv.includes('--retirer')
const plan = sideloadPlan(
  process.platform,
  homedir(),
  manifest,
  addinIdOf(readFileSync(manifest, 'utf8'))
)

function reg(args: string[]): void {
  // reg.exe is a program, not a shell built-in: no shell needed.
  const result = spawnSync('reg', args, { stdio: 'inherit' })
  if (result.error !== undefined || result.status !== 0) {
    console.error(
      `« reg ${args.join(' ')} » a échoué (${result.error?.message ?? `code ${result.status}`}).`
    )
    process.exit(1)
  }
}

switch (plan.kind) {
  case 'registry':
    if (remove) {
      reg(['delete', plan.key, '/v', plan.name, '/f'])
      console.log('Complément retiré d’Excel pour Windows ; fermez et rouvrez Excel.')
    } else {
      reg(['add', plan.key, '/v', plan.name, '/t', 'REG_SZ', '/d', plan.manifest, '/f'])
      console.log(
        [
          `Complément inscrit pour Excel sous Windows (${plan.key}).`,
          'Lancez « npm start » (il doit tourner pendant que vous utilisez le complément), fermez puis rouvrez Excel :',
          'Accueil › Compléments, puis ACI-CPTS. Les fonctions ACI.* se chargent avec le volet.',
        ].join('\n')
      )
    }
    break
  case 'copy':
    if (remove) {
      rmSync(plan.target, { force: true })
      console.log('Complément retiré d’Excel pour Mac ; quittez et relancez Excel.')
    } else {
      mkdirSync(plan.folder, { recursive: true })
      copyFileSync(plan.manifest, plan.target)
      console.log(
        [
          `Manifeste copié dans ${plan.folder}.`,
          'Lancez « npm start », quittez puis relancez Excel : Insertion › Compléments › Mes compléments, ACI-CPTS.',
        ].join('\n')
      )
    }
    break
  case 'unsupported':
    console.error(plan.message)
    process.exit(1)
}
