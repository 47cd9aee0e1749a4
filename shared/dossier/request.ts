// The dossier request (POST /api/v1/dossiers): its schema, and its one reading into a dossier — each document through its own door.
import * as v from 'valibot'
// The schemas are built when this module is evaluated: from their modules, not the front door (see schema.ts).
import { budgetSchema } from '../budget'
import { contractSchema, PRORATAS, VARIABLE_RECOGNITIONS } from '../contract'
import { AciError, isAciError, parseAnnexe, parseBudget, parseContract } from '../index'
import { annexeSchema } from '../indicators'
import { isoDateSchema } from '../wire-schemas'
import { buildDossier } from './build'
import { KEY_MIN_LENGTH } from './pseudonym'
import type { Dossier } from './schema'

function buildDossierRequestSchema() {
  const valeurs = v.record(v.string(), v.union([v.number(), v.string(), v.boolean(), v.null()]))
  return v.pipe(
    v.strictObject({
      budget: v.pipe(budgetSchema, v.description('Le budget de l’exercice (budget.schema.json).')),
      contrat: v.optional(
        v.pipe(
          contractSchema,
          v.description('Le contrat ; défaut : celui que le profil du budget décrit.')
        )
      ),
      annexe: v.optional(
        v.pipe(annexeSchema, v.description('L’annexe des indicateurs d’une année de contrat.'))
      ),
      observations: v.optional(
        v.pipe(valeurs, v.description('Valeur observée par identifiant d’indicateur.'))
      ),
      livrables: v.optional(
        v.pipe(
          v.record(v.string(), v.array(v.boolean())),
          v.description('État des livrables (fourni ou non) par identifiant d’action.')
        )
      ),
      produitLe: v.optional(
        v.pipe(isoDateSchema, v.description('Date de production ; défaut : aujourd’hui (Paris).'))
      ),
      cleDePseudonymisation: v.optional(
        v.pipe(
          v.string(),
          v.minLength(KEY_MIN_LENGTH),
          v.description(
            'Clé secrète de la CPTS : les noms des professionnels deviennent des HMAC-SHA-256 de cette clé.'
          )
        )
      ),
      options: v.optional(
        v.strictObject({
          prorata: v.optional(v.picklist(PRORATAS)),
          variable: v.optional(v.picklist(VARIABLE_RECOGNITIONS)),
        })
      ),
      tresorier: v.optional(v.pipe(v.string(), v.maxLength(200))),
      referenceCommissaireAuxComptes: v.optional(v.pipe(v.string(), v.maxLength(200))),
    }),
    v.description(
      'Ce qu’il faut pour le dossier de l’exercice : un budget suffit ; le contrat, l’annexe et ses observations le complètent.'
    )
  )
}

/** The request's schema, for the OpenAPI document (the reading below checks each part with its own door). */
export const dossierRequestSchema = /* @__PURE__ */ buildDossierRequestSchema()

const FIELDS = [
  'budget',
  'contrat',
  'annexe',
  'observations',
  'livrables',
  'produitLe',
  'cleDePseudonymisation',
  'options',
  'tresorier',
  'referenceCommissaireAuxComptes',
] as const

function invalid(field: string, message: string): AciError {
  return new AciError('donnees_invalides', `${field} : ${message}`, field)
}

/** A part's error, named from the request: `lignes[3].montant` becomes `budget.lignes[3].montant`. */
function within<T>(part: string, read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (!isAciError(error) || error.argument === undefined) throw error
    if (error.argument === part || error.argument.startsWith(`${part}.`)) throw error
    const field = `${part}.${error.argument}`
    const message = error.message.startsWith(`${error.argument} : `)
      ? `${field} : ${error.message.slice(error.argument.length + 3)}`
      : `${part} : ${error.message}`
    throw new AciError(error.code, message, field)
  }
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.length > 200) {
    throw invalid(field, 'texte de 200 caractères au plus attendu.')
  }
  return value
}

/**
 * Reads a dossier request (JSON already parsed) and builds the dossier. `today` is the production
 * date when the request does not give one: the edge reads the clock, the core never does.
 */
export function dossierOfRequest(input: unknown, today: string): Dossier {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid('demande', 'objet attendu : { budget, contrat?, annexe?, observations?, … }.')
  }
  const fields = input as Record<string, unknown>
  for (const key of Object.keys(fields)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      throw invalid(key, `champ inconnu ; champs acceptés : ${FIELDS.join(', ')}.`)
    }
  }
  if (fields.budget === undefined) throw invalid('budget', 'champ obligatoire absent.')
  const budget = within('budget', () => parseBudget(fields.budget))
  const contrat =
    fields.contrat === undefined
      ? undefined
      : within('contrat', () => parseContract(fields.contrat))
  const annexe = fields.annexe === undefined ? undefined : parseAnnexe(fields.annexe, 'annexe')
  const options = fields.options
  if (options !== undefined) {
    const o = options as Record<string, unknown>
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw invalid('options', 'objet attendu : { prorata, variable }.')
    }
    for (const key of Object.keys(o)) {
      if (key !== 'prorata' && key !== 'variable') {
        throw invalid(`options.${key}`, 'champ inconnu ; champs acceptés : prorata, variable.')
      }
    }
    if (o.prorata !== undefined && !(PRORATAS as readonly unknown[]).includes(o.prorata)) {
      throw invalid('options.prorata', 'jours ou mois attendu.')
    }
    if (
      o.variable !== undefined &&
      !(VARIABLE_RECOGNITIONS as readonly unknown[]).includes(o.variable)
    ) {
      throw invalid('options.variable', 'versement ou periode attendu.')
    }
  }
  const choix = options as { prorata?: 'jours' | 'mois'; variable?: 'versement' | 'periode' }
  const produitLe = fields.produitLe === undefined ? today : fields.produitLe
  const tresorier = optionalText(fields.tresorier, 'tresorier')
  const reference = optionalText(
    fields.referenceCommissaireAuxComptes,
    'referenceCommissaireAuxComptes'
  )
  return buildDossier({
    budget,
    produitLe: produitLe as string,
    ...(contrat === undefined ? {} : { contrat }),
    ...(choix === undefined ? {} : { choix }),
    ...(annexe === undefined ? {} : { annexe }),
    ...(fields.observations === undefined ? {} : { observations: fields.observations }),
    ...(fields.livrables === undefined ? {} : { livrables: fields.livrables }),
    ...(fields.cleDePseudonymisation === undefined
      ? {}
      : { cleDePseudonymisation: fields.cleDePseudonymisation as string }),
    ...(tresorier === undefined ? {} : { tresorier }),
    ...(reference === undefined ? {} : { referenceCommissaireAuxComptes: reference }),
  })
}
