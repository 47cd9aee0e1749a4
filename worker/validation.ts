// Request validation with the wire schemas, failing as a problem+json that names the field at fault.
import { sValidator } from '@hono/standard-validator'
import type { ValidationTargets } from 'hono'
import type * as v from 'valibot'
import { problem } from './problem'

/** A Standard Schema issue, as far as we read it. */
interface Issue {
  readonly message: string
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined
}

function fieldOf(issue: Issue): string | undefined {
  const path = issue.path?.map((segment) =>
    typeof segment === 'object' ? String(segment.key) : String(segment)
  )
  return path && path.length > 0 ? path.join('.') : undefined
}

/** A Hono validator whose failure is a 400 problem in French, with the field at fault. */
export function validate<Target extends keyof ValidationTargets, Schema extends v.GenericSchema>(
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
