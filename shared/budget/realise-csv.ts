// A short CSV of actuals (Compte;Libellé;Réalisé, optional sections) from French Excel, merged into a budget.
import { AciError, isAciError } from '../errors'
import { isAmountString } from '../money'
import { fromAmount, fromPercent, fromText, loose, words } from './cells'
import { readCsv } from './csv-format'
import { csvError } from './csv-import'
import { parseBudget } from './parse'
import type { BudgetDocument, BudgetLigne, Repartition } from './schema'
import type { Section } from './sections'

/** The columns by their loose name (no case, no accents, no punctuation). */
const COLUMNS: ReadonlyMap<string, 'compte' | 'libelle' | 'realise' | 'mode'> = new Map([
  ['compte', 'compte'],
  ['n de compte', 'compte'],
  ['numero de compte', 'compte'],
  ['libelle', 'libelle'],
  ['realise', 'realise'],
  ['montant realise', 'realise'],
  ['repartition', 'mode'],
  ['repartition du realise', 'mode'],
])

interface Layout {
  compte?: number
  libelle?: number
  realise?: number
  mode?: number
  sections: { index: number; section: Section }[]
}

function layoutOf(cells: readonly string[], line: number): Layout {
  const vocabulary = words()
  const layout: Layout = { sections: [] }
  cells.forEach((raw, index) => {
    const cell = raw.trim()
    if (cell === '') return
    const name = loose(cell)
    const column = COLUMNS.get(name)
    const section = vocabulary.sections.get(name.replace(/^realise /, ''))
    if (column !== undefined) {
      if (layout[column] !== undefined) {
        throw csvError(line, `colonne ${index + 1}`, `colonne « ${cell} » en double`)
      }
      layout[column] = index
    } else if (section !== undefined) {
      if (layout.sections.some((c) => c.section === section)) {
        throw csvError(line, `colonne ${index + 1}`, `section « ${cell} » en double`)
      }
      layout.sections.push({ index, section })
    } else {
      throw csvError(
        line,
        `colonne ${index + 1}`,
        `colonne inconnue « ${cell} » ; attendues : Compte, Libellé, Réalisé, puis au choix Répartition et une colonne par section (Fonctionnement, Accès aux soins…, Hors ACI)`
      )
    }
  })
  for (const [key, label] of [
    ['compte', 'Compte'],
    ['libelle', 'Libellé'],
    ['realise', 'Réalisé'],
  ] as const) {
    if (layout[key] === undefined) {
      throw csvError(
        line,
        'en-tête',
        `colonne « ${label} » attendue (en-tête : Compte;Libellé;Réalisé, séparateur point-virgule)`
      )
    }
  }
  return layout
}

/** The split of a row's actual, from its section cells: amounts, or keys when they end with %. */
function splitOf(
  cell: (i: number) => string,
  layout: Layout,
  line: number
): Repartition | undefined {
  const filled = layout.sections.filter((c) => cell(c.index) !== '')
  const modeCell = layout.mode === undefined ? '' : cell(layout.mode)
  if (filled.length === 0) {
    if (modeCell !== '') {
      throw csvError(line, 'Répartition', 'mode de répartition donné sans aucune section remplie')
    }
    return undefined
  }
  let mode: string
  if (modeCell !== '') {
    mode = words().modes.get(loose(modeCell)) ?? ''
    if (mode === '') {
      throw csvError(line, 'Répartition', `mode « ${modeCell} » inconnu : « montants » ou « clés »`)
    }
  } else {
    const keys = filled.filter((c) => cell(c.index).endsWith('%')).length
    if (keys !== 0 && keys !== filled.length) {
      throw csvError(
        line,
        'Répartition',
        'sections remplies en montants et en pourcentages à la fois : choisir l’un ou l’autre'
      )
    }
    mode = keys === 0 ? 'montants' : 'cles'
  }
  const column = (index: number) => `colonne ${index + 1}`
  if (mode === 'cles') {
    return {
      mode: 'cles',
      parts: filled.map((c) => {
        const pourcentage = fromPercent(cell(c.index))
        if (!/^\d{1,3}(\.\d{1,4})?$/.test(pourcentage)) {
          throw csvError(line, column(c.index), `pourcentage attendu, reçu « ${cell(c.index)} »`)
        }
        return { section: c.section, pourcentage }
      }),
    }
  }
  return {
    mode: 'montants',
    parts: filled.map((c) => {
      const montant = fromAmount(cell(c.index))
      if (!isAmountString(montant)) {
        throw csvError(
          line,
          column(c.index),
          `montant attendu en euros, au plus deux décimales (par exemple 1 234,56), reçu « ${cell(c.index)} »`
        )
      }
      return { section: c.section, montant }
    }),
  }
}

/** A budget line's identity for the merge: its account and its label, compared loosely. */
const keyOf = (compte: string, libelle: string) => `${compte}\u0000${loose(libelle)}`

/**
 * Merges a CSV of actuals into a budget. The CSV is as French Excel saves it (UTF-8 with or
 * without BOM, `;`, decimal comma, spaces between thousands, « € » allowed), its first row a
 * header naming at least Compte, Libellé and Réalisé (case, accents and punctuation ignored),
 * optionally one column per section (« Accès aux soins » or « acces ») holding the actual's own
 * split, in amounts or in percentages (« 40 % »), and a Répartition column to say which.
 *
 * A row goes to the budget line with the same account and label (label compared without case
 * or accents); it sets that line's `realise` and replaces its `repartitionRealise` (removed when
 * the row fills no section). A row that matches no line becomes a new line with `montant` 0.00
 * and its actual: unbudgeted spending, which the check then shows. Lines absent from the CSV
 * keep what they had. Fails with AciError('csv_invalide') naming the CSV line and column: a row
 * twice, a label two budget lines share, an amount that is not one; then as parseBudget does.
 */
export function actualsFromCsv(text: string, budget: BudgetDocument): BudgetDocument {
  const { records, unterminatedAt } = readCsv(text)
  if (unterminatedAt !== undefined) {
    throw csvError(unterminatedAt, 'texte entre guillemets', 'guillemet fermant manquant')
  }
  const rows = records.filter((r) => r.cells.some((c) => c.trim() !== ''))
  const header = rows[0]
  if (header === undefined) {
    throw csvError(1, 'en-tête', 'fichier vide : en-tête Compte;Libellé;Réalisé attendu')
  }
  const layout = layoutOf(header.cells, header.line)
  const width = header.cells.length

  const byKey = new Map<string, number[]>()
  budget.lignes.forEach((l, i) => {
    const key = keyOf(l.compte, l.libelle)
    const list = byKey.get(key)
    if (list === undefined) byKey.set(key, [i])
    else list.push(i)
  })
  const lignes: BudgetLigne[] = [...budget.lignes]
  const lineOf = new Map<number, number>()
  const seen = new Map<string, number>()

  for (const row of rows.slice(1)) {
    const cells = row.cells.map((c) => c.trim())
    const cell = (i: number) => cells[i] ?? ''
    const extra = cells.findIndex((c, i) => i >= width && c !== '')
    if (extra >= 0) {
      throw csvError(
        row.line,
        `colonne ${extra + 1}`,
        `valeur en trop « ${cells[extra]} » : un point-virgule dans un texte doit être entre guillemets`
      )
    }
    const compte = cell(layout.compte as number)
    const libelle = fromText(cell(layout.libelle as number))
    const amountCell = cell(layout.realise as number)
    if (compte === '') throw csvError(row.line, 'Compte', 'numéro de compte manquant')
    if (libelle === '') throw csvError(row.line, 'Libellé', 'libellé manquant')
    if (amountCell === '') throw csvError(row.line, 'Réalisé', 'montant réalisé manquant')
    const realise = fromAmount(amountCell)
    if (!isAmountString(realise)) {
      throw csvError(
        row.line,
        'Réalisé',
        `montant attendu en euros, au plus deux décimales (par exemple 1 234,56), reçu « ${amountCell} »`
      )
    }
    const key = keyOf(compte, libelle)
    const before = seen.get(key)
    if (before !== undefined) {
      throw csvError(
        row.line,
        'Libellé',
        `compte ${compte} « ${libelle} » déjà donné ligne ${before} : une ligne par ligne du budget`
      )
    }
    seen.set(key, row.line)
    const split = splitOf(cell, layout, row.line)
    const matches = byKey.get(key) ?? []
    if (matches.length > 1) {
      throw csvError(
        row.line,
        'Libellé',
        `${matches.length} lignes du budget portent le compte ${compte} et le libellé « ${libelle} » : les distinguer par leur libellé`
      )
    }
    const at = matches[0]
    const index = at ?? lignes.length
    const base: BudgetLigne =
      at === undefined ? { compte, libelle, montant: '0.00' } : (lignes[at] as BudgetLigne)
    const { repartitionRealise: _, ...rest } = base
    lignes[index] = {
      ...rest,
      realise,
      ...(split === undefined ? {} : { repartitionRealise: split }),
    }
    lineOf.set(index, row.line)
  }

  try {
    return parseBudget({ ...budget, lignes })
  } catch (error) {
    if (!isAciError(error)) throw error
    const match = /^lignes\[(\d+)\]/.exec(error.argument ?? '')
    const line = match === null ? undefined : lineOf.get(Number(match[1]))
    if (line === undefined) throw error
    throw new AciError(
      'csv_invalide',
      `ligne ${line} du fichier CSV des réalisés, ${error.message}`,
      error.argument
    )
  }
}
