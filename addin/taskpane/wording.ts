// The pane's French words for what the check says, shared by the Contrôle tab and the Contrôle sheet.
import type { Severity } from '../../shared'
import type { CheckOrigin } from './check/run-check'

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: 'Erreur',
  warning: 'Avertissement',
  info: 'Information',
}

export const ORIGIN_LABELS: Readonly<Record<CheckOrigin, string>> = {
  service: 'par le service en ligne ACI-CPTS',
  local: 'sur cet ordinateur (module de calcul intégré, hors ligne)',
}
