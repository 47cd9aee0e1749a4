// The domain core of ACI-CPTS: rate tables, exact funding arithmetic, the analytic budget and its check. No I/O, no DOM, no Office, no Workers API.

export {
  type ActualReport,
  type ActualsImport,
  type ActualsMatch,
  type ActualsReport,
  type ActualsRule,
  type ActualTotals,
  type AmountString,
  actualSectionHeader,
  actualsFromCsv,
  BUNDLED_CHART_FILES,
  type Budget,
  type BudgetCsvImport,
  type BudgetDocument,
  type BudgetJsonImport,
  type BudgetLigne,
  type BudgetMission,
  type BudgetOptions,
  type BudgetProfil,
  type BudgetReport,
  type BudgetRows,
  budgetFromCsv,
  budgetFromJson,
  budgetFromRows,
  budgetSchema,
  budgetToCsv,
  budgetToJson,
  bundledCharts,
  bundledPass,
  bundledQuestionable,
  type Cell,
  type CellPlace,
  type CellRow,
  type CellTable,
  type Cents,
  type Chart,
  type ChartAccount,
  type Comparison,
  centsOf,
  centsToDecimal,
  centsToString,
  chartFor,
  chartOf,
  checkBudget,
  FINANCEUR_LABELS,
  FINANCEURS,
  FINANCEURS_A_RISQUE,
  FINDING_CODES,
  FINDING_RULES,
  type Financeur,
  type Finding,
  type FindingCode,
  type FindingLine,
  type ImportEncoding,
  importActualsCsv,
  importBudgetCsv,
  importBudgetJson,
  isBudget,
  isMissionSection,
  LIGNE_HEADERS,
  loadChart,
  loadPass,
  loadQuestionable,
  MISSION_HEADERS,
  type Nature,
  natureOf,
  type PassTable,
  PHASE_LABELS,
  PROFIL_LABELS,
  type PreparedLine,
  type ProfilField,
  parseBudget,
  prepareActual,
  prepareLine,
  type QuestionableExpenses,
  type Repartition,
  type RowPlace,
  type RowsEdge,
  type RowsOptions,
  SECTIONS,
  type Section,
  type SectionReport,
  type Severity,
  type Status,
  sectionLabel,
  splitAmount,
  splitCents,
  splitInProportion,
  tableOf,
} from './budget'
export * from './cerfa'
export * from './contract'
export {
  excelSerialToIso,
  frenchDate,
  isIsoDate,
  isoFromFrenchDate,
  todayInFrance,
} from './dates'
export * from './dossier'
export {
  type EnvelopeReport,
  type EnvelopeReportJson,
  envelopeReportJson,
  envelopes,
  type FundingLine,
  type MissionChoice,
} from './envelopes'
export {
  AciError,
  type AciErrorCode,
  type AciErrorKind,
  describeValue,
  ERROR_KINDS,
  isAciError,
} from './errors'
export { formatEuros, formatPercent } from './format'
export {
  enveloppe,
  fixe,
  fonctionnement,
  missionOf,
  POPULATION_MAX,
  parsePhase,
  parsePopulation,
  parseTaille,
  parseTaux,
  resolveTable,
  taille,
  total,
  type VersionRef,
  variable,
  variableMax,
} from './funding'
export * from './indicators'
export * from './ledger'
export {
  MISSION_CODES,
  MISSION_WORDS,
  type MissionCode,
  parseMission,
} from './missions'
export {
  Decimal,
  isAmountString,
  roundToCent,
  sum,
  timesToCent,
  toAmountString,
  toExcelNumber,
  ZERO,
} from './money'
export * from './portfolio'
export { canonicalJson, sha256Hex } from './rates/canonical'
export { BUNDLED_TABLE_FILES, bundledCatalog, Catalog } from './rates/catalog'
export { type GridRow, gridRows, type VersionSummary, versionSummary } from './rates/grid'
export { loadRateTable } from './rates/load'
export { PHASES, type Phase, type RateTableData, rateTableSchema } from './rates/schema'
export { type Mission, type PerTaille, type RateTable, TAILLES, type Taille } from './rates/table'
export * from './register'
export {
  charsetOf,
  type DecodedText,
  type DecodeOptions,
  decodeText,
  type Encodage,
  type EncodageSource,
  encodageLabel,
} from './text/decode'
export {
  ECRITURE_LABELS,
  type Ecriture,
  type NameReading,
  nameKey,
  nameScripts,
  readName,
  sameName,
} from './text/names'
export * from './treasury'
export { isoDateSchema } from './wire-schemas'
