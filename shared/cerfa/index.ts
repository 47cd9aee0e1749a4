// The budget in the funders' own layout: the CERFA n° 12156*06 budget table and the CERFA n° 15059 financial report, their sheet and their CSV.
export { FINANCEURS_74, type FinanceursMapping } from './classify'
export { type CerfaCsvOptions, cerfaToCsv, roundTable } from './csv'
export { type CerfaJson, cerfaJson } from './json'
export {
  CERFA_ROWS,
  type CerfaRowDef,
  type Cote,
  LIGNES_74,
  type Ligne74,
  REGLE_EQUILIBRE,
  SANS_CENTIMES,
  type Source as CerfaSource,
} from './rows'
export {
  type CerfaBlock,
  type CerfaCell,
  type CerfaFormula,
  type CerfaSheet,
  type CerfaSheetOptions,
  type CerfaValue,
  cerfaSheet,
  EUROS_FORMAT,
  rowLabel,
  sheetGrid,
} from './sheet'
export {
  type CerfaLigne,
  type CerfaOptions,
  type CerfaTable,
  type CerfaTotaux,
  cerfaTable,
  FORMULAIRE_TITRES,
  FORMULAIRES,
  type Formulaire,
  SEUIL_ECART_DEFAUT,
} from './table'
