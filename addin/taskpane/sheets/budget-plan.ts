// The plan of a `Budget <année>` sheet: the lines table by section, the envelopes as ACI.* formulas, the profile, the input lists.
import {
  type BudgetDocument,
  type BudgetProfil,
  chartFor,
  type EnvelopeReport,
  envelopes,
  type FiscalIncome,
  fiscalIncomeOfProfile,
  frenchDate,
  prepareLine,
  type RateTable,
  SECTIONS,
  type Section,
  taille as tailleOf,
} from '../../../shared'
import {
  address,
  columnLetter,
  freeSheetName,
  freeTableKey,
  type SheetPlan,
} from '../workbook/plan'
import type { NamesInUse } from '../workbook/workbook'
import { plannedChargesBySection } from './budget-amounts'
import { lineColumns, withListValidations } from './budget-columns'
import { envelopeTable } from './budget-envelopes'
import { lineRows } from './budget-lines'
import { inputLists, LIST_HEADERS, listValidations } from './budget-lists'
import { PROFIL_KEYS, profilTable } from './budget-profile'
import {
  BUDGET_HEADERS,
  FORMATS,
  PROFIL_HEADERS,
  type ProfilRow,
  TABLE_PREFIXES,
  tableNames,
} from './layout'

export interface BudgetSheetInput {
  /** The budget: its profile, and its lines (none: the sheet starts from a CPTS's typical lines). */
  readonly doc: BudgetDocument
  /** The rate table the contract uses (bundled, or downloaded and verified). */
  readonly table: RateTable
  /** Today, ISO: written in the sheet's note. */
  readonly today: string
}

/** Where the budget table starts: row 4, under the title and its note; rows 1–4 stay frozen. */
const BUDGET_AT = { row: 3, column: 0 }

/** The sections with a column: fonctionnement, the engaged missions, those the lines use, hors ACI. */
function sectionsOf(doc: BudgetDocument): Section[] {
  const used = new Set<string>(['fonctionnement', 'hors_aci'])
  for (const m of doc.profil.missions) used.add(m.mission)
  for (const ligne of doc.lignes)
    for (const part of ligne.repartition?.parts ?? []) used.add(part.section)
  return SECTIONS.filter((s) => used.has(s))
}

/**
 * The plan, built against the names already in the workbook so that nothing is ever replaced.
 * Left to right: the lines table; the envelopes with the profile under them; the input lists.
 */
/** What the fiscal year earns from the profile's contract, or null when the contract cannot be computed (a version this build does not hold…). */
function fiscalIncomeOf(profil: BudgetProfil): FiscalIncome | null {
  const income = fiscalIncomeOfProfile(profil)
  return typeof income === 'string' ? null : income
}

export function budgetSheetPlan(input: BudgetSheetInput, names: NamesInUse): SheetPlan {
  const { doc, table } = input
  const profil = doc.profil
  const year = profil.exercice.debut.slice(0, 4)
  const t = tableNames(freeTableKey(Object.values(TABLE_PREFIXES), year, names.tables))
  const sections = sectionsOf(doc)
  // Each line read once (amount, nature, split to the cent), for the envelopes and for its row.
  const chart = chartFor(profil.exercice.debut)
  const prepared = doc.lignes.map((ligne, i) => prepareLine(ligne, i, chart))
  const taille = profil.taille ?? tailleOf(profil.population, table)
  const report: EnvelopeReport = envelopes({
    taille,
    version: table,
    missions: profil.missions.map((m) => ({ mission: m.mission, taux: m.taux, phase: m.phase })),
  })

  // Where each table sits: the envelopes right of the lines, the profile under the envelopes.
  const plainColumns = lineColumns(sections)
  const envAt = { row: BUDGET_AT.row, column: plainColumns.length + 1 }
  const profilAt = { row: envAt.row + 1 + 1 + report.missions.length + 1 + 2, column: envAt.column }
  const listsAt = { row: BUDGET_AT.row, column: envAt.column + 11 }
  const profilCell = (row: ProfilRow) =>
    address({ row: profilAt.row + 1 + PROFIL_KEYS.indexOf(row), column: profilAt.column + 1 }, true)

  const lists = inputLists(chart)
  const columns = withListValidations(plainColumns, listValidations(listsAt, lists.length, chart))
  const rows = lineRows({
    doc,
    prepared,
    sections,
    report,
    fiscal: doc.lignes.length === 0 ? fiscalIncomeOf(profil) : null,
    budgetTable: t.budget,
    envelopeTable: t.enveloppes,
  })
  const env = envelopeTable({
    profil,
    report,
    plannedCharges: plannedChargesBySection(prepared),
    budgetTable: t.budget,
    tailleRef: profilCell('taille'),
    versionRef: profilCell('version'),
  })
  const profilRows = profilTable(profil, table, taille, profilCell('population'))

  const reste = columnLetter(columns.findIndex((c) => c.header === BUDGET_HEADERS.reste))
  const ecart = columnLetter(envAt.column + env.columns.length - 1)
  const source = `Barème ${table.id} (${table.title}), en vigueur depuis le ${frenchDate(table.effectiveDate)} ; feuille créée le ${frenchDate(input.today)} par le complément ACI-CPTS. Saisissez les montants par section ; les enveloppes sont des formules ACI.*.`
  const subtitle = (at: { row: number; column: number }, text: string) => ({
    at: address({ row: at.row - 1, column: at.column }),
    rows: [[text]],
    style: 'subtitle' as const,
  })

  return {
    name: freeSheetName(`Budget ${year}`, names.sheets),
    blocks: [
      { at: 'A1', rows: [[`Budget prévisionnel ${year} — ${profil.nom}`]], style: 'title' },
      { at: 'A2', rows: [[source]], style: 'note' },
      subtitle(envAt, 'Enveloppes ACI de l’exercice'),
      subtitle(profilAt, 'Profil du contrat'),
      subtitle(listsAt, 'Listes de saisie'),
      {
        at: address(listsAt),
        rows: [[...LIST_HEADERS], ...lists],
        style: 'label',
        formats: [FORMATS.text, null, null],
      },
    ],
    tables: [
      {
        name: t.budget,
        at: address(BUDGET_AT),
        columns,
        rows,
        showTotals: false,
        style: 'TableStyleMedium2',
      },
      {
        name: t.enveloppes,
        at: address(envAt),
        columns: env.columns,
        rows: env.rows,
        showTotals: true,
        style: 'TableStyleMedium4',
      },
      {
        name: t.profil,
        at: address(profilAt),
        columns: PROFIL_HEADERS.map((header, i) => ({
          header,
          format: null,
          width: i === 0 ? 28 : 15,
        })),
        rows: profilRows.rows,
        rowFormats: profilRows.rowFormats,
        showTotals: false,
        style: 'TableStyleLight9',
      },
    ],
    highlights: [
      // A positive gap (charges over the envelope) in red, what is left to split in amber.
      {
        range: `${ecart}${envAt.row + 2}:${ecart}${envAt.row + env.rows.length + 1}`,
        above: 0,
        fill: '#FDE7E9',
        font: '#A4262C',
      },
      {
        range: `${reste}${BUDGET_AT.row + 2}:${reste}${BUDGET_AT.row + 1 + Math.max(rows.length, 1)}`,
        above: 0,
        fill: '#FFF4CE',
        font: '#8A5300',
      },
    ],
    charts: [],
    freezeRows: BUDGET_AT.row + 1,
    widths: [...columns.map((c) => c.width), 3, ...env.columns.map((c) => c.width), 3, 10, 40, 26],
  }
}
