// A budget sheet read back into the budget document: profile, engaged missions, lines split by section.
import {
  AciError,
  type BudgetDocument,
  bundledCatalog,
  type Catalog,
  Decimal,
  FINANCEUR_LABELS,
  FINANCEURS,
  type Financeur,
  isAciError,
  MISSION_CODES,
  type MissionCode,
  PHASES,
  parseBudget,
  roundToCent,
  SECTIONS,
  type Section,
  toAmountString,
} from '../../../shared'
import { isoFromExcelSerial } from '../../excel/dates'
import { PHASE_WORDS } from '../../excel/phase-words'
import type { CellValue } from '../workbook/plan'
import type { TableData } from '../workbook/workbook'
import {
  actualHeader,
  BUDGET_HEADERS,
  ENVELOPPE_HEADERS,
  PROFIL_ROWS,
  type ProfilRow,
  sectionHeader,
} from './layout'

const invalid = (message: string, argument: string) =>
  new AciError('budget_invalide', message, argument)

const isBlank = (value: CellValue | undefined) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '')

const text = (value: CellValue | undefined): string => (isBlank(value) ? '' : String(value).trim())

/**
 * An amount as the cell shows it with its `# ##0,00 €` format: rounded to the cent with the
 * project's one rounding. A cell holds a double; its shortest decimal form is what was typed.
 */
function amount(value: CellValue | undefined, where: string): string | undefined {
  if (isBlank(value)) return undefined
  if (typeof value === 'number' && Number.isFinite(value)) {
    return toAmountString(roundToCent(new Decimal(String(value))))
  }
  throw invalid(`${where} : montant attendu (un nombre), lu ${JSON.stringify(value)}.`, where)
}

function date(value: CellValue | undefined, where: string): string {
  if (typeof value === 'number') return isoFromExcelSerial(value, where)
  if (typeof value === 'string' && /^\d{2}\/\d{2}\/\d{4}$/.test(value.trim())) {
    const [d, m, y] = value.trim().split('/')
    return `${y}-${m}-${d}`
  }
  throw invalid(
    `${where} : date attendue (une cellule au format date), lu ${JSON.stringify(value)}.`,
    where
  )
}

/** A rate written as 80 % (0.8) or 80: a fraction from 0 to 1, as the budget takes it. */
function taux(value: CellValue | undefined, where: string): string | undefined {
  if (isBlank(value)) return undefined
  if (typeof value === 'number' && Number.isFinite(value)) {
    const fraction = value > 1 ? new Decimal(String(value)).div(100) : new Decimal(String(value))
    return fraction.toDecimalPlaces(9).toFixed()
  }
  throw invalid(`${where} : taux attendu (80 % ou 0,8), lu ${JSON.stringify(value)}.`, where)
}

/** A percentage cell (0.9 shown as 90 %) as the budget's thresholds take it ("90"). */
function percent(value: CellValue | undefined, where: string): string | undefined {
  if (isBlank(value)) return undefined
  if (typeof value === 'number' && Number.isFinite(value)) {
    return new Decimal(String(value)).times(100).toDecimalPlaces(4).toFixed()
  }
  throw invalid(`${where} : pourcentage attendu, lu ${JSON.stringify(value)}.`, where)
}

function columns(table: TableData) {
  const index = new Map(table.headers.map((h, i) => [h.trim().toLowerCase(), i]))
  return (header: string): number | undefined => index.get(header.toLowerCase())
}

function need(table: TableData, header: string): number {
  const i = columns(table)(header)
  if (i === undefined) {
    throw invalid(
      `Tableau ${table.name} : la colonne « ${header} » est introuvable ; ne renommez pas les en-têtes du tableau généré.`,
      table.name
    )
  }
  return i
}

const FINANCEUR_BY_LABEL = new Map<string, Financeur>(
  FINANCEURS.flatMap((f): [string, Financeur][] => [
    [FINANCEUR_LABELS[f].toLowerCase(), f],
    [f, f],
  ])
)

const PHASE_BY_WORD = new Map<string, (typeof PHASES)[number]>(
  PHASES.flatMap((p): [string, (typeof PHASES)[number]][] => [
    [PHASE_WORDS[p], p],
    [p, p],
  ])
)

/**
 * Reads the three tables of a budget sheet. Errors name the table, the row as Excel numbers it in
 * the table (1 = first line under the header) and the column, in French.
 */
export function readBudget(
  profil: TableData,
  enveloppes: TableData,
  budget: TableData,
  catalog: Catalog = bundledCatalog()
): BudgetDocument {
  // --- profile: one parameter a row, found by its label --------------------------------------
  const labels = new Map(Object.entries(PROFIL_ROWS).map(([k, label]) => [label.toLowerCase(), k]))
  const values = new Map<ProfilRow, CellValue>()
  for (const row of profil.rows) {
    const k = labels.get(text(row[0]).toLowerCase())
    if (k !== undefined) values.set(k as ProfilRow, row[1] ?? null)
  }
  const where = (k: ProfilRow) => `${profil.name}, « ${PROFIL_ROWS[k]} »`
  const population = values.get('population')
  const tailleValue = values.get('taille')
  const signature = date(values.get('signature'), where('signature'))
  const version = text(values.get('version'))
  const inForce = catalog.inForceOn(signature, where('signature')).id
  const pass = percent(values.get('pass'), where('pass'))
  const thesaurisation = percent(values.get('thesaurisation'), where('thesaurisation'))

  // --- missions: the envelopes table's rows other than fonctionnement -------------------------
  const code = need(enveloppes, ENVELOPPE_HEADERS.code)
  const debut = need(enveloppes, ENVELOPPE_HEADERS.debut)
  const tauxColumn = need(enveloppes, ENVELOPPE_HEADERS.taux)
  const phase = need(enveloppes, ENVELOPPE_HEADERS.phase)
  const missions = enveloppes.rows.flatMap((row, r) => {
    const c = text(row[code]).toLowerCase()
    if (c === '' || c === 'fonctionnement') return []
    const at = (header: string) => `${enveloppes.name}, ligne ${r + 1}, colonne « ${header} »`
    if (!(MISSION_CODES as readonly string[]).includes(c)) {
      throw invalid(
        `${at(ENVELOPPE_HEADERS.code)} : code de mission attendu (${MISSION_CODES.join(', ')}), lu « ${c} ».`,
        at(ENVELOPPE_HEADERS.code)
      )
    }
    const p = text(row[phase]).toLowerCase()
    const phaseCode = p === '' ? undefined : PHASE_BY_WORD.get(p)
    if (p !== '' && phaseCode === undefined) {
      throw invalid(
        `${at(ENVELOPPE_HEADERS.phase)} : « rédaction » ou « mise à jour » attendu.`,
        at(ENVELOPPE_HEADERS.phase)
      )
    }
    const t = taux(row[tauxColumn], at(ENVELOPPE_HEADERS.taux))
    return [
      {
        mission: c as MissionCode,
        debut: date(row[debut], at(ENVELOPPE_HEADERS.debut)),
        // 100 % is the default: left out, as the budget file leaves it out.
        ...(t === undefined || t === '1' ? {} : { taux: t }),
        ...(phaseCode === undefined ? {} : { phase: phaseCode }),
      },
    ]
  })

  // --- lines ---------------------------------------------------------------------------------
  const find = columns(budget)
  const compte = need(budget, BUDGET_HEADERS.compte)
  const libelle = need(budget, BUDGET_HEADERS.libelle)
  const montant = need(budget, BUDGET_HEADERS.montant)
  const realise = find(BUDGET_HEADERS.realise)
  const financeur = find(BUDGET_HEADERS.financeur)
  const beneficiaire = find(BUDGET_HEADERS.beneficiaire)
  const sectionColumns = SECTIONS.flatMap((s): [Section, number][] => {
    const i = find(sectionHeader(s))
    return i === undefined ? [] : [[s, i]]
  })
  const actualColumns = SECTIONS.flatMap((s): [Section, number][] => {
    const i = find(actualHeader(s))
    return i === undefined ? [] : [[s, i]]
  })
  /** Table row (1-based) of each line kept, for the errors of the check. */
  const rowOf: number[] = []
  const lignes = budget.rows.flatMap((row, r) => {
    const at = (header: string) => `${budget.name}, ligne ${r + 1}, colonne « ${header} »`
    const c = text(row[compte])
    const l = text(row[libelle])
    const m = amount(row[montant], at(BUDGET_HEADERS.montant))
    const parts = sectionColumns.flatMap(([section, i]) => {
      const a = amount(row[i], at(sectionHeader(section)))
      return a === undefined || new Decimal(a).isZero() ? [] : [{ section, montant: a }]
    })
    const r2 = realise === undefined ? undefined : amount(row[realise], at(BUDGET_HEADERS.realise))
    const actualParts = actualColumns.flatMap(([section, i]) => {
      const a = amount(row[i], at(actualHeader(section)))
      return a === undefined || new Decimal(a).isZero() ? [] : [{ section, montant: a }]
    })
    // A line with nothing planned nor spent (the generated sheet's lines still at 0) says nothing
    // to the check: it is left out, rather than reported as a line without a split.
    const nothing = m === undefined || new Decimal(m).isZero()
    if (nothing && parts.length === 0 && r2 === undefined) return []
    const f = financeur === undefined ? '' : text(row[financeur])
    const funder = f === '' ? undefined : FINANCEUR_BY_LABEL.get(f.toLowerCase())
    if (f !== '' && funder === undefined) {
      throw invalid(
        `${at(BUDGET_HEADERS.financeur)} : financeur de la liste attendu, lu « ${f} ».`,
        at(BUDGET_HEADERS.financeur)
      )
    }
    const b = beneficiaire === undefined ? '' : text(row[beneficiaire])
    rowOf.push(r + 1)
    return [
      {
        compte: c,
        libelle: l === '' ? `Compte ${c}` : l,
        montant: m ?? '0.00',
        ...(parts.length === 0 ? {} : { repartition: { mode: 'montants' as const, parts } }),
        ...(funder === undefined ? {} : { financeur: funder }),
        ...(b === '' ? {} : { beneficiaire: b }),
        ...(r2 === undefined ? {} : { realise: r2 }),
        ...(r2 === undefined || actualParts.length === 0
          ? {}
          : { repartitionRealise: { mode: 'montants' as const, parts: actualParts } }),
      },
    ]
  })

  const document = {
    profil: {
      nom: text(values.get('nom')),
      ...(isBlank(tailleValue) || !isBlank(population) ? {} : { taille: tailleValue }),
      ...(isBlank(population) ? {} : { population }),
      signature,
      ...(version === '' || version.toLowerCase() === inForce ? {} : { version }),
      exercice: {
        debut: date(values.get('debut'), where('debut')),
        fin: date(values.get('fin'), where('fin')),
      },
      missions,
      ...(pass === undefined && thesaurisation === undefined
        ? {}
        : {
            seuils: {
              ...(pass === undefined ? {} : { pass }),
              ...(thesaurisation === undefined ? {} : { thesaurisation }),
            },
          }),
    },
    lignes,
  }
  try {
    return parseBudget(document, { catalog })
  } catch (error) {
    throw isAciError(error) ? inSheetWords(error, budget.name, rowOf) : error
  }
}

/** `lignes[3].compte : …` → `Budget_2026, ligne 5 : compte : …`: where the person looks. */
function inSheetWords(error: AciError, table: string, rowOf: readonly number[]): AciError {
  const match = /^lignes\[(\d+)\]\.?/.exec(error.message)
  if (match === null) return error
  const row = rowOf[Number(match[1])]
  const message = `${table}, ligne ${row} : ${error.message.slice(match[0].length)}`
  return new AciError(error.code, message, error.argument)
}
