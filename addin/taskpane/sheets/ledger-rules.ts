// The mapping rules of a budget as a sheet: a `Regles_<clé>` table (criterion, value, section or keys, label), written and read back here.
import {
  type MappingRule,
  type MappingRulesDocument,
  SECTIONS,
  type Section,
  sectionLabel,
} from '../../../shared'
import type { CellValue, SheetPlan } from '../workbook/plan'
import { freeSheetName } from '../workbook/plan'
import type { NamesInUse, TableData, TableRef } from '../workbook/workbook'

export const RULES_PREFIX = 'Regles'

export const RULE_HEADERS = [
  'Critère',
  'Valeur',
  'Section',
  'Clés (section pourcentage ; …)',
  'Libellé',
] as const

export const CRITERIA = { compte: 'Compte', journal: 'Journal', marque: 'Marque' } as const
export type RuleCriterion = keyof typeof CRITERIA

/** One rule as the pane edits it: one criterion, a section or keys. */
export interface RuleRow {
  readonly critere: RuleCriterion
  readonly valeur: string
  /** The section, or null when the rule splits by keys. */
  readonly section: Section | null
  readonly cles: readonly { readonly section: Section; readonly pourcentage: string }[] | null
  readonly libelle: string
}

/** The rows as the core's document (checked by parseMappingRules afterwards); a row still without a value is left out, as the sheet's reader does. */
export function rulesDocumentOf(rows: readonly RuleRow[]): MappingRulesDocument {
  return {
    regles: rows
      .filter((r) => r.valeur.trim() !== '')
      .map((r): MappingRule => {
        const criterion =
          r.critere === 'compte'
            ? { compte: r.valeur.trim() }
            : r.critere === 'journal'
              ? { journal: r.valeur.trim() }
              : { marque: r.valeur.trim() }
        const target =
          r.section !== null || r.cles === null
            ? { section: r.section ?? 'fonctionnement' }
            : { cles: r.cles.map((c) => ({ section: c.section, pourcentage: c.pourcentage })) }
        return {
          ...criterion,
          ...target,
          ...(r.libelle.trim() === '' ? {} : { libelle: r.libelle.trim() }),
        }
      }),
  }
}

/** « Parcours 60 ; Fonctionnement 40 ». */
export function keysText(cles: RuleRow['cles']): string {
  return (cles ?? [])
    .map((c) => `${sectionLabel(c.section)} ${c.pourcentage.replace('.', ',')}`)
    .join(' ; ')
}

const loose = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, ' ')
    .trim()
    .toLowerCase()

/** A section from its code or its label, as typed in the sheet. */
export function sectionOfText(text: string): Section | null {
  const wanted = loose(text)
  if (wanted === '') return null
  for (const s of SECTIONS) {
    if (loose(s) === wanted || loose(sectionLabel(s)) === wanted) return s
  }
  return null
}

function keysOfText(text: string, where: string): RuleRow['cles'] {
  if (text.trim() === '') return null
  return text.split(';').map((part) => {
    const match = /^(.*\S)\s+(\d{1,3}(?:[.,]\d{1,4})?)\s*%?$/.exec(part.trim())
    const section = match ? sectionOfText(match[1] as string) : null
    if (match === null || section === null) {
      throw new Error(
        `${where} : clé « ${part.trim()} » illisible ; attendu « Section pourcentage », par exemple « Parcours 60 ».`
      )
    }
    return { section, pourcentage: (match[2] as string).replace(',', '.') }
  })
}

/** The table of a sheet back into rows; a row without a value is skipped (an empty line of the table). */
export function rulesOfTable(table: TableData): RuleRow[] {
  const at = (header: string) => table.headers.findIndex((h) => loose(h) === loose(header))
  const [iCrit, iVal, iSection, iKeys, iLabel] = RULE_HEADERS.map(at)
  const text = (row: readonly CellValue[], i: number | undefined) =>
    i === undefined || i < 0 ? '' : String(row[i] ?? '').trim()
  return table.rows.flatMap((row, n) => {
    const where = `${table.name}, ligne ${n + 1}`
    const valeur = text(row, iVal)
    if (valeur === '') return []
    const crit = loose(text(row, iCrit))
    const critere = (Object.keys(CRITERIA) as RuleCriterion[]).find(
      (c) => loose(CRITERIA[c]) === crit || c === crit
    )
    if (critere === undefined) {
      throw new Error(
        `${where} : critère « ${text(row, iCrit)} » inconnu ; attendu Compte, Journal ou Marque.`
      )
    }
    const cles = keysOfText(text(row, iKeys), where)
    const sectionText = text(row, iSection)
    const section = cles === null ? sectionOfText(sectionText) : null
    if (cles === null && section === null) {
      throw new Error(`${where} : section « ${sectionText} » inconnue.`)
    }
    return [{ critere, valeur, section, cles, libelle: text(row, iLabel) }]
  })
}

/** The rules tables of a budget: `Regles_<clé>`, then `Regles_<clé>_v2`…; the last written wins. */
export function latestRulesTable(tables: readonly TableRef[], key: string): TableRef | null {
  const base = `${RULES_PREFIX}_${key}`.toLowerCase()
  let best: { ref: TableRef; n: number } | null = null
  for (const t of tables) {
    const name = t.name.toLowerCase()
    const n =
      name === base
        ? 1
        : name.startsWith(`${base}_v`)
          ? Number(name.slice(base.length + 2))
          : Number.NaN
    if (Number.isInteger(n) && (best === null || n > best.n)) best = { ref: t, n }
  }
  return best?.ref ?? null
}

/** The next rules table of a budget, never one already there; `_v2` rather than `_2`, which would read as another budget's key. */
function nextRulesTable(key: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()))
  const base = `${RULES_PREFIX}_${key}`
  if (!used.has(base.toLowerCase())) return base
  for (let n = 2; ; n++) if (!used.has(`${base}_v${n}`.toLowerCase())) return `${base}_v${n}`
}

export function rulesSheetPlan(
  input: {
    readonly key: string
    readonly year: string
    readonly budgetSheet: string
    readonly rows: readonly RuleRow[]
    readonly today: string
  },
  names: NamesInUse
): SheetPlan {
  const tableName = nextRulesTable(input.key, names.tables)
  const sectionLabels = SECTIONS.map(sectionLabel)
  return {
    name: freeSheetName(`Règles ${input.year}`, names.sheets),
    blocks: [
      {
        at: 'A1',
        rows: [[`Règles d’affectation du FEC — budget « ${input.budgetSheet} »`]],
        style: 'title',
      },
      {
        at: 'A2',
        rows: [
          [
            'Chaque ligne affecte les écritures d’un compte (ou début de compte), d’un journal ou portant une marque dans leur libellé ou leur pièce à une section, ou à plusieurs par clés. La règle la plus précise l’emporte ; une marque entre crochets ([PARCOURS]…) affecte aussi sa ligne. Ce qu’aucune règle n’affecte reste « non affecté ».',
          ],
          [`Modifiable ici : le volet relit la dernière table ${RULES_PREFIX}_… de ce budget.`],
        ],
        style: 'note',
      },
    ],
    tables: [
      {
        name: tableName,
        at: 'A5',
        columns: [
          {
            header: RULE_HEADERS[0],
            format: null,
            width: 12,
            validation: {
              kind: 'list',
              source: Object.values(CRITERIA),
              prompt: 'Compte, Journal ou Marque',
            },
          },
          { header: RULE_HEADERS[1], format: '@', width: 16 },
          {
            header: RULE_HEADERS[2],
            format: null,
            width: 26,
            validation: {
              kind: 'list',
              source: sectionLabels,
              prompt: 'La section des écritures (vide si clés)',
            },
          },
          { header: RULE_HEADERS[3], format: null, width: 36 },
          { header: RULE_HEADERS[4], format: null, width: 36 },
        ],
        rows: input.rows.map((r) => [
          CRITERIA[r.critere],
          r.valeur,
          r.section === null ? '' : sectionLabel(r.section),
          keysText(r.cles),
          r.libelle,
        ]),
        showTotals: false,
        style: 'TableStyleLight9',
      },
    ],
    highlights: [],
    charts: [],
    freezeRows: 5,
    widths: [12, 16, 26, 36, 36],
  }
}
