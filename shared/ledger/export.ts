// Entries back to the books: the cut-off journal and other proposed entries, in FEC layout and as a French Excel CSV, each entry balanced to the cent.
import type { Cutoff, EcritureKind } from '../contract'
import { AciError } from '../errors'
import type { Decimal } from '../money'
import { FEC_COLUMNS } from './fec'

export interface ProposedLine {
  readonly compte: string
  readonly compteLib: string
  /** The line's own label; the entry's label when absent. */
  readonly libelle?: string
  readonly debit: Decimal
  readonly credit: Decimal
}

/** An entry to import into the accounting software. */
export interface ProposedEntry {
  /** YYYY-MM-DD. */
  readonly date: string
  readonly libelle: string
  /** PieceRef; default `<prefix>-<AAAAMMJJ>-<n>`. */
  readonly piece?: string
  readonly lignes: readonly ProposedLine[]
}

export interface EntryExportOptions {
  /** JournalCode; default OD (opérations diverses). */
  readonly journal?: string
  readonly journalLib?: string
  /** EcritureNum of the first entry; default 1. */
  readonly numeroDepart?: number
  /** Prefix of the default piece references; default ACI. */
  readonly prefixePiece?: string
  /** ValidDate (YYYY-MM-DD); default empty: the entries are proposals the software will validate. */
  readonly dateValidation?: string
}

const PIECES: Record<EcritureKind, string> = {
  extourne_pca: 'EXT-PCA',
  extourne_par: 'EXT-PAR',
  pca: 'PCA',
  par: 'PAR',
}

/** The cut-off journal as entries: one per kind (reversals at opening, 487 and 4687 at closing). */
export function ecrituresDeCloture(cutoff: Cutoff, prefixePiece = 'ACI'): ProposedEntry[] {
  const entries: ProposedEntry[] = []
  for (const kind of ['extourne_pca', 'extourne_par', 'pca', 'par'] as const) {
    const lines = cutoff.journal.filter((l) => l.ecriture === kind)
    const head = lines[0]
    if (head === undefined) continue
    entries.push({
      date: head.date,
      libelle: head.libelle,
      piece: `${prefixePiece}-${PIECES[kind]}-${head.date.replace(/-/g, '')}`,
      lignes: lines.map((l) => ({
        compte: l.compte,
        compteLib: compteLibOf(l.libelle, head.libelle),
        libelle: l.libelle,
        debit: l.debit,
        credit: l.credit,
      })),
    })
  }
  return entries
}

/** The account label of a journal line: what follows « – » in its label, else the entry's label. */
function compteLibOf(libelle: string, entry: string): string {
  const dash = libelle.lastIndexOf(' – ')
  return dash < 0 ? entry : libelle.slice(dash + 3)
}

const clean = (text: string) => text.replace(/[\t|\r\n;]+/g, ' ').trim()

function centsOfDecimal(d: Decimal, at: string): number {
  const scaled = d.times(100)
  if (!scaled.isInteger() || d.isNegative()) {
    throw new AciError(
      'donnees_invalides',
      `${at} : montant positif au centime attendu, reçu ${d.toString()}.`,
      at
    )
  }
  return scaled.toNumber()
}

const commaAmount = (cents: number) => {
  const euros = Math.floor(cents / 100)
  const rest = cents % 100
  return `${euros},${rest < 10 ? '0' : ''}${rest}`
}

interface Row {
  readonly cells: readonly string[]
}

function rowsOf(entries: readonly ProposedEntry[], options: EntryExportOptions): Row[] {
  const journal = clean(options.journal ?? 'OD')
  const journalLib = clean(options.journalLib ?? 'Opérations diverses')
  const prefix = clean(options.prefixePiece ?? 'ACI')
  const first = options.numeroDepart ?? 1
  if (journal === '' || !/^\S{1,20}$/.test(journal)) {
    throw new AciError(
      'donnees_invalides',
      'journal : code journal sans espace attendu.',
      'journal'
    )
  }
  if (!Number.isSafeInteger(first) || first < 0) {
    throw new AciError(
      'donnees_invalides',
      'numeroDepart : entier positif attendu.',
      'numeroDepart'
    )
  }
  const valid = options.dateValidation?.replace(/-/g, '') ?? ''
  const rows: Row[] = []
  entries.forEach((entry, i) => {
    const at = `ecritures[${i}]`
    let debit = 0
    let credit = 0
    const date = entry.date.replace(/-/g, '')
    const num = String(first + i)
    const piece = clean(entry.piece ?? `${prefix}-${date}-${i + 1}`)
    entry.lignes.forEach((l, j) => {
      const d = centsOfDecimal(l.debit, `${at}.lignes[${j}].debit`)
      const c = centsOfDecimal(l.credit, `${at}.lignes[${j}].credit`)
      debit += d
      credit += c
      rows.push({
        cells: [
          journal,
          journalLib,
          num,
          date,
          clean(l.compte),
          clean(l.compteLib),
          '',
          '',
          piece,
          date,
          clean(l.libelle ?? entry.libelle),
          commaAmount(d),
          commaAmount(c),
          '',
          '',
          valid,
          '',
          '',
        ],
      })
    })
    if (debit !== credit || entry.lignes.length < 2) {
      throw new AciError(
        'donnees_invalides',
        `${at} : écriture « ${entry.libelle} » déséquilibrée ou incomplète (débit ${commaAmount(debit)}, crédit ${commaAmount(credit)}).`,
        at
      )
    }
  })
  return rows
}

/**
 * The entries in FEC layout (art. A47 A-1 LPF): the 18 columns, tab separated, dates AAAAMMJJ,
 * decimal comma, lines ended by CRLF; one EcritureNum per entry from `numeroDepart`. Throws when
 * an entry does not balance to the cent.
 */
export function ecrituresEnFec(
  entries: readonly ProposedEntry[],
  options: EntryExportOptions = {}
): string {
  const rows = rowsOf(entries, options)
  return `${[FEC_COLUMNS.join('\t'), ...rows.map((r) => r.cells.join('\t'))].join('\r\n')}\r\n`
}

const CSV_HEADER = [
  'Journal',
  'Libellé journal',
  'N° écriture',
  'Date',
  'Compte',
  'Libellé compte',
  'Compte auxiliaire',
  'Libellé auxiliaire',
  'Pièce',
  'Date pièce',
  'Libellé',
  'Débit',
  'Crédit',
  'Lettrage',
  'Date lettrage',
  'Date validation',
  'Montant devise',
  'Devise',
]

const frenchDate = (compact: string) =>
  compact === '' ? '' : `${compact.slice(6, 8)}/${compact.slice(4, 6)}/${compact.slice(0, 4)}`

/**
 * The same entries as French Excel opens them: UTF-8 with BOM, `;`, decimal comma, dates
 * JJ/MM/AAAA, CRLF; columns in the FEC's order under French names.
 */
export function ecrituresEnCsv(
  entries: readonly ProposedEntry[],
  options: EntryExportOptions = {}
): string {
  const rows = rowsOf(entries, options).map((r) =>
    r.cells.map((cell, i) => (i === 3 || i === 9 || i === 15 ? frenchDate(cell) : cell))
  )
  return `\ufeff${[CSV_HEADER, ...rows].map((cells) => cells.join(';')).join('\r\n')}\r\n`
}
