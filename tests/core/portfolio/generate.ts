// Generated CPTS for the portfolio's tests and benchmark: budgets of 40 to 80 lines shaped like the fixture's (salaries split by keys, indemnities to named professionals, ACI income in 706, secondary funders), seeded so every run is the same.
import type { BudgetDocument, BudgetLigne, MissionCode } from '../../../shared'

/** A small deterministic generator (mulberry32): the same seed, the same portfolio. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const euros = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`

const CHARGE_MODELS: readonly [string, string][] = [
  ['6411', 'Salaire brut'],
  ['645', 'Charges sociales'],
  ['6132', 'Loyer du bureau'],
  ['6226', 'Honoraires de l’expert-comptable'],
  ['616', 'Assurance'],
  ['626', 'Téléphonie et logiciel'],
  ['6228', 'Indemnités des professionnels'],
  ['6251', 'Déplacements'],
  ['6185', 'Soirée de formation'],
  ['623', 'Supports de communication'],
  ['6064', 'Fournitures administratives'],
  ['604', 'Prestation d’animation'],
]

const PROFESSIONALS = [
  'Dr Anne Martin',
  'Paul Durand (infirmier)',
  'Claire Petit (pharmacienne)',
  'Dr Karim Benali',
  'Léa Moreau (kinésithérapeute)',
]

export interface GeneratedOptions {
  /** Lines of the budget, 40 to 80 by default. */
  readonly lines?: number
  /** Each charge line on one section by amount: sums by section are plain sums of the lines. */
  readonly simple?: boolean
  readonly taille?: 1 | 2 | 3 | 4
  readonly withActuals?: boolean
  readonly nom?: string
  /** The contract's signature; by default 2023-03-01 (avenant 2), one CPTS in seven 2021-11-15 (ACI of 2019). */
  readonly signature?: string
}

/**
 * The missions of a generated CPTS with their expected rates: the socle missions always, the
 * optional ones sometimes; the crisis mission updating its plan with no crisis expected (rate 0).
 */
function missionsOf(rand: () => number) {
  const missions: { mission: MissionCode; debut: string; taux?: string; phase?: 'mise_a_jour' }[] =
    [
      { mission: 'acces', debut: '2023-03-01', taux: rand() < 0.5 ? '0.8' : '1' },
      { mission: 'parcours', debut: '2023-09-01', taux: '0.75' },
      { mission: 'prevention', debut: '2023-09-01', taux: '0.5' },
      { mission: 'crise', debut: '2023-09-01', taux: '0', phase: 'mise_a_jour' },
    ]
  if (rand() < 0.6) missions.push({ mission: 'qualite', debut: '2024-01-01', taux: '1' })
  if (rand() < 0.5) missions.push({ mission: 'accompagnement', debut: '2024-01-01', taux: '0.5' })
  return missions
}

/** The budget of the i-th CPTS of a generated portfolio, as a plain document (not yet parsed). */
export function generatedBudget(i: number, options: GeneratedOptions = {}): BudgetDocument {
  const rand = random(i * 7919 + 17)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
  const taille = options.taille ?? (pick([1, 2, 2, 3, 3, 3, 4]) as 1 | 2 | 3 | 4)
  const missions = missionsOf(rand)
  const sections = ['fonctionnement', ...missions.map((m) => m.mission)] as const
  const size = options.lines ?? 40 + Math.floor(rand() * 41)
  const actuals = options.withActuals ?? rand() < 0.5
  const scale = taille * 1000
  const lignes: BudgetLigne[] = []
  const withActual = (cents: number) =>
    actuals ? { realise: euros(Math.round(cents * (0.8 + rand() * 0.35))) } : {}
  // Income: the ACI by section, then other funders, about 12 lines.
  for (const section of sections) {
    const cents = (20 + Math.floor(rand() * 60)) * scale * 100
    lignes.push({
      compte: '706',
      libelle: `ACI – ${section}`,
      montant: euros(cents),
      financeur: 'aci',
      repartition: { mode: 'montants', parts: [{ section, montant: euros(cents) }] },
      ...(actuals ? { realise: euros(cents) } : {}),
    })
  }
  const others = [
    ['741', 'Subvention de la collectivité', 'collectivite'],
    ['7561', 'Cotisations des adhérents', 'adherents'],
    ['741', 'Subvention FIR de l’ARS', 'ars_fir'],
  ] as const
  for (const [compte, libelle, financeur] of others) {
    const cents = (1 + Math.floor(rand() * 10)) * 100_000
    lignes.push({
      compte,
      libelle,
      montant: euros(cents),
      financeur,
      repartition: { mode: 'montants', parts: [{ section: 'hors_aci', montant: euros(cents) }] },
      ...withActual(cents),
    })
  }
  if (rand() < 0.2) {
    const cents = (1 + Math.floor(rand() * 5)) * 100_000
    lignes.push({
      compte: '7551',
      libelle: 'Contribution d’un laboratoire pharmaceutique',
      montant: euros(cents),
      financeur: rand() < 0.5 ? 'laboratoire_pharmaceutique' : 'entreprise',
      repartition: { mode: 'montants', parts: [{ section: 'hors_aci', montant: euros(cents) }] },
      ...withActual(cents),
    })
  }
  // Charges up to the size of the budget.
  let n = 0
  while (lignes.length < size) {
    n += 1
    const [compte, libelle] = pick(CHARGE_MODELS)
    const cents = (5 + Math.floor(rand() * 120)) * scale + Math.floor(rand() * 100)
    const section = pick(sections)
    const beneficiaire = compte === '6228' ? pick(PROFESSIONALS) : undefined
    const split =
      options.simple === true || rand() < 0.6
        ? { mode: 'montants' as const, parts: [{ section, montant: euros(cents) }] }
        : {
            mode: 'cles' as const,
            parts: [
              { section: 'fonctionnement' as const, pourcentage: '40' },
              { section: 'acces' as const, pourcentage: '35' },
              { section: 'parcours' as const, pourcentage: '25' },
            ],
          }
    lignes.push({
      compte,
      libelle: `${libelle} n° ${n}`,
      montant: euros(cents),
      repartition: split,
      ...(beneficiaire === undefined ? {} : { beneficiaire }),
      ...withActual(cents),
    })
  }
  return {
    profil: {
      nom: options.nom ?? `CPTS générée n° ${i + 1}`,
      taille,
      signature: options.signature ?? (rand() < 0.15 ? '2021-11-15' : '2023-03-01'),
      exercice: { debut: '2025-01-01', fin: '2025-12-31' },
      missions,
    },
    lignes,
  }
}
