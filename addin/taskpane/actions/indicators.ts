// Indicateurs: write an « Indicateurs <année> » sheet from an annex, read it back into the variable part per mission, its evidence and its scenarios, and carry the rates into the profile.
import {
  AciError,
  type Annexe,
  type BudgetProfil,
  budgetRates,
  type Catalog,
  type DialogueJson,
  dialogueJson,
  formatEuros,
  formatPercent,
  MISSION_CODES,
  MISSION_WORDS,
  type MissionCode,
  type RateTable,
  resolveContext,
  type Scenario,
  scenariosOf,
  type Taille,
  type VariableResult,
  variableOf,
} from '../../../shared'
import { type ProfileDraft, percentText } from '../profile/draft'
import { INDICATOR_PREFIXES, indicatorsSheetPlan, indicatorTables } from '../sheets/indicators-plan'
import { readIndicators } from '../sheets/indicators-read'
import type { Workbook } from '../workbook/workbook'
import type { Outcome } from './notice'
import type { ActionServices, PaneServices } from './services'

export interface IndicatorsRef {
  /** The tables' common key: `2026`, `2026_2`… */
  readonly key: string
  readonly sheet: string
}

export interface IndicatorsList {
  readonly sheets: readonly IndicatorsRef[]
  /** The sheet the tab works on: the one asked for, else the last one. */
  readonly selected: string | null
}

/** The indicators sheets of the workbook: an `Indicateurs_<clé>` table with its three others. */
export async function indicatorsList(
  services: Pick<PaneServices, 'workbook'>,
  wanted?: string
): Promise<Outcome & IndicatorsList> {
  const tables = await services.workbook.listTables()
  const names = new Set(tables.map((t) => t.name.toLowerCase()))
  const prefix = `${INDICATOR_PREFIXES.indicateurs}_`.toLowerCase()
  const sheets = tables.flatMap((t) => {
    if (!t.name.toLowerCase().startsWith(prefix)) return []
    const key = t.name.slice(prefix.length)
    const n = indicatorTables(key)
    return [n.contexte, n.missions, n.livrables].every((x) => names.has(x.toLowerCase()))
      ? [{ key, sheet: t.sheet }]
      : []
  })
  const selected =
    sheets.find((s) => s.key === wanted)?.key ?? sheets[sheets.length - 1]?.key ?? null
  return { sheets, selected, notice: null }
}

export interface WriteIndicatorsInput {
  readonly annexe: Annexe | null
  readonly profil: BudgetProfil | null
  readonly table: RateTable | null
  readonly taille: Taille | null
  /** A serious health crisis recognised by the ARS in the year (the crisis mission's variable part). */
  readonly crise: boolean
}

/** Writes a new « Indicateurs <année> » sheet for the annex; never replaces one. */
export async function writeIndicators(
  services: PaneServices,
  input: WriteIndicatorsInput
): Promise<Outcome & IndicatorsList> {
  const { annexe, profil, table, taille } = input
  if (profil === null || table === null || taille === null) {
    throw new AciError(
      'budget_invalide',
      'Profil incomplet : complétez les champs signalés de l’onglet Profil.'
    )
  }
  if (annexe === null) {
    throw new AciError(
      'contrat_invalide',
      'Aucune annexe : importez le fichier de l’annexe ou partez du modèle vierge.'
    )
  }
  let key = ''
  const sheet = await services.workbook.addSheet((names) => {
    const plan = indicatorsSheetPlan(
      {
        annexe,
        nom: profil.nom,
        annee: profil.exercice.debut.slice(0, 4),
        taille,
        table,
        crise: input.crise,
        today: services.today(),
      },
      names
    )
    key = (plan.tables[2]?.name ?? '').slice(INDICATOR_PREFIXES.indicateurs.length + 1)
    return plan
  })
  return {
    ...(await indicatorsList(services, key)),
    notice: {
      intent: 'success',
      title: `Feuille « ${sheet} » créée`,
      text: 'Saisissez les valeurs observées et l’état des livrables, puis relisez la feuille.',
    },
  }
}

/** One mission as the tab shows it for the dialogue de gestion. */
export interface MissionReading {
  readonly mission: MissionCode
  readonly libelle: string
  readonly montant: string
  readonly enveloppe: string
  readonly taux: string
  readonly atteints: number
  readonly nonAtteints: number
  readonly sansObservation: number
  /** « action : livrable » still missing. */
  readonly livrablesManquants: readonly string[]
}

export interface IndicatorsReading extends Outcome {
  readonly key: string
  readonly sheet: string
  readonly result: VariableResult
  readonly missions: readonly MissionReading[]
  readonly scenarios: readonly Scenario[]
  /** What the future dossier embeds. */
  readonly dialogue: DialogueJson
  /** The budget profile's rates from the indicators (decimal text per mission). */
  readonly rates: Partial<Record<MissionCode, string>>
}

function tableOf(catalog: Catalog, version: string | undefined): RateTable | string | undefined {
  if (version === undefined) return undefined
  try {
    return catalog.byVersionId(version)
  } catch {
    // Not a known id: the core reads it as a date or says it is unknown.
    return version
  }
}

async function readSheet(workbook: Workbook, key: string) {
  const n = indicatorTables(key)
  const [contexte, indicateurs, livrables] = await workbook.readTables([
    n.contexte,
    n.indicateurs,
    n.livrables,
  ])
  if (!contexte || !indicateurs || !livrables) {
    throw new AciError(
      'contrat_invalide',
      `Les tableaux ${n.contexte}, ${n.indicateurs} et ${n.livrables} sont introuvables : la feuille des indicateurs a été renommée ou supprimée.`
    )
  }
  return { sheet: indicateurs.sheet, read: readIndicators(contexte, indicateurs, livrables) }
}

/** Reads an indicators sheet back: the variable part indicator by indicator, per mission, with its scenarios. */
export async function readIndicatorsSheet(
  services: ActionServices,
  input: { readonly key: string | null }
): Promise<IndicatorsReading> {
  if (input.key === null) {
    throw new AciError('contrat_invalide', 'Choisissez une feuille d’indicateurs.')
  }
  const { sheet, read } = await readSheet(services.workbook, input.key)
  const context = {
    taille: read.taille,
    version: tableOf(services.catalog, read.version),
    crise: read.crise,
  }
  const result = variableOf(read.annexe, context, read.observations, read.livrables)
  const scenarios = scenariosOf(read.annexe, resolveContext(context))
  const dialogue = dialogueJson(result)
  const missions = result.missions.map((m): MissionReading => {
    const d = dialogue.missions.find((x) => x.mission === m.mission)
    return {
      mission: m.mission,
      libelle: m.libelle,
      montant: formatEuros(m.montant),
      enveloppe: formatEuros(m.enveloppeVariable),
      taux: formatPercent(m.taux),
      atteints: d?.atteints.length ?? 0,
      nonAtteints: d?.nonAtteints.length ?? 0,
      sansObservation: d?.sansObservation.length ?? 0,
      livrablesManquants: (d?.livrablesManquants ?? []).flatMap((a) =>
        a.livrables.map((l) => `${a.libelle} : ${l}`)
      ),
    }
  })
  const errors = result.constats.filter((c) => c.severity === 'error').length
  return {
    key: input.key,
    sheet,
    result,
    missions,
    scenarios,
    dialogue,
    rates: budgetRates(result),
    notice: {
      intent: errors > 0 ? 'error' : 'success',
      title: `Feuille « ${sheet} » relue`,
      text: `Volet variable réclamé : ${formatEuros(result.montant)} sur ${formatEuros(result.enveloppeVariable)}${errors > 0 ? ` ; ${errors} erreur${errors > 1 ? 's' : ''} dans l’annexe, voir les constats` : ''}.`,
    },
  }
}

/**
 * The profile with the indicators' rates for the missions they cover (the rates the Budget and
 * Contrat tabs use); a mission the annex does not cover keeps the rate typed.
 */
export function carryRates(
  draft: ProfileDraft,
  reading: Pick<IndicatorsReading, 'rates' | 'sheet'>
): Outcome & { readonly draft: ProfileDraft } {
  const missions = { ...draft.missions }
  const carried: string[] = []
  for (const code of MISSION_CODES) {
    const rate = reading.rates[code]
    if (rate === undefined || !missions[code].engagee) continue
    missions[code] = { ...missions[code], taux: percentText(rate) }
    carried.push(`${MISSION_WORDS[code].label} ${percentText(rate)} %`)
  }
  return {
    draft: { ...draft, missions },
    notice: {
      intent: carried.length > 0 ? 'success' : 'info',
      title: carried.length > 0 ? 'Taux reportés dans le profil' : 'Aucun taux reporté',
      text:
        carried.length > 0
          ? `Taux d’atteinte de « ${reading.sheet} » : ${carried.join(', ')}. Les onglets Budget et Contrat les utilisent désormais.`
          : 'Aucune mission des indicateurs n’est engagée dans le profil.',
    },
  }
}
