// The register of the professionals' time: people, dated hourly rates, time entries; indemnities and mission pay to the cent, capped at the PASS per person and calendar year (art. D. 1434-44 CSP).
export { montantTemps } from './amounts'
export {
  COMPTES_TEMPS_DEFAUT,
  type ComptesTemps,
  ligneParTemps,
  lignesBudgetTemps,
  NATURE_LABELS,
} from './budget-lines'
export {
  anneePlafond,
  type CalculOptions,
  type CalculRegistre,
  calculerRegistre,
  type PlafondAnnuel,
  type StatutPlafond,
  type TotalMois,
  type TotalPersonne,
  type TotalSection,
  type Totaux,
  totauxOf,
} from './compute'
export {
  REGISTRE_CONSTAT_CODES,
  REGISTRE_RULES,
  type RegistreConstat,
  type RegistreConstatCode,
} from './constats'
export {
  paiementsDuMoisCsv,
  type RegistreComplement,
  type RegistreCsv,
  registreFromCsv,
  tempsToCsv,
} from './csv'
export {
  type IndemnitesJson,
  indemnitesJson,
  indemnitesOfRequest,
  type PlafondJson,
  type RegistreConstatJson,
  type ReleveAnnuelJson,
  registreConstatJson,
  releveAnnuel,
  type TotauxJson,
} from './json'
export {
  type CibleTaux,
  type Personne,
  parseRegistre,
  type Registre,
  type RegistreOptions,
  registreOfDocument,
  SEUIL_ALERTE_DEFAUT,
  type Taux,
  type Temps,
} from './parse'
export { passAnnuel, resteSousPass } from './pass'
export {
  NATURES,
  type NatureTemps,
  type RegistreDocument,
  registreSchema,
  SECTION_WORDS,
} from './schema'
export { type PartTemps, repartitionParTemps } from './time-key'
