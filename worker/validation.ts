// Request validation with the wire schemas, failing as a problem+json that names the field at fault.
import { sValidator } from '@hono/standard-validator'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { ValidationTargets } from 'hono'
import { problem } from './problem'

function fieldOf(issue: StandardSchemaV1.Issue): string | undefined {
  const path = issue.path?.map((segment) =>
    typeof segment === 'object' ? String(segment.key) : String(segment)
  )
  return path && path.length > 0 ? path.join('.') : undefined
}

/** A Hono validator whose failure is a 400 problem in French, with the field at fault. */
export function validate<Target extends keyof ValidationTargets, Schema extends StandardSchemaV1>(
  target: Target,
  schema: Schema
) {
  return sValidator(target, schema, (result, c) => {
    if (result.success) return
    const issue = result.error[0]
    const field = issue ? fieldOf(issue) : undefined
    const where = field ? `${field} : ` : ''
    return problem(
      c,
      400,
      'requete_invalide',
      `${where}${issue?.message ?? 'requête invalide'}.`,
      field
    )
  })
}
