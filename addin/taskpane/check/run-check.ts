// The budget check, run by the service when it answers and by the shared module otherwise: the same report either way.
import {
  AciError,
  type BudgetDocument,
  type BudgetReport,
  budgetToJson,
  type Catalog,
  checkBudget,
} from '../../../shared'
import { reportOf } from './report'

/** Who ran the check: the service (the Worker) or this computer (the shared module, offline). */
export type CheckOrigin = 'service' | 'local'

export interface CheckResult {
  readonly report: BudgetReport
  readonly origin: CheckOrigin
  /** Why the check ran here rather than on the service, in French. */
  readonly note: string | null
}

/**
 * POST /api/v1/budgets/check. A 4xx answer is the service refusing the budget: its problem+json
 * detail is the error to show (the shared module would refuse it the same way). No answer, a
 * 5xx, or an answer that is not a report (read through its schema, never cast): the shared module
 * checks it here, offline.
 */
export async function runCheck(
  doc: BudgetDocument,
  options: { readonly fetch: typeof fetch; readonly api: string; readonly catalog?: Catalog }
): Promise<CheckResult> {
  const local = (note: string): CheckResult => ({
    report: checkBudget(doc, { catalog: options.catalog }),
    origin: 'local',
    note,
  })
  let response: Response
  try {
    response = await options.fetch(new URL('budgets/check', options.api), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: budgetToJson(doc),
    })
  } catch {
    return local('Service injoignable : contrôle fait sur cet ordinateur.')
  }
  if (response.ok) {
    let body: unknown
    try {
      body = await response.json()
    } catch {
      body = null
    }
    const report = reportOf(body)
    if (report !== null) return { report, origin: 'service', note: null }
    return local('Réponse du service illisible : contrôle fait sur cet ordinateur.')
  }
  if (response.status >= 400 && response.status < 500) {
    let detail = `Le service a refusé le budget (statut ${response.status}).`
    try {
      const problem = (await response.json()) as { detail?: unknown; title?: unknown }
      if (typeof problem.detail === 'string') detail = problem.detail
      else if (typeof problem.title === 'string') detail = problem.title
    } catch {
      // A body that is not JSON: the status says enough.
    }
    throw new AciError('budget_invalide', detail)
  }
  return local(`Le service a répondu ${response.status} : contrôle fait sur cet ordinateur.`)
}
