// The plan of an « Indicateurs <année> » sheet: the annex one row per indicator with ACI.PALIER formulas, the evidence lists, the mission totals and rates.
import {
  type Annexe,
  actionsOf,
  annexeTable,
  type Decimal,
  frenchDate,
  MISSION_WORDS,
  type RateTable,
  type Taille,
  toExcelNumber,
  type VariableResult,
  variableOf,
} from '../../../shared'
import {
  address,
  type ColumnPlan,
  columnLetter,
  freeSheetName,
  freeTableKey,
  type PlanCell,
  type SheetPlan,
} from '../workbook/plan'
import type { NamesInUse } from '../workbook/workbook'
import { FORMATS } from './layout'

/** The four tables of an indicators sheet share one key: `Indicateurs_2026`, `Livrables_2026`… */
export const INDICATOR_PREFIXES = {
  contexte: 'ContexteIndicateurs',
  missions: 'AtteinteMissions',
  indicateurs: 'Indicateurs',
  livrables: 'Livrables',
} as const

export function indicatorTables(key: string) {
  return {
    contexte: `${INDICATOR_PREFIXES.contexte}_${key}`,
    missions: `${INDICATOR_PREFIXES.missions}_${key}`,
    indicateurs: `${INDICATOR_PREFIXES.indicateurs}_${key}`,
    livrables: `${INDICATOR_PREFIXES.livrables}_${key}`,
  }
}

/** The columns the sheet adds after the annex's own (annexeTable's header). */
export const OBSERVATION_HEADERS = {
  valeur: 'Valeur observée',
  montant: 'Montant gagné',
  reste: 'Reste à gagner',
  manquants: 'Livrables manquants',
} as const

export const CONTEXTE_ROWS = {
  taille: 'Taille',
  version: 'Barème',
  crise: 'Crise reconnue par l’ARS',
} as const

export const LIVRABLE_HEADERS = {
  mission: 'Mission',
  action: 'Action',
  livrable: 'Livrable',
  fourni: 'Fourni',
} as const

export const MISSION_HEADERS = {
  mission: 'Mission',
  code: 'Code',
  montant: 'Montant réclamé',
  enveloppe: 'Volet variable',
  taux: 'Taux d’atteinte',
} as const

export const YES_NO = ['oui', 'non'] as const

export interface IndicatorsSheetInput {
  readonly annexe: Annexe
  readonly nom: string
  /** The year the sheet is named after: the fiscal year's start. */
  readonly annee: string
  readonly taille: Taille
  readonly table: RateTable
  readonly crise: boolean
  readonly today: string
}

const cellOf = (amount: Decimal | undefined): number | null =>
  amount === undefined ? null : toExcelNumber(amount)

/** Rows (1-based, as formulas name them) where each part of the sheet sits. */
function layout(annexe: Annexe, missions: number) {
  const contexte = 4
  const missionsAt = contexte + 1 + 3 + 2
  const indicateursAt = missionsAt + 1 + missions + 1 + 2
  const count = annexe.missions.reduce(
    (n, m) => n + m.actions.reduce((k, a) => k + a.indicateurs.length, 0),
    0
  )
  const livrablesAt = indicateursAt + 1 + Math.max(count, 1) + 2
  return { contexte, missionsAt, indicateursAt, livrablesAt, count }
}

/**
 * The sheet: the context (taille, grid, crisis) the formulas read, the missions' totals and rates
 * (ACI.VARIABLE, ACI.ATTEINTE), the indicators one row per indicator as annexeTable lays them
 * out, each with its observed value and its amount (ACI.PALIER between IF(ISBLANK()): Excel for
 * Windows passes an empty cell as 0, which would earn a « baisse » indicator its best tier), and
 * the evidence one row per item with an oui/non list. Nothing existing is ever written to.
 */
export function indicatorsSheetPlan(input: IndicatorsSheetInput, names: NamesInUse): SheetPlan {
  const { annexe, table, taille } = input
  const key = freeTableKey(Object.values(INDICATOR_PREFIXES), input.annee, names.tables)
  const t = indicatorTables(key)
  const empty: VariableResult = variableOf(annexe, {
    taille,
    version: table,
    crise: input.crise,
  })
  const grid = annexeTable(annexe)
  const at = layout(annexe, annexe.missions.length)

  const ctx = (row: number) => `$B$${at.contexte + 1 + row}`
  const tailleRef = ctx(0)
  const versionRef = ctx(1)
  const criseRef = ctx(2)

  // Indicator columns: the annex's, then value, amount, what is left, missing evidence.
  const width = grid.header.length
  const col = (k: number) => columnLetter(k)
  const valeurCol = col(width)
  const montantCol = col(width + 1)
  const maxCol = col(grid.header.indexOf('Maximum'))
  const sensCol = col(grid.header.indexOf('Sens'))
  const actionCol = col(grid.header.indexOf('Action'))
  const seuils = (r: number) =>
    `${col(grid.premierSeuil)}${r}:${col(grid.premierSeuil + grid.paliers - 1)}${r}`
  const montants = (r: number) =>
    `${col(grid.premierSeuil + grid.paliers)}${r}:${col(grid.premierSeuil + 2 * grid.paliers - 1)}${r}`
  const livrablesRange = (header: string) => {
    const k = Object.values(LIVRABLE_HEADERS).indexOf(header as never)
    const letter = col(k)
    const body = Math.max(
      actionsOf(annexe).reduce((n, a) => n + a.livrables.length, 0),
      1
    )
    return `$${letter}$${at.livrablesAt + 1}:$${letter}$${at.livrablesAt + body}`
  }

  const indicatorRows: PlanCell[][] = grid.rows.map((cells, i) => {
    const r = at.indicateursAt + 1 + i
    const result = empty.indicateurs[i]
    const indicateur = result?.indicateur
    const max = indicateur?.max
    const value = `${valeurCol}${r}`
    const montant: PlanCell =
      indicateur?.type === 'binaire'
        ? {
            formula: `=IF(OR(${value}="oui",${value}="fait",${value}=TRUE),${maxCol}${r},0)`,
            value: 0,
          }
        : {
            formula: `=IF(ISBLANK(${value}),0,ACI.PALIER(${value},${seuils(r)},${montants(r)},${sensCol}${r}))`,
            value: 0,
          }
    const livrables = actionsOf(annexe).find((a) => a.id === indicateur?.action)?.livrables ?? []
    return [
      ...cells.map((c) => (c === undefined ? null : typeof c === 'string' ? c : toExcelNumber(c))),
      null,
      montant,
      {
        formula:
          indicateur?.type === 'binaire'
            ? `=${maxCol}${r}-${montantCol}${r}`
            : `=MAX(${montants(r)})-${montantCol}${r}`,
        value: cellOf(max) ?? 0,
      },
      {
        formula: `=COUNTIFS(${livrablesRange(LIVRABLE_HEADERS.action)},${actionCol}${r},${livrablesRange(LIVRABLE_HEADERS.fourni)},"<>oui")`,
        value: livrables.length,
      },
    ]
  })
  const indicatorColumns: ColumnPlan[] = [
    ...grid.header.map((header, k): ColumnPlan => {
      const amount = header === 'Maximum' || header.startsWith('Montant ')
      return {
        header,
        format: amount ? FORMATS.euros : k < grid.premierSeuil - 4 ? FORMATS.text : null,
        width: header.startsWith('Libellé') || header === 'Livrables' ? 30 : amount ? 12 : 10,
        ...(header === 'Type'
          ? {
              validation: {
                kind: 'list' as const,
                source: ['binaire', 'paliers'],
                prompt: 'binaire : tout ou rien ; paliers : le montant du meilleur palier atteint.',
              },
            }
          : header === 'Sens'
            ? {
                validation: {
                  kind: 'list' as const,
                  source: ['hausse', 'baisse'],
                  prompt: 'hausse : plus la valeur est haute, mieux c’est ; baisse : l’inverse.',
                },
              }
            : {}),
      }
    }),
    { header: OBSERVATION_HEADERS.valeur, format: null, width: 12 },
    { header: OBSERVATION_HEADERS.montant, format: FORMATS.euros, width: 14 },
    { header: OBSERVATION_HEADERS.reste, format: FORMATS.euros, width: 14 },
    { header: OBSERVATION_HEADERS.manquants, format: FORMATS.integer, width: 12 },
  ]

  // Each mission's indicators are contiguous (missions → actions → indicators): one range each.
  const rangeOfMission = new Map<string, string>()
  let first = at.indicateursAt + 1
  for (const m of annexe.missions) {
    const n = m.actions.reduce((k, a) => k + a.indicateurs.length, 0)
    rangeOfMission.set(m.mission, `${montantCol}${first}:${montantCol}${first + n - 1}`)
    first += n
  }
  const missionRows: PlanCell[][] = empty.missions.map((m, i) => {
    const r = at.missionsAt + 1 + i
    const range = rangeOfMission.get(m.mission) as string
    return [
      MISSION_WORDS[m.mission].label,
      m.mission,
      { formula: `=SUM(${range})`, value: 0 },
      {
        formula: `=ACI.VARIABLE(B${r},${tailleRef},1,${versionRef})`,
        value: toExcelNumber(m.enveloppeVariable),
      },
      {
        formula: `=ACI.ATTEINTE(B${r},${tailleRef},${range},${m.mission === 'crise' ? criseRef : 'FALSE'},${versionRef})`,
        value: 0,
      },
    ]
  })

  const livrableRows: PlanCell[][] = annexe.missions.flatMap((m) =>
    m.actions.flatMap((a) =>
      a.livrables.map((l): PlanCell[] => [MISSION_WORDS[m.mission].label, a.id, l, 'non'])
    )
  )

  const note = `Barème ${table.id}, taille ${taille} ; feuille créée le ${frenchDate(input.today)} par le complément ACI-CPTS. Saisissez la valeur observée de chaque indicateur (un nombre dans l’unité des seuils, un pourcentage en points : 63 pour 63 % ; oui ou non pour un indicateur binaire) et l’état des livrables, puis relisez la feuille depuis le volet.`
  const subtitle = (row: number, text: string) => ({
    at: `A${row - 1}`,
    rows: [[text]],
    style: 'subtitle' as const,
  })
  const lastRow = at.indicateursAt + Math.max(grid.rows.length, 1)
  const bodyOf = (letter: string) => `${letter}${at.indicateursAt + 1}:${letter}${lastRow}`

  return {
    name: freeSheetName(`Indicateurs ${input.annee}`, names.sheets),
    blocks: [
      {
        at: 'A1',
        rows: [[`Indicateurs ${input.annee} — ${input.nom}`]],
        style: 'title',
      },
      { at: 'A2', rows: [[note]], style: 'note' },
      subtitle(at.missionsAt, 'Missions : montant réclamé et taux d’atteinte'),
      subtitle(at.indicateursAt, 'Indicateurs de l’annexe'),
      subtitle(at.livrablesAt, 'Livrables demandés au dialogue de gestion'),
    ],
    tables: [
      {
        name: t.contexte,
        at: address({ row: at.contexte - 1, column: 0 }),
        columns: [
          { header: 'Paramètre', format: null, width: 28 },
          { header: 'Valeur', format: null, width: 16 },
        ],
        rows: [
          [CONTEXTE_ROWS.taille, taille],
          [CONTEXTE_ROWS.version, table.id],
          [CONTEXTE_ROWS.crise, input.crise ? 'oui' : 'non'],
        ],
        showTotals: false,
        style: 'TableStyleLight9',
      },
      {
        name: t.missions,
        at: `A${at.missionsAt}`,
        columns: [
          { header: MISSION_HEADERS.mission, format: null, width: 28, total: { label: 'Total' } },
          { header: MISSION_HEADERS.code, format: FORMATS.text, width: 16 },
          { header: MISSION_HEADERS.montant, format: FORMATS.euros, width: 16, total: 'sum' },
          { header: MISSION_HEADERS.enveloppe, format: FORMATS.euros, width: 16, total: 'sum' },
          { header: MISSION_HEADERS.taux, format: '0.00%', width: 12 },
        ],
        rows: missionRows,
        showTotals: true,
        style: 'TableStyleMedium4',
      },
      {
        name: t.indicateurs,
        at: `A${at.indicateursAt}`,
        columns: indicatorColumns,
        rows: indicatorRows,
        showTotals: false,
        style: 'TableStyleMedium2',
      },
      {
        name: t.livrables,
        at: `A${at.livrablesAt}`,
        columns: [
          { header: LIVRABLE_HEADERS.mission, format: null, width: 28 },
          { header: LIVRABLE_HEADERS.action, format: FORMATS.text, width: 16 },
          { header: LIVRABLE_HEADERS.livrable, format: null, width: 40 },
          {
            header: LIVRABLE_HEADERS.fourni,
            format: null,
            width: 10,
            validation: {
              kind: 'list',
              source: [...YES_NO],
              prompt: 'oui quand la pièce est prête pour le dialogue de gestion.',
            },
          },
        ],
        rows: livrableRows,
        showTotals: false,
        style: 'TableStyleLight9',
      },
    ],
    highlights: [
      // Reached in green, what is left to earn in amber, missing evidence in red.
      { range: bodyOf(montantCol), above: 0, fill: '#DFF6DD', font: '#0E700E' },
      { range: bodyOf(col(width + 2)), above: 0, fill: '#FFF4CE', font: '#8A5300' },
      { range: bodyOf(col(width + 3)), above: 0, fill: '#FDE7E9', font: '#A4262C' },
    ],
    charts: [],
    freezeRows: 0,
    // Column A and B also hold the missions' labels and codes.
    widths: indicatorColumns.map((c, k) =>
      Math.max(c.width ?? 10, k === 0 ? 28 : k === 1 ? 16 : 0)
    ),
  }
}
