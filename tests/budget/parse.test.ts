// parseBudget: every kind of bad document fails naming the field at fault in French; good ones come back in canonical form.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { centsOf, centsToString, parseBudget, parseBudgetBuilt } from '../../shared'
import { cleanBudget, errorOf } from './support/budgets'

const REMOVE = Symbol('remove')

/** The clean budget with one field changed (dotted path, array indexes as numbers), or removed. */
function patched(path: string, value: unknown): unknown {
  const doc = structuredClone(cleanBudget()) as unknown
  const keys = path.split('.')
  let target = doc as Record<string, unknown>
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>
  const last = keys[keys.length - 1] as string
  if (value === REMOVE) delete target[last]
  else target[last] = value
  return doc
}

function failing(path: string, value: unknown) {
  return errorOf(() => parseBudget(patched(path, value)))
}

describe('parseBudget : erreurs', () => {
  it('not an object: the whole budget is at fault', () => {
    const error = errorOf(() => parseBudget(42))
    expect(error.argument).toBe('budget')
    expect(error.message).toBe('budget : budget (profil et lignes) attendu.')
  })

  it.each([
    [
      'missing field',
      ['profil.signature', REMOVE],
      'profil.signature',
      'profil.signature : champ obligatoire absent.',
    ],
    [
      'unknown field in a line',
      ['lignes.2.tva', '20'],
      'lignes[2].tva',
      'lignes[2].tva : champ inconnu tva.',
    ],
    [
      'amount as a number',
      ['lignes.0.montant', 60000],
      'lignes[0].montant',
      'lignes[0].montant : montant attendu sous forme de texte décimal, par exemple "42000.00".',
    ],
    [
      'amount with a comma',
      ['lignes.0.montant', '60000,00'],
      'lignes[0].montant',
      'lignes[0].montant : montant attendu : euros avec un point décimal et au plus deux décimales, par exemple "42000.00".',
    ],
    [
      'three decimals in a split',
      ['lignes.0.repartition.parts.0.montant', '1.005'],
      'lignes[0].repartition.parts[0].montant',
      /^lignes\[0\]\.repartition\.parts\[0\]\.montant : montant attendu : euros/,
    ],
    [
      'key above 100 %',
      ['lignes.0.repartition', { mode: 'cles', parts: [{ section: 'acces', pourcentage: '101' }] }],
      'lignes[0].repartition.parts[0].pourcentage',
      'lignes[0].repartition.parts[0].pourcentage : pourcentage attendu : de 0 à 100 avec un point décimal et au plus quatre décimales.',
    ],
    [
      'unknown split mode',
      ['lignes.0.repartition.mode', 'heures'],
      'lignes[0].repartition.mode',
      'lignes[0].repartition.mode : mode de répartition attendu : montants ou cles.',
    ],
    [
      'unknown section',
      ['lignes.0.repartition.parts.0.section', 'gouvernance'],
      'lignes[0].repartition.parts[0].section',
      /section attendue : fonctionnement, acces, parcours, prevention, crise, qualite, accompagnement, hors_aci\.$/,
    ],
    [
      'section twice in a split',
      ['lignes.0.repartition.parts.1', { section: 'fonctionnement', montant: '1.00' }],
      'lignes[0].repartition.parts[1].section',
      'lignes[0].repartition.parts[1].section : la section fonctionnement est citée deux fois dans la répartition.',
    ],
    [
      'balance-sheet account',
      ['lignes.0.compte', '487'],
      'lignes[0].compte',
      /^lignes\[0\]\.compte : compte attendu : un compte de charges \(classe 6\)/,
    ],
    [
      'empty label',
      ['lignes.1.libelle', '   '],
      'lignes[1].libelle',
      'lignes[1].libelle : libellé attendu : un texte non vide, sur une seule ligne.',
    ],
    [
      'label on two lines',
      ['lignes.1.libelle', 'a\nb'],
      'lignes[1].libelle',
      'lignes[1].libelle : libellé attendu : un texte non vide, sur une seule ligne.',
    ],
    [
      'unknown funder',
      ['lignes.5.financeur', 'mairie'],
      'lignes[5].financeur',
      /^lignes\[5\]\.financeur : financeur attendu : aci, assurance_maladie, ars_fir/,
    ],
    [
      'beneficiary on an income line',
      ['lignes.5.beneficiaire', 'Dr X'],
      'lignes[5].beneficiaire',
      'lignes[5].beneficiaire : le bénéficiaire ne se donne que sur une ligne de charges (classe 6) : indemnité ou rémunération versée à un professionnel.',
    ],
    [
      'neither taille nor population',
      ['profil.taille', REMOVE],
      'profil.taille',
      'profil.taille : taille de la CPTS (1 à 4) ou population attendue.',
    ],
    [
      'taille 5',
      ['profil.taille', 5],
      'profil.taille',
      'profil.taille : taille attendue : un entier de 1 à 4.',
    ],
    [
      'financial year backwards',
      ['profil.exercice.fin', '2024-12-31'],
      'profil.exercice.fin',
      'profil.exercice.fin : la fin de l’exercice (2024-12-31) précède son début (2025-01-01).',
    ],
    [
      'date that does not exist',
      ['profil.signature', '2023-02-30'],
      'profil.signature',
      'profil.signature : date du calendrier attendue (ce jour n’existe pas).',
    ],
    [
      'mission twice',
      ['profil.missions.4', { mission: 'acces', debut: '2024-01-01' }],
      'profil.missions[4].mission',
      'profil.missions[4].mission : la mission acces est citée deux fois.',
    ],
    [
      'phase outside the crisis mission',
      ['profil.missions.0.phase', 'redaction'],
      'profil.missions[0].phase',
      'profil.missions[0].phase : la phase du plan ne s’applique qu’à la mission crise, pas à la mission acces.',
    ],
    [
      'rate as a percentage',
      ['profil.missions.0.taux', '80'],
      'profil.missions[0].taux',
      'profil.missions[0].taux : taux d’atteinte attendu : une fraction de 0 à 1 avec un point décimal, par exemple "0.8".',
    ],
  ] as const)('%s', (_what, [path, value], argument, message) => {
    const error = failing(path, value)
    expect(error.code).toBe('budget_invalide')
    expect(error.kind).toBe('invalid')
    expect(error.argument).toBe(argument)
    if (typeof message === 'string') expect(error.message).toBe(message)
    else expect(error.message).toMatch(message)
  })

  it('a signature before the first rate table: not found, on profil.signature', () => {
    const error = failing('profil.signature', '2019-01-15')
    expect(error.code).toBe('date_anterieure')
    expect(error.argument).toBe('profil.signature')
  })

  it('an unknown version: not found, on profil.version', () => {
    const error = failing('profil.version', 'aci-avenant-9')
    expect(error.code).toBe('version_inconnue')
    expect(error.argument).toBe('profil.version')
    expect(error.message).toMatch(/versions disponibles : aci-2019, aci-avenant-2\.$/)
  })

  it('a financial year opened before 2020: no chart of accounts, on profil.exercice.debut', () => {
    const error = failing('profil.exercice', { debut: '2019-09-01', fin: '2020-08-31' })
    expect(error.code).toBe('plan_comptable_absent')
    expect(error.argument).toBe('profil.exercice.debut')
  })
})

describe('parseBudget : which error comes first', () => {
  /** The clean budget with a section twice in its first line's split, and other faults. */
  const twice = () => {
    const doc = patched('lignes.0.repartition.parts.1', {
      section: 'fonctionnement',
      montant: '1.00',
    }) as { lignes: unknown[]; profil: { exercice: { fin: string } } }
    return doc
  }

  it('a later line the schema refuses before an earlier split that names a section twice', () => {
    const doc = twice()
    ;(doc.lignes[1] as { montant: string }).montant = '12 000,00'
    expect(errorOf(() => parseBudget(doc)).argument).toBe('lignes[1].montant')
  })

  it('the profile’s errors before a split that names a section twice', () => {
    const doc = twice()
    doc.profil.exercice.fin = '2024-12-31'
    expect(errorOf(() => parseBudget(doc)).argument).toBe('profil.exercice.fin')
  })

  it('the first of two lines that name a section twice', () => {
    const doc = twice()
    doc.lignes.push(structuredClone(doc.lignes[0]))
    expect(errorOf(() => parseBudget(doc)).argument).toBe('lignes[0].repartition.parts[1].section')
  })
})

/** A document with every kind of non-canonical field: padded texts, short amounts, trailing zeros, parts out of order. */
function notCanonical() {
  return {
    $schema: './budget.schema.json',
    profil: {
      nom: '  CPTS Essai ',
      population: 52000,
      signature: '2023-03-01',
      version: 'ACI-Avenant-2',
      exercice: { debut: '2025-01-01', fin: '2025-12-31' },
      missions: [{ mission: 'acces', debut: '2023-03-01', taux: '0.750' }],
      seuils: {},
    },
    lignes: [
      {
        compte: '6411',
        libelle: ' Salaire ',
        montant: '42000',
        repartition: {
          mode: 'cles',
          parts: [
            { section: 'acces', pourcentage: '60.00' },
            { section: 'fonctionnement', pourcentage: '40' },
          ],
        },
        beneficiaire: ' Dr X ',
      },
      {
        compte: '609',
        libelle: 'Remise',
        montant: '-0.5',
        repartition: { mode: 'montants', parts: [{ section: 'hors_aci', montant: '-0.50' }] },
      },
      { compte: '706', libelle: 'ACI', montant: '-0.00', financeur: 'aci' },
    ],
  }
}

describe('parseBudget : forme canonique', () => {
  it('amounts to two decimals, keys and rates without trailing zeros, parts in section order, texts trimmed', () => {
    const doc = parseBudget(notCanonical())
    expect(doc).toEqual({
      profil: {
        nom: 'CPTS Essai',
        population: 52000,
        signature: '2023-03-01',
        version: 'aci-avenant-2',
        exercice: { debut: '2025-01-01', fin: '2025-12-31' },
        missions: [{ mission: 'acces', debut: '2023-03-01', taux: '0.75' }],
      },
      lignes: [
        {
          compte: '6411',
          libelle: 'Salaire',
          montant: '42000.00',
          repartition: {
            mode: 'cles',
            parts: [
              { section: 'fonctionnement', pourcentage: '40' },
              { section: 'acces', pourcentage: '60' },
            ],
          },
          beneficiaire: 'Dr X',
        },
        {
          compte: '609',
          libelle: 'Remise',
          montant: '-0.50',
          repartition: { mode: 'montants', parts: [{ section: 'hors_aci', montant: '-0.50' }] },
        },
        { compte: '706', libelle: 'ACI', montant: '0.00', financeur: 'aci' },
      ],
    })
    expect(Object.keys(doc)).toEqual(['profil', 'lignes'])
  })

  it('is idempotent', () => {
    const once = cleanBudget()
    expect(parseBudget(once)).toEqual(once)
  })
})

describe('parseBudgetBuilt: a document handed over (a request body just parsed)', () => {
  it('gives the Budget parseBudget gives, its lines put in canonical form where they are', () => {
    const doc = notCanonical()
    const line = doc.lignes[0]
    const built = parseBudgetBuilt(doc)
    expect(built).toStrictEqual(parseBudget(notCanonical()))
    expect(built.lignes[0]).toBe(line)
    // Fields in the order the sender gave them: the same Budget.
    const reordered = JSON.parse(JSON.stringify(notCanonical()), (_key, value) =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value
    )
    expect(parseBudgetBuilt(reordered)).toStrictEqual(parseBudget(notCanonical()))
  })

  it('refuses what parseBudget refuses, with the same error', () => {
    const cases: [string, unknown][] = [
      ['profil.signature', REMOVE],
      ['lignes.2.tva', '20'],
      ['lignes.1.montant', 60000],
      ['lignes.0.montant', '60000,00'],
      ['lignes.0.repartition.parts.1', { section: 'fonctionnement', montant: '1.00' }],
      ['profil.exercice.fin', '2020-01-01'],
    ]
    for (const [path, value] of cases) {
      const error = errorOf(() => parseBudget(patched(path, value)))
      expect(errorOf(() => parseBudgetBuilt(patched(path, value)))).toEqual(error)
    }
  })
})

describe('canonical amounts', () => {
  it('writes every amount the schema takes as centsToString does, the same cents', () => {
    const amount = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^\d{1,13}$/),
        fc.constantFrom('', '.', '.5', '.05', '.50', '.00', '.99')
      )
      .map(
        ([negative, euros, cents]) => `${negative ? '-' : ''}${euros}${cents === '.' ? '' : cents}`
      )
    fc.assert(
      fc.property(amount, (montant) => {
        const doc = cleanBudget()
        const line = {
          ...(doc.lignes[0] as (typeof doc.lignes)[number]),
          montant,
          repartition: undefined,
        }
        const parsed = parseBudget({ ...doc, lignes: [line] })
        expect(parsed.lignes[0]?.montant).toBe(centsToString(centsOf(montant) as number))
      }),
      { numRuns: 500 }
    )
  })
})
