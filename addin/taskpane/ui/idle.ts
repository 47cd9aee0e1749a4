// Work the first screen does without, run once the browser is idle after showing it.

/**
 * Runs `work` when the browser is next idle (within a second at most), after the frame that
 * shows the pane; returns what cancels it. Safari, Excel's WebView on the Mac, has no
 * requestIdleCallback: a short timer stands in for it there.
 */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 1000 })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(work, 50)
  return () => clearTimeout(id)
}
