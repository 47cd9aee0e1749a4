// What the books say went in and out of the cash accounts each month: the actual side of the cash plan.
import { centsToString } from '../budget'
import {
  aNouveauxTest,
  type BalanceOptions,
  COMPTES_TRESORERIE,
  isCashAccount,
} from '../ledger/balances'
import { columnsOf } from '../ledger/columns'
import type { Ledger } from '../ledger/fec'

export interface CashFlows {
  /** Receipts per month "AAAA-MM", decimal strings. */
  readonly encaissements: Readonly<Record<string, string>>
  /** Disbursements per month, decimal strings (positive): what planDeTresorerie takes as `decaissements`. */
  readonly decaissements: Readonly<Record<string, string>>
}

/**
 * Each entry's net movement on the cash accounts (512, 53 by default), dated by its first cash
 * line: in when positive, out when negative. A transfer between two cash accounts in one entry
 * nets to nothing; the opening entries (à-nouveaux) are cash already there, not a movement.
 * `jusquA` ("AAAA-MM") keeps the months up to it: the past months of a cash plan.
 */
export function cashFlowsOf(
  ledger: Ledger,
  options: BalanceOptions & { readonly jusquA?: string } = {}
): CashFlows {
  const c = columnsOf(ledger)
  const cash = options.comptesTresorerie ?? COMPTES_TRESORERIE
  const isOpening = aNouveauxTest(options.journauxANouveaux)
  const cashAccount = c.comptes.values.map((a) => isCashAccount(a, cash))
  const openingJournal = c.journaux.values.map((journal, j) => {
    const at = c.journal.indexOf(j)
    const journalLib = at < 0 ? '' : (c.labels.values[c.journalLib[at] as number] as string)
    return isOpening({ journal, journalLib })
  })
  const entries = new Map<string, { month: string; net: number }>()
  for (let i = 0; i < c.count; i++) {
    if (!cashAccount[c.compte[i] as number] || openingJournal[c.journal[i] as number]) continue
    const month = (c.dates.values[c.date[i] as number] as string).slice(0, 7)
    const key = `${c.journal[i]}\u0000${c.text.slice(c.spans[i * 6] as number, c.spans[i * 6 + 1] as number)}`
    const entry = entries.get(key)
    const net = (c.debit[i] as number) - (c.credit[i] as number)
    if (entry === undefined) entries.set(key, { month, net })
    else entry.net += net
  }
  const inflow = new Map<string, number>()
  const outflow = new Map<string, number>()
  for (const { month, net } of entries.values()) {
    if (options.jusquA !== undefined && month > options.jusquA) continue
    if (net > 0) inflow.set(month, (inflow.get(month) ?? 0) + net)
    else if (net < 0) outflow.set(month, (outflow.get(month) ?? 0) - net)
  }
  const record = (m: Map<string, number>) =>
    Object.fromEntries(
      [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, centsToString(v)])
    )
  return { encaissements: record(inflow), decaissements: record(outflow) }
}
