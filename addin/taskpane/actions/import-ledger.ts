// Importer le FEC: the file read in slices, decoded (encoding said), read whole by the core over the fiscal year; a refused FEC imports nothing.
import {
  countOf,
  decodeText,
  type Encodage,
  encodageLabel,
  type FecProblem,
  type Ledger,
  ledgerBalances,
  problemText,
  readFec,
} from '../../../shared'
import type { Outcome } from './notice'

/** A picked file: a Blob with its name (File in the page, in Node too). */
export interface LedgerFile {
  readonly name: string
  readonly size: number
  slice(start?: number, end?: number): Blob
}

/** Where the import is: each step said, and the share of the work done (0 to 1). */
export interface LedgerProgress {
  readonly step: 'lecture' | 'decodage' | 'controle'
  readonly label: string
  readonly fraction: number
}

/** A FEC accepted: what the books tab shows and the other books actions reuse in this session. */
export interface ImportedLedger {
  readonly fichier: string
  readonly encodage: Encodage
  readonly encodageLabel: string
  readonly ledger: Ledger
  readonly lignes: number
  readonly ecritures: number
  readonly avertissements: readonly string[]
  /** Cash (512, 53) at opening and closing, in cents; the opening from the à-nouveaux when found. */
  readonly tresorerie: {
    readonly ouverture: number
    readonly cloture: number
    readonly aNouveauxTrouves: boolean
  }
}

export interface LedgerImportOutcome extends Outcome {
  readonly imported: ImportedLedger | null
  /** Every problem of a refused FEC, with its line; empty when accepted or cancelled. */
  readonly problemes: readonly FecProblem[]
  readonly cancelled: boolean
}

/** Slices read between two yields to the page: small enough for the bar to move, the button to answer. */
const SLICE = 1 << 20

/**
 * The core reads a FEC in one synchronous call (it checks every entry's balance over the whole
 * file), so it offers no point to stop inside it. What can be stopped is stopped: the file is
 * read slice by slice and the signal is looked at between slices and between the three steps
 * (read, decode, check), each a yield to the page. A 17 MB FEC decodes and checks in under half a
 * second each on a desktop, which bounds the wait after « Annuler ».
 */
export async function importLedger(input: {
  readonly file: LedgerFile
  /** The profile's fiscal year: every entry must fall in it. Null: the file's own dates. */
  readonly exercice: { readonly debut: string; readonly fin: string } | null
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: LedgerProgress) => void
}): Promise<LedgerImportOutcome> {
  const { file, signal } = input
  const say = (p: LedgerProgress) => input.onProgress?.(p)
  const cancelled = (): LedgerImportOutcome => ({
    imported: null,
    problemes: [],
    cancelled: true,
    notice: {
      intent: 'info',
      title: 'Import du FEC annulé',
      text: `« ${file.name} » : rien n’est importé.`,
    },
  })
  const bytes = new Uint8Array(file.size)
  for (let at = 0; at < file.size; at += SLICE) {
    if (signal?.aborted) return cancelled()
    const part = new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer())
    bytes.set(part, at)
    say({
      step: 'lecture',
      label: `Lecture du fichier (${Math.round(((at + part.length) / Math.max(file.size, 1)) * 100)} %)`,
      fraction: (0.5 * (at + part.length)) / Math.max(file.size, 1),
    })
  }
  say({ step: 'decodage', label: 'Décodage du texte', fraction: 0.5 })
  await pause()
  if (signal?.aborted) return cancelled()
  const decoded = decodeText(bytes)
  say({ step: 'controle', label: 'Contrôle des écritures', fraction: 0.7 })
  await pause()
  if (signal?.aborted) return cancelled()
  const reading = readFec(decoded.text, input.exercice === null ? {} : { exercice: input.exercice })
  await pause()
  if (signal?.aborted) return cancelled()
  const label = encodageLabel(decoded.encodage)
  if (reading.ledger === undefined) {
    const n = reading.problemes.length
    return {
      imported: null,
      problemes: reading.problemes,
      cancelled: false,
      notice: {
        intent: 'error',
        title: `FEC « ${file.name} » refusé`,
        text: `Rien n’est importé : ${n} problème${n > 1 ? 's' : ''} (lu en ${label}). ${reading.problemes
          .slice(0, 3)
          .map(problemText)
          .join(' ; ')}${n > 3 ? ' ; …' : ''}`,
      },
    }
  }
  const ledger = reading.ledger
  const balances = ledgerBalances(ledger)
  const lignes = ledger.colonnes?.count ?? ledger.lignes.length
  say({ step: 'controle', label: 'FEC lu', fraction: 1 })
  return {
    imported: {
      fichier: file.name,
      encodage: decoded.encodage,
      encodageLabel: label,
      ledger,
      lignes,
      ecritures: ledger.ecritures,
      avertissements: ledger.avertissements.map(problemText),
      tresorerie: {
        ouverture: balances.tresorerie.ouverture,
        cloture: balances.tresorerie.cloture,
        aNouveauxTrouves: balances.tresorerie.aNouveauxTrouves,
      },
    },
    problemes: [],
    cancelled: false,
    notice: {
      intent: 'success',
      title: `FEC « ${file.name} » importé`,
      text: `${lignes.toLocaleString('fr-FR')} lignes, ${ledger.ecritures.toLocaleString('fr-FR')} écritures, lu en ${label}${
        ledger.avertissements.length > 0
          ? ` ; ${countOf(ledger.avertissements.length, 'avertissement', 'avertissements')}`
          : ''
      }.`,
    },
  }
}

/** One turn of the event loop: the page paints the bar and hears the button. */
function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}
