// What the books say per account: debit, credit and balance for the fiscal year and per month, and the cash at opening and closing.
import { normalizeWords } from '../text'
import type { Ledger, LedgerLine } from './fec'

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
  return (line: LedgerLine): boolean => {
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

interface Accumulator {
  compte: string
  libelle: string
  debit: number
  credit: number
  mois: number[]
}

/**
 * Sums the ledger in one pass, in integer cents (every FEC amount is below 10^15 cents and a
 * year holds far fewer than 9 000 such lines at the maximum, so sums stay exact in 2^53).
 */
export function ledgerBalances(ledger: Ledger, options: BalanceOptions = {}): LedgerBalances {
  const months = monthsOf(ledger.exercice.debut, ledger.exercice.fin)
  const index = new Map(months.map((m, i) => [m, i]))
  const cash = options.comptesTresorerie ?? COMPTES_TRESORERIE
  const isOpening = aNouveauxTest(options.journauxANouveaux)
  const accounts = new Map<string, Accumulator>()
  const cashByMonth = new Array<number>(months.length).fill(0)
  let opening = 0
  let closing = 0
  let openingFound = false
  let lastKey = ''
  let last: Accumulator | undefined
  for (const line of ledger.lignes) {
    let acc: Accumulator
    if (line.compte === lastKey && last !== undefined) acc = last
    else {
      const known = accounts.get(line.compte)
      if (known !== undefined) acc = known
      else {
        acc = {
          compte: line.compte,
          libelle: line.compteLib.trim(),
          debit: 0,
          credit: 0,
          mois: new Array<number>(months.length).fill(0),
        }
        accounts.set(line.compte, acc)
      }
      lastKey = line.compte
      last = acc
    }
    const net = line.debit - line.credit
    acc.debit += line.debit
    acc.credit += line.credit
    const m = index.get(line.date.slice(0, 7)) as number
    acc.mois[m] = (acc.mois[m] as number) + net
    if (isCashAccount(line.compte, cash)) {
      closing += net
      if (isOpening(line)) {
        opening += net
        openingFound = true
      } else {
        cashByMonth[m] = (cashByMonth[m] as number) + net
      }
    }
  }
  const comptes = [...accounts.values()]
    .sort((a, b) => (a.compte < b.compte ? -1 : a.compte > b.compte ? 1 : 0))
    .map(
      (a): AccountBalance => ({
        compte: a.compte,
        libelle: a.libelle,
        debit: a.debit,
        credit: a.credit,
        solde: a.debit - a.credit,
        mois: new Map(months.map((m, i) => [m, a.mois[i] as number])),
      })
    )
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
