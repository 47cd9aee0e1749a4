// The contract of the profile, computed once for the Contrat tab and its two sheets: the payment schedule and the year's cut-off.
import {
  type BudgetProfil,
  type Cutoff,
  contractOfBudget,
  cutoffOf,
  type Prorata,
  type Schedule,
  scheduleOf,
  type VariableRecognition,
} from '../../../shared'
import { messageOf } from './notice'

/** The hypotheses the person chooses in the Contrat tab. */
export interface ContractChoices {
  readonly prorata: Prorata
  readonly variable: VariableRecognition
}

export type ContractView =
  /** No complete profile yet. */
  | { readonly kind: 'sans-profil' }
  /** The profile gives no contract: the core's reason, in French. */
  | { readonly kind: 'erreur'; readonly message: string }
  | {
      readonly kind: 'calcule'
      readonly cpts: string
      readonly schedule: Schedule
      readonly cutoff: Cutoff
    }

export function contractView(profil: BudgetProfil | null, choices: ContractChoices): ContractView {
  if (profil === null) return { kind: 'sans-profil' }
  try {
    const schedule = scheduleOf(contractOfBudget(profil, choices.prorata))
    const cutoff = cutoffOf(schedule, profil.exercice, {
      variable: choices.variable,
      repartition: choices.prorata,
    })
    return { kind: 'calcule', cpts: profil.nom, schedule, cutoff }
  } catch (error) {
    return { kind: 'erreur', message: messageOf(error) }
  }
}
