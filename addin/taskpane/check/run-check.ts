// The budget check, run by the service when it answers and by the shared module otherwise: the same report either way.
import {
  AciError,
  type BudgetDocument,
  type BudgetReport,
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

/** The service's body limit (the Worker's MAX_BODY_BYTES): 1 Mio. */
const SERVICE_BODY_LIMIT = 1024 * 1024

/** « 1,3 Mio », « 820 Kio »: a size as the pane says it. */
function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '').replace('.', ',')} Mio`
  }
  return `${Math.max(1, Math.round(bytes / 1024))} Kio`
}

const HERE = 'Contrôle fait sur cet ordinateur'

/** The problem+json detail of a refusal, or null when the body says nothing readable. */
async function detailOf(response: Response): Promise<string | null> {
  try {
    const problem = (await response.json()) as { detail?: unknown; title?: unknown }
    if (typeof problem.detail === 'string') return problem.detail
    if (typeof problem.title === 'string') return problem.title
  } catch {
    // A body that is not JSON: the status says enough.
  }
  return null
}

/**
 * POST /api/v1/budgets/check, the budget as compact JSON (a budget of 2 000 lines indented
 * would pass the service's 1 Mio). A validation error (400, 422) is the service refusing the
 * budget: its problem+json detail is the error to show (the shared module would refuse it the
 * same way). No answer, any other refusal (413 too large, 404, 429…), a 5xx, or an answer that is
 * not a report (read through its schema, never cast): the shared module checks it here, and the
 * note says why, in French.
 */
export async function runCheck(
  doc: BudgetDocument,
  options: { readonly fetch: typeof fetch; readonly api: string; readonly catalog?: Catalog }
): Promise<CheckResult> {
  const local = (why: string): CheckResult => ({
    report: checkBudget(doc, { catalog: options.catalog }),
    origin: 'local',
    note: `${HERE} : ${why}.`,
  })
  const body = JSON.stringify(doc)
  let response: Response
  try {
    response = await options.fetch(new URL('budgets/check', options.api), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body,
    })
  } catch {
    return local('le service est injoignable (pas de réseau, ou service arrêté)')
  }
  if (response.ok) {
    let answer: unknown
    try {
      answer = await response.json()
    } catch {
      answer = null
    }
    const report = reportOf(answer)
    if (report !== null) return { report, origin: 'service', note: null }
    return local('la réponse du service est illisible (ce n’est pas un rapport de contrôle)')
  }
  if (response.status === 400 || response.status === 422) {
    const detail = await detailOf(response)
    throw new AciError(
      'budget_invalide',
      detail ?? `Le service a refusé le budget (statut ${response.status}).`
    )
  }
  if (response.status === 413) {
    const bytes = new TextEncoder().encode(body).length
    if (bytes > SERVICE_BODY_LIMIT) {
      return local(
        `le service a refusé un budget de ${sizeText(bytes)} (limite ${sizeText(SERVICE_BODY_LIMIT)})`
      )
    }
    const detail = await detailOf(response)
    return local(
      `le service a refusé un budget trop grand${detail === null ? '' : ` (${detail.replace(/\.$/, '')})`}`
    )
  }
  if (response.status < 500) {
    return local(`le service a refusé la demande (statut ${response.status})`)
  }
  return local(`le service est en erreur (statut ${response.status})`)
}
