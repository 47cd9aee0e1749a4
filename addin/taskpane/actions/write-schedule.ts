// Échéancier: the contract's payments written to a new sheet, from the schedule the Contrat tab shows.
import { AciError } from '../../../shared'
import { schedulePlan } from '../sheets/contract-plans'
import type { ContractView } from './contract-view'
import type { Outcome } from './notice'
import type { PaneServices } from './services'

export async function writeSchedule(
  services: PaneServices,
  view: ContractView
): Promise<Outcome & { readonly sheet: string }> {
  const computed = computedOf(view)
  const today = services.today()
  const sheet = await services.workbook.addSheet((names) =>
    schedulePlan({ schedule: computed.schedule, cpts: computed.cpts, today }, names)
  )
  return { sheet, notice: { intent: 'success', title: `Feuille « ${sheet} » créée`, text: '' } }
}

/** The computed contract, or the reason there is none. */
export function computedOf(view: ContractView): Extract<ContractView, { kind: 'calcule' }> {
  if (view.kind === 'sans-profil') throw new AciError('contrat_invalide', 'Profil incomplet.')
  if (view.kind === 'erreur') throw new AciError('contrat_invalide', view.message)
  return view
}
