// Réalisé du FEC: the chosen budget's actuals filled from the books by the mapping rules, written to a new budget sheet; what no rule maps said as an amount.
import {
  actualsFromLedger,
  centsToString,
  countOf,
  Decimal,
  formatEuros,
  type LedgerActuals,
  parseMappingRules,
  tableOf,
} from '../../../shared'
import { readBudgetSheet, writeBudget } from '../sheets/budget-workbook'
import { type RuleRow, rulesDocumentOf } from '../sheets/ledger-rules'
import { type BudgetList, budgetList } from './budget-list'
import { chosen } from './export-budget'
import type { ImportedLedger } from './import-ledger'
import type { Outcome } from './notice'
import type { ActionServices } from './services'

/** Cents as French euros: « 1 234,56 € ». */
export const euros = (cents: number): string => formatEuros(new Decimal(centsToString(cents)))

export interface LedgerActualsOutcome extends Outcome, BudgetList {
  /** The actuals as the core gives them: kept for the dossier of this session. */
  readonly actuals: LedgerActuals
  /** The new budget sheet holding them. */
  readonly sheet: string
}

export async function fillActualsFromLedger(
  services: ActionServices,
  input: {
    readonly key: string | null
    readonly ledger: ImportedLedger
    readonly rules: readonly RuleRow[]
  }
): Promise<LedgerActualsOutcome> {
  const budget = await readBudgetSheet(services.workbook, chosen(input.key), services.catalog)
  const rules = parseMappingRules(rulesDocumentOf(input.rules))
  const actuals = actualsFromLedger(input.ledger.ledger, rules, budget)
  const doc = actuals.budget
  const table = tableOf(doc.profil, { catalog: services.catalog })
  const ref = await writeBudget(services.workbook, doc, table, services.today())
  const na = actuals.nonAffecte
  const unmapped = na.charges + na.produits
  const added = actuals.lignes.filter((l) => l.nouvelle).length
  return {
    ...(await budgetList(services, { wanted: ref.key })),
    actuals,
    sheet: ref.sheet,
    notice: {
      intent: unmapped === 0 ? 'success' : 'info',
      title: `Réalisé du FEC écrit dans « ${ref.sheet} »`,
      text: [
        `Charges ${euros(actuals.totaux.charges)}, produits ${euros(actuals.totaux.produits)}.`,
        unmapped === 0
          ? 'Tout est affecté à une section.'
          : `Non affecté : ${euros(na.charges)} de charges et ${euros(na.produits)} de produits (${countOf(na.comptes.length, 'compte', 'comptes')}).`,
        added > 0
          ? `${countOf(added, 'ligne non budgétée ajoutée', 'lignes non budgétées ajoutées')}.`
          : '',
        'La feuille d’origine n’est pas modifiée.',
      ]
        .filter((t) => t !== '')
        .join(' '),
    },
  }
}
