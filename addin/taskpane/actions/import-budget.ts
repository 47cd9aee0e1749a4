// Import: a budget file (JSON, or CSV as French Excel saves it, read from its bytes in the encoding it is in) becomes a new budget sheet; its profile is offered to the Profil tab, never forced on it.
import {
  type BudgetProfil,
  budgetFromCsv,
  budgetFromJson,
  decodeText,
  encodageLabel,
  type RateTable,
  tableOf,
} from '../../../shared'
import type { ProfileDraft } from '../profile/draft'
import { writeBudget } from '../sheets/budget-workbook'
import { type BudgetList, budgetList } from './budget-list'
import type { Outcome } from './notice'
import type { ActionServices } from './services'

/**
 * A file the person picked: its name (.csv or .json) and its bytes, as the file chooser gives
 * them (`file.arrayBuffer()`); or text already decoded (a test, a file made by the pane).
 */
export type PickedFile =
  | { readonly name: string; readonly bytes: Uint8Array }
  | { readonly name: string; readonly text: string }

/** The file's text, and the encoding it was read in (« Windows-1252 »), null for text given as such. */
export function textOf(file: PickedFile): {
  readonly text: string
  readonly encodage: string | null
} {
  if ('text' in file) return { text: file.text, encodage: null }
  const decoded = decodeText(file.bytes)
  return { text: decoded.text, encodage: encodageLabel(decoded.encodage) }
}

export interface ImportOutcome extends Outcome, BudgetList {
  /** The imported profile and its rate table, for the Profil tab. */
  readonly profil: BudgetProfil
  readonly table: RateTable
}

export async function importBudget(
  services: ActionServices,
  file: PickedFile
): Promise<ImportOutcome> {
  const { text, encodage } = textOf(file)
  // Read against the pane's rate tables (with those downloaded since the build), as the sheet is.
  const options = { catalog: services.catalog }
  const doc = file.name.toLowerCase().endsWith('.csv')
    ? budgetFromCsv(text, options)
    : budgetFromJson(text, options)
  const table = tableOf(doc.profil, options)
  const ref = await writeBudget(services.workbook, doc, table, services.today())
  const read = encodage === null ? '' : ` (lu en ${encodage})`
  return {
    ...(await budgetList(services, { wanted: ref.key })),
    profil: doc.profil,
    table,
    notice: {
      intent: 'success',
      title: `« ${file.name} » importé`,
      text: `${doc.lignes.length} lignes écrites dans la nouvelle feuille « ${ref.sheet} »${read}.`,
    },
  }
}

/**
 * What to do with an imported profile beside the one in the Profil tab: nothing when they are
 * the same, take it when the tab holds only what the pane put there (`untouched`), and ask
 * otherwise: what the person typed is never dropped without saying so.
 */
export function profileChoice(
  current: ProfileDraft,
  untouched: ProfileDraft,
  imported: ProfileDraft
): 'same' | 'take' | 'ask' {
  const same = (a: ProfileDraft, b: ProfileDraft) => JSON.stringify(a) === JSON.stringify(b)
  if (same(current, imported)) return 'same'
  if (same(current, untouched)) return 'take'
  return 'ask'
}
