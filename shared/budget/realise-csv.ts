// A short CSV of actuals (Compte;Libellé;Réalisé, optional sections) from French Excel, merged into a budget.
import { AciError, isAciError } from '../errors'
import { Decimal, isAmountString } from '../money'
import type { DecodeOptions } from '../text/decode'
import { fromAmount, fromPercent, fromText, loose, modeOf, words } from './cells'
import { readCsv } from './csv-format'
import { csvError } from './csv-import'
import { type ImportEncoding, importText, refuseReplacement } from './import'
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
    mode = modeOf(modeCell)
    if (mode !== 'cles' && mode !== 'montants') {
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

/** How a row of actuals found its budget line, or why it found none. */
export type ActualsRule =
  /** The budget has one line of the row's account (or of the longest account it begins with). */
  | 'compte'
  /** Several lines of that account: the one whose label is the row's, as written. */
  | 'libelle-exact'
  /** … the one whose label is the row's without case, accents or punctuation. */
  | 'libelle-normalise'
  /** … the one whose label shares the most words with the row's, alone in that. */
  | 'libelle-mots'
  /** No budget account is the row's or begins it: a new, unbudgeted line. */
  | 'compte-absent'
  /** Several lines of that account and no label to choose between them: a new, unbudgeted line. */
  | 'libelle-sans-correspondance'

/** One row of the actuals file and where it went. */
export interface ActualsMatch {
  /** The CSV line of the row. */
  readonly ligneCsv: number
  readonly compte: string
  readonly libelle: string
  /** The row's actual, decimal text ("5640.00"). */
  readonly realise: string
  /** `rapprochee`: added to a budget line; `hors-budget`: a new line with a budget of 0.00. */
  readonly resultat: 'rapprochee' | 'hors-budget'
  readonly regle: ActualsRule
  /** The budget line it went to (its index in the merged budget's `lignes`), new or not. */
  readonly ligneBudget: number
  readonly compteBudget: string
  readonly libelleBudget: string
  /** Why, in French, for the import's report. */
  readonly explication: string
}

/** What an import of actuals matched, what became unbudgeted, and why. */
export interface ActualsReport {
  readonly lignes: readonly ActualsMatch[]
  /** Rows added to a budget line. */
  readonly rapprochees: number
  /** Rows that became new, unbudgeted lines. */
  readonly horsBudget: number
  /** Budget lines of a charge or product account that no row reached (their actual is unchanged). */
  readonly sansRealise: readonly {
    readonly ligneBudget: number
    readonly compte: string
    readonly libelle: string
  }[]
}

/** Actuals merged into a budget, with the report of the matching and the encoding read. */
export interface ActualsImport extends ImportEncoding {
  readonly budget: BudgetDocument
  readonly rapport: ActualsReport
}

/** Words too common in account labels to tell two lines apart. */
const COMMON = new Set(['des', 'les', 'aux', 'pour', 'par', 'sur', 'avec', 'une', 'dans', 'autres'])

function labelWords(label: string): Set<string> {
  return new Set(
    loose(label)
      .split(' ')
      .filter((w) => w.length >= 3 && !COMMON.has(w))
  )
}

interface Choice {
  readonly at: number | undefined
  readonly regle: ActualsRule
  readonly explication: string
}

const quoted = (text: string) => `« ${text} »`

/**
 * The budget line of a row. The account decides first: the budget's lines whose account is the
 * row's or begins it (6226 for a row of 6226000), the longest such account winning. One line of
 * that account: it. Several: the label chooses, in this order — the same label as written; the
 * same label without case, accents or punctuation; the label sharing the most words of three
 * letters or more with the row's (common words such as « des », « pour » left out), provided no
 * other line shares as many. No budget account begins the row's account, or no label chooses:
 * the row becomes a new line, unbudgeted, and the report says why.
 */
function choose(
  compte: string,
  libelle: string,
  byAccount: ReadonlyMap<string, readonly number[]>,
  accountLengths: readonly number[],
  lignes: readonly BudgetLigne[]
): Choice {
  let account: string | undefined
  for (const length of accountLengths) {
    if (length > compte.length) continue
    const prefix = compte.slice(0, length)
    if (byAccount.has(prefix)) {
      account = prefix
      break
    }
  }
  if (account === undefined) {
    return {
      at: undefined,
      regle: 'compte-absent',
      explication: `aucune ligne du budget au compte ${compte} ni à un compte qui le commence : ligne hors budget`,
    }
  }
  const candidates = byAccount.get(account) as readonly number[]
  const via =
    account === compte ? `compte ${compte}` : `compte ${compte}, sous-compte du ${account}`
  if (candidates.length === 1) {
    const at = candidates[0] as number
    return {
      at,
      regle: 'compte',
      explication: `${via} : seule ligne du budget à ce compte, ${quoted((lignes[at] as BudgetLigne).libelle)}`,
    }
  }
  const exact = candidates.filter((i) => (lignes[i] as BudgetLigne).libelle.trim() === libelle)
  if (exact.length === 1) {
    return {
      at: exact[0],
      regle: 'libelle-exact',
      explication: `${via} : ${candidates.length} lignes du budget à ce compte, celle du même libellé`,
    }
  }
  const key = loose(libelle)
  const same = candidates.filter((i) => loose((lignes[i] as BudgetLigne).libelle) === key)
  if (same.length === 1) {
    return {
      at: same[0],
      regle: 'libelle-normalise',
      explication: `${via} : ${candidates.length} lignes du budget à ce compte, celle du même libellé à la casse, aux accents et à la ponctuation près, ${quoted((lignes[same[0] as number] as BudgetLigne).libelle)}`,
    }
  }
  const mine = labelWords(libelle)
  let best = 0
  let chosen: number[] = []
  for (const i of same.length > 1 ? same : candidates) {
    let shared = 0
    for (const w of labelWords((lignes[i] as BudgetLigne).libelle)) if (mine.has(w)) shared++
    if (shared > best) {
      best = shared
      chosen = [i]
    } else if (shared === best && shared > 0) chosen.push(i)
  }
  if (chosen.length === 1) {
    const at = chosen[0] as number
    return {
      at,
      regle: 'libelle-mots',
      explication: `${via} : ${candidates.length} lignes du budget à ce compte, celle dont le libellé partage le plus de mots (${best}) avec ${quoted(libelle)}, ${quoted((lignes[at] as BudgetLigne).libelle)}`,
    }
  }
  const names = candidates.map((i) => quoted((lignes[i] as BudgetLigne).libelle)).join(', ')
  return {
    at: undefined,
    regle: 'libelle-sans-correspondance',
    explication: `${via} : ${candidates.length} lignes du budget à ce compte (${names}) et ${chosen.length > 1 ? 'plusieurs libellés partagent autant de mots avec le sien' : 'aucun libellé n’a de mot en commun avec le sien'} : ligne hors budget ; reprenez dans le fichier le libellé de la ligne du budget pour l’y rapprocher`,
  }
}

/**
 * Merges a CSV of actuals into a budget. The CSV is as French Excel saves it (`;`, decimal
 * comma, spaces between thousands, « € » allowed), its first row a header naming at least
 * Compte, Libellé and Réalisé (case, accents and punctuation ignored), optionally one column per
 * section (« Accès aux soins » or « acces ») holding the actual's own split, in amounts or in
 * percentages (« 40 % »), and a Répartition column to say which.
 *
 * A row finds its budget line by account first, the label only choosing between several lines of
 * one account (see `choose`: 6226000 « Honoraires » goes to the budget's only 6226 line, whatever
 * its label). It sets that line's `realise` and replaces its `repartitionRealise` (removed when
 * the row fills no section); several rows on one line (sub-accounts of a ledger) add up, when
 * none gives a split. A row that finds no line becomes a new line with `montant` 0.00 and its
 * actual: unbudgeted spending, which the check then shows. Lines absent from the CSV keep what
 * they had. Fails with AciError('csv_invalide') naming the CSV line and column: a row twice, an
 * amount that is not one, two split rows on one line; then as parseBudget does.
 */
export function actualsFromCsv(text: string, budget: BudgetDocument): BudgetDocument {
  refuseReplacement(text, 'fichier CSV des réalisés')
  return mergeActuals(text, budget).budget
}

/**
 * Reads a file of actuals from its bytes (or text already decoded) and merges it into the budget
 * as actualsFromCsv does: the bytes are decoded by decodeText (UTF-8 with or without BOM,
 * Windows-1252, ISO-8859-15; `options.charset` wins), a U+FFFD is refused. Returns the merged
 * budget, the encoding read and the report of what each row matched, and why.
 */
export function importActualsCsv(
  input: Uint8Array | string,
  budget: BudgetDocument,
  options: DecodeOptions = {}
): ActualsImport {
  const { text, ...encoding } = importText(input, 'fichier CSV des réalisés', options)
  return { ...mergeActuals(text, budget), ...encoding }
}

function mergeActuals(
  text: string,
  budget: BudgetDocument
): { budget: BudgetDocument; rapport: ActualsReport } {
  const { records, unterminatedAt } = readCsv(text)
  if (unterminatedAt !== undefined) {
    throw csvError(unterminatedAt, 'texte entre guillemets', 'guillemet fermant manquant')
  }
  const rows = records.filter((r) => r.cells.some((c) => c.trim() !== ''))
  const header = rows[0]
  if (header === undefined) {
    throw csvError(1, 'en-tête', 'fichier vide : en-tête Compte;Libellé;Réalisé attendu')
  }
  const layout = layoutOf(header.cells, header.at)
  const width = header.cells.length

  const byAccount = new Map<string, number[]>()
  budget.lignes.forEach((l, i) => {
    const list = byAccount.get(l.compte)
    if (list === undefined) byAccount.set(l.compte, [i])
    else list.push(i)
  })
  const accountLengths = [...new Set([...byAccount.keys()].map((k) => k.length))].sort(
    (a, b) => b - a
  )
  const lignes: BudgetLigne[] = [...budget.lignes]
  /** The CSV lines that filled each budget line, and whether one of them gave a split. */
  const filled = new Map<number, { lines: number[]; split: boolean; cents: Decimal }>()
  const seen = new Map<string, number>()
  const created = new Map<string, number>()
  const matches: ActualsMatch[] = []

  for (const row of rows.slice(1)) {
    const cells = row.cells.map((c) => c.trim())
    const cell = (i: number) => cells[i] ?? ''
    const extra = cells.findIndex((c, i) => i >= width && c !== '')
    if (extra >= 0) {
      throw csvError(
        row.at,
        `colonne ${extra + 1}`,
        `valeur en trop « ${cells[extra]} » : un point-virgule dans un texte doit être entre guillemets`
      )
    }
    const compte = cell(layout.compte as number)
    const libelle = fromText(cell(layout.libelle as number))
    const amountCell = cell(layout.realise as number)
    if (compte === '') throw csvError(row.at, 'Compte', 'numéro de compte manquant')
    if (libelle === '') throw csvError(row.at, 'Libellé', 'libellé manquant')
    if (amountCell === '') throw csvError(row.at, 'Réalisé', 'montant réalisé manquant')
    const realise = fromAmount(amountCell)
    if (!isAmountString(realise)) {
      throw csvError(
        row.at,
        'Réalisé',
        `montant attendu en euros, au plus deux décimales (par exemple 1 234,56), reçu « ${amountCell} »`
      )
    }
    const key = `${compte}\u0000${loose(libelle)}`
    const before = seen.get(key)
    if (before !== undefined) {
      throw csvError(
        row.at,
        'Libellé',
        `compte ${compte} « ${libelle} » déjà donné ligne ${before} : une ligne par compte et libellé`
      )
    }
    seen.set(key, row.at)
    const split = splitOf(cell, layout, row.at)
    const choice = choose(compte, libelle, byAccount, accountLengths, budget.lignes)
    let index = choice.at
    if (index === undefined) {
      // A new line per account and label; rows of the same new account and label add up.
      index = created.get(key) ?? lignes.length
      if (!created.has(key)) {
        created.set(key, index)
        lignes[index] = { compte, libelle, montant: '0.00' }
      }
    }
    const target = lignes[index] as BudgetLigne
    const previous = filled.get(index)
    if (previous !== undefined && (previous.split || split !== undefined)) {
      throw csvError(
        row.at,
        'Répartition',
        `la ligne du budget « ${target.libelle} » (compte ${target.compte}) reçoit déjà le réalisé de la ligne ${previous.lines.join(', ')} : une répartition par section ne se donne que pour une seule ligne du fichier par ligne du budget`
      )
    }
    const sum = (previous?.cents ?? new Decimal(0)).plus(realise)
    filled.set(index, {
      lines: [...(previous?.lines ?? []), row.at],
      split: split !== undefined,
      cents: sum,
    })
    const { repartitionRealise: _, ...rest } = target
    lignes[index] = {
      ...rest,
      realise: sum.toFixed(2),
      ...(split === undefined ? {} : { repartitionRealise: split }),
    }
    matches.push({
      ligneCsv: row.at,
      compte,
      libelle,
      realise: new Decimal(realise).toFixed(2),
      resultat: choice.at === undefined ? 'hors-budget' : 'rapprochee',
      regle: choice.regle,
      ligneBudget: index,
      compteBudget: target.compte,
      libelleBudget: target.libelle,
      explication: choice.explication,
    })
  }

  const rapport: ActualsReport = {
    lignes: matches,
    rapprochees: matches.filter((m) => m.resultat === 'rapprochee').length,
    horsBudget: matches.filter((m) => m.resultat === 'hors-budget').length,
    sansRealise: budget.lignes.flatMap((l, i) =>
      filled.has(i) || !/^[67]/.test(l.compte)
        ? []
        : [{ ligneBudget: i, compte: l.compte, libelle: l.libelle }]
    ),
  }
  try {
    return { budget: parseBudget({ ...budget, lignes }), rapport }
  } catch (error) {
    if (!isAciError(error)) throw error
    const match = /^lignes\[(\d+)\]/.exec(error.argument ?? '')
    const line = match === null ? undefined : filled.get(Number(match[1]))?.lines[0]
    if (line === undefined) throw error
    throw new AciError(
      'csv_invalide',
      `ligne ${line} du fichier CSV des réalisés, ${error.message}`,
      error.argument
    )
  }
}
