// What the books say per account: debit, credit and balance for the fiscal year and per month, and the cash at opening and closing.
import { normalizeWords } from '../text'
import { columnsOf } from './columns'
import type { Ledger } from './fec'

/** The cash accounts of the associations' chart (ANC 2018-06): 512 banks, 53 cash in hand. */
export const COMPTES_TRESORERIE = ['512', '53'] as const

/**
 * Journal codes that hold the opening entries (à-nouveaux) in the usual software; a journal whose
 * label says « à nouveau » or « report » is one too. The opening entries carry last year's
 * closing balances (BOI-CF-IOR-60-40-20: the FEC starts with them).
 */
export const JOURNAUX_A_NOUVEAUX = ['AN', 'ANO', 'RAN', 'ANX'] as const

export interface BalanceOptions {
  readonly comptesTresorerie?: readonly string[]
  readonly journauxANouveaux?: readonly string[]
}

export interface AccountBalance {
  readonly compte: string
  /** The first CompteLib the file gives for it. */
  readonly libelle: string
  readonly debit: number
  readonly credit: number
  /** debit − credit, in cents: positive is a debit balance. */
  readonly solde: number
  /** debit − credit of the month's lines, for every month of the fiscal year (0 when none). */
  readonly mois: ReadonlyMap<string, number>
}

export interface LedgerBalances {
  readonly mois: readonly string[]
  readonly comptes: readonly AccountBalance[]
  readonly tresorerie: {
    /** Balance of the cash accounts in the opening entries (0 when the file has none). */
    readonly ouverture: number
    /** Balance of the cash accounts over the whole file. */
    readonly cloture: number
    /** Cash at the end of each month. */
    readonly finDeMois: ReadonlyMap<string, number>
    /** Whether opening entries were found (else the opening is 0 and should be typed). */
    readonly aNouveauxTrouves: boolean
  }
}

/** The months "AAAA-MM" from the month of `debut` to the month of `fin`. */
export function monthsOf(debut: string, fin: string): string[] {
  const months: string[] = []
  let year = Number(debut.slice(0, 4))
  let month = Number(debut.slice(5, 7))
  const last = fin.slice(0, 7)
  for (;;) {
    const key = `${year}-${month < 10 ? '0' : ''}${month}`
    months.push(key)
    if (key >= last) return months
    month++
    if (month === 13) {
      month = 1
      year++
    }
  }
}

export function isCashAccount(compte: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (compte.startsWith(p)) return true
  return false
}

/** A predicate for the opening entries (à-nouveaux), by journal code or label. */
export function aNouveauxTest(codes: readonly string[] = JOURNAUX_A_NOUVEAUX) {
  const set = new Set(codes.map((c) => c.toUpperCase()))
  const byJournal = new Map<string, boolean>()
  return (line: { readonly journal: string; readonly journalLib: string }): boolean => {
    let known = byJournal.get(line.journal)
    if (known === undefined) {
      const label = normalizeWords(line.journalLib)
      known =
        set.has(line.journal.trim().toUpperCase()) ||
        /\ba nouveaux?\b/.test(label) ||
        /\breports?\b/.test(label)
      byJournal.set(line.journal, known)
    }
    return known
  }
}

/**
 * Sums the ledger in one pass over its columns, in integer cents (every FEC amount is below 10^15
 * cents; sums stay exact while below 2^53, which a CPTS's year is far from reaching).
 */
export function ledgerBalances(ledger: Ledger, options: BalanceOptions = {}): LedgerBalances {
  const months = monthsOf(ledger.exercice.debut, ledger.exercice.fin)
  const monthIndex = new Map(months.map((m, i) => [m, i]))
  const cash = options.comptesTresorerie ?? COMPTES_TRESORERIE
  const isOpening = aNouveauxTest(options.journauxANouveaux)
  const c = columnsOf(ledger)
  const nMonths = months.length
  const nAccounts = c.comptes.values.length
  const monthOfDate = Int32Array.from(c.dates.values, (d) => monthIndex.get(d.slice(0, 7)) ?? 0)
  const cashAccount = Uint8Array.from(c.comptes.values, (a) => (isCashAccount(a, cash) ? 1 : 0))
  const openingJournal = Uint8Array.from(c.journaux.values, (j, i) => {
    const at = c.journal.indexOf(i)
    const journalLib = at < 0 ? '' : (c.labels.values[c.journalLib[at] as number] as string)
    return isOpening({ journal: j, journalLib }) ? 1 : 0
  })
  const debit = new Float64Array(nAccounts)
  const credit = new Float64Array(nAccounts)
  const byMonth = new Float64Array(nAccounts * nMonths)
  const label = new Int32Array(nAccounts).fill(-1)
  const cashByMonth = new Float64Array(nMonths)
  let opening = 0
  let closing = 0
  let openingFound = false
  for (let i = 0; i < c.count; i++) {
    const a = c.compte[i] as number
    const d = c.debit[i] as number
    const k = c.credit[i] as number
    const net = d - k
    const m = monthOfDate[c.date[i] as number] as number
    debit[a] = (debit[a] as number) + d
    credit[a] = (credit[a] as number) + k
    byMonth[a * nMonths + m] = (byMonth[a * nMonths + m] as number) + net
    if (label[a] === -1) label[a] = c.compteLib[i] as number
    if (cashAccount[a] === 1) {
      closing += net
      if (openingJournal[c.journal[i] as number] === 1) {
        opening += net
        openingFound = true
      } else {
        cashByMonth[m] = (cashByMonth[m] as number) + net
      }
    }
  }
  const comptes = c.comptes.values
    .map(
      (compte, a): AccountBalance => ({
        compte,
        libelle: (c.labels.values[label[a] as number] ?? '').trim(),
        debit: debit[a] as number,
        credit: credit[a] as number,
        solde: (debit[a] as number) - (credit[a] as number),
        mois: new Map(months.map((mo, m) => [mo, byMonth[a * nMonths + m] as number])),
      })
    )
    .sort((x, y) => (x.compte < y.compte ? -1 : x.compte > y.compte ? 1 : 0))
  const finDeMois = new Map<string, number>()
  let running = opening
  months.forEach((m, i) => {
    running += cashByMonth[i] as number
    finDeMois.set(m, running)
  })
  return {
    mois: months,
    comptes,
    tresorerie: { ouverture: opening, cloture: closing, finDeMois, aNouveauxTrouves: openingFound },
  }
}
