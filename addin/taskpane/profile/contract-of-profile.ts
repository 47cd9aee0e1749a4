// The contract behind a budget's profile: what the Contrat view schedules and cuts off.
import { type BudgetProfil, type Contract, type Prorata, parseContract } from '../../../shared'

/**
 * The profile's contract: its signature, its size (from the population or the taille, the same
 * for the five years), its missions with their start dates and expected rates. The crisis
 * mission's variable part needs a recognised crisis, which a budget does not say: none is assumed.
 */
export function contractOfProfile(profil: BudgetProfil, prorata: Prorata): Contract {
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
    options: { prorata },
  })
}
