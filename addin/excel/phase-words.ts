// The crisis plan's phases in French, as the generated sheets and the spilled arrays write them and as ACI.FIXE reads them back.
import type { Phase } from '../../shared'

/** The phases in the words `ACI.FIXE` accepts back as its `phase` argument. */
export const PHASE_WORDS: Record<Phase, string> = {
  redaction: 'rédaction',
  mise_a_jour: 'mise à jour',
}
