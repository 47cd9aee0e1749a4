// Barèmes: the rate tables the pane uses, bundled, cached and newly downloaded from the service.
import { loadRateSource, type RateSourceState } from '../rates/rate-source'
import type { Outcome } from './notice'
import type { PaneServices } from './services'

export async function refreshRates(
  services: PaneServices
): Promise<Outcome & { readonly rates: RateSourceState }> {
  return { rates: await loadRateSource(services), notice: null }
}
