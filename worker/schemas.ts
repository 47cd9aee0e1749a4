// The wire schemas of the API: they validate requests, describe responses in tests, and generate the OpenAPI document.
import * as v from 'valibot'
import { isoDateSchema as isoDate } from '../shared'

const amountString = v.pipe(
  v.string(),
  v.regex(/^-?\d+\.\d{2}$/, 'montant décimal à deux décimales attendu'),
  v.description('Montant en euros, texte décimal à deux décimales (« 12500.00 »).')
)

const versionId = v.pipe(
  v.string(),
  v.regex(
    /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/,
    'identifiant de version attendu, par exemple aci-avenant-2'
  ),
  v.description('Identifiant de version du barème, par exemple « aci-avenant-2 ».')
)

export const ratesCurrentQuery = v.strictObject(
  { date: v.optional(isoDate) },
  'paramètre inconnu ; seul « date » est accepté'
)

export const envelopesQuery = v.strictObject(
  {
    taille: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^[1-4]$/, 'taille attendue : un entier de 1 à 4'),
        v.description('Taille de la CPTS, 1 à 4.')
      )
    ),
    population: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^\d{1,9}$/, 'population attendue : un nombre entier d’habitants'),
        v.description('Population couverte ; la taille en est déduite.')
      )
    ),
    version: v.optional(versionId),
    date: v.optional(
      v.pipe(isoDate, v.description('Date de référence : la version en vigueur à cette date.'))
    ),
    missions: v.optional(
      v.pipe(
        v.string(),
        v.maxLength(300, 'liste de missions trop longue'),
        v.regex(
          /^[^,]+(,[^,]+)*$/,
          'missions attendues : codes séparés par des virgules, par exemple acces,parcours'
        ),
        v.description(
          'Missions retenues, codes séparés par des virgules ; toutes les missions de la version si absent.'
        )
      )
    ),
    taux: v.optional(
      v.pipe(
        v.string(),
        v.regex(
          /^(0(\.\d{1,9})?|1(\.0{1,9})?)$/,
          'taux attendu : une fraction de 0 à 1 avec un point décimal, par exemple 0.8'
        ),
        v.description('Taux d’atteinte attendu des indicateurs, de 0 à 1 (défaut 1).')
      )
    ),
    phase: v.optional(
      v.pipe(
        v.picklist(['redaction', 'mise_a_jour'], 'phase attendue : redaction ou mise_a_jour'),
        v.description(
          'Phase du plan de la mission crise : première rédaction (défaut) ou mise à jour.'
        )
      )
    ),
  },
  'paramètre inconnu ; attendus : taille ou population, version ou date, missions, taux, phase'
)

export const versionSummarySchema = v.object({
  id: versionId,
  title: v.string(),
  effectiveDate: isoDate,
  source: v.string(),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
})

export const versionListSchema = v.object({ versions: v.array(versionSummarySchema) })

export const fundingLineSchema = v.object({
  mission: v.string(),
  label: v.string(),
  category: v.picklist(['socle', 'optionnelle']),
  phase: v.nullable(v.picklist(['redaction', 'mise_a_jour'])),
  taux: v.pipe(v.string(), v.description('Taux d’atteinte retenu, fraction de 0 à 1.')),
  fixe: amountString,
  variableMax: amountString,
  variable: amountString,
  enveloppe: amountString,
  attendu: amountString,
})

export const envelopesResponseSchema = v.object({
  version: versionSummarySchema,
  taille: v.picklist([1, 2, 3, 4]),
  population: v.nullable(v.number()),
  fonctionnement: amountString,
  missions: v.array(fundingLineSchema),
  totalEnveloppe: amountString,
  totalAttendu: amountString,
})

export const problemSchema = v.object({
  type: v.string(),
  title: v.string(),
  status: v.number(),
  detail: v.string(),
  code: v.string(),
  field: v.optional(v.string()),
  instance: v.optional(v.string()),
})

export const healthSchema = v.object({ status: v.literal('ok'), versions: v.array(v.string()) })
