// Portefeuille: many CPTS files (dossier JSON, budget JSON or CSV) read one by one with the same rules, then a Portefeuille sheet of tables per view and a chart.
import {
  addToPortfolio,
  newPortfolio,
  type PortfolioRow,
  type PortfolioRowError,
  type PortfolioSummary,
  portfolioSummary,
  refuseInput,
} from '../../../shared'
import { portfolioSentence, portfolioSheetPlan } from '../sheets/portfolio-plan'
import { messageOf, type Outcome } from './notice'
import type { ActionServices } from './services'

/** A file picked by the person: a browser File, or anything with a name and bytes. */
export interface PortfolioFile {
  readonly name: string
  arrayBuffer(): Promise<ArrayBuffer>
}

export interface PortfolioProgress {
  /** « 12 / 340 fichiers ». */
  readonly label: string
  /** 0 to 1. */
  readonly fraction: number
}

export interface PortfolioRequest {
  readonly files: readonly PortfolioFile[]
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: PortfolioProgress) => void
}

export interface PortfolioOutcome extends Outcome {
  readonly cancelled: boolean
  /** Every file's row, in the order picked; empty when cancelled. */
  readonly rows: readonly PortfolioRow[]
  /** The files that could not be read, with their reason. */
  readonly unread: readonly PortfolioRowError[]
  readonly summary: PortfolioSummary | null
  readonly sheet: string | null
}

/** Files read between two pauses, which let the page paint the bar and hear « Annuler ». */
const FILES_PER_PAUSE = 4

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

const counted = (n: number, total: number) =>
  `${n.toLocaleString('fr-FR')} / ${total.toLocaleString('fr-FR')} fichier${total > 1 ? 's' : ''}`

/**
 * Reads the files one at a time as bytes (the core detects UTF-8 or Windows-1252), each through
 * the portfolio's door: a file it cannot read becomes a row with its reason, never skipped.
 * « Annuler » is heard between two files; a cancelled portfolio writes no sheet.
 */
export async function buildPortfolio(
  services: ActionServices,
  input: PortfolioRequest
): Promise<PortfolioOutcome> {
  const total = input.files.length
  if (total === 0)
    throw new Error('Choisissez au moins un fichier (dossier JSON, budget JSON ou CSV).')
  const portfolio = newPortfolio({ catalog: services.catalog })
  const rows: PortfolioRow[] = []
  const say = (n: number) =>
    input.onProgress?.({ label: counted(n, total), fraction: total === 0 ? 1 : n / total })
  say(0)
  for (const [k, file] of input.files.entries()) {
    if (k % FILES_PER_PAUSE === 0) await pause()
    if (input.signal?.aborted) {
      return {
        cancelled: true,
        rows: [],
        unread: [],
        summary: null,
        sheet: null,
        notice: {
          intent: 'info',
          title: 'Portefeuille annulé',
          text: `Arrêté après ${counted(k, total)} : aucune feuille n’est écrite.`,
        },
      }
    }
    let bytes: Uint8Array | null = null
    let failure: unknown = null
    try {
      bytes = new Uint8Array(await file.arrayBuffer())
    } catch (error) {
      failure = error
    }
    // A file the browser could not hand over is still a row of the portfolio, with its reason.
    rows.push(
      bytes === null
        ? refuseInput(
            portfolio,
            file.name,
            'donnees_invalides',
            `Le fichier n’a pas pu être lu : ${messageOf(failure)}`
          )
        : addToPortfolio(portfolio, file.name, bytes)
    )
    say(k + 1)
  }
  const summary = portfolioSummary(portfolio)
  const unread = rows.filter((r): r is PortfolioRowError => r.statut === 'erreur')
  const sheet = await services.workbook.addSheet((names) =>
    portfolioSheetPlan({ rows, summary, today: services.today() }, names)
  )
  return {
    cancelled: false,
    rows,
    unread,
    summary,
    sheet,
    notice: {
      intent: unread.length > 0 ? 'info' : 'success',
      title: `Portefeuille écrit dans « ${sheet} »`,
      text: `${portfolioSentence(summary)}${unread.length > 0 ? ' Les fichiers non lus sont listés avec leur motif.' : ''}`,
    },
  }
}
