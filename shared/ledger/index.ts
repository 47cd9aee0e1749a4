// The books of a CPTS: its FEC read and checked, its figures per account and month, actuals by mission, entries back to the books.

export {
  actualsFromLedger,
  type BudgetLineActual,
  type LedgerActuals,
  type UnmappedAccount,
} from './actuals'
export {
  type AccountBalance,
  type BalanceOptions,
  COMPTES_TRESORERIE,
  JOURNAUX_A_NOUVEAUX,
  type LedgerBalances,
  ledgerBalances,
  monthsOf,
} from './balances'
export {
  type EntryExportOptions,
  ecrituresDeCloture,
  ecrituresEnCsv,
  ecrituresEnFec,
  type ProposedEntry,
  type ProposedLine,
} from './export'
export {
  FEC_COLUMNS,
  type FecFormat,
  type FecOptions,
  type FecProblem,
  type FecReading,
  fecError,
  type Ledger,
  type LedgerLine,
  parseFec,
  problemText,
  readFec,
} from './fec'
export {
  SUIVI_ROWS,
  type Suivi,
  type SuiviMonth,
  type SuiviOptions,
  type SuiviRow,
  type SuiviSection,
  suiviMensuel,
} from './followup'
export { type CashPlanJson, cashPlanJson, type LedgerJson, ledgerJson } from './json'
export { type MonthlyProfile, spreadByMonth } from './profile'
export {
  Affectation,
  type AffectationSource,
  type MappingRule,
  type MappingRulesDocument,
  mappingRulesSchema,
  parseMappingRules,
} from './rules'
