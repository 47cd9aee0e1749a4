// A generated FEC of a CPTS's calendar year, its bytes in Windows-1252, and the totals the generator kept while writing it (not read back from the file).

/** Deterministic pseudo-random numbers (mulberry32), so every run writes the same year. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export interface Expected {
  readonly debit: Map<string, number>
  readonly credit: Map<string, number>
  /** debit − credit per account and month "AAAA-MM". */
  readonly mois: Map<string, Map<string, number>>
  /** Cents per P&L account that carried a section mark, by section. */
  readonly marked: Map<string, number>
  ouverture: number
  cloture: number
  lignes: number
  ecritures: number
}

const ACCOUNTS: Record<string, string> = {
  '110000': 'Report à nouveau',
  '401000': 'Fournisseurs',
  '421000': 'Personnel – rémunérations dues',
  '431000': 'Sécurité sociale',
  '512000': 'Banque Crédit Coopératif',
  '530000': 'Caisse',
  '606300': 'Fournitures d’entretien et petit équipement',
  '613200': 'Locations immobilières',
  '622600': 'Honoraires',
  '625100': 'Voyages et déplacements',
  '625700': 'Réceptions',
  '626000': 'Frais postaux et télécommunications',
  '641100': 'Salaires, appointements',
  '645100': 'Cotisations à l’URSSAF',
  '706100': 'Prestations de services – ACI fonctionnement',
  '706121': 'Prestations de services – ACI parcours, volet fixe',
  '756000': 'Cotisations',
}

const JOURNALS: Record<string, string> = {
  AN: 'À-nouveaux',
  ACH: 'Achats',
  BQ: 'Banque',
  CA: 'Caisse',
  SAL: 'Salaires',
}

const SUPPLIES = ['606300', '613200', '622600', '625100', '625700', '626000'] as const
const MARKS = ['[PARCOURS]', '[ACCES]', '[PREVENTION]', ''] as const
const MARK_SECTION: Record<string, string> = {
  '[PARCOURS]': 'parcours',
  '[ACCES]': 'acces',
  '[PREVENTION]': 'prevention',
}

/** Cents as a FEC writes an amount: « 1234,56 ». */
export const comma = (cents: number) =>
  `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`

/** Windows-1252 bytes of a text, written by hand for the characters this year uses. */
export function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '’': 0x92, '–': 0x96, œ: 0x9c, Œ: 0x8c }
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    const code = c.charCodeAt(0)
    const byte = special[c] ?? (code < 256 && (code < 0x80 || code > 0x9f) ? code : undefined)
    if (byte === undefined) throw new Error(`pas en Windows-1252 : ${c}`)
    out[i] = byte
  }
  return out
}

/**
 * A calendar year 2025 of a CPTS with a contract signed on 15 April 2023 (anniversary in April):
 * opening entries, monthly payroll, a few thousand purchases and their payments, members' fees,
 * petty cash, and the ACI payments of April (advances) and of the balances.
 */
export function fecYear(seed = 2025, purchases = 1400): { text: string; expected: Expected } {
  const next = random(seed)
  const rows: string[] = []
  const expected: Expected = {
    debit: new Map(),
    credit: new Map(),
    mois: new Map(),
    marked: new Map(),
    ouverture: 0,
    cloture: 0,
    lignes: 0,
    ecritures: 0,
  }
  let num = 0
  const entry = (
    journal: string,
    date: string,
    piece: string,
    libelle: string,
    lines: [string, number, number][]
  ) => {
    num++
    expected.ecritures++
    for (const [compte, debit, credit] of lines) {
      expected.lignes++
      expected.debit.set(compte, (expected.debit.get(compte) ?? 0) + debit)
      expected.credit.set(compte, (expected.credit.get(compte) ?? 0) + credit)
      const month = `${date.slice(0, 4)}-${date.slice(4, 6)}`
      const perMonth = expected.mois.get(compte) ?? new Map<string, number>()
      perMonth.set(month, (perMonth.get(month) ?? 0) + debit - credit)
      expected.mois.set(compte, perMonth)
      if (compte === '512000' || compte === '530000') {
        expected.cloture += debit - credit
        if (journal === 'AN') expected.ouverture += debit - credit
      }
      const mark = MARKS.find((m) => m !== '' && libelle.includes(m))
      if (mark !== undefined && /^[67]/.test(compte)) {
        const section = MARK_SECTION[mark] as string
        const amount = compte.startsWith('6') ? debit - credit : credit - debit
        expected.marked.set(section, (expected.marked.get(section) ?? 0) + amount)
      }
      rows.push(
        [
          journal,
          JOURNALS[journal],
          String(num),
          date,
          compte,
          ACCOUNTS[compte],
          compte === '401000' ? 'F0042' : '',
          compte === '401000' ? 'Fournisseur général' : '',
          piece,
          date,
          libelle,
          comma(debit),
          comma(credit),
          '',
          '',
          date,
          '',
          '',
        ].join('\t')
      )
    }
  }
  const day = (month: number, d: number) =>
    `2025${String(month).padStart(2, '0')}${String(d).padStart(2, '0')}`

  entry('AN', '20250101', 'AN2025', 'Reprise des soldes au 1er janvier', [
    ['512000', 8_515_000, 0],
    ['530000', 15_000, 0],
    ['110000', 0, 8_530_000],
  ])
  for (let month = 1; month <= 12; month++) {
    const gross = 320_000 + Math.floor(next() * 20_000)
    const charges = Math.floor(gross * 0.42)
    const net = Math.floor(gross * 0.78)
    const withheld = gross - net
    entry('SAL', day(month, 28), `PAIE${month}`, `Salaires du mois n°${month} – coordinatrice`, [
      ['641100', gross, 0],
      ['645100', charges, 0],
      ['421000', 0, net],
      ['431000', 0, withheld + charges],
    ])
    entry('BQ', day(month, 28), `VIR-SAL${month}`, `Virement des salaires n°${month}`, [
      ['421000', net, 0],
      ['512000', 0, net],
    ])
    entry('BQ', day(month, 15 + (month % 10)), `URSSAF${month}`, 'Prélèvement URSSAF', [
      ['431000', withheld + charges, 0],
      ['512000', 0, withheld + charges],
    ])
    for (let k = 0; k < 8; k++) {
      const fee = 5_000 * (1 + Math.floor(next() * 4))
      entry(
        'BQ',
        day(month, 1 + Math.floor(next() * 27)),
        `COT${month}-${k}`,
        'Cotisation d’un adhérent – œuvre commune',
        [
          ['512000', fee, 0],
          ['756000', 0, fee],
        ]
      )
    }
    for (let k = 0; k < 15; k++) {
      const amount = 500 + Math.floor(next() * 8_000)
      entry(
        'CA',
        day(month, 1 + Math.floor(next() * 27)),
        `CA${month}-${k}`,
        'Café et viennoiseries réunion €',
        [
          ['625700', amount, 0],
          ['530000', 0, amount],
        ]
      )
    }
    entry('CA', day(month, 2), `RET${month}`, 'Retrait pour la caisse', [
      ['530000', 120_000, 0],
      ['512000', 0, 120_000],
    ])
  }
  for (let k = 0; k < purchases; k++) {
    const month = 1 + Math.floor(next() * 12)
    const d = 1 + Math.floor(next() * 28)
    const compte = SUPPLIES[Math.floor(next() * SUPPLIES.length)] as string
    const mark = MARKS[Math.floor(next() * MARKS.length)] as string
    const amount = 1_000 + Math.floor(next() * 250_000)
    const label = `Facture ${k} ${ACCOUNTS[compte]}${mark === '' ? '' : ` ${mark}`}`
    entry('ACH', day(month, d), `FA${k}`, label, [
      [compte, amount, 0],
      ['401000', 0, amount],
    ])
    const payMonth = Math.min(12, month + (next() < 0.3 ? 1 : 0))
    entry(
      'BQ',
      day(payMonth, payMonth === month ? Math.min(28, d + 1) : 5),
      `RG${k}`,
      `Règlement facture ${k}`,
      [
        ['401000', amount, 0],
        ['512000', 0, amount],
      ]
    )
  }
  // The contract's anniversary falls in April: fonctionnement advance, parcours balance and advance.
  entry('BQ', '20250415', 'CPAM-0415', 'ACI avance fonctionnement année 3', [
    ['512000', 5_625_000, 0],
    ['706100', 0, 5_625_000],
  ])
  entry('BQ', '20250415', 'CPAM-0415P', 'ACI parcours solde et avance', [
    ['512000', 3_500_000, 0],
    ['706121', 0, 3_500_000],
  ])
  entry('BQ', '20250615', 'CPAM-0615', 'ACI solde fonctionnement année 2', [
    ['512000', 1_875_000, 0],
    ['706100', 0, 1_875_000],
  ])
  const header = [
    'JournalCode',
    'JournalLib',
    'EcritureNum',
    'EcritureDate',
    'CompteNum',
    'CompteLib',
    'CompAuxNum',
    'CompAuxLib',
    'PieceRef',
    'PieceDate',
    'EcritureLib',
    'Debit',
    'Credit',
    'EcritureLet',
    'DateLet',
    'ValidDate',
    'Montantdevise',
    'Idevise',
  ].join('\t')
  return { text: `${header}\r\n${rows.join('\r\n')}\r\n`, expected }
}
