// fast-check generators of budget documents: valid by construction, with the texts and amounts that stress the formats.
import fc from 'fast-check'
import {
  type BudgetDocument,
  FINANCEURS,
  MISSION_CODES,
  parseBudget,
  SECTIONS,
} from '../../../shared'

const day = 86_400_000
const isoDate = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(from) / day, max: Date.parse(to) / day })
    .map((d) => new Date(d * day).toISOString().slice(0, 10))

/** Euros as the wire writes them, from whole cents; sometimes without decimals or with one. */
export const amount = (max = 50_000_000) =>
  fc.integer({ min: -max, max }).chain((cents) => {
    const sign = cents < 0 ? '-' : ''
    const abs = Math.abs(cents)
    const euros = Math.floor(abs / 100)
    const rest = abs % 100
    const forms = [`${sign}${euros}.${String(rest).padStart(2, '0')}`]
    if (rest === 0) forms.push(`${sign}${euros}`)
    if (rest % 10 === 0) forms.push(`${sign}${euros}.${rest / 10}`)
    return fc.constantFrom(...forms)
  })

const percent = fc
  .integer({ min: 0, max: 1_000_000 })
  .map(
    (k) =>
      `${Math.floor(k / 10_000)}${k % 10_000 === 0 ? '' : `.${String(k % 10_000).padStart(4, '0')}`}`
  )

/** Text on one line with something in it, including what CSV and Excel treat specially. */
const text = fc
  .tuple(
    fc.constantFrom('', '=', '+', '-', '@', "'", '"', ' ', '; '),
    fc.string({
      unit: fc.constantFrom(...'aéèçÀ Œ ;"\'’–-=+@0123456789€%.,\t'.split('')),
      minLength: 0,
      maxLength: 12,
    }),
    fc.constantFrom('Salaire', 'Loyer', 'yoga', 'x', '42')
  )
  .map(([start, middle, end]) => `${start}${middle}${end}`)

const ACCOUNTS = {
  charge: [
    '6411',
    '645',
    '6132',
    '6226',
    '6228',
    '6251',
    '6257',
    '604',
    '609',
    '6894',
    '64111',
    '6125',
  ],
  produit: ['706', '70611', '730', '741', '7551', '7561', '768', '7894', '709'],
  nature: ['864', '875', '8611', '871'],
}

const sectionsSubset = fc.subarray([...SECTIONS], { minLength: 1 })

export const repartition = fc.option(
  fc.oneof(
    sectionsSubset.chain((sections) =>
      fc.tuple(...sections.map(() => amount(10_000_000))).map((amounts) => ({
        mode: 'montants' as const,
        parts: sections.map((section, i) => ({ section, montant: amounts[i] as string })),
      }))
    ),
    sectionsSubset.chain((sections) =>
      fc.tuple(...sections.map(() => percent)).map((keys) => ({
        mode: 'cles' as const,
        parts: sections.map((section, i) => ({ section, pourcentage: keys[i] as string })),
      }))
    )
  ),
  { nil: undefined }
)

const ligne = fc
  .constantFrom('charge', 'produit', 'nature')
  .chain((nature) =>
    fc.record(
      {
        compte: fc.constantFrom(...ACCOUNTS[nature as keyof typeof ACCOUNTS]),
        libelle: text,
        montant: amount(),
        repartition,
        financeur: fc.option(fc.constantFrom(...FINANCEURS), { nil: undefined }),
        beneficiaire:
          nature === 'charge'
            ? fc.option(fc.constantFrom('Dr Anne Martin', 'dr anne martin', 'Paul Durand', "'=X"), {
                nil: undefined,
              })
            : fc.constant(undefined),
      },
      { requiredKeys: ['compte', 'libelle', 'montant'] }
    )
  )
  .map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined)))

const missions = fc
  .subarray([...MISSION_CODES])
  .chain((codes) =>
    fc.tuple(
      ...codes.map((mission) =>
        fc.record(
          {
            mission: fc.constant(mission),
            debut: isoDate('2019-09-01', '2027-12-31'),
            taux: fc.option(
              fc
                .integer({ min: 0, max: 1000 })
                .map((t) => (t === 1000 ? '1' : `0.${String(t).padStart(3, '0')}`)),
              { nil: undefined }
            ),
            phase:
              mission === 'crise'
                ? fc.option(fc.constantFrom('redaction', 'mise_a_jour'), { nil: undefined })
                : fc.constant(undefined),
          },
          { requiredKeys: ['mission', 'debut'] }
        )
      )
    )
  )
  .map((list) =>
    list.map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)))
  )

const profil = fc
  .record({
    nom: text,
    size: fc.oneof(
      fc.record({ taille: fc.constantFrom(1, 2, 3, 4) }),
      fc.record({ population: fc.integer({ min: 0, max: 400_000 }) }),
      fc.record({
        taille: fc.constantFrom(1, 2, 3, 4),
        population: fc.integer({ min: 0, max: 400_000 }),
      })
    ),
    signature: isoDate('2019-08-25', '2026-12-31'),
    version: fc.option(fc.constantFrom('aci-2019', 'aci-avenant-2'), { nil: undefined }),
    debut: isoDate('2020-01-01', '2027-06-30'),
    length: fc.oneof(fc.constant(365), fc.integer({ min: 0, max: 540 })),
    missions,
    seuils: fc.option(fc.record({ thesaurisation: percent, pass: percent }, { requiredKeys: [] }), {
      nil: undefined,
    }),
  })
  .map((p) => ({
    nom: p.nom,
    ...p.size,
    signature: p.signature,
    ...(p.version === undefined ? {} : { version: p.version }),
    exercice: {
      debut: p.debut,
      fin: new Date(Date.parse(p.debut) + p.length * day).toISOString().slice(0, 10),
    },
    missions: p.missions,
    ...(p.seuils === undefined ? {} : { seuils: p.seuils }),
  }))

/** A valid budget document in canonical form (parseBudget's output). */
export const budget: fc.Arbitrary<BudgetDocument> = fc
  .record({ profil, lignes: fc.array(ligne, { maxLength: 25 }) })
  .map((raw) => parseBudget(raw))

/** A budget and a permutation of its lines. */
export const budgetAndShuffle = budget.chain((doc) =>
  fc
    .array(fc.integer(), { minLength: doc.lignes.length, maxLength: doc.lignes.length })
    .map((keys) => {
      const order = doc.lignes
        .map((_, i) => i)
        .sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b)
      return {
        doc,
        shuffled: { ...doc, lignes: order.map((i) => doc.lignes[i]) } as BudgetDocument,
      }
    })
)
