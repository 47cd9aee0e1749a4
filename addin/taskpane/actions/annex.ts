// An indicator annex for the pane: read from a file (JSON or the French CSV, UTF-8 or Windows-1252), or a blank template for the profile's missions.
import {
  AciError,
  type Annexe,
  annexeFromCsv,
  type BudgetProfil,
  decodeText,
  encodageLabel,
  indicateursOf,
  MISSION_WORDS,
  parseAnnexe,
  type RateTable,
  type Taille,
  toAmountString,
} from '../../../shared'
import type { Outcome } from './notice'

/** A file as the page picks it: its name and its bytes, decoded by the core. */
export interface PickedBytes {
  readonly name: string
  readonly bytes: Uint8Array
}

export interface AnnexState extends Outcome {
  readonly annexe: Annexe
  /** Where it comes from, said in French: « annexe-2026.csv (Windows-1252) », « modèle vierge ». */
  readonly origine: string
}

/** Reads an annex file once: JSON when it looks like JSON, the French CSV layout otherwise. */
export function importAnnex(file: PickedBytes): AnnexState {
  const decoded = decodeText(file.bytes)
  const text = decoded.text.replace(/^\ufeff/, '')
  const json = /\.json$/i.test(file.name) || text.trimStart().startsWith('{')
  let annexe: Annexe
  if (json) {
    let input: unknown
    try {
      input = JSON.parse(text)
    } catch (error) {
      throw new AciError(
        'contrat_invalide',
        `« ${file.name} » n’est pas un JSON lisible : ${error instanceof Error ? error.message : String(error)}.`
      )
    }
    annexe = parseAnnexe(input)
  } else {
    annexe = annexeFromCsv(text)
  }
  const count = indicateursOf(annexe).length
  const origine = `${file.name} (${json ? 'JSON' : `CSV, ${encodageLabel(decoded.encodage)}`})`
  return {
    annexe,
    origine,
    notice: {
      intent: 'success',
      title: `« ${file.name} » lu`,
      text: `${count} indicateur${count > 1 ? 's' : ''} dans ${annexe.missions.length} mission${annexe.missions.length > 1 ? 's' : ''} (${json ? 'JSON' : `CSV, ${encodageLabel(decoded.encodage)}`}). Écrivez maintenant la feuille Indicateurs.`,
    },
  }
}

/**
 * A template for the engaged missions that have a variable part: one action and one all-or-nothing
 * indicator per mission, its maximum the whole variable envelope, so that the maxima add up. The
 * person replaces them on the sheet with the signed annex's actions and indicators.
 */
export function blankAnnex(input: {
  readonly profil: BudgetProfil | null
  readonly table: RateTable | null
  readonly taille: Taille | null
}): AnnexState {
  const { profil, table, taille } = input
  if (profil === null || table === null || taille === null) {
    throw new AciError(
      'budget_invalide',
      'Profil incomplet : complétez les champs signalés de l’onglet Profil.'
    )
  }
  const missions = profil.missions.flatMap((m) => {
    const envelope = table.mission(m.mission)?.variable[taille - 1]
    if (envelope === undefined || envelope.isZero()) return []
    return [
      {
        mission: m.mission,
        actions: [
          {
            id: `${m.mission}-1`,
            libelle: `${MISSION_WORDS[m.mission].label} : action à recopier de l’annexe signée`,
            livrables: ['Pièce justificative à préciser'],
            indicateurs: [
              {
                id: `${m.mission}-1.1`,
                libelle: 'Indicateur à recopier de l’annexe signée',
                type: 'binaire',
                max: toAmountString(envelope),
              },
            ],
          },
        ],
      },
    ]
  })
  if (missions.length === 0) {
    throw new AciError(
      'contrat_invalide',
      'Aucune mission engagée du profil n’a de volet variable : cochez les missions dans l’onglet Profil.'
    )
  }
  return {
    annexe: parseAnnexe({ missions }),
    origine: 'modèle vierge',
    notice: {
      intent: 'info',
      title: 'Modèle d’annexe prêt',
      text: `Une action et un indicateur tout ou rien par mission engagée (${missions.length}), au montant du volet variable ; écrivez la feuille, puis recopiez-y l’annexe signée.`,
    },
  }
}
