// A line the rows reader keeps as it read it needs nothing more: the Budget it gives is the one the long way gives, on files full of near misses.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AciError, budgetFromCsv, parseBudget } from '../../shared'
import {
  actualSectionHeader,
  LIGNE_HEADERS,
  writtenAmount,
  writtenPercent,
} from '../../shared/budget/cells'
import { FINANCEUR_LABELS } from '../../shared/budget/financeurs'
import { SECTIONS, type Section, sectionLabel } from '../../shared/budget/sections'

const PROFILE = [
  'Budget ACI-CPTS;format 1',
  'Profil;Valeur',
  'Nom de la CPTS;CPTS des Rives',
  'Taille;2',
  'Date de signature du contrat;01/03/2023',
  'Début de l’exercice;01/01/2025',
  'Fin de l’exercice;31/12/2025',
  '',
  'Missions engagées;Début;Taux d’atteinte attendu',
  'Accès aux soins;01/03/2023;80%',
  'Parcours pluriprofessionnels;01/09/2023;',
  '',
]

/** A cell: mostly one of `ok` (as the files write it, or as someone may type it), now and then one of `bad` (refused). */
const cell = (ok: readonly string[], bad: readonly string[], badWeight = 1) =>
  fc.oneof(
    { weight: 100 - badWeight, arbitrary: fc.constantFrom(...ok) },
    { weight: badWeight, arbitrary: fc.constantFrom(...bad) }
  )

// Cells as the files write them, beside the near misses the long way puts right or refuses.
const compte = cell(
  ['6411', '6411', '645', '6226', '706', '7411', '864', ' 6411', '6411 '],
  ['1234', '641100000', ''],
  4
)
const libelle = cell(
  [
    'Salaire de la coordinatrice',
    'Loyer',
    'Frais « divers »',
    ' Loyer ',
    '\u00a0Loyer',
    "'Loyer",
    "' Loyer",
    'x'.repeat(300),
    'a\tb',
  ],
  // A quoted label holding a line break: the file is then read record by record.
  ['x'.repeat(301), '', "'", '"Loyer\r\nbureau"', '"Loyer\nbureau"']
)
const AMOUNTS = [
  '42000,00',
  '18900,01',
  '0,00',
  '-12,50',
  '-0,05',
  '1234567890123,00',
  '-0,00',
  '042000,00',
  '42000',
  '42000,5',
  '42 000,00',
  '42000,00 €',
  '42000.00',
]
const amount = cell(AMOUNTS, ['12345678901234,00', ',50', 'abc'])
/** A line's amount: an empty one is refused too. */
const montant = cell(AMOUNTS, ['12345678901234,00', ',50', 'abc', ''], 4)
const key = cell(
  ['40%', '20%', '100%', '0%', '5%', '33,3333%', '40,0%', '40,50%', '100,00%', '05%', '5 %', '40'],
  ['101%', '%', 'x%', '040%']
)
const mode = cell(
  ['clés', 'clés', 'montants', 'montants', 'cles', 'CLES', 'Montants'],
  ['autre', '']
)
const financeur = cell(
  ['', '', '', FINANCEUR_LABELS.aci, FINANCEUR_LABELS.ars_fir, 'aci', ' ARS FIR ', 'Etat'],
  ['inconnu']
)
const beneficiaire = cell(
  ['', '', '', '', '', '', 'Mme Martin', ' Mme Martin', 'Mme\u00a0'],
  ['\u00a0']
)
/** A section's cell: blank, or a key or an amount as the line's mode wants (the other, refused, now and then). */
const sectionCell = fc.tuple(fc.nat(2), key, amount)

/** The sections' columns: some of SECTIONS, in any order, one of them maybe twice. */
const sectionColumns: fc.Arbitrary<Section[]> = fc
  .tuple(fc.shuffledSubarray<Section>([...SECTIONS], { minLength: 1 }), fc.boolean(), fc.boolean())
  .map(([chosen, twice, sorted]) => {
    const columns = twice ? [...chosen, chosen[0] as Section] : chosen
    return sorted ? sortBySection(columns) : columns
  })

function sortBySection(sections: readonly Section[]): Section[] {
  return [...sections].sort((a, b) => SECTIONS.indexOf(a) - SECTIONS.indexOf(b))
}

const file = fc
  .tuple(sectionColumns, fc.option(sectionColumns, { nil: undefined }))
  .chain(([sections, actuals]) => {
    const width = sections.length + (actuals?.length ?? 0)
    const line = fc.record({
      compte,
      libelle,
      montant,
      realise: fc.oneof(
        { weight: 1, arbitrary: fc.constant('') },
        { weight: 4, arbitrary: amount }
      ),
      mode,
      modeRealise: mode,
      financeur,
      beneficiaire,
      cells: fc.array(sectionCell, { minLength: width, maxLength: width }),
    })
    return fc.record({
      sections: fc.constant(sections),
      actuals: fc.constant(actuals),
      lines: fc.array(line, { minLength: 1, maxLength: 8 }),
    })
  })
  .map(({ sections, actuals, lines }) => {
    const header = [
      LIGNE_HEADERS.compte,
      LIGNE_HEADERS.libelle,
      LIGNE_HEADERS.montant,
      LIGNE_HEADERS.mode,
      LIGNE_HEADERS.financeur,
      LIGNE_HEADERS.beneficiaire,
      ...sections.map(sectionLabel),
      ...(actuals === undefined
        ? []
        : [LIGNE_HEADERS.realise, LIGNE_HEADERS.modeRealise, ...actuals.map(actualSectionHeader)]),
    ]
    const byMode =
      (m: string) =>
      ([blank, k, a]: [number, string, string]) =>
        blank > 0 ? '' : /^cl/i.test(m) ? k : a
    const rows = lines.map((l) => [
      l.compte,
      l.libelle,
      l.montant,
      l.mode,
      l.financeur,
      l.beneficiaire,
      ...l.cells.slice(0, sections.length).map(byMode(l.mode)),
      ...(actuals === undefined
        ? []
        : [l.realise, l.modeRealise, ...l.cells.slice(sections.length).map(byMode(l.modeRealise))]),
    ])
    return [...PROFILE, header.join(';'), ...rows.map((r) => r.join(';'))].join('\r\n')
  })

/** What a read gives: its Budget, or its refusal's message. */
function read(csv: string): unknown {
  try {
    return budgetFromCsv(csv)
  } catch (error) {
    if (!(error instanceof AciError)) throw error
    return { refused: error.message }
  }
}

describe('a line kept as the rows reader read it', () => {
  it('needs nothing more: the long way gives the same Budget, and a file with a quote (its texts looked at for line breaks) the same read', () => {
    let kept = 0
    let refused = 0
    fc.assert(
      fc.property(file, (csv) => {
        const budget = read(csv)
        // The same file holding a quote is read record by record, its cells maybe on two lines.
        const quoted = csv.replace('CPTS des Rives', '"CPTS des Rives"')
        expect(read(quoted)).toEqual(budget)
        if (typeof budget === 'object' && budget !== null && 'refused' in budget) {
          refused += 1
          return
        }
        kept += 1
        // parseBudget takes every line the long way: checked, then copied in canonical form.
        expect(parseBudget(budget)).toEqual(budget)
      }),
      { numRuns: 1000 }
    )
    // Both answers come up: the files are near misses, not all refused.
    expect(kept).toBeGreaterThan(100)
    expect(refused).toBeGreaterThan(100)
  })

  // Each rule of a line that needs nothing more, broken once: the line goes the long way, which
  // refuses it or puts it in canonical form.
  const HEADER =
    'Compte;Libellé;Montant;Répartition;Financeur;Bénéficiaire;Fonctionnement;Accès aux soins;Réalisé;Répartition du réalisé;Réalisé – Fonctionnement'
  const lineFile = (line: string, header = HEADER) => [...PROFILE, header, line].join('\r\n')
  it.each([
    ['no amount', '6411;Loyer;;clés;;;100%;;;;'],
    ['an account the chart has not', '1234;Loyer;42000,00;clés;;;100%;;;;'],
    ['an account with a space inside', '64 11;Loyer;42000,00;clés;;;100%;;;;'],
    ['fourteen digits', '6411;Loyer;12345678901234,00;clés;;;100%;;;;'],
    ['a mode no one knows', '6411;Loyer;42000,00;autre;;;42000,00;;;;'],
    ['a key over 100 %', '6411;Loyer;42000,00;clés;;;101%;;;;'],
    [
      'a split of actuals with no actual amount',
      '6411;Loyer;42000,00;clés;;;100%;;;montants;12,00',
    ],
    ['a beneficiary on a product', '706;Prestations;42000,00;clés;;Mme Martin;100%;;;;'],
    ['a funder no one knows', '7411;Subvention;42000,00;clés;inconnu;;100%;;;;'],
    ['a label of 301 characters', `6411;${'x'.repeat(301)};42000,00;clés;;;100%;;;;`],
    ['a label holding a line break', '6411;"Loyer\r\nbureau";42000,00;clés;;;100%;;;;'],
    [
      'a section twice',
      '6411;Loyer;42000,00;clés;;;50%;50%;;;',
      'Compte;Libellé;Montant;Répartition;Financeur;Bénéficiaire;Fonctionnement;Fonctionnement',
    ],
  ])('refuses a line with %s, as the long way does', (_, line, header?: string) => {
    expect(() => budgetFromCsv(lineFile(line, header))).toThrow(AciError)
  })

  it.each([
    ['a leading zero', '6411;Loyer;042000,00;clés;;;100%;;;;', { montant: '42000.00' }],
    ['minus zero', '6411;Loyer;-0,00;clés;;;100%;;;;', { montant: '0.00' }],
    [
      'grouped digits and a euro sign',
      '6411;Loyer;42 000,00 €;clés;;;100%;;;;',
      { montant: '42000.00' },
    ],
    [
      'a key with a trailing zero',
      '6411;Loyer;42000,00;clés;;;40,0%;60%;;;',
      { cles: ['40', '60'] },
    ],
    [
      'a label with spaces around it',
      "6411;' Loyer ;42000,00;clés;;;100%;;;;",
      { libelle: 'Loyer' },
    ],
    [
      'sections out of their order',
      '6411;Loyer;42000,00;clés;;;40%;60%;;;',
      { cles: ['60', '40'] },
      'Compte;Libellé;Montant;Répartition;Financeur;Bénéficiaire;Accès aux soins;Fonctionnement',
    ],
  ])('puts a line with %s in canonical form', (_, line, expected, header?: string) => {
    const budget = budgetFromCsv(lineFile(line, header))
    expect(parseBudget(budget)).toEqual(budget)
    const ligne = budget.lignes[0]
    if ('montant' in expected) expect(ligne?.montant).toBe(expected.montant)
    if ('libelle' in expected) expect(ligne?.libelle).toBe(expected.libelle)
    if ('cles' in expected) {
      expect(
        ligne?.repartition?.parts.map((p) => [p.section, 'pourcentage' in p ? p.pourcentage : ''])
      ).toEqual([
        ['fonctionnement', expected.cles[0]],
        ['acces', expected.cles[1]],
      ])
    }
  })

  it('an amount or a key as the files write them is read at once, in canonical form; any other is left to the long way', () => {
    expect(writtenAmount('42000,00')).toBe('42000.00')
    expect(writtenAmount('-12,50')).toBe('-12.50')
    expect(writtenAmount('0,00')).toBe('0.00')
    expect(writtenAmount('-0,05')).toBe('-0.05')
    expect(writtenAmount('1234567890123,00')).toBe('1234567890123.00')
    for (const other of [
      '12345678901234,00',
      '-0,00',
      '042000,00',
      '42000',
      '42000,5',
      '42 000,00',
      '42000,00 €',
      '42000.00',
      ',50',
      '',
    ]) {
      expect(writtenAmount(other)).toBeUndefined()
    }
    expect(writtenPercent('40%')).toBe('40')
    expect(writtenPercent('100%')).toBe('100')
    expect(writtenPercent('0%')).toBe('0')
    for (const other of ['33,3333%', '40,0%', '040%', '5 %', '101%', '40', '%', 'x%', '']) {
      expect(writtenPercent(other)).toBeUndefined()
    }
  })
})
