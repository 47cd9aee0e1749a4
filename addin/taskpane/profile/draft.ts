// The profile as the person types it, and what it gives: the budget's profile, the version in force, the live envelopes.
import {
  type BudgetProfil,
  type Catalog,
  Decimal,
  type EnvelopeReport,
  envelopes,
  frenchDate,
  isAciError,
  isIsoDate,
  MISSION_CODES,
  MISSION_WORDS,
  type MissionCode,
  type Phase,
  type RateTable,
  type Taille,
  taille as tailleOf,
} from '../../../shared'

export interface MissionDraft {
  readonly engagee: boolean
  /** ISO date, as a date input gives it. */
  readonly debut: string
  /** Percent as typed: "80", "80 %", "72,5". */
  readonly taux: string
}

export interface ProfileDraft {
  readonly nom: string
  /** As typed: "62 000". */
  readonly population: string
  readonly signature: string
  readonly debut: string
  readonly fin: string
  readonly phase: Phase
  readonly missions: Readonly<Record<MissionCode, MissionDraft>>
}

export type DraftField =
  | 'nom'
  | 'population'
  | 'signature'
  | 'debut'
  | 'fin'
  | `taux.${MissionCode}`
  | `debut.${MissionCode}`

export interface ProfileResult {
  /** French message per field in error. */
  readonly errors: Partial<Record<DraftField, string>>
  readonly taille: Taille | null
  readonly table: RateTable | null
  /**
   * The envelopes at the rates typed, null while the size or a rate is wrong: an envelope is
   * never computed from a value the field refuses.
   */
  readonly envelopes: EnvelopeReport | null
  /** Why the envelopes are not shown, in French; null when they are (or nothing is typed yet). */
  readonly envelopesPending: string | null
  /** The budget's profile, once every field is right. */
  readonly profil: BudgetProfil | null
}

/** A new profile: socle missions engaged from the signature, at 100 %, calendar year of `today`. */
export function newDraft(today: string, table: RateTable): ProfileDraft {
  const year = today.slice(0, 4)
  const signature = `${year}-01-01`
  const missions = Object.fromEntries(
    MISSION_CODES.map((code) => {
      const mission = table.mission(code)
      // The crisis mission's variable part is paid only if a serious crisis is recognised
      // (notes-aci-rates §9.6): a budget expects none unless told otherwise.
      const taux = code === 'crise' ? '0' : '100'
      return [code, { engagee: mission?.category === 'socle', debut: signature, taux }]
    })
  ) as Record<MissionCode, MissionDraft>
  return {
    nom: '',
    population: '',
    signature,
    debut: `${year}-01-01`,
    fin: `${year}-12-31`,
    phase: 'redaction',
    missions,
  }
}

/**
 * A new signature date. The missions whose start date still is the old signature follow it: a
 * start typed by the person stays as typed.
 */
export function withSignature(draft: ProfileDraft, signature: string): ProfileDraft {
  const missions = Object.fromEntries(
    MISSION_CODES.map((code) => {
      const m = draft.missions[code]
      return [code, m.debut === draft.signature ? { ...m, debut: signature } : m]
    })
  ) as Record<MissionCode, MissionDraft>
  return { ...draft, signature, missions }
}

/** The draft of a profile read from a budget (an imported file). */
export function draftOf(profil: BudgetProfil, table: RateTable): ProfileDraft {
  const base = newDraft(profil.exercice.debut, table)
  const missions = { ...base.missions }
  for (const code of MISSION_CODES)
    missions[code] = { ...missions[code], engagee: false, debut: profil.signature }
  let phase: Phase = 'redaction'
  for (const m of profil.missions) {
    missions[m.mission] = {
      engagee: true,
      debut: m.debut,
      taux: m.taux === undefined ? '100' : percentText(m.taux),
    }
    if (m.phase !== undefined) phase = m.phase
  }
  return {
    nom: profil.nom,
    population: profil.population === undefined ? '' : String(profil.population),
    signature: profil.signature,
    debut: profil.exercice.debut,
    fin: profil.exercice.fin,
    phase,
    missions,
  }
}

/** "0.725" → "72,5". */
export function percentText(fraction: string): string {
  return new Decimal(fraction).times(100).toFixed().replace('.', ',')
}

/** "62 000" → 62000; undefined when it is not a whole number of inhabitants. */
export function parsePopulationText(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f.]/g, '')
  if (!/^\d{1,9}$/.test(compact)) return undefined
  return Number(compact)
}

/** "80", "80 %", "72,5" → "0.8", "0.725" (a fraction as the budget takes it); undefined when out of 0–100. */
export function parseTauxText(text: string): string | undefined {
  const compact = text.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.')
  // Seven decimals of a percent: the nine of a fraction, as the indicators' rates carry them.
  if (!/^\d{1,3}(\.\d{1,7})?$/.test(compact)) return undefined
  const percent = new Decimal(compact)
  if (percent.gt(100)) return undefined
  return percent.div(100).toFixed()
}

/** What a refused rate should have been, saying what was read. */
function tauxError(text: string): string {
  const typed = text.trim()
  if (typed === '') return 'Saisissez le taux d’atteinte attendu, de 0 à 100 % (par exemple 80).'
  const compact = typed.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.')
  if (/^\d+(\.\d+)?$/.test(compact) && new Decimal(compact).gt(100)) {
    return `${typed} % dépasse 100 % : le taux d’atteinte va de 0 à 100 %.`
  }
  return `« ${typed} » n’est pas un taux : un pourcentage de 0 à 100 (par exemple 80 ou 72,5).`
}

/** Everything the profile gives, and every field's error, at each keystroke. */
export function evaluateDraft(draft: ProfileDraft, catalog: Catalog): ProfileResult {
  const errors: Partial<Record<DraftField, string>> = {}
  if (draft.nom.trim() === '') errors.nom = 'Saisissez le nom de la CPTS.'
  const population = parsePopulationText(draft.population)
  if (population === undefined) {
    errors.population =
      draft.population.trim() === ''
        ? 'Saisissez la population couverte, un nombre entier d’habitants (par exemple 62 000).'
        : `« ${draft.population.trim()} » n’est pas une population : un nombre entier d’habitants, sans unité (par exemple 62 000).`
  }
  let table: RateTable | null = null
  if (!isIsoDate(draft.signature)) {
    errors.signature = 'Saisissez la date de signature du contrat (JJ/MM/AAAA).'
  } else {
    try {
      table = catalog.inForceOn(draft.signature, 'signature')
    } catch (error) {
      errors.signature = isAciError(error) ? error.message : String(error)
    }
  }
  if (!isIsoDate(draft.debut)) errors.debut = 'Saisissez le premier jour de l’exercice.'
  if (!isIsoDate(draft.fin)) errors.fin = 'Saisissez le dernier jour de l’exercice.'
  else if (isIsoDate(draft.debut) && draft.fin < draft.debut) {
    errors.fin = `La fin de l’exercice doit suivre son début (${frenchDate(draft.debut)}).`
  }
  const taille = population === undefined || table === null ? null : tailleOf(population, table)

  const missions = MISSION_CODES.filter(
    (code) => draft.missions[code].engagee && table?.mission(code) !== undefined
  ).map((code) => {
    const m = draft.missions[code]
    const taux = parseTauxText(m.taux)
    if (taux === undefined) errors[`taux.${code}`] = tauxError(m.taux)
    if (!isIsoDate(m.debut))
      errors[`debut.${code}`] = 'Saisissez la date de démarrage de la mission.'
    else if (isIsoDate(draft.signature) && m.debut < draft.signature) {
      // A mission is engaged by the contract: it cannot start before its signature.
      errors[`debut.${code}`] =
        `Le démarrage doit être le jour de la signature ou après (${frenchDate(draft.signature)}).`
    }
    return {
      mission: code,
      debut: m.debut,
      ...(taux === undefined || taux === '1' ? {} : { taux }),
      ...(code === 'crise' ? { phase: draft.phase } : {}),
    }
  })

  let report: EnvelopeReport | null = null
  const wrongRates = missions.filter((m) => errors[`taux.${m.mission}`] !== undefined)
  let envelopesPending: string | null = null
  if (taille !== null && table !== null && wrongRates.length > 0) {
    const names = wrongRates.map((m) => `« ${MISSION_WORDS[m.mission].label} »`).join(', ')
    envelopesPending =
      wrongRates.length === 1
        ? `Enveloppes non calculées : corrigez le taux d’atteinte de la mission ${names}.`
        : `Enveloppes non calculées : corrigez les taux d’atteinte des missions ${names}.`
  } else if (taille !== null && table !== null) {
    report = envelopes({
      taille,
      version: table,
      missions: missions.map((m) => ({ mission: m.mission, taux: m.taux ?? '1', phase: m.phase })),
    })
  }
  const complete = Object.keys(errors).length === 0 && population !== undefined && table !== null
  return {
    errors,
    taille,
    table,
    envelopes: report,
    envelopesPending,
    profil: complete
      ? {
          nom: draft.nom.trim(),
          population,
          signature: draft.signature,
          exercice: { debut: draft.debut, fin: draft.fin },
          missions,
        }
      : null,
  }
}
