// The budget module: the analytic budget of a CPTS, its JSON and CSV forms, and its check against the ACI envelopes.
export {
  type Account as ChartAccount,
  BUNDLED_CHART_FILES,
  bundledCharts,
  type Chart,
  chartFor,
  loadChart,
  type Nature,
  natureOf,
} from './accounts'
export { type Budget, isBudget } from './budget'
export {
  actualSectionHeader,
  type Cell,
  LIGNE_HEADERS,
  MISSION_HEADERS,
  PHASE_LABELS,
  PROFIL_LABELS,
  type ProfilField,
} from './cells'
export { type AmountString, type Cents, centsOf, centsToDecimal, centsToString } from './cents'
export { checkBudget } from './check'
export { type BudgetOptions, chartOf, tableOf } from './context'
export { contractOfBudget } from './contract-of-budget'
export { budgetToCsv } from './csv-export'
export { type BudgetCsvImport, budgetFromCsv, importBudgetCsv } from './csv-import'
export { bundledPass, loadPass, type PassTable } from './data/pass-table'
export {
  bundledQuestionable,
  loadQuestionable,
  type QuestionableExpenses,
} from './data/senat-expenses'
export {
  FINANCEUR_LABELS,
  FINANCEURS,
  FINANCEURS_A_RISQUE,
  type Financeur,
} from './financeurs'
export {
  FINDING_CODES,
  FINDING_RULES,
  type Finding,
  type FindingCode,
  type FindingLine,
  type Severity,
} from './findings'
export { type ImportEncoding, refuseReplacement } from './import'
export { type BudgetJsonImport, budgetFromJson, budgetToJson, importBudgetJson } from './json'
export { parseBudget, parseBudgetBuilt } from './parse'
export { type PreparedLine, prepareLine } from './prepare'
export { type PreparedActual, prepareActual } from './realise'
export {
  type ActualsImport,
  type ActualsMatch,
  type ActualsReport,
  type ActualsRule,
  actualsFromCsv,
  importActualsCsv,
} from './realise-csv'
export {
  type ActualReport,
  type ActualTotals,
  type BudgetReport,
  type Comparison,
  type FiscalIncomeReport,
  percentOf,
  type SectionReport,
  type Status,
} from './report'
export {
  type BudgetRows,
  budgetFromRows,
  type CellPlace,
  type CellRow,
  type CellTable,
  type RowPlace,
  type RowsEdge,
  type RowsOptions,
} from './rows'
export { fiscalIncomeOfProfile } from './rules/fiscal-income'
export {
  type BudgetDocument,
  type BudgetLigne,
  type BudgetMission,
  type BudgetProfil,
  budgetSchema,
  type Repartition,
} from './schema'
export { isMissionSection, SECTIONS, type Section, sectionLabel } from './sections'
export { splitAmount, splitCents, splitInProportion } from './split'
