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

/**
 * Answers that say « not now » rather than « not this »: a gateway or a service momentarily
 * unavailable. With no answer at all, they are the failures worth one more try: a connection
 * closed by a proxy at the instant the request was written on it (a kept-alive connection idle
 * for as long as the proxy keeps them) is a 503 or a network error, and the next request gets
 * a fresh connection. The check only computes, so sending it twice changes nothing.
 */
const TRANSIENT: ReadonlySet<number> = new Set([502, 503, 504])

/** How long the pane waits before its one retry. */
const RETRY_PAUSE_MS = 300

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

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
 * same way). No answer, a 502, 503 or 504 is tried once more after a short pause. Still no
 * answer, any other refusal (413 too large, 404, 429…), a 5xx, or an answer that is
 * not a report (read through its schema, never cast): the shared module checks it here, and the
 * note says why, in French.
 */
export async function runCheck(
  doc: BudgetDocument,
  options: {
    readonly fetch: typeof fetch
    readonly api: string
    readonly catalog?: Catalog
    /** The wait before the retry (tests pass one that does not wait). */
    readonly pause?: (ms: number) => Promise<void>
  }
): Promise<CheckResult> {
  const local = (why: string): CheckResult => ({
    report: checkBudget(doc, { catalog: options.catalog }),
    origin: 'local',
    note: `${HERE} : ${why}.`,
  })
  const body = JSON.stringify(doc)
  const attempt = async (): Promise<Response | null> => {
    try {
      return await options.fetch(new URL('budgets/check', options.api), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body,
      })
    } catch {
      return null
    }
  }
  let response = await attempt()
  if (response === null || TRANSIENT.has(response.status)) {
    // The refusal's body is not read: released, so that its connection is not held for it.
    await response?.body?.cancel().catch(() => undefined)
    await (options.pause ?? pause)(RETRY_PAUSE_MS)
    response = await attempt()
  }
  if (response === null) {
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
