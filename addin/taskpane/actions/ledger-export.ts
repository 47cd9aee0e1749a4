// Écritures vers la comptabilité: the cut-off journal the Contrat tab shows, as a FEC file or a French Excel CSV to import into the accounting software.
import { countOf, ecrituresDeCloture, ecrituresEnCsv, ecrituresEnFec } from '../../../shared'
import type { ContractView } from './contract-view'
import type { FileToSave } from './export-budget'
import type { Outcome } from './notice'

export type EntriesFormat = 'fec' | 'csv'

export function exportCutoffEntries(
  view: ContractView,
  input: { readonly format: EntriesFormat; readonly journal?: string }
): Outcome & { readonly file: FileToSave } {
  if (view.kind !== 'calcule') {
    throw new Error(
      view.kind === 'erreur'
        ? view.message
        : 'Complétez d’abord le profil (onglet Profil) : la clôture en dépend.'
    )
  }
  const entries = ecrituresDeCloture(view.cutoff)
  const journal = input.journal?.trim() || 'OD'
  const year = view.cutoff.exercice.fin.slice(0, 4)
  const lines = entries.reduce((n, e) => n + e.lignes.length, 0)
  const file: FileToSave =
    input.format === 'fec'
      ? {
          name: `ecritures-cloture-${year}.txt`,
          content: ecrituresEnFec(entries, { journal }),
          type: 'text/tab-separated-values;charset=utf-8',
        }
      : {
          name: `ecritures-cloture-${year}.csv`,
          content: ecrituresEnCsv(entries, { journal }),
          type: 'text/csv;charset=utf-8',
        }
  return {
    file,
    notice: {
      intent: 'success',
      title: `Écritures de clôture ${year} exportées`,
      text: `${countOf(entries.length, 'écriture', 'écritures')}, ${countOf(lines, 'ligne', 'lignes')}, journal ${journal}, au format ${input.format === 'fec' ? 'FEC (tabulations)' : 'CSV pour Excel'} : « ${file.name} ».`,
    },
  }
}
