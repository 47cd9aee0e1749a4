// The pane's actions, one module per thing a person does; the page loads them once the pane is shown.
export { type AnnexState, blankAnnex, importAnnex, type PickedBytes } from './annex'
export { type BudgetList, budgetList } from './budget-list'
export {
  type CerfaChoices,
  type CerfaForm,
  type CerfaOutcome,
  cerfaChoices,
  writeCerfaForms,
} from './cerfa'
export {
  type Checked,
  type CheckOutcome,
  checkBudgetSheet,
  writeCheckSheet,
} from './check-budget'
export { type ContractChoices, type ContractView, contractView } from './contract-view'
export {
  type DossierFile,
  type DossierOutcome,
  type DossierProgress,
  type DossierRequest,
  makeDossier,
} from './dossier'
export { type ExportFormat, exportBudget, type FileToSave } from './export-budget'
export { generateBudget } from './generate-budget'
export { importActuals } from './import-actuals'
export {
  type ImportOutcome,
  importBudget,
  type PickedFile,
  profileChoice,
} from './import-budget'
export {
  type ImportedLedger,
  importLedger,
  type LedgerFile,
  type LedgerImportOutcome,
  type LedgerProgress,
} from './import-ledger'
export {
  carryRates,
  type IndicatorsList,
  type IndicatorsReading,
  type IndicatorsRef,
  indicatorsList,
  type MissionReading,
  readIndicatorsSheet,
  writeIndicators,
} from './indicators'
export { fillActualsFromLedger, type LedgerActualsOutcome } from './ledger-actuals'
export { type EntriesFormat, exportCutoffEntries } from './ledger-export'
export { type FollowUpOutcome, writeLedgerFollowUp } from './ledger-followup'
export {
  budgetRules,
  defaultRulesOf,
  ledgerRules,
  type RuleRow,
  type RulesState,
  writeLedgerRules,
} from './ledger-rules'
export { failureNotice, messageOf, type Notice, type Outcome } from './notice'
export {
  buildPortfolio,
  type PortfolioFile,
  type PortfolioOutcome,
  type PortfolioProgress,
  type PortfolioRequest,
} from './portfolio'
export { refreshRates } from './refresh-rates'
export type { ActionServices, PaneServices } from './services'
export {
  budgetFromTime,
  exportPayments,
  importTime,
  type PlafondLine,
  readTimeSheet,
  type TimeList,
  type TimeReading,
  type TimeRef,
  timeList,
  writeTimeSheet,
} from './time'
export { amountOfFrench, type TreasuryOutcome, writeTreasuryPlan } from './treasury-plan'
export { writeCutoff } from './write-cutoff'
export { writeSchedule } from './write-schedule'
