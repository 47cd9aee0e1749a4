// Dossier de l'exercice: the chosen budget sheet (and the FEC's actuals of this session) made into the yearly dossier — PDF and JSON to download, a summary sheet.
import {
  buildDossier,
  type Dossier,
  dossierFileName,
  dossierToJson,
  findingCounts,
  type LedgerActuals,
  loadDossierPdf,
  parseBudget,
} from '../../../shared'
import type { BudgetRef } from '../sheets/budget-workbook'
import { readBudgetSheet } from '../sheets/budget-workbook'
import { dossierSheetPlan } from '../sheets/dossier-plan'
import type { ContractChoices } from './contract-view'
import { chosen } from './export-budget'
import type { Outcome } from './notice'
import type { ActionServices } from './services'

/** A file to offer for download; the PDF is bytes. */
export interface DossierFile {
  readonly name: string
  readonly type: string
  readonly content: string | Uint8Array
}

export interface DossierProgress {
  readonly label: string
  /** 0 to 1; null while a step of unknown length runs. */
  readonly fraction: number | null
}

export interface DossierOutcome extends Outcome {
  readonly cancelled: boolean
  readonly dossier: Dossier | null
  /** The PDF, then the JSON; empty when cancelled. */
  readonly files: readonly DossierFile[]
  readonly sheet: string | null
}

export interface DossierRequest {
  readonly key: string | null
  readonly budgets: readonly BudgetRef[]
  readonly choices: ContractChoices
  /** The FEC's actuals for this budget, when imported in this session: the dossier's actuals come from the books. */
  readonly actuals: LedgerActuals | null
  readonly tresorier: string
  readonly referenceCommissaireAuxComptes: string
  readonly cleDePseudonymisation: string
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: DossierProgress) => void
}

const given = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim())

/**
 * Builds the dossier from the budget sheet read back as the check reads it, its contract from the
 * sheet's profile with the Contrat tab's choices. The PDF renderer (pdf-lib and the layout) is
 * fetched only now, in its own file. « Annuler » is heard between the steps — read, build, fetch
 * the renderer, render — and before anything is written: a cancelled dossier writes no sheet and
 * offers no file. The rendering itself is one call of the core and runs to its end once begun.
 */
export async function makeDossier(
  services: ActionServices,
  input: DossierRequest
): Promise<DossierOutcome> {
  const say = (p: DossierProgress) => input.onProgress?.(p)
  const stopped = (): DossierOutcome | null =>
    input.signal?.aborted
      ? {
          cancelled: true,
          dossier: null,
          files: [],
          sheet: null,
          notice: {
            intent: 'info',
            title: 'Dossier annulé',
            text: 'Aucune feuille n’est écrite, aucun fichier n’est proposé.',
          },
        }
      : null
  const key = chosen(input.key)
  say({ label: 'Lecture de la feuille de budget', fraction: 0.1 })
  const doc = await readBudgetSheet(services.workbook, key, services.catalog)
  const options = { catalog: services.catalog }
  const budget = parseBudget(doc, options)
  say({ label: 'Calcul du dossier', fraction: 0.25 })
  const dossier = buildDossier({
    budget,
    produitLe: services.today(),
    choix: input.choices,
    options,
    ...(input.actuals === null ? {} : { realise: input.actuals }),
    ...(given(input.tresorier) === undefined ? {} : { tresorier: given(input.tresorier) }),
    ...(given(input.referenceCommissaireAuxComptes) === undefined
      ? {}
      : { referenceCommissaireAuxComptes: given(input.referenceCommissaireAuxComptes) }),
    ...(input.cleDePseudonymisation === ''
      ? {}
      : { cleDePseudonymisation: input.cleDePseudonymisation }),
  })
  const json: DossierFile = {
    name: dossierFileName(dossier, 'json'),
    type: 'application/json',
    content: dossierToJson(dossier),
  }
  const early = stopped()
  if (early) return early
  say({ label: 'Chargement du générateur de PDF', fraction: 0.4 })
  const { dossierPdf } = await loadDossierPdf()
  const loaded = stopped()
  if (loaded) return loaded
  say({ label: 'Mise en page du PDF', fraction: null })
  // A yield first, so that the bar shows its new step before the rendering takes the thread.
  await new Promise((resolve) => setTimeout(resolve, 0))
  const bytes = await dossierPdf(dossier)
  const late = stopped()
  if (late) return late
  const pdf: DossierFile = {
    name: dossierFileName(dossier, 'pdf'),
    type: 'application/pdf',
    content: bytes,
  }
  say({ label: 'Feuille de synthèse', fraction: 0.95 })
  const budgetSheet = input.budgets.find((b) => b.key === key)?.sheet ?? key
  const sheet = await services.workbook.addSheet((names) =>
    dossierSheetPlan({ dossier, budgetSheet, files: [pdf.name, json.name] }, names)
  )
  say({ label: 'Dossier prêt', fraction: 1 })
  const c = dossier.constats.nombre
  return {
    cancelled: false,
    dossier,
    files: [pdf, json],
    sheet,
    notice: {
      intent: 'success',
      title: 'Dossier de l’exercice prêt',
      text: `« ${pdf.name} » (${Math.ceil(bytes.length / 1024)} Kio) et « ${json.name} » téléchargés ; synthèse dans « ${sheet} ». Constats : ${findingCounts(c)} ; réalisé : ${dossier.budget.realise.source === 'fec' ? 'du FEC' : dossier.budget.realise.source === 'budget' ? 'du budget' : 'aucun'}.`,
    },
  }
}
