// The service's calls each given a deadline: a connection that stalls never leaves the pane waiting.

/**
 * How long the pane waits for an answer of the service, its body included: a budget of 1 Mio
 * (the service's limit) sent over a slow line, then checked, takes a few seconds.
 */
export const SERVICE_DEADLINE_MS = 20_000

/**
 * `fetch` whose every call is abandoned after `ms`, while it waits for the answer or reads its
 * body: it then rejects with a `TimeoutError`, which the callers take as no answer (the check is
 * tried once more, then run here; the rate tables stay those known). A signal the caller passes
 * still cancels the call.
 */
export function withDeadline(
  fetch: typeof globalThis.fetch,
  ms: number = SERVICE_DEADLINE_MS
): typeof globalThis.fetch {
  return (input, init) => {
    const deadline = deadlineSignal(ms)
    const own = init?.signal
    if (own === undefined || own === null) return fetch(input, { ...init, signal: deadline })
    // Either signal cancels: AbortSignal.any is missing from the Safari of older Macs.
    const both = new AbortController()
    const onOwn = () => cancel(own.reason)
    const onDeadline = () => cancel(deadline.reason)
    function cancel(reason: unknown) {
      own?.removeEventListener('abort', onOwn)
      deadline.removeEventListener('abort', onDeadline)
      both.abort(reason)
    }
    if (own.aborted) cancel(own.reason)
    else {
      own.addEventListener('abort', onOwn)
      deadline.addEventListener('abort', onDeadline)
    }
    return fetch(input, { ...init, signal: both.signal })
  }
}

/**
 * A signal aborted with a `TimeoutError` after `ms`: AbortSignal.timeout where the browser has it,
 * a timer otherwise (the Safari of Macs before Safari 16, where calling it would throw and leave
 * the pane with no service at all).
 */
function deadlineSignal(ms: number): AbortSignal {
  if (typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms)
  const controller = new AbortController()
  setTimeout(
    () => controller.abort(new DOMException('Le service n’a pas répondu à temps.', 'TimeoutError')),
    ms
  )
  return controller.signal
}
