// The contract behind a budget's profile: what the pane's Contrat view schedules and cuts off, and what a dossier uses when no contract is given.
import { type Contract, type Prorata, parseContract } from '../contract'
import type { BudgetProfil } from './schema'

/**
 * The profile's contract: its signature, its size (from the population when the profile gives
 * one, else the taille, the same for the five years), its version when named, its missions with
 * their start dates and expected rates. The crisis mission's variable part needs a recognised
 * crisis, which a budget does not say: none is assumed. `prorata` is the Contrat view's choice;
 * without it the contract's default applies, and the hypotheses say so.
 */
export function contractOfBudget(profil: BudgetProfil, prorata?: Prorata): Contract {
  return parseContract({
    signature: profil.signature,
    ...(profil.population === undefined
      ? { taille: profil.taille }
      : { population: profil.population }),
    ...(profil.version === undefined ? {} : { version: profil.version }),
    missions: profil.missions.map((m) =>
      m.mission === 'crise'
        ? { mission: m.mission, debut: m.debut }
        : { mission: m.mission, debut: m.debut, ...(m.taux === undefined ? {} : { taux: m.taux }) }
    ),
    ...(prorata === undefined ? {} : { options: { prorata } }),
  })
}
