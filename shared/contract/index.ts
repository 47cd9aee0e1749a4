// The ACI contract over time: its payment schedule (échéancier) and the year-end cut-off of its income.
export {
  type AccountTotals,
  type Cutoff,
  type CutoffLine,
  type CutoffOptions,
  cutoffOf,
  type EcritureKind,
  type FiscalShare,
  type JournalLine,
  parseExercice,
  produitsARecevoir,
  produitsConstatesDAvance,
  REPARTITIONS,
  type RepartitionTemporelle,
  sharesOfExercice,
  VARIABLE_RECOGNITIONS,
  type VariableRecognition,
} from './cutoff'
export {
  type FiscalIncome,
  type FiscalIncomeLine,
  type FiscalIncomeYear,
  produitsAciExercice,
} from './fiscal-income'
export { type CutoffJson, cutoffJson, type ScheduleJson, scheduleJson } from './json'
export {
  COMPTE_PAR,
  COMPTE_PCA,
  compteLabel,
  compteProduit,
  envelopeLabel,
  PAYMENT_KIND_LABELS,
  PAYMENT_KINDS,
  type PaymentKind,
  type Volet,
} from './labels'
export {
  type Contract,
  type ContractMission,
  type ContractOptions,
  type ContractYear,
  DEFAULT_OPTIONS,
  parseContract,
} from './parse'
export {
  AVANCE,
  type Droit,
  type Hypothesis,
  hypothesesOf,
  type MissionTotals,
  type Payment,
  type Periode,
  type Schedule,
  scheduleOf,
  type YearTotals,
} from './schedule'
export {
  CONTRACT_YEARS,
  type ContractDocument,
  contractSchema,
  type Exercice,
  exerciceSchema,
  PRORATAS,
  type Prorata,
  VARIABLES_PREMIERE_ANNEE,
  type VariablePremiereAnnee,
} from './schema'
