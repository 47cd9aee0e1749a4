// The register of the professionals' time as JSON (people, hourly rates, time entries, options): a valibot schema with French messages, shapes only.
import * as v from 'valibot'
import { SECTIONS } from '../budget'
import { isoDateSchema, strict } from '../wire-schemas'

/** Indemnité pour perte de ressources (governance) or rémunération of a mission (art. D. 1434-44 CSP, 1° and 2°). */
export const NATURES = ['indemnite', 'remuneration'] as const
export type NatureTemps = (typeof NATURES)[number]

/** The budget's sections, and « gouvernance », read as the fonctionnement section it is paid from. */
export const SECTION_WORDS = [...SECTIONS, 'gouvernance'] as const

/** At most this many entries in one register: a CPTS of a few hundred members over several years. */
export const MAX_TEMPS = 20_000

const TEXT = /^[^\r\n]*\S[^\r\n]*$/
const text = (what: string, max: number, description: string) =>
  v.pipe(
    v.string(`${what} attendu (texte)`),
    v.regex(TEXT, `${what} attendu : un texte non vide, sur une seule ligne`),
    v.maxLength(max, `${what} : ${max} caractères au plus`),
    v.description(description)
  )

// Built on first use (a function marked pure): Excel's functions bundle uses none of it.
function buildRegistreSchema() {
  const heures = v.pipe(
    v.union(
      [
        v.pipe(
          v.string(),
          v.regex(
            /^\d{1,2}(\.\d{1,2})?$/,
            'heures attendues : un nombre d’heures avec un point décimal et au plus deux décimales, par exemple "1.5"'
          )
        ),
        v.pipe(
          v.number(),
          v.check(
            (n) => Number.isFinite(n) && n >= 0 && Math.round(n * 100) === n * 100,
            'heures attendues : un nombre positif avec au plus deux décimales'
          )
        ),
      ],
      'heures attendues : un nombre ou un texte décimal, par exemple "1.5"'
    ),
    v.description('Durée en heures, au plus deux décimales (« 1.5 » pour une heure et demie).')
  )

  const horaire = v.pipe(
    v.string('taux horaire attendu sous forme de texte décimal, par exemple "80.00"'),
    v.regex(
      /^\d{1,5}(\.\d{1,2})?$/,
      'taux horaire attendu : euros avec un point décimal et au plus deux décimales, par exemple "80.00"'
    ),
    v.description('Taux horaire en euros, texte décimal (« 80.00 »).')
  )

  const personne = strict(
    {
      id: text(
        'identifiant',
        100,
        'Identifiant de la personne : son nom, ou un pseudonyme stable (« INF-012 ») ; les écritures qui ne diffèrent que par la casse, les accents, les espaces, un caractère invisible ou une lettre d’une autre écriture semblable désignent la même personne.'
      ),
      profession: text(
        'profession',
        100,
        'Profession (« médecin généraliste », « infirmier »…) : elle désigne le taux horaire de la profession.'
      ),
      membre: v.optional(
        v.pipe(
          v.boolean('membre : true ou false attendu'),
          v.description(
            'Membre de la CPTS (ou exerçant dans une structure membre) à jour de sa cotisation ; false est signalé (art. D. 1434-44 CSP : indemnités et rémunérations des membres).'
          )
        )
      ),
    },
    'personne (id, profession)'
  )

  const taux = strict(
    {
      profession: v.optional(text('profession', 100, 'Profession à laquelle le taux s’applique.')),
      personne: v.optional(
        text('personne', 100, 'Identifiant de la personne à laquelle le taux s’applique.')
      ),
      depuis: v.pipe(
        isoDateSchema,
        v.description(
          'Date à partir de laquelle le taux s’applique (décision du conseil d’administration).'
        )
      ),
      horaire,
    },
    'taux (profession ou personne, depuis, horaire)'
  )

  const temps = strict(
    {
      personne: text('personne', 100, 'Identifiant de la personne.'),
      date: v.pipe(isoDateSchema, v.description('Jour du temps passé.')),
      heures,
      section: v.pipe(
        v.picklist(SECTION_WORDS, `section attendue : ${SECTION_WORDS.join(', ')}`),
        v.description(
          'Section du budget : fonctionnement (ou gouvernance), une mission (acces, parcours, prevention, crise, qualite, accompagnement) ou hors_aci.'
        )
      ),
      activite: v.optional(
        text('activité', 300, 'Activité : réunion, groupe de travail, action de la mission…')
      ),
      nature: v.pipe(
        v.picklist(NATURES, 'nature attendue : indemnite ou remuneration'),
        v.description(
          'indemnite : indemnité pour perte de ressources (fonctions au sein de la CPTS) ; remuneration : participation à une mission de service public (art. D. 1434-44 CSP).'
        )
      ),
      verse: v.optional(
        v.pipe(
          isoDateSchema,
          v.description(
            'Date du versement, quand il est fait : le montant est alors réalisé, et compte dans l’année civile où il est perçu.'
          )
        )
      ),
    },
    'temps (personne, date, heures, section, nature)'
  )

  const options = strict(
    {
      seuilAlerte: v.optional(
        v.pipe(
          v.string('seuil attendu sous forme de texte décimal, par exemple "90"'),
          v.regex(
            /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/,
            'seuil attendu : un pourcentage du PASS de 0 à 100, par exemple "90"'
          ),
          v.description(
            'Part du PASS au-delà de laquelle une personne est signalée avant le plafond, en % (défaut 90).'
          )
        )
      ),
      exercice: v.optional(
        strict(
          {
            debut: v.pipe(isoDateSchema, v.description('Premier jour de l’exercice.')),
            fin: v.pipe(isoDateSchema, v.description('Dernier jour de l’exercice.')),
          },
          'exercice (début et fin)'
        )
      ),
    },
    'options (seuilAlerte, exercice)'
  )

  return v.pipe(
    strict(
      {
        personnes: v.pipe(
          v.array(personne, 'liste des personnes attendue'),
          v.maxLength(5_000, '5 000 personnes au plus'),
          v.description('Les professionnels qui donnent du temps à la CPTS.')
        ),
        taux: v.pipe(
          v.array(taux, 'liste des taux attendue'),
          v.maxLength(5_000, '5 000 taux au plus'),
          v.description(
            'Taux horaires votés par le conseil d’administration, par profession ou par personne, datés : un taux s’applique à partir de sa date ; le taux d’une personne l’emporte sur celui de sa profession.'
          )
        ),
        temps: v.pipe(
          v.array(temps, 'liste des temps attendue'),
          v.maxLength(MAX_TEMPS, `${MAX_TEMPS} temps au plus`),
          v.description('Les temps passés, un par personne, jour et activité.')
        ),
        options: v.optional(options),
      },
      'registre (personnes, taux, temps)'
    ),
    v.description(
      'Registre des temps des professionnels : personnes, taux horaires datés, temps passés ; les indemnités et rémunérations en sont calculées au centime et plafonnées au PASS par personne et par année civile (art. D. 1434-44 CSP).'
    )
  )
}

/** The register document (also the body of POST /api/v1/indemnities). */
export const registreSchema = /* @__PURE__ */ buildRegistreSchema()

export type RegistreDocument = v.InferOutput<typeof registreSchema>
export type PersonneDocument = RegistreDocument['personnes'][number]
export type TauxDocument = RegistreDocument['taux'][number]
export type TempsDocument = RegistreDocument['temps'][number]
export type RegistreOptionsDocument = NonNullable<RegistreDocument['options']>
