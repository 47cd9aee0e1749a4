// The cash plan request as a document (JSON over HTTP, or the pane's fields): one reader into the plan's input.
import * as v from 'valibot'
import { parseBudget } from '../budget'
import { parseContract } from '../contract'
import { AciError } from '../errors'
import { pathOf, strict } from '../wire-schemas'
import type { CashPlanInput } from './plan'

const AMOUNT = /^-?\d{1,13}(\.\d{1,2})?$/

function buildRequestSchema() {
  const amount = (description: string) =>
    v.pipe(
      v.string('montant attendu sous forme de texte décimal, par exemple "12500.00"'),
      v.regex(AMOUNT, 'montant attendu : euros avec un point décimal et au plus deux décimales'),
      v.description(description)
    )
  return strict(
    {
      contrat: v.pipe(
        v.unknown(),
        v.description('Le contrat ACI (même document que /contracts/schedule).')
      ),
      exercice: v.pipe(
        v.unknown(),
        v.description('L’exercice : { debut, fin } au format AAAA-MM-JJ.')
      ),
      tresorerieInitiale: amount(
        'Trésorerie au premier jour de l’exercice (celle du FEC, ou saisie).'
      ),
      budget: v.optional(
        v.pipe(
          v.unknown(),
          v.description('Le budget de l’exercice (même document que /budgets/check).')
        )
      ),
      decaissements: v.optional(
        v.pipe(
          v.record(
            v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/, 'mois attendu au format AAAA-MM')),
            amount('Décaissements réels du mois.')
          ),
          v.description(
            'Décaissements réels des mois passés, par mois « AAAA-MM » : ils remplacent le budget de ces mois.'
          )
        )
      ),
      seuil: v.optional(amount('Une alerte pour chaque mois qui finit sous ce montant.')),
      moisSuivants: v.optional(
        v.pipe(
          v.boolean('moisSuivants : true ou false'),
          v.description('Ajoute les 12 mois suivant l’exercice.')
        )
      ),
      profils: v.optional(
        v.array(
          strict(
            {
              ligne: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
              compte: v.optional(
                v.pipe(v.string(), v.regex(/^\d{1,8}$/, 'compte attendu : 1 à 8 chiffres'))
              ),
              poids: v.pipe(
                v.array(v.number('poids attendu : un entier')),
                v.description('12 poids entiers, de janvier à décembre.')
              ),
            },
            'profil mensuel (ligne ou compte, poids)'
          ),
          'liste de profils attendue'
        )
      ),
    },
    'demande de plan de trésorerie'
  )
}

/** The request schema (for the OpenAPI document). */
export const cashPlanRequestSchema = /* @__PURE__ */ buildRequestSchema()

/**
 * A cash plan request read once: its shape, then the contract and the budget by their own readers
 * (their errors name their fields: `missions[0].debut`, `lignes[3].montant`).
 */
export function parseCashPlanRequest(input: unknown): CashPlanInput {
  const result = v.safeParse(cashPlanRequestSchema, input)
  if (!result.success) {
    const issue = result.issues[0]
    const at = pathOf(issue, 'demande')
    throw new AciError('tresorerie_invalide', `${at} : ${issue.message}.`, at)
  }
  const r = result.output
  for (const key of ['contrat', 'exercice'] as const) {
    if (r[key] === undefined) {
      throw new AciError('tresorerie_invalide', `${key} : champ obligatoire absent.`, key)
    }
  }
  return {
    contrat: parseContract(r.contrat),
    exercice: r.exercice,
    tresorerieInitiale: r.tresorerieInitiale,
    ...(r.budget === undefined ? {} : { budget: parseBudget(r.budget) }),
    ...(r.decaissements === undefined ? {} : { decaissements: r.decaissements }),
    ...(r.seuil === undefined ? {} : { seuil: r.seuil }),
    ...(r.moisSuivants === undefined ? {} : { moisSuivants: r.moisSuivants }),
    ...(r.profils === undefined ? {} : { profils: r.profils }),
  }
}
