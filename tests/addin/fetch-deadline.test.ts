// The service's calls have a deadline: a stalled connection ends in an error the pane handles (the check run here, the tables kept), never a pane left waiting.
import { describe, expect, it } from 'vitest'
import { runCheck } from '../../addin/taskpane/check/run-check'
import { withDeadline } from '../../addin/taskpane/fetch-deadline'
import { loadRateSource } from '../../addin/taskpane/rates/rate-source'
import { MemoryStore } from '../../addin/taskpane/rates/storage'
import { bundledCatalog } from '../../shared'
import { oneLineBudget } from './support/action-services'

const API = 'https://cpts.example/api/v1/'

/** A service that accepts the connection and never answers: only an abort ends the call. */
function stalled(): { fetch: typeof globalThis.fetch; signals: AbortSignal[] } {
  const signals: AbortSignal[] = []
  const fetch = ((_input: unknown, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal
      if (signal === undefined || signal === null) return
      signals.push(signal)
      // As fetch does: a signal already aborted rejects at once.
      if (signal.aborted) reject(signal.reason)
      else signal.addEventListener('abort', () => reject(signal.reason))
    })) as typeof globalThis.fetch
  return { fetch, signals }
}

describe('withDeadline', () => {
  it('abandons a call the service does not answer, with a TimeoutError', async () => {
    const { fetch, signals } = stalled()
    const started = Date.now()
    const error = await withDeadline(fetch, 30)(`${API}rates`).catch((e: unknown) => e)
    expect((error as Error).name).toBe('TimeoutError')
    expect(Date.now() - started).toBeGreaterThanOrEqual(20)
    expect(signals).toHaveLength(1)
  })

  it('ends a stalled call the same way in a browser without AbortSignal.timeout (Safari before 16)', async () => {
    const timeout = AbortSignal.timeout
    Object.defineProperty(AbortSignal, 'timeout', { value: undefined, configurable: true })
    try {
      const { fetch, signals } = stalled()
      const error = await withDeadline(fetch, 20)(`${API}rates`).catch((e: unknown) => e)
      expect((error as Error).name).toBe('TimeoutError')
      expect(signals).toHaveLength(1)
    } finally {
      Object.defineProperty(AbortSignal, 'timeout', { value: timeout, configurable: true })
    }
    expect(typeof AbortSignal.timeout).toBe('function')
  })

  it('passes an answer given in time, and the caller’s own cancel still cancels', async () => {
    const answered = withDeadline(async () => Response.json({ ok: true }), 1_000)
    expect(await (await answered(`${API}rates`)).json()).toEqual({ ok: true })

    const { fetch } = stalled()
    const controller = new AbortController()
    const call = withDeadline(fetch, 60_000)(`${API}rates`, { signal: controller.signal })
    controller.abort(new DOMException('annulé', 'AbortError'))
    expect(((await call.catch((e: unknown) => e)) as Error).name).toBe('AbortError')

    const before = new AbortController()
    before.abort(new DOMException('déjà annulé', 'AbortError'))
    const late = withDeadline(fetch, 60_000)(`${API}rates`, { signal: before.signal })
    expect(((await late.catch((e: unknown) => e)) as Error).message).toBe('déjà annulé')
  })

  it('a check the service never answers is tried twice, then run here with its reason', async () => {
    const { fetch, signals } = stalled()
    const result = await runCheck(oneLineBudget, {
      fetch: withDeadline(fetch, 20),
      api: API,
      pause: async () => {},
    })
    expect(signals).toHaveLength(2)
    expect(result.origin).toBe('local')
    expect(result.note).toBe(
      'Contrôle fait sur cet ordinateur : le service est injoignable (pas de réseau, ou service arrêté).'
    )
    expect(result.report.totaux.charges).toBe('1000.00')
  })

  it('rate tables the service never lists: the built-in ones, and the pane says why', async () => {
    const { fetch } = stalled()
    const state = await loadRateSource({
      fetch: withDeadline(fetch, 20),
      api: API,
      store: new MemoryStore(),
    })
    expect(state.serviceReachable).toBe(false)
    expect([...state.catalog.tables.map((t) => t.id)]).toEqual(
      bundledCatalog().tables.map((t) => t.id)
    )
    expect(state.notes.join(' ')).toMatch(/injoignable/)
  })
})
