// The plan of a `Budget <année>` sheet: the lines table by section, the envelopes as ACI.* formulas, the profile, the input lists.
import {
  type BudgetDocument,
  centsToDecimal,
  chartFor,
  Decimal,
  type EnvelopeReport,
  envelopes,
  FINANCEUR_LABELS,
  FINANCEURS,
  frenchDate,
  MISSION_CODES,
  natureOf,
  type PreparedLine,
  prepareActual,
  prepareLine,
  type RateTable,
  SECTIONS,
  type Section,
  taille as tailleOf,
  toExcelNumber,
} from '../../../shared'
import { excelSerial } from '../../excel/dates'
import { PHASE_WORDS } from '../../excel/phase-words'
import {
  address,
  type ColumnPlan,
  columnLetter,
  type Formula,
  freeSheetName,
  freeTableKey,
  type PlanCell,
  type SheetPlan,
} from '../workbook/plan'
import type { NamesInUse } from '../workbook/workbook'
import {
  actualHeader,
  BUDGET_HEADERS,
  ENVELOPPE_HEADERS,
  FORMATS,
  PROFIL_HEADERS,
  PROFIL_ROWS,
  type ProfilRow,
  sectionHeader,
  TABLE_PREFIXES,
  tableNames,
} from './layout'
import { typicalLines } from './typical-lines'

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

const nature = (compte: string): string => {
  switch (natureOf(compte)) {
    case 'charge':
      return 'Charge'
    case 'produit':
      return 'Produit'
    case 'emploi':
      return 'Emploi en nature'
    case 'contribution':
      return 'Contribution en nature'
    default:
      return ''
  }
}

/** A number formula's value as Excel would hold it: a double from the exact decimal. */
const euros = (amount: Decimal | string): number =>
  toExcelNumber(typeof amount === 'string' ? new Decimal(amount) : amount)

/** The sections with a column: fonctionnement, the engaged missions, those the lines use, hors ACI. */
function sectionsOf(doc: BudgetDocument): Section[] {
  const used = new Set<string>(['fonctionnement', 'hors_aci'])
  for (const m of doc.profil.missions) used.add(m.mission)
  for (const ligne of doc.lignes)
    for (const part of ligne.repartition?.parts ?? []) used.add(part.section)
  return SECTIONS.filter((s) => used.has(s))
}

/** The amount each section gets from a line, as the check computes it (keys split to the cent). */
function partsOf(prepared: PreparedLine): Map<Section, Decimal> {
  const parts = new Map<Section, Decimal>()
  prepared.parts?.forEach((cents, s) => {
    if (cents !== 0) parts.set(SECTIONS[s] as Section, centsToDecimal(cents))
  })
  return parts
}

/** The plan, built against the names already in the workbook so that nothing is ever replaced. */
export function budgetSheetPlan(input: BudgetSheetInput, names: NamesInUse): SheetPlan {
  const { doc, table } = input
  const profil = doc.profil
  const year = profil.exercice.debut.slice(0, 4)
  const key = freeTableKey(Object.values(TABLE_PREFIXES), year, names.tables)
  const t = tableNames(key)
  const sheetName = freeSheetName(`Budget ${year}`, names.sheets)
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

  // --- columns of the budget table ---------------------------------------------------------
  const sectionColumns: ColumnPlan[] = sections.map((s) => ({
    header: sectionHeader(s),
    format: FORMATS.euros,
    width: 15,
    validation: {
      kind: 'decimal',
      prompt: `Montant affecté à la section ${sectionHeader(s)}, en euros.`,
    },
  }))
  const firstSection = sectionHeader(sections[0] as Section)
  const lastSection = sectionHeader(sections[sections.length - 1] as Section)
  const budgetColumns: ColumnPlan[] = [
    { header: BUDGET_HEADERS.compte, format: FORMATS.text, width: 10 },
    { header: BUDGET_HEADERS.libelle, format: null, width: 46 },
    { header: BUDGET_HEADERS.nature, format: null, width: 12 },
    {
      header: BUDGET_HEADERS.montant,
      format: FORMATS.euros,
      width: 15,
      validation: { kind: 'decimal', prompt: 'Montant de la ligne, en euros.' },
    },
    ...sectionColumns,
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
  const width = budgetColumns.length
  const column = (header: string) => budgetColumns.findIndex((c) => c.header === header)

  // --- right of the budget table: envelopes, then the profile; further right, the input lists -
  const envAt = { row: BUDGET_AT.row, column: width + 1 }
  const missionRows = report.missions.length
  const profilAt = { row: envAt.row + 1 + 1 + missionRows + 1 + 2, column: envAt.column }
  const profilKeys = Object.keys(PROFIL_ROWS) as ProfilRow[]
  const profilCell = (row: ProfilRow) =>
    address({ row: profilAt.row + 1 + profilKeys.indexOf(row), column: profilAt.column + 1 }, true)
  const listsAt = { row: BUDGET_AT.row, column: envAt.column + 11 }

  // --- profile -------------------------------------------------------------------------------
  const population = profil.population ?? null
  const profilValues: Record<ProfilRow, PlanCell> = {
    nom: profil.nom,
    population,
    taille:
      population === null
        ? taille
        : { formula: `=ACI.TAILLE(${profilCell('population')})`, value: taille },
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
  const profilFormats: Record<ProfilRow, string | null> = {
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
  const tailleRef = profilCell('taille')
  const versionRef = profilCell('version')

  // --- envelopes -----------------------------------------------------------------------------
  const chargesOf = (section: Section, expected: Decimal): Formula => ({
    formula: `=SUMIFS(${t.budget}[${sectionHeader(section)}],${t.budget}[${BUDGET_HEADERS.nature}],"Charge")`,
    value: euros(expected),
  })
  const plannedCharges = plannedChargesBySection(prepared)
  const envRows: PlanCell[][] = [
    [
      sectionHeader('fonctionnement'),
      'fonctionnement',
      null,
      null,
      null,
      {
        formula: `=ACI.FONCTIONNEMENT(${tailleRef},${versionRef})`,
        value: euros(report.fonctionnement),
      },
      0,
      { formula: '=[@[Volet fixe]]+[@[Volet variable]]', value: euros(report.fonctionnement) },
      chargesOf('fonctionnement', plannedCharges.get('fonctionnement') ?? new Decimal(0)),
      {
        formula: '=[@[Charges prévues]]-[@Enveloppe]',
        value: euros(
          (plannedCharges.get('fonctionnement') ?? new Decimal(0)).minus(report.fonctionnement)
        ),
      },
    ],
    ...report.missions.map((line): PlanCell[] => {
      const mission = profil.missions.find((m) => m.mission === line.mission)
      const charges = plannedCharges.get(line.mission) ?? new Decimal(0)
      return [
        sectionHeader(line.mission),
        line.mission,
        mission === undefined ? null : excelSerial(mission.debut),
        line.taux.toNumber(),
        line.phase === null ? null : PHASE_WORDS[line.phase],
        {
          formula: `=ACI.FIXE([@Code],${tailleRef},[@Phase],${versionRef})`,
          value: euros(line.fixe),
        },
        {
          formula: `=ACI.VARIABLE([@Code],${tailleRef},[@[Taux attendu]],${versionRef})`,
          value: euros(line.variable),
        },
        { formula: '=[@[Volet fixe]]+[@[Volet variable]]', value: euros(line.attendu) },
        chargesOf(line.mission, charges),
        {
          formula: '=[@[Charges prévues]]-[@Enveloppe]',
          value: euros(charges.minus(line.attendu)),
        },
      ]
    }),
  ]
  const envColumns: ColumnPlan[] = [
    { header: ENVELOPPE_HEADERS.section, format: null, width: 28, total: { label: 'Total' } },
    {
      header: ENVELOPPE_HEADERS.code,
      format: FORMATS.text,
      width: 15,
      validation: {
        kind: 'list',
        source: ['fonctionnement', ...MISSION_CODES],
        prompt: 'Code de la section : fonctionnement ou une mission de l’ACI.',
      },
    },
    { header: ENVELOPPE_HEADERS.debut, format: FORMATS.date, width: 12 },
    {
      header: ENVELOPPE_HEADERS.taux,
      format: FORMATS.percent,
      width: 10,
      validation: {
        kind: 'decimal',
        min: 0,
        max: 1,
        prompt: 'Taux d’atteinte attendu des indicateurs, de 0 % à 100 %.',
      },
    },
    {
      header: ENVELOPPE_HEADERS.phase,
      format: null,
      width: 12,
      validation: {
        kind: 'list',
        source: Object.values(PHASE_WORDS),
        prompt: 'Mission crise : rédaction du plan (1re année) ou mise à jour.',
      },
    },
    { header: ENVELOPPE_HEADERS.fixe, format: FORMATS.euros, width: 14, total: 'sum' },
    { header: ENVELOPPE_HEADERS.variable, format: FORMATS.euros, width: 14, total: 'sum' },
    { header: ENVELOPPE_HEADERS.enveloppe, format: FORMATS.euros, width: 14, total: 'sum' },
    { header: ENVELOPPE_HEADERS.charges, format: FORMATS.euros, width: 15, total: 'sum' },
    { header: ENVELOPPE_HEADERS.ecart, format: FORMATS.euros, width: 14, total: 'sum' },
  ]

  // --- input lists ---------------------------------------------------------------------------
  const accounts = chart.accounts.filter((a) => natureOf(a.numero) !== undefined)
  const listRows: PlanCell[][] = accounts.map((a, i) => [
    a.numero,
    a.libelle,
    i < FINANCEURS.length ? FINANCEUR_LABELS[FINANCEURS[i] as (typeof FINANCEURS)[number]] : null,
  ])
  const listRange = (offset: number, count: number) => {
    const top = { row: listsAt.row + 1, column: listsAt.column + offset }
    return `=${address(top, true)}:${address({ row: top.row + count - 1, column: top.column }, true)}`
  }
  budgetColumns[column(BUDGET_HEADERS.compte)] = {
    ...(budgetColumns[column(BUDGET_HEADERS.compte)] as ColumnPlan),
    validation: {
      kind: 'list',
      source: listRange(0, accounts.length),
      prompt: `Compte du ${chart.title} ; un sous-compte se saisit aussi (70611).`,
    },
  }
  budgetColumns[column(BUDGET_HEADERS.financeur)] = {
    ...(budgetColumns[column(BUDGET_HEADERS.financeur)] as ColumnPlan),
    validation: {
      kind: 'list',
      source: listRange(2, FINANCEURS.length),
      prompt: 'Qui finance cette ressource (lignes de produits).',
    },
  }

  // --- lines ---------------------------------------------------------------------------------
  const resteFormula = `=[@${BUDGET_HEADERS.montant}]-SUM(${t.budget}[@[${firstSection}]:[${lastSection}]])`
  const lineRows: PlanCell[][] =
    doc.lignes.length === 0
      ? typicalLines(sections, report, t.enveloppes).map((line) => [
          line.compte,
          line.libelle,
          { formula: natureFormula, value: nature(line.compte) },
          line.montant,
          ...sections.map((s) => line.parts.get(s) ?? null),
          { formula: resteFormula, value: 0 },
          null,
          ...sections.map(() => null),
          line.financeur === undefined ? null : FINANCEUR_LABELS[line.financeur],
          null,
        ])
      : doc.lignes.map((ligne, i) => {
          const line = prepared[i] as PreparedLine
          const parts = partsOf(line)
          let allocated = new Decimal(0)
          for (const amount of parts.values()) allocated = allocated.plus(amount)
          return [
            ligne.compte,
            ligne.libelle,
            { formula: natureFormula, value: nature(ligne.compte) },
            euros(ligne.montant),
            ...sections.map((s) => {
              const amount = parts.get(s)
              return amount === undefined ? null : euros(amount)
            }),
            { formula: resteFormula, value: euros(new Decimal(ligne.montant).minus(allocated)) },
            ligne.realise === undefined ? null : euros(ligne.realise),
            ...actualCells(line, i, sections),
            ligne.financeur === undefined ? null : FINANCEUR_LABELS[ligne.financeur],
            ligne.beneficiaire ?? null,
          ]
        })

  const envWidths = envColumns.map((c) => c.width)
  const widths: (number | undefined)[] = [
    ...budgetColumns.map((c) => c.width),
    3,
    ...envWidths,
    3,
    10,
    40,
    26,
  ]
  const envTableRows = 1 + envRows.length + 1
  const title = `Budget prévisionnel ${year} — ${profil.nom}`
  const source = `Barème ${table.id} (${table.title}), en vigueur depuis le ${frenchDate(table.effectiveDate)} ; feuille créée le ${frenchDate(input.today)} par le complément ACI-CPTS. Saisissez les montants par section ; les enveloppes sont des formules ACI.*.`

  return {
    name: sheetName,
    blocks: [
      { at: 'A1', rows: [[title]], style: 'title' },
      { at: 'A2', rows: [[source]], style: 'note' },
      {
        at: address({ row: envAt.row - 1, column: envAt.column }),
        rows: [['Enveloppes ACI de l’exercice']],
        style: 'subtitle',
      },
      {
        at: address({ row: profilAt.row - 1, column: profilAt.column }),
        rows: [['Profil du contrat']],
        style: 'subtitle',
      },
      {
        at: address({ row: listsAt.row - 1, column: listsAt.column }),
        rows: [['Listes de saisie']],
        style: 'subtitle',
      },
      {
        at: address(listsAt),
        rows: [['Compte', 'Intitulé', 'Financeur'], ...listRows],
        style: 'label',
        formats: [FORMATS.text, null, null],
      },
    ],
    tables: [
      {
        name: t.budget,
        at: address(BUDGET_AT),
        columns: budgetColumns,
        rows: lineRows,
        showTotals: false,
        style: 'TableStyleMedium2',
      },
      {
        name: t.enveloppes,
        at: address(envAt),
        columns: envColumns,
        rows: envRows,
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
        rows: profilKeys.map((k) => [PROFIL_ROWS[k], profilValues[k]]),
        rowFormats: profilKeys.map((k) => profilFormats[k]),
        showTotals: false,
        style: 'TableStyleLight9',
      },
    ],
    highlights: [
      {
        range: `${columnLetter(envAt.column + envColumns.length - 1)}${envAt.row + 2}:${columnLetter(envAt.column + envColumns.length - 1)}${envAt.row + envTableRows - 1}`,
        above: 0,
        fill: '#FDE7E9',
        font: '#A4262C',
      },
      {
        range: `${columnLetter(column(BUDGET_HEADERS.reste))}${BUDGET_AT.row + 2}:${columnLetter(column(BUDGET_HEADERS.reste))}${BUDGET_AT.row + 1 + Math.max(lineRows.length, 1)}`,
        above: 0,
        fill: '#FFF4CE',
        font: '#8A5300',
      },
    ],
    charts: [],
    freezeRows: BUDGET_AT.row + 1,
    widths,
  }
}

const natureFormula = `=IF(LEFT([@${BUDGET_HEADERS.compte}],1)="6","Charge",IF(LEFT([@${BUDGET_HEADERS.compte}],1)="7","Produit",IF(LEFT([@${BUDGET_HEADERS.compte}],2)="86","Emploi en nature",IF(LEFT([@${BUDGET_HEADERS.compte}],2)="87","Contribution en nature",""))))`

/** The line's own split of its actual amount, by section; empty cells when it follows the plan. */
function actualCells(
  line: PreparedLine,
  i: number,
  sections: readonly Section[]
): (number | null)[] {
  if (line.ligne.realise === undefined || line.ligne.repartitionRealise === undefined)
    return sections.map(() => null)
  const actual = prepareActual(line, i)
  return sections.map((s) => {
    const cents = actual?.parts?.[SECTIONS.indexOf(s)]
    return cents === undefined || cents === 0 ? null : euros(centsToDecimal(cents))
  })
}

/** Planned charges (class 6) per section, as the check splits them. */
function plannedChargesBySection(prepared: readonly PreparedLine[]): Map<Section, Decimal> {
  const totals = new Map<Section, Decimal>()
  for (const line of prepared) {
    if (line.nature !== 'charge') continue
    for (const [section, amount] of partsOf(line)) {
      totals.set(section, (totals.get(section) ?? new Decimal(0)).plus(amount))
    }
  }
  return totals
}
