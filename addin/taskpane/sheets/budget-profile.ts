// The Profil table of a budget sheet: one row per parameter of the contract, values as Excel holds them (dates as serials, rates as fractions).
import type { BudgetProfil, RateTable, Taille } from '../../../shared'
import { excelSerial } from '../../excel/dates'
import type { PlanCell } from '../workbook/plan'
import { FORMATS, PROFIL_ROWS, type ProfilRow } from './layout'

/** The parameters in the order of their rows. */
export const PROFIL_KEYS = Object.keys(PROFIL_ROWS) as ProfilRow[]

const PROFIL_FORMATS: Record<ProfilRow, string | null> = {
  nom: null,
  population: FORMATS.integer,
  taille: '0',
  signature: FORMATS.date,
  version: FORMATS.text,
  debut: FORMATS.date,
  fin: FORMATS.date,
  pass: '0.00%',
  thesaurisation: '0.00%',
}

/**
 * The table's rows and their formats. `populationCell` is the absolute address of the
 * population's value: the taille follows it through ACI.TAILLE when the profile gives one.
 */
export function profilTable(
  profil: BudgetProfil,
  table: RateTable,
  taille: Taille,
  populationCell: string
): { rows: PlanCell[][]; rowFormats: (string | null)[] } {
  const population = profil.population ?? null
  const values: Record<ProfilRow, PlanCell> = {
    nom: profil.nom,
    population,
    taille:
      population === null ? taille : { formula: `=ACI.TAILLE(${populationCell})`, value: taille },
    signature: excelSerial(profil.signature),
    version: table.id,
    debut: excelSerial(profil.exercice.debut),
    fin: excelSerial(profil.exercice.fin),
    pass: profil.seuils?.pass === undefined ? null : Number(profil.seuils.pass) / 100,
    thesaurisation:
      profil.seuils?.thesaurisation === undefined
        ? null
        : Number(profil.seuils.thesaurisation) / 100,
  }
  return {
    rows: PROFIL_KEYS.map((k) => [PROFIL_ROWS[k], values[k]]),
    rowFormats: PROFIL_KEYS.map((k) => PROFIL_FORMATS[k]),
  }
}
