// Formulaires CERFA: the chosen budget sheet, read back as the check reads it, written as the CERFA 12156 budget table and, with actuals, the CERFA 15059 report, each on a new sheet and as a French Excel CSV.
import {
  type CerfaTable,
  cerfaTable,
  cerfaToCsv,
  type Formulaire,
  parseBudget,
  SECTIONS,
  type Section,
  sectionLabel,
} from '../../../shared'
import { readBudgetSheet } from '../sheets/budget-workbook'
import { cerfaSheetPlan } from '../sheets/cerfa-plan'
import { tableNames } from '../sheets/layout'
import { chosen, type FileToSave } from './export-budget'
import type { Outcome } from './notice'
import type { ActionServices } from './services'

export interface CerfaChoices {
  readonly key: string
  /** The projects a table can be made for: the sections with a column on the budget sheet. */
  readonly sections: readonly { readonly section: Section; readonly libelle: string }[]
  /** Some line has an actual amount: the CERFA 15059 can be made. */
  readonly realise: boolean
}

/** What the Formulaires CERFA section offers for the chosen budget sheet. */
export async function cerfaChoices(
  services: ActionServices,
  input: { readonly key: string | null }
): Promise<CerfaChoices> {
  const key = chosen(input.key)
  const doc = await readBudgetSheet(services.workbook, key, services.catalog)
  const [table] = await services.workbook.readTables([tableNames(key).budget])
  const headers = new Set(table?.headers ?? [])
  return {
    key,
    sections: SECTIONS.filter((s) => headers.has(sectionLabel(s))).map((section) => ({
      section,
      libelle: sectionLabel(section),
    })),
    realise: doc.lignes.some((l) => l.realise !== undefined),
  }
}

export interface CerfaForm {
  readonly formulaire: Formulaire
  readonly table: CerfaTable
  readonly sheet: string
  readonly file: FileToSave
}

export interface CerfaOutcome extends Outcome {
  /** The 12156, then the 15059 when the budget has actuals. */
  readonly forms: readonly CerfaForm[]
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/**
 * Writes the CERFA 12156 (whole association, or one project: a section with its column on the
 * budget sheet) and, when some line has an actual, the CERFA 15059, each on a new sheet whose
 * amounts are SUMIFS over the budget's table; no sheet is replaced. Each comes with its CSV.
 */
export async function writeCerfaForms(
  services: ActionServices,
  input: { readonly key: string | null; readonly section: Section | null }
): Promise<CerfaOutcome> {
  const key = chosen(input.key)
  const doc = await readBudgetSheet(services.workbook, key, services.catalog)
  const budgetTable = tableNames(key).budget
  if (input.section !== null) {
    const [lines] = await services.workbook.readTables([budgetTable])
    if (!lines?.headers.includes(sectionLabel(input.section))) {
      throw new Error(
        `La feuille de budget n’a pas de colonne « ${sectionLabel(input.section)} » : choisissez l’association ou une section de la feuille.`
      )
    }
  }
  const budget = parseBudget(doc, { catalog: services.catalog })
  const options = input.section === null ? {} : { section: input.section }
  const wanted: Formulaire[] = doc.lignes.some((l) => l.realise !== undefined)
    ? ['12156', '15059']
    : ['12156']
  const forms: CerfaForm[] = []
  for (const formulaire of wanted) {
    const table = cerfaTable(budget, formulaire, options)
    const sheet = await services.workbook.addSheet((names) =>
      cerfaSheetPlan(table, budgetTable, names)
    )
    const perimetre = input.section === null ? 'association' : slug(table.perimetre)
    forms.push({
      formulaire,
      table,
      sheet,
      file: {
        name: `cerfa-${formulaire}-${table.exercice.debut.slice(0, 4)}-${slug(table.cpts)}-${perimetre}.csv`,
        content: cerfaToCsv(table),
        type: 'text/csv;charset=utf-8',
      },
    })
  }
  const warnings = forms.flatMap((f) => f.table.avertissements)
  const written = forms.map((f) => `« ${f.sheet} »`).join(' et ')
  return {
    forms,
    notice: {
      intent: warnings.length > 0 ? 'info' : 'success',
      title: forms.length > 1 ? 'Formulaires CERFA écrits' : 'Formulaire CERFA écrit',
      text: `${written}, en formules sur le tableau ${budgetTable} ; la feuille de budget n’est pas modifiée.${forms.length === 1 ? ' Sans réalisé dans le budget, pas de compte rendu financier (CERFA 15059).' : ''}${warnings.length > 0 ? ` À vérifier : ${[...new Set(warnings)].join(' ')}` : ''}`,
    },
  }
}
