// The published JSON Schema files, generated from the valibot schemas that validate the data (npm run schemas writes them).
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { toJsonSchema } from '@valibot/to-json-schema'
import { annexeSchema, budgetSchema, dossierSchema, rateTableSchema } from '../../shared'

export interface PublishedSchema {
  /** Path from the repository root. */
  readonly path: string
  readonly text: string
}

function render(id: string, title: string, schema: object): string {
  return `${JSON.stringify({ $id: id, title, ...schema }, null, 2)}\n`
}

/** Every JSON Schema the repository publishes, as it must read in the repository. */
export function publishedSchemas(): PublishedSchema[] {
  return [
    {
      path: 'shared/rates/rate-table.schema.json',
      text: render(
        'rate-table.schema.json',
        'Barème ACI-CPTS (une version)',
        toJsonSchema(rateTableSchema, { errorMode: 'ignore' })
      ),
    },
    {
      path: 'shared/budget/budget.schema.json',
      text: render(
        'budget.schema.json',
        'Budget analytique d’une CPTS (ACI)',
        toJsonSchema(budgetSchema, { errorMode: 'ignore' })
      ),
    },
    {
      path: 'shared/indicators/annexe.schema.json',
      text: render(
        'annexe.schema.json',
        'Annexe des indicateurs d’une année de contrat ACI-CPTS',
        toJsonSchema(annexeSchema, { errorMode: 'ignore' })
      ),
    },
    {
      path: 'shared/dossier/dossier.schema.json',
      text: render(
        'dossier.schema.json',
        'Dossier annuel d’une CPTS (ACI) pour l’ARS, la CPAM et le commissaire aux comptes',
        toJsonSchema(dossierSchema, { errorMode: 'ignore' })
      ),
    },
  ]
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../', import.meta.url))
  for (const schema of publishedSchemas()) {
    writeFileSync(root + schema.path, schema.text)
    console.log(`écrit : ${schema.path}`)
  }
}
