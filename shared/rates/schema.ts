// The shape of a rate-table file (shared/rates/*.json), as a valibot schema with French messages.
import * as v from 'valibot'
import { MISSION_CODES } from '../missions'
import { isoDateSchema as isoDate } from '../wire-schemas'

const amount = v.pipe(
  v.string('montant attendu sous forme de texte décimal, par exemple "17500"'),
  v.regex(/^\d{1,9}(\.\d{1,2})?$/, 'montant attendu : euros positifs, au plus deux décimales')
)
const perTaille = v.pipe(
  v.array(amount, 'liste des montants par taille attendue'),
  v.length(4, 'quatre montants attendus, un par taille (1 à 4)')
)
const text = v.pipe(v.string('texte attendu'), v.nonEmpty('texte non vide attendu'))

export const PHASES = ['redaction', 'mise_a_jour'] as const
export type Phase = (typeof PHASES)[number]

export const componentSchema = v.strictObject({
  code: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]*$/, 'code en minuscules attendu')),
  label: text,
  volet: v.picklist(['fixe', 'variable'], 'volet attendu : fixe ou variable'),
  phase: v.optional(v.picklist(PHASES, 'phase attendue : redaction ou mise_a_jour')),
  amounts: perTaille,
})

export const missionSchema = v.strictObject({
  code: v.picklist(MISSION_CODES, `code de mission attendu : ${MISSION_CODES.join(', ')}`),
  label: text,
  category: v.picklist(['socle', 'optionnelle'], 'catégorie attendue : socle ou optionnelle'),
  phases: v.optional(v.pipe(v.array(v.picklist(PHASES)), v.minLength(2))),
  components: v.pipe(v.array(componentSchema), v.minLength(1, 'au moins une composante attendue')),
  total: perTaille,
})

export const rateTableSchema = v.strictObject({
  $schema: v.optional(v.string()),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'identifiant en minuscules attendu')),
  title: text,
  source: v.strictObject({
    document: text,
    article: text,
    // A pattern rather than v.url(): URL is not promised in Office's JavaScript-only runtime.
    url: v.optional(
      v.pipe(v.string(), v.regex(/^https:\/\/[^\s/$.?#][^\s]*$/, 'adresse web https attendue'))
    ),
  }),
  signedOn: v.optional(isoDate),
  effectiveDate: isoDate,
  documentedBy: v.array(v.strictObject({ document: text, date: isoDate })),
  notes: v.array(text),
  tailles: v.pipe(
    v.array(
      v.strictObject({
        taille: v.picklist([1, 2, 3, 4]),
        populationMin: v.pipe(v.number(), v.integer(), v.minValue(0)),
        populationBelow: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
      })
    ),
    v.length(4, 'quatre tailles attendues')
  ),
  fonctionnement: v.strictObject({ label: text, amounts: perTaille }),
  missions: v.pipe(v.array(missionSchema), v.minLength(1)),
  total: perTaille,
})

/** A rate-table file as written in shared/rates/. */
export type RateTableData = v.InferOutput<typeof rateTableSchema>
export type MissionData = v.InferOutput<typeof missionSchema>
export type ComponentData = v.InferOutput<typeof componentSchema>
