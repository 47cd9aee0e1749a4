// npm run validate: the built manifest read by Microsoft's office-addin-manifest, then sent to Microsoft's validation service (Internet required).
import { existsSync } from 'node:fs'
import path from 'node:path'
import { OfficeAddinManifest, validateManifest } from 'office-addin-manifest'

const manifest = path.resolve(process.argv[2] ?? 'addin/dist/manifest.xml')
if (!existsSync(manifest)) {
  console.error(
    `${manifest} est absent : lancez « npm run build » (npm run validate le fait pour vous).`
  )
  process.exit(1)
}

// Offline: the manifest parses and has what Office needs to list the add-in.
const info = await OfficeAddinManifest.readManifestFile(manifest)
console.log(
  `Manifeste lu : ${info.displayName} ${info.version} (${info.id}), hôtes ${info.hosts?.join(', ')}.`
)

// Online: Microsoft's service, the check of a store submission.
try {
  const validation = await validateManifest(manifest)
  const report = validation.report
  for (const issue of [...(report?.errors ?? []), ...(report?.warnings ?? [])]) {
    console.log(
      `- ${issue.title ?? issue.code} : ${issue.content ?? ''}${issue.line ? ` (ligne ${issue.line})` : ''}`
    )
  }
  if (validation.isValid) {
    console.log('Le service de validation de Microsoft accepte le manifeste.')
  } else {
    console.error(
      `Le service de validation de Microsoft refuse le manifeste (${validation.status ?? '?'} ${validation.statusText ?? ''}).`
    )
    process.exit(1)
  }
} catch (error) {
  console.error(
    `Le service de validation de Microsoft est injoignable (${error instanceof Error ? error.message : String(error)}) : il faut un accès Internet. Les vérifications hors ligne du manifeste passent dans npm test.`
  )
  process.exit(2)
}
