// The Portefeuille tab: many CPTS files at once (dossier JSON, budget JSON or CSV), read one by one with a bar and « Annuler », the files not read listed with their reason, the Portefeuille sheet written.
import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components'
import { type Dispatch, type SetStateAction, useId, useRef, useState } from 'react'
import { countOf, Decimal, formatEuros, formatPercent } from '../../../shared'
import type { ActionServices, Outcome, PortfolioOutcome } from '../actions'
import { type Progress, ProgressWithCancel } from './BooksPanel'
import { usePanelStyles } from './panel-styles'

type Actions = typeof import('../actions')

/** The pane's runner of actions (App.tsx): one at a time, its outcome said. */
type Run = <T extends Outcome>(
  label: string,
  action: (actions: Actions) => Promise<T>,
  apply?: (outcome: NoInfer<T>) => void
) => Promise<void>

/** What the tab keeps while another is shown: the last portfolio written. */
export interface PortfolioTabState {
  readonly outcome: PortfolioOutcome
}

const useStyles = makeStyles({
  hidden: { display: 'none' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
})

interface Props {
  readonly state: PortfolioTabState | null
  readonly onState: Dispatch<SetStateAction<PortfolioTabState | null>>
  readonly run: Run
  readonly services: ActionServices
  readonly busy: boolean
}

const money = (amount: string) => formatEuros(new Decimal(amount))
const percent = (value: string | null) =>
  value === null ? '—' : formatPercent(new Decimal(value).div(100))

export function PortfolioPanel(props: Props) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  const hint = useId()
  const input = useRef<HTMLInputElement>(null)
  const abort = useRef<AbortController | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const outcome = props.state?.outcome ?? null
  const summary = outcome?.summary ?? null

  const read = async (files: readonly File[]) => {
    const controller = new AbortController()
    abort.current = controller
    setProgress({ label: `0 / ${files.length} fichiers`, fraction: 0 })
    try {
      await props.run(
        'Portefeuille',
        (a) =>
          a.buildPortfolio(props.services, {
            files,
            signal: controller.signal,
            onProgress: setProgress,
          }),
        (done) => {
          if (!done.cancelled) props.onState({ outcome: done })
        }
      )
    } finally {
      abort.current = null
      setProgress(null)
    }
  }

  return (
    <div className={styles.panel}>
      <section className={styles.section} aria-labelledby="aci-portefeuille">
        <Subtitle2 as="h2" id="aci-portefeuille">
          Portefeuille de CPTS
        </Subtitle2>
        <Body1 id={hint}>
          Pour un cabinet comptable, une ARS ou une CPAM : les dossiers de l’exercice (JSON) ou les
          budgets (JSON, ou CSV comme Excel l’enregistre) de nombreuses CPTS, vérifiés avec les
          mêmes règles. La feuille « Portefeuille » en donne un tableau par CPTS, par mission
          (médiane, quartiles, extrêmes) et par anomalie, et un graphique de la consommation.
        </Body1>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept=".json,.csv,application/json,text/csv"
          aria-label="Fichiers du portefeuille (dossiers JSON, budgets JSON ou CSV)"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])]
            e.target.value = ''
            if (files.length > 0) void read(files)
          }}
        />
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            aria-describedby={hint}
            disabled={props.busy}
            onClick={() => input.current?.click()}
          >
            Choisir les fichiers…
          </Button>
        </div>
        {progress !== null && (
          <ProgressWithCancel progress={progress} onCancel={() => abort.current?.abort()} />
        )}
      </section>
      {outcome !== null && summary !== null && (
        <section className={styles.section} aria-labelledby="aci-portefeuille-synthese">
          <Subtitle2 as="h2" id="aci-portefeuille-synthese">
            Synthèse
          </Subtitle2>
          <ul className={styles.list}>
            <li>
              {summary.cpts} CPTS comptées sur {countOf(summary.entrees, 'fichier', 'fichiers')} ;{' '}
              {countOf(summary.erreurs, 'non lu', 'non lus')},{' '}
              {countOf(summary.doublons, 'doublon', 'doublons')}.
            </li>
            <li>Enveloppe totale : {money(summary.totalEnveloppe)}</li>
            <li>
              Charges des sections ACI : {money(summary.chargesSectionsAci)} (
              {percent(summary.consommationPrevue)} de l’enveloppe)
            </li>
            {summary.realise.cpts > 0 && (
              <li>
                Réalisé de {summary.realise.cpts} CPTS : {money(summary.realise.chargesSectionsAci)}{' '}
                ({percent(summary.realise.consommation)} de leur enveloppe)
              </li>
            )}
            <li>
              Constats : {countOf(summary.constats.error, 'erreur', 'erreurs')},{' '}
              {countOf(summary.constats.warning, 'avertissement', 'avertissements')}
            </li>
            {summary.anomalies
              .filter((a) => a.cpts > 0)
              .map((a) => (
                <li key={a.code}>
                  {a.libelle} : {a.cpts} CPTS
                </li>
              ))}
          </ul>
          {outcome.sheet !== null && (
            <Caption1>Détail dans la feuille « {outcome.sheet} ».</Caption1>
          )}
        </section>
      )}
      {outcome !== null && outcome.unread.length > 0 && (
        <section className={styles.section} aria-labelledby="aci-portefeuille-non-lus">
          <Subtitle2 as="h2" id="aci-portefeuille-non-lus">
            Fichiers non lus ({outcome.unread.length})
          </Subtitle2>
          <ul className={styles.list}>
            {outcome.unread.map((r) => (
              <li key={r.ligne}>
                <strong>{r.fichier}</strong>
                {r.message.startsWith(`${r.fichier} `)
                  ? r.message.slice(r.fichier.length)
                  : ` : ${r.message}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
