// The ACI missions: stable codes, and the words users type for them.
import { AciError, describeValue } from './errors'
import { normalizeWords } from './text'

export const MISSION_CODES = [
  'acces',
  'parcours',
  'prevention',
  'crise',
  'qualite',
  'accompagnement',
] as const
export type MissionCode = (typeof MISSION_CODES)[number]

/**
 * Short French labels, and the other names users write for each mission
 * (the labels of the Assurance Maladie tables are added from each rate table).
 */
export const MISSION_WORDS: Record<MissionCode, { label: string; aliases: readonly string[] }> = {
  acces: {
    label: 'Accès aux soins',
    aliases: ['accès', 'accès aux soins', 'amélioration de l’accès aux soins'],
  },
  parcours: {
    label: 'Parcours pluriprofessionnels',
    aliases: [
      'parcours',
      'parcours pluriprofessionnels',
      'parcours pluriprofessionnels autour du patient',
      'organisation de parcours pluriprofessionnels autour du patient',
    ],
  },
  prevention: {
    label: 'Prévention',
    aliases: [
      'prévention',
      'actions territoriales de prévention',
      'développement des actions territoriales de prévention',
    ],
  },
  crise: {
    label: 'Crises sanitaires graves',
    aliases: [
      'crise',
      'crises',
      'crise sanitaire',
      'crises sanitaires',
      'crises sanitaires graves',
      'réponse aux crises sanitaires graves',
    ],
  },
  qualite: {
    label: 'Qualité et pertinence des soins',
    aliases: [
      'qualité',
      'qualité et pertinence',
      'qualité et pertinence des soins',
      'développement de la qualité et de la pertinence des soins',
    ],
  },
  accompagnement: {
    label: 'Accompagnement des professionnels de santé',
    aliases: [
      'accompagnement',
      'accompagnement des professionnels',
      'accompagnement des professionnels de santé',
      'accompagnement des professionnels de santé sur le territoire',
    ],
  },
}

const byWords = new Map<string, MissionCode>()
for (const code of MISSION_CODES) {
  byWords.set(code, code)
  for (const alias of MISSION_WORDS[code].aliases) byWords.set(normalizeWords(alias), code)
}

// Exact inputs seen before: Excel recalculates the same text thousands of times.
const seen = new Map<string, MissionCode>()

/**
 * "ACCES", "Accès aux soins", "prévention" → the mission code. `labels` adds the labels
 * a rate table prints (normalized). Unknown text fails as not found, anything else as invalid.
 */
export function parseMission(
  value: unknown,
  argument = 'mission',
  labels?: ReadonlyMap<string, MissionCode>
): MissionCode {
  if (typeof value === 'string') {
    const hit = seen.get(value)
    if (hit !== undefined) return hit
    const words = normalizeWords(value)
    const code = byWords.get(words)
    if (code !== undefined) {
      if (seen.size < 10_000) seen.set(value, code)
      return code
    }
    const labelled = labels?.get(words)
    if (labelled !== undefined) return labelled
    if (words !== '') {
      throw new AciError(
        'mission_inconnue',
        `${argument} : mission ${describeValue(value)} inconnue ; attendu l’un des codes ${MISSION_CODES.join(', ')} ou le libellé d’une mission.`,
        argument
      )
    }
  }
  throw new AciError(
    'mission_invalide',
    `${argument} : mission attendue (un code tel que acces, parcours, prevention, crise, qualite, accompagnement), reçu ${describeValue(value)}.`,
    argument
  )
}
