// French labels of the payment kinds and the accounts of the cut-off, and the 706 sub-account of each envelope.
import { MISSION_CODES, MISSION_WORDS, type MissionCode } from '../missions'

/** What a payment of the ACI is, in the order of the contrat type art. 6 (notes-aci-rates §9.3–9.5). */
export const PAYMENT_KINDS = [
  'fonctionnement_integral',
  'fonctionnement_solde',
  'fixe_solde',
  'variable',
  'fonctionnement_avance',
  'fixe_avance',
] as const
export type PaymentKind = (typeof PAYMENT_KINDS)[number]

export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = {
  fonctionnement_integral: 'Fonctionnement versé en totalité à la signature',
  fonctionnement_avance: 'Avance de 75 % du fonctionnement',
  fonctionnement_solde: 'Solde du fonctionnement',
  fixe_avance: 'Avance de 75 % du volet fixe',
  fixe_solde: 'Solde du volet fixe',
  variable: 'Volet variable',
}

/** An envelope of the contract: fonctionnement, or one volet of a mission. */
export type Volet = 'fonctionnement' | 'fixe' | 'variable'

export function voletOf(kind: PaymentKind): Volet {
  if (kind.startsWith('fonctionnement')) return 'fonctionnement'
  return kind === 'variable' ? 'variable' : 'fixe'
}

/** Produits constatés d’avance (PCG / ANC 2018-06; notes-aci-rates §10, notes B.6). */
export const COMPTE_PCA = '487'
/**
 * Produits à recevoir. 4687 rather than 418 (clients – produits non encore facturés): the CPAM
 * pays under the contract without an invoice, and notes B.6 names 4687.
 */
export const COMPTE_PAR = '4687'

/**
 * The 706 sub-account of an envelope (notes-aci-rates §10: "706 with one sub-account per
 * envelope"): 7061, then the mission's rank (0 for fonctionnement, 1 acces … 6 accompagnement),
 * then the volet (0 fonctionnement, 1 fixe, 2 variable): 706100, 706111 (accès, fixe), 706142
 * (crise, variable). 7063 is taken by « Parrainages » in the associations' chart, hence 7061.
 */
export function compteProduit(volet: Volet, mission: MissionCode | null): string {
  if (volet === 'fonctionnement' || mission === null) return '706100'
  return `7061${MISSION_CODES.indexOf(mission) + 1}${volet === 'fixe' ? 1 : 2}`
}

/** The envelope a 706 sub-account (compteProduit) books: « ACI accès aux soins, volet fixe »; undefined when it names no mission. */
export function envelopeLabel(compte: string): string | undefined {
  if (compte === '706100') return 'ACI fonctionnement'
  const mission = MISSION_CODES[Number(compte.charAt(4)) - 1]
  const volet = compte.charAt(5) === '1' ? 'volet fixe' : 'volet variable'
  return mission === undefined
    ? undefined
    : `ACI ${MISSION_WORDS[mission].label.toLowerCase()}, ${volet}`
}

export function compteLabel(compte: string): string {
  if (compte === COMPTE_PCA) return 'Produits constatés d’avance'
  if (compte === COMPTE_PAR) return 'Produits à recevoir'
  const envelope = envelopeLabel(compte)
  return envelope === undefined ? compte : `Prestations de services – ${envelope}`
}
