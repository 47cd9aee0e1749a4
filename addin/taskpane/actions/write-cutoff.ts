// Clôture: the year's cut-off entries written to a new sheet, from the cut-off the Contrat tab shows.
import { cutoffPlan } from '../sheets/contract-plans'
import type { ContractView } from './contract-view'
import type { Outcome } from './notice'
import type { PaneServices } from './services'
import { computedOf } from './write-schedule'

export async function writeCutoff(
  services: PaneServices,
  view: ContractView
): Promise<Outcome & { readonly sheet: string }> {
  const computed = computedOf(view)
  const today = services.today()
  const sheet = await services.workbook.addSheet((names) =>
    cutoffPlan({ cutoff: computed.cutoff, cpts: computed.cpts, today }, names)
  )
  return { sheet, notice: { intent: 'success', title: `Feuille « ${sheet} » créée`, text: '' } }
}
