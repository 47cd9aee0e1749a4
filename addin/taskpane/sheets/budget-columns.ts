// The columns of a budget sheet's lines table: account, label, nature, amount, one per section, what is left, the actuals, funder and beneficiary.
import type { Section } from '../../../shared'
import type { ColumnPlan, ValidationPlan } from '../workbook/plan'
import { actualHeader, BUDGET_HEADERS, FORMATS, sectionHeader } from './layout'

/** The drop-down lists of two columns, which point at the input lists beside the tables. */
export interface ListValidations {
  readonly compte: ValidationPlan
  readonly financeur: ValidationPlan
}

export function lineColumns(sections: readonly Section[]): ColumnPlan[] {
  return [
    { header: BUDGET_HEADERS.compte, format: FORMATS.text, width: 10 },
    { header: BUDGET_HEADERS.libelle, format: null, width: 46 },
    { header: BUDGET_HEADERS.nature, format: null, width: 12 },
    {
      header: BUDGET_HEADERS.montant,
      format: FORMATS.euros,
      width: 15,
      validation: { kind: 'decimal', prompt: 'Montant de la ligne, en euros.' },
    },
    ...sections.map(
      (s): ColumnPlan => ({
        header: sectionHeader(s),
        format: FORMATS.euros,
        width: 15,
        validation: {
          kind: 'decimal',
          prompt: `Montant affecté à la section ${sectionHeader(s)}, en euros.`,
        },
      })
    ),
    { header: BUDGET_HEADERS.reste, format: FORMATS.euros, width: 15 },
    {
      header: BUDGET_HEADERS.realise,
      format: FORMATS.euros,
      width: 15,
      validation: {
        kind: 'decimal',
        prompt:
          'Montant réalisé de la ligne, en euros ; il se répartit comme le prévu, sauf montants saisis dans les colonnes Réalisé par section.',
      },
    },
    ...sections.map(
      (s): ColumnPlan => ({
        header: actualHeader(s),
        format: FORMATS.euros,
        width: 15,
        validation: {
          kind: 'decimal',
          prompt: `Part du réalisé affectée à la section ${sectionHeader(s)} ; vide : comme le prévu.`,
        },
      })
    ),
    { header: BUDGET_HEADERS.financeur, format: null, width: 26 },
    { header: BUDGET_HEADERS.beneficiaire, format: null, width: 24 },
  ]
}

/** The same columns, the account and the funder with their drop-down lists. */
export function withListValidations(
  columns: readonly ColumnPlan[],
  lists: ListValidations
): ColumnPlan[] {
  return columns.map((c) =>
    c.header === BUDGET_HEADERS.compte
      ? { ...c, validation: lists.compte }
      : c.header === BUDGET_HEADERS.financeur
        ? { ...c, validation: lists.financeur }
        : c
  )
}
