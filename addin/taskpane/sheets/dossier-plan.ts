// The plan of a `Dossier <année>` sheet: what the dossier sent to the ARS, the CPAM and the auditor says, in key figures per section and findings counts.
import { Decimal, type Dossier, frenchDate, toExcelNumber } from '../../../shared'
import {
  address,
  type ColumnPlan,
  freeSheetName,
  freeTableKey,
  type PlanCell,
  type SheetPlan,
} from '../workbook/plan'
import type { NamesInUse } from '../workbook/workbook'
import { FORMATS } from './layout'

const euros = (amount: string | null | undefined): number | null =>
  amount == null ? null : toExcelNumber(new Decimal(amount))
/** « 87.50 » (percent) → 0.875 for a `0.00%` cell. */
const percent = (value: string | null | undefined): number | null =>
  value == null ? null : new Decimal(value).div(100).toNumber()

export interface DossierSheetInput {
  readonly dossier: Dossier
  readonly budgetSheet: string
  readonly files: readonly string[]
}

export function dossierSheetPlan(input: DossierSheetInput, names: NamesInUse): SheetPlan {
  const { dossier } = input
  const ex = dossier.cpts.exercice
  const year = ex.fin.slice(0, 4)
  const key = freeTableKey(['Dossier', 'DossierChiffres', 'DossierConstats'], year, names.tables)
  const withActuals = dossier.budget.totaux.realise !== null
  const sectionColumns: ColumnPlan[] = [
    { header: 'Section', format: null, width: 28, total: { label: 'Total' } },
    { header: 'Enveloppe', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Charges prévues', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Produits prévus', format: FORMATS.euros, width: 15, total: 'sum' },
    { header: 'Statut', format: null, width: 30 },
    ...(withActuals
      ? [
          { header: 'Réalisé', format: FORMATS.euros, width: 15, total: 'sum' as const },
          { header: 'Taux d’exécution', format: '0.00%', width: 12 },
          { header: 'Enveloppe consommée', format: '0.00%', width: 12 },
        ]
      : []),
  ]
  const shown = dossier.budget.sections.filter(
    (s) => s.enveloppe !== null || s.charges !== '0.00' || s.produits !== '0.00'
  )
  const sectionRows: PlanCell[][] = shown.map((s) => [
    s.libelle,
    euros(s.enveloppe),
    euros(s.charges),
    euros(s.produits),
    s.statutLibelle,
    ...(withActuals
      ? [euros(s.realise?.charges), percent(s.realise?.execution), percent(s.realise?.consommation)]
      : []),
  ])
  const t = dossier.budget.totaux
  const figures: PlanCell[][] = [
    ['Produits ACI de l’exercice (706)', euros(dossier.enveloppes.produitsAciExercice)],
    ['Enveloppes ACI du budget', euros(t.enveloppe)],
    ['Charges prévues', euros(t.charges)],
    ['Produits prévus', euros(t.produits)],
    ['Résultat prévu', euros(t.resultat)],
    ...(t.realise === null
      ? []
      : [
          ['Charges réalisées', euros(t.realise.charges)],
          ['Produits réalisés', euros(t.realise.produits)],
          ['Résultat réalisé', euros(t.realise.resultat)],
        ]),
    ...(dossier.budget.realise.nonAffecte === null
      ? []
      : [['Non affecté (charges du FEC)', euros(dossier.budget.realise.nonAffecte.charges)]]),
    ['Financements hors ACI', euros(dossier.financements.totalHorsAci)],
    ['dont entreprises et laboratoires', euros(dossier.financements.totalARisque)],
  ]
  const c = dossier.constats.nombre
  const sectionsAt = { row: 9, column: 0 }
  const figuresAt = { row: sectionsAt.row, column: sectionColumns.length + 1 }
  const findingsAt = { row: figuresAt.row + figures.length + 3, column: figuresAt.column }
  const source = {
    aucun: 'aucun',
    budget: 'les montants réalisés du budget',
    fec: 'le FEC, affecté par les règles',
  }[dossier.budget.realise.source]
  return {
    name: freeSheetName(`Dossier ${year}`, names.sheets),
    blocks: [
      {
        at: 'A1',
        rows: [[`Dossier de l’exercice ${year} — ${dossier.cpts.nom}`]],
        style: 'title',
      },
      {
        at: 'A2',
        rows: [
          [
            `Exercice du ${frenchDate(ex.debut)} au ${frenchDate(ex.fin)} ; dossier produit le ${frenchDate(dossier.produitLe)} par ${dossier.produit.nom} ${dossier.produit.version} (schéma ${dossier.schemaVersion}).`,
          ],
          [
            `Budget « ${input.budgetSheet} » (SHA-256 ${dossier.empreintes.budget}) ; réalisé : ${source}.`,
          ],
          [`Fichiers : ${input.files.join(', ')}.`],
          [
            `Trésorier : ${dossier.signature.tresorier ?? '—'} ; référence du commissaire aux comptes : ${dossier.signature.referenceCommissaireAuxComptes ?? '—'} ; ${dossier.pseudonymisation === null ? 'noms non pseudonymisés' : 'noms pseudonymisés (HMAC-SHA-256)'}.`,
          ],
          [
            `Barème ${dossier.regles.bareme.id} (SHA-256 ${dossier.regles.bareme.sha256}) ; plan comptable ${dossier.regles.planComptable.id}.`,
          ],
        ],
        style: 'note',
      },
      {
        at: address({ row: sectionsAt.row - 1, column: 0 }),
        rows: [['Par section']],
        style: 'subtitle',
      },
      {
        at: address({ row: figuresAt.row - 1, column: figuresAt.column }),
        rows: [['Chiffres clés']],
        style: 'subtitle',
      },
      {
        at: address({ row: findingsAt.row - 1, column: findingsAt.column }),
        rows: [['Constats']],
        style: 'subtitle',
      },
    ],
    tables: [
      {
        name: `Dossier_${key}`,
        at: address(sectionsAt),
        columns: sectionColumns,
        rows: sectionRows,
        showTotals: true,
        style: 'TableStyleMedium2',
      },
      {
        name: `DossierChiffres_${key}`,
        at: address(figuresAt),
        columns: [
          { header: 'Chiffre', format: null, width: 34 },
          { header: 'Montant', format: FORMATS.euros, width: 16 },
        ],
        rows: figures,
        showTotals: false,
        style: 'TableStyleLight9',
      },
      {
        name: `DossierConstats_${key}`,
        at: address(findingsAt),
        columns: [
          { header: 'Gravité', format: null, width: 34 },
          { header: 'Nombre', format: '0', width: 16 },
        ],
        rows: [
          ['Erreurs', c.error],
          ['Avertissements', c.warning],
          ['Informations', c.info],
        ],
        showTotals: false,
        style: 'TableStyleLight1',
      },
    ],
    highlights: [],
    charts: [],
    freezeRows: 0,
    widths: [...sectionColumns.map((col) => col.width), 3, 34, 16],
  }
}
