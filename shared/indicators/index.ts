// The contract's indicators: the annex as data, its checks against the rate grid, and the variable part computed from observations.
export {
  checkAnnexe,
  maximaOf,
  type ResolvedContext,
  resolveContext,
  type VariableContext,
  variableEnvelope,
} from './checks'
export {
  type ActionResult,
  evaluateAnnexe,
  type IndicatorResult,
  type IndicatorStatus,
  type MissionResult,
  missionSummary,
  rateOf,
  type VariableOptions,
  type VariableResult,
  variableOf,
} from './compute'
export {
  CONSTAT_CODES,
  CONSTAT_RULES,
  type Constat,
  type ConstatCode,
  type Severity as ConstatSeverity,
} from './constats'
export { type AnnexeCell, type AnnexeTable, annexeFromCsv, annexeTable, annexeToCsv } from './csv'
export { type DialogueJson, dialogueJson } from './dialogue'
export { atteinte, type MissionAttainment, palier, paliersOf, parseSens } from './formulas'
export {
  constatJson,
  observationJson,
  RATE_DECIMALS,
  rateString,
  scenariosJson,
  type VariableJson,
  variableJson,
} from './json'
export {
  type LivrablesStatus,
  type Observation,
  type Observations,
  parseLivrables,
  parseObservations,
  readDone,
  readNumber,
  readObservation,
} from './observations'
export {
  type Action,
  type Annexe,
  type AnnexeMission,
  actionsOf,
  annexeDocument,
  annexeOfDocument,
  type Indicateur,
  type IndicateurBinaire,
  type IndicateurPaliers,
  indicateursOf,
  type Palier,
  parseAnnexe,
} from './parse'
export { budgetRates, type ContractRateFields, type ContractRates, contractRates } from './rates'
export { variableOfRequest, variableRequestSchema } from './request'
export {
  montantOf,
  SCENARIO_LABELS,
  SCENARIOS,
  type Scenario,
  type ScenarioCode,
  scenariosOf,
} from './scenarios'
export {
  type AnnexeDocument,
  annexeSchema,
  INDICATOR_TYPES,
  type IndicatorType,
  SENS,
  type Sens,
} from './schema'
export { montantPalier, palierAtteint, palierHorsOrdre } from './tiers'
