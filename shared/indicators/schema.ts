// The indicator annex of a contract year as JSON: missions → actions → indicators and evidence, a valibot schema with French messages.
import * as v from 'valibot'
import { MISSION_CODES } from '../missions'
import { strict } from '../wire-schemas'

// Shapes only, as for the budget and the contract: what ties fields together (ids unique across
// the annex, each mission once, the declared maximum of a tiered indicator) is parseAnnexe's, and
// what compares the annex with the rate grid (maxima against the variable envelope, tiers in
// order) is a check that reports findings (checks.ts). Built in a function marked pure, so that a
// bundle that never reads an annex (Excel's functions) leaves all of it out.

/** How a tiered indicator is read: more is better (`hausse`) or less is better (`baisse`). */
export const SENS = ['hausse', 'baisse'] as const
export type Sens = (typeof SENS)[number]

/** All or nothing (`binaire`), or by tiers (`paliers`). */
export const INDICATOR_TYPES = ['binaire', 'paliers'] as const
export type IndicatorType = (typeof INDICATOR_TYPES)[number]

/** Euros, at most two decimals: decimal text with a point ("8000", "2500.50") or a JSON number. */
export const AMOUNT_TEXT = /^\d{1,13}(\.\d{1,2})?$/
/** A threshold or an observed value, in the indicator's own unit: at most six decimals, maybe negative. */
export const NUMBER_TEXT = /^-?\d{1,13}(\.\d{1,6})?$/
/** An id as people type it from the annex ("1.2", "ald-sans-mt"): one line, no spaces at its ends. */
export const ID_PATTERN = /^[^\s;](?:[^\r\n;]{0,62}[^\s;])?$/

const LINE = /^[^\r\n]*\S[^\r\n]*$/

function text(what: string, description: string, max = 500) {
  return v.pipe(
    v.string(`${what} attendu (texte)`),
    v.regex(LINE, `${what} attendu : un texte non vide, sur une seule ligne`),
    v.maxLength(max, `${what} : ${max} caractères au plus`),
    v.description(description)
  )
}

/** A JSON number read as its shortest decimal form, which must match `pattern`. */
function numberLike(pattern: RegExp, message: string) {
  return v.union(
    [
      v.pipe(v.string(message), v.regex(pattern, message)),
      v.pipe(
        v.number(message),
        v.check((n) => Number.isFinite(n) && pattern.test(String(n)), message)
      ),
    ],
    message
  )
}

function buildAnnexeSchema() {
  const amount = (what: string, description: string) =>
    v.pipe(
      numberLike(
        AMOUNT_TEXT,
        `${what} attendu : euros positifs, au plus deux décimales, en texte avec un point ("8000", "2500.50") ou en nombre`
      ),
      v.description(description)
    )
  const value = (what: string, description: string) =>
    v.pipe(
      numberLike(
        NUMBER_TEXT,
        `${what} attendu : un nombre, au plus six décimales, en texte avec un point ("63.5") ou en nombre`
      ),
      v.description(description)
    )
  const id = (what: string, description: string) =>
    v.pipe(
      v.string(`${what} attendu (texte)`),
      v.regex(
        ID_PATTERN,
        `${what} attendu : 1 à 64 caractères sur une ligne, sans point-virgule ni espace au début ou à la fin`
      ),
      v.description(description)
    )

  const common = {
    id: id(
      'identifiant de l’indicateur',
      'Identifiant de l’indicateur, unique dans l’annexe (« ald-sans-mt », « 1.2.a ») : les observations s’y rapportent.'
    ),
    libelle: text('libellé de l’indicateur', 'Libellé de l’indicateur, tel que l’annexe l’écrit.'),
    unite: v.optional(
      text(
        'unité',
        'Unité des seuils et des valeurs observées (« % », « patients », « jours ») ; un pourcentage s’écrit en points : 60 pour 60 %.',
        40
      )
    ),
    reference: v.optional(
      value(
        'valeur de référence',
        'Valeur de référence (situation de départ), quand l’annexe la donne, dans l’unité de l’indicateur.'
      )
    ),
    cible: v.optional(
      value('cible', 'Cible de l’année, quand l’annexe la donne, dans l’unité de l’indicateur.')
    ),
  }

  const palierSchema = strict(
    {
      seuil: value(
        'seuil',
        'Seuil du palier, dans l’unité de l’indicateur ; borne incluse : atteint quand la valeur est ≥ seuil (sens hausse) ou ≤ seuil (sens baisse).'
      ),
      montant: amount('montant du palier', 'Montant gagné à ce palier, en euros.'),
    },
    'palier (seuil, montant)'
  )

  const binaireSchema = strict(
    {
      ...common,
      type: v.pipe(
        v.literal('binaire'),
        v.description('Tout ou rien : le maximum si l’indicateur est atteint (fait), rien sinon.')
      ),
      max: amount('maximum', 'Montant gagné quand l’indicateur est atteint, en euros.'),
    },
    'indicateur binaire (id, libelle, type, max)'
  )

  const paliersSchema = strict(
    {
      ...common,
      type: v.pipe(
        v.literal('paliers'),
        v.description(
          'Par paliers : le montant du meilleur palier atteint (bornes incluses), rien si aucun.'
        )
      ),
      sens: v.pipe(
        v.picklist(SENS, 'sens attendu : hausse ou baisse'),
        v.description(
          'hausse : plus la valeur est haute, mieux c’est ; gagne le palier de plus haut seuil que la valeur atteint (valeur ≥ seuil). baisse : plus elle est basse, mieux c’est ; gagne le palier de plus bas seuil que la valeur ne dépasse pas (valeur ≤ seuil).'
        )
      ),
      paliers: v.pipe(
        v.array(palierSchema, 'liste des paliers attendue'),
        v.minLength(1, 'au moins un palier attendu'),
        v.maxLength(12, '12 paliers au plus'),
        v.description(
          'Paliers par seuil croissant ; leurs montants croissent avec l’atteinte (avec le seuil pour hausse, à l’inverse pour baisse).'
        )
      ),
      max: v.optional(
        amount(
          'maximum',
          'Montant maximal de l’indicateur, s’il est écrit dans l’annexe : le montant du meilleur palier.'
        )
      ),
    },
    'indicateur à paliers (id, libelle, type, sens, paliers)'
  )

  const indicateurSchema = v.variant(
    'type',
    [binaireSchema, paliersSchema],
    'type attendu : binaire ou paliers'
  )

  const actionSchema = strict(
    {
      id: id(
        'identifiant de l’action',
        'Identifiant de l’action, unique dans l’annexe : l’état des livrables s’y rapporte.'
      ),
      libelle: text('libellé de l’action', 'Libellé de l’action.'),
      livrables: v.optional(
        v.pipe(
          v.array(
            text('livrable', 'Pièce justificative demandée au dialogue de gestion.'),
            'liste des livrables attendue'
          ),
          v.maxLength(50, '50 livrables au plus par action'),
          v.description(
            'Livrables (pièces justificatives) que la CPAM demandera au dialogue de gestion pour cette action.'
          )
        )
      ),
      indicateurs: v.pipe(
        v.array(indicateurSchema, 'liste des indicateurs attendue'),
        v.minLength(1, 'au moins un indicateur attendu'),
        v.maxLength(100, '100 indicateurs au plus par action')
      ),
    },
    'action (id, libelle, indicateurs)'
  )

  const missionSchema = strict(
    {
      mission: v.picklist(MISSION_CODES, `mission attendue : ${MISSION_CODES.join(', ')}`),
      actions: v.pipe(
        v.array(actionSchema, 'liste des actions attendue'),
        v.minLength(1, 'au moins une action attendue'),
        v.maxLength(100, '100 actions au plus par mission')
      ),
    },
    'mission (mission, actions)'
  )

  return v.pipe(
    strict(
      {
        $schema: v.optional(v.string()),
        annee: v.optional(
          v.pipe(
            v.picklist([1, 2, 3, 4, 5], 'année de contrat attendue : un entier de 1 à 5'),
            v.description('Année du contrat (1 à 5) à laquelle l’annexe s’applique.')
          )
        ),
        missions: v.pipe(
          v.array(missionSchema, 'liste des missions attendue'),
          v.minLength(1, 'au moins une mission attendue'),
          v.maxLength(MISSION_CODES.length, `${MISSION_CODES.length} missions au plus`),
          v.description('Missions du volet variable, chacune une fois, avec leurs actions.')
        ),
      },
      'annexe (missions)'
    ),
    v.description(
      'Annexe des indicateurs d’une année de contrat ACI : par mission, les actions, leurs livrables et leurs indicateurs avec leurs montants ; les maxima d’une mission totalisent son volet variable.'
    )
  )
}

/** The annex document: missions → actions → indicators, with the evidence of each action. */
export const annexeSchema = /* @__PURE__ */ buildAnnexeSchema()

export type AnnexeDocument = v.InferOutput<typeof annexeSchema>
export type AnnexeMissionDocument = AnnexeDocument['missions'][number]
export type ActionDocument = AnnexeMissionDocument['actions'][number]
export type IndicateurDocument = ActionDocument['indicateurs'][number]
