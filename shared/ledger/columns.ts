// The lines of a FEC stored by column (typed arrays, shared texts, positions in the file's text): a 100 000-line year without 100 000 objects to allocate and collect.
import type { LedgerLine } from './fec'

/** A value kept once: its index in `values`. */
export class Interner {
  readonly values: string[] = []
  private readonly index = new Map<string, number>()

  of(value: string): number {
    const known = this.index.get(value)
    if (known !== undefined) return known
    this.values.push(value)
    this.index.set(value, this.values.length - 1)
    return this.values.length - 1
  }
}

/**
 * Columns of the lines. Texts that repeat (dates, accounts, journals, their labels) are indices
 * into shared lists; those that do not (EcritureNum, PieceRef, EcritureLib) are positions in the
 * file's text, cut out only when a line is asked for.
 */
export class LedgerColumns {
  count = 0
  private capacity: number
  ligne: Int32Array
  debit: Float64Array
  credit: Float64Array
  date: Int32Array
  compte: Int32Array
  compteLib: Int32Array
  journal: Int32Array
  journalLib: Int32Array
  /** Start and end of EcritureNum, PieceRef and EcritureLib in `text`, 6 per line. */
  spans: Int32Array
  readonly dates = new Interner()
  readonly comptes = new Interner()
  readonly journaux = new Interner()
  readonly labels = new Interner()

  constructor(
    readonly text: string,
    capacity: number
  ) {
    this.capacity = Math.max(16, capacity)
    this.ligne = new Int32Array(this.capacity)
    this.debit = new Float64Array(this.capacity)
    this.credit = new Float64Array(this.capacity)
    this.date = new Int32Array(this.capacity)
    this.compte = new Int32Array(this.capacity)
    this.compteLib = new Int32Array(this.capacity)
    this.journal = new Int32Array(this.capacity)
    this.journalLib = new Int32Array(this.capacity)
    this.spans = new Int32Array(this.capacity * 6)
  }

  /** Room for one more line. */
  reserve(): number {
    if (this.count === this.capacity) this.grow()
    return this.count++
  }

  private grow(): void {
    this.capacity *= 2
    const more = <T extends Int32Array | Float64Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size)
      b.set(a)
      return b
    }
    this.ligne = more(this.ligne, this.capacity)
    this.debit = more(this.debit, this.capacity)
    this.credit = more(this.credit, this.capacity)
    this.date = more(this.date, this.capacity)
    this.compte = more(this.compte, this.capacity)
    this.compteLib = more(this.compteLib, this.capacity)
    this.journal = more(this.journal, this.capacity)
    this.journalLib = more(this.journalLib, this.capacity)
    this.spans = more(this.spans, this.capacity * 6)
  }

  private span(i: number, k: number): string {
    return this.text.slice(this.spans[i * 6 + k] as number, this.spans[i * 6 + k + 1] as number)
  }

  line(i: number): LedgerLine {
    return {
      ligne: this.ligne[i] as number,
      journal: this.journaux.values[this.journal[i] as number] as string,
      journalLib: this.labels.values[this.journalLib[i] as number] as string,
      ecriture: this.span(i, 0),
      date: this.dates.values[this.date[i] as number] as string,
      compte: this.comptes.values[this.compte[i] as number] as string,
      compteLib: this.labels.values[this.compteLib[i] as number] as string,
      pieceRef: this.span(i, 2),
      libelle: this.span(i, 4),
      debit: this.debit[i] as number,
      credit: this.credit[i] as number,
    }
  }

  lines(): LedgerLine[] {
    const out = new Array<LedgerLine>(this.count)
    for (let i = 0; i < this.count; i++) out[i] = this.line(i)
    return out
  }

  /** Columns for lines given as objects (a ledger built by hand, in tests or from another reader). */
  static of(lines: readonly LedgerLine[]): LedgerColumns {
    let text = ''
    const parts: string[] = []
    let offset = 0
    const spans: number[] = []
    for (const l of lines) {
      for (const value of [l.ecriture, l.pieceRef, l.libelle]) {
        parts.push(value)
        spans.push(offset, offset + value.length)
        offset += value.length
      }
    }
    text = parts.join('')
    const columns = new LedgerColumns(text, lines.length)
    lines.forEach((l, n) => {
      const i = columns.reserve()
      columns.ligne[i] = l.ligne
      columns.debit[i] = l.debit
      columns.credit[i] = l.credit
      columns.date[i] = columns.dates.of(l.date)
      columns.compte[i] = columns.comptes.of(l.compte)
      columns.compteLib[i] = columns.labels.of(l.compteLib)
      columns.journal[i] = columns.journaux.of(l.journal)
      columns.journalLib[i] = columns.labels.of(l.journalLib)
      for (let k = 0; k < 6; k++) columns.spans[i * 6 + k] = spans[n * 6 + k] as number
    })
    return columns
  }
}

const cache = new WeakMap<object, LedgerColumns>()

/** The columns of a ledger: its own when the reader made them, else built once from its lines. */
export function columnsOf(ledger: {
  readonly lignes: readonly LedgerLine[]
  readonly colonnes?: LedgerColumns
}): LedgerColumns {
  if (ledger.colonnes !== undefined) return ledger.colonnes
  let columns = cache.get(ledger)
  if (columns === undefined) {
    columns = LedgerColumns.of(ledger.lignes)
    cache.set(ledger, columns)
  }
  return columns
}
