// The FEC reader on a generated CPTS year in Windows-1252 (totals kept by the generator), and each kind of malformed FEC refused with its line.
import { describe, expect, it } from 'vitest'
import {
  centsToString,
  decodeText,
  ledgerBalances,
  ledgerJson,
  parseFec,
  readFec,
} from '../../../shared'
import { errorOf } from '../../support/errors'
import { fecYear, windows1252 } from './support/fec-year'

const year = { debut: '2025-01-01', fin: '2025-12-31' }
const HEADER =
  'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise'
const line = (num: string, date: string, compte: string, debit: string, credit: string) =>
  `BQ\tBanque\t${num}\t${date}\t${compte}\tLibellé\t\t\tP${num}\t${date}\tOpération\t${debit}\t${credit}\t\t\t${date}\t\t`

describe('a CPTS year from its books, in Windows-1252', () => {
  const { text, expected } = fecYear()
  const bytes = windows1252(text)
  const decoded = decodeText(bytes)
  const ledger = parseFec(decoded.text, { exercice: year })
  const balances = ledgerBalances(ledger)

  it('is detected as Windows-1252 and read whole', () => {
    expect(decoded.encodage).toBe('windows-1252')
    expect(ledger.lignes.length).toBe(expected.lignes)
    expect(ledger.ecritures).toBe(expected.ecritures)
    expect(expected.ecritures).toBeGreaterThan(3000)
    expect(ledger.avertissements).toEqual([])
    expect(ledger.lignes.some((l) => l.libelle.includes('œuvre'))).toBe(true)
  })

  it('gives every account’s debit, credit and balance as the generator summed them', () => {
    expect(balances.comptes.map((c) => c.compte)).toEqual([...expected.debit.keys()].sort())
    for (const c of balances.comptes) {
      expect(c.debit).toBe(expected.debit.get(c.compte))
      expect(c.credit).toBe(expected.credit.get(c.compte))
      expect(c.solde).toBe(
        (expected.debit.get(c.compte) ?? 0) - (expected.credit.get(c.compte) ?? 0)
      )
    }
    const bank = balances.comptes.find((c) => c.compte === '512000')
    expect(bank?.libelle).toBe('Banque Crédit Coopératif')
  })

  it('gives each month’s movement, months with none at zero', () => {
    for (const c of balances.comptes) {
      const mine = expected.mois.get(c.compte) ?? new Map()
      expect(c.mois.size).toBe(12)
      for (const [month, cents] of c.mois) expect(cents).toBe(mine.get(month) ?? 0)
    }
  })

  it('gives the opening cash from the à-nouveaux and the closing cash from all movements', () => {
    expect(balances.tresorerie.ouverture).toBe(expected.ouverture)
    expect(balances.tresorerie.ouverture).toBe(8_530_000)
    expect(balances.tresorerie.cloture).toBe(expected.cloture)
    expect(balances.tresorerie.finDeMois.get('2025-12')).toBe(expected.cloture)
    expect(balances.tresorerie.aNouveauxTrouves).toBe(true)
  })

  it('has a wire form with decimal strings', () => {
    const json = ledgerJson(ledger, balances, decoded.encodage)
    expect(json.encodage).toBe('windows-1252')
    expect(json.tresorerie.ouverture).toBe('85300.00')
    expect(json.tresorerie.cloture).toBe(centsToString(expected.cloture))
    const rent = json.comptes.find((c) => c.compte === '706100')
    expect(rent?.credit).toBe('75000.00')
    expect(rent?.mois['2025-04']).toBe('-56250.00')
  })
})

describe('the variants the norm allows', () => {
  it('reads `|` separators, the Montant/Sens layout, a decimal point and a header in other case', () => {
    const header = HEADER.replace('Debit\tCredit', 'Montant\tSens')
      .toLowerCase()
      .replace(/\t/g, '|')
    const rows = [
      'BQ|Banque|1|20250110|512000|Banque|||P1|20250110|Cotisation|150,00|D|||20250110||',
      'BQ|Banque|1|20250110|756000|Cotisations|||P1|20250110|Cotisation|150.00|C|||20250110||',
      'BQ|Banque|2|20250111|625700|Réceptions|||P2|20250111|Repas|20|+1|||20250111||',
      'BQ|Banque|2|20250111|512000|Banque|||P2|20250111|Repas|20|-1|||20250111||',
    ]
    const ledger = parseFec([header, ...rows].join('\n'), { exercice: year })
    expect(ledger.format).toBe('montant_sens')
    expect(ledger.separateur).toBe('|')
    expect(ledger.lignes.map((l) => [l.compte, l.debit, l.credit])).toEqual([
      ['512000', 15_000, 0],
      ['756000', 0, 15_000],
      ['625700', 2_000, 0],
      ['512000', 0, 2_000],
    ])
  })

  it('takes lines ended by a separator the header lacks', () => {
    const rows = [
      `${line('1', '20250301', '512000', '10,00', '0,00')}\t`,
      `${line('1', '20250301', '756000', '0,00', '10,00')}\t`,
    ]
    expect(parseFec([HEADER, ...rows].join('\n')).lignes).toHaveLength(2)
  })

  it('takes the year from the file when none is given, and warns of empty descriptive columns', () => {
    const rows = [
      line('1', '20250301', '512000', '10,00', '0,00').replace('\tP1\t', '\t\t'),
      line('1', '20250301', '756000', '0,00', '10,00'),
    ]
    const reading = readFec([HEADER, ...rows].join('\n'))
    expect(reading.ledger?.exercice).toEqual({ debut: '2025-03-01', fin: '2025-03-01' })
    expect(reading.ledger?.avertissements).toEqual([
      { ligne: 2, colonne: 'PieceRef', message: 'PieceRef vide' },
    ])
  })
})

describe('malformed FECs are refused whole, each problem with its line', () => {
  const ok = [
    line('1', '20250105', '512000', '100,00', '0,00'),
    line('1', '20250105', '756000', '0,00', '100,00'),
  ]

  it.each([
    [
      'an unbalanced entry',
      [
        ...ok,
        line('2', '20250106', '625700', '30,00', '0,00'),
        line('2', '20250106', '512000', '0,00', '29,99'),
      ],
      /ligne 4, EcritureNum : écriture 2 du journal BQ déséquilibrée : débit − crédit = 0,01/,
    ],
    [
      'a wrong column count',
      [...ok, `${line('2', '20250106', '625700', '30,00', '0,00')}\textra`],
      /ligne 4 : 19 champs au lieu des 18 de l’en-tête/,
    ],
    [
      'a date outside the year',
      [
        ...ok,
        line('2', '20260102', '625700', '30,00', '0,00'),
        line('2', '20260102', '512000', '0,00', '30,00'),
      ],
      /ligne 4, EcritureDate : date du 02\/01\/2026 hors de l’exercice du 01\/01\/2025 au 31\/12\/2025/,
    ],
    [
      'a date that does not exist',
      [...ok, line('2', '20250230', '625700', '30,00', '0,00')],
      /ligne 4, EcritureDate : date « 20250230 »/,
    ],
    [
      'a text amount',
      [
        ...ok,
        line('2', '20250106', '625700', 'trente', '0,00'),
        line('2', '20250106', '512000', '0,00', '30,00'),
      ],
      /ligne 4, Debit : montant « trente »/,
    ],
    [
      'three decimals',
      [...ok, line('2', '20250106', '625700', '30,001', '0,00')],
      /ligne 4, Debit : montant « 30,001 »/,
    ],
    [
      'an empty account',
      [...ok, line('2', '20250106', '', '30,00', '0,00')],
      /ligne 4, CompteNum : CompteNum vide/,
    ],
  ])('%s', (_, rows, message) => {
    const text = [HEADER, ...rows].join('\r\n')
    const reading = readFec(text, { exercice: year })
    expect(reading.ledger).toBeUndefined()
    const error = errorOf(() => parseFec(text, { exercice: year }))
    expect(error.code).toBe('fec_invalide')
    expect(error.message).toMatch(/^FEC refusé, rien n’est importé/)
    expect(error.message).toMatch(message)
  })

  it('lists every problem, in line order', () => {
    const rows = [
      ...ok,
      line('2', '20250106', '625700', 'x', '0,00'),
      `${line('3', '20250106', '512000', '1,00', '0,00')}\t`,
    ]
    const reading = readFec([HEADER, ...rows].join('\n'), { exercice: year })
    expect(reading.problemes.map((p) => p.ligne)).toEqual([4, 5])
  })

  it.each([
    [
      'a budget CSV',
      'Compte;Libellé;Montant\n6226;Honoraires;1200',
      /séparées par des points-virgules/,
    ],
    ['a text with tabs but no FEC header', 'a\tb\tc\n1\t2\t3', /colonnes JournalCode, JournalLib/],
    ['an empty file', '', /le fichier est vide/],
    [
      'a FEC without Credit',
      HEADER.replace('\tCredit', ''),
      /colonnes? Debit, Credit absentes|colonnes Credit/,
    ],
  ])('refuses %s as not a FEC', (_, text, message) => {
    const error = errorOf(() => parseFec(text))
    expect(error.code).toBe('fec_invalide')
    expect(error.message).toMatch(
      /^Ce fichier n’est pas un fichier des écritures comptables \(FEC\)/
    )
    expect(error.message).toMatch(message)
  })

  it('refuses a FEC with a header and no entry', () => {
    expect(errorOf(() => parseFec(`${HEADER}\n`)).message).toMatch(/aucune écriture/)
  })
})
