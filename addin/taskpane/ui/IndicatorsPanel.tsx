// The Indicateurs tab: an annex imported or started blank, its sheet written with live formulas, read back into the variable part per mission, its evidence and scenarios, and the rates carried into the profile.
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components'
import { type Dispatch, type SetStateAction, useEffect, useId, useRef } from 'react'
import { formatEuros, MISSION_WORDS, montantOf } from '../../../shared'
import type {
  ActionServices,
  AnnexState,
  IndicatorsReading,
  IndicatorsRef,
  Outcome,
} from '../actions'
import type { ProfileDraft, ProfileResult } from '../profile/draft'
import { FilePicker } from './FilePicker'
import { usePanelStyles } from './panel-styles'

type Actions = typeof import('../actions')

/** The pane's runner of actions (App.tsx): one at a time, its outcome said. */
export type RunAction = <T extends Outcome>(
  label: string,
  action: (actions: Actions) => Promise<T>,
  apply?: (outcome: NoInfer<T>) => void
) => Promise<void>

export interface IndicatorsTabState {
  readonly annex: AnnexState | null
  readonly crise: boolean
  readonly sheets: readonly IndicatorsRef[]
  readonly selected: string | null
  readonly reading: IndicatorsReading | null
}

const EMPTY: IndicatorsTabState = {
  annex: null,
  crise: false,
  sheets: [],
  selected: null,
  reading: null,
}

const useStyles = makeStyles({
  mission: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}`,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  /** A table of amounts that never widens the pane: it scrolls on its own if it must. */
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { tableLayout: 'auto', minWidth: 0 },
  cell: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  missing: { color: tokens.colorPaletteRedForeground1 },
})

interface Props {
  readonly state: IndicatorsTabState | null
  readonly onState: Dispatch<SetStateAction<IndicatorsTabState | null>>
  readonly run: RunAction
  readonly services: ActionServices
  readonly busy: boolean
  readonly profile: ProfileResult
  readonly draft: ProfileDraft
  readonly onDraft: (draft: ProfileDraft) => void
}

export function IndicatorsPanel(props: Props) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  const state = props.state ?? EMPTY
  const { run, onState, profile } = props
  const importHint = useId()
  const update = (change: Partial<IndicatorsTabState>) =>
    onState((s) => ({ ...(s ?? EMPTY), ...change }))
  const year = profile.profil?.exercice.debut.slice(0, 4) ?? null
  const ready = profile.profil !== null && profile.table !== null && profile.taille !== null

  // The sheets already in the workbook, once, when the tab is first opened.
  const listed = useRef(props.state !== null)
  useEffect(() => {
    if (listed.current) return
    listed.current = true
    void run(
      'Lecture du classeur',
      (a) => a.indicatorsList(props.services),
      (list) => update({ sheets: list.sheets, selected: list.selected })
    )
  })

  const input = () => ({
    profil: profile.profil,
    table: profile.table,
    taille: profile.taille,
  })

  return (
    <div className={styles.panel}>
      <section className={styles.section} aria-labelledby="aci-annexe">
        <Subtitle2 as="h2" id="aci-annexe">
          Annexe des indicateurs
        </Subtitle2>
        <Body1 id={importHint}>
          Le fichier de l’annexe signée (JSON, ou CSV comme Excel l’enregistre, UTF-8 ou
          Windows-1252), ou un modèle vierge pour les missions engagées du profil.
        </Body1>
        <FilePicker
          label="Fichier de l’annexe à importer (JSON ou CSV)"
          accept=".json,.csv,application/json,text/csv"
          describedBy={importHint}
          disabled={props.busy}
          onFile={(file) =>
            run(
              'Import de l’annexe',
              async (a) =>
                a.importAnnex({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }),
              (annex) => update({ annex })
            )
          }
        >
          Importer l’annexe…
        </FilePicker>
        <div className={styles.buttons}>
          <Button
            disabled={!ready || props.busy}
            onClick={() =>
              run(
                'Modèle d’annexe',
                async (a) => a.blankAnnex(input()),
                (annex) => update({ annex })
              )
            }
          >
            Partir d’un modèle vierge
          </Button>
        </div>
        {state.annex !== null && <Caption1>Annexe : {state.annex.origine}.</Caption1>}
        <Checkbox
          checked={state.crise}
          onChange={(_, d) => update({ crise: d.checked === true })}
          label="Crise sanitaire grave reconnue par l’ARS cette année"
        />
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabled={!ready || state.annex === null || props.busy}
            onClick={() =>
              run(
                'Feuille Indicateurs',
                (a) =>
                  a.writeIndicators(props.services, {
                    ...input(),
                    annexe: state.annex?.annexe ?? null,
                    crise: state.crise,
                  }),
                (list) => update({ sheets: list.sheets, selected: list.selected, reading: null })
              )
            }
          >
            Écrire la feuille Indicateurs {year ?? ''}
          </Button>
        </div>
        {!ready && <Caption1>Complétez d’abord le profil (onglet Profil).</Caption1>}
      </section>

      <section className={styles.section} aria-labelledby="aci-relire-indicateurs">
        <Subtitle2 as="h2" id="aci-relire-indicateurs">
          Relire les observations
        </Subtitle2>
        <Field
          label="Feuille des indicateurs"
          hint={
            state.sheets.length === 0
              ? 'Aucune feuille d’indicateurs dans ce classeur : écrivez-en une.'
              : undefined
          }
        >
          <Select
            value={state.selected ?? ''}
            disabled={state.sheets.length === 0}
            onChange={(_, d) => update({ selected: d.value })}
          >
            {state.sheets.map((s) => (
              <option key={s.key} value={s.key}>
                {s.sheet}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabled={state.selected === null || props.busy}
            onClick={() =>
              run(
                'Relecture des indicateurs',
                (a) => a.readIndicatorsSheet(props.services, { key: state.selected }),
                (reading) => update({ reading })
              )
            }
          >
            Relire la feuille
          </Button>
        </div>
      </section>

      {state.reading !== null && (
        <Reading
          reading={state.reading}
          busy={props.busy}
          onCarry={() =>
            run(
              'Report des taux',
              async (a) => a.carryRates(props.draft, state.reading as IndicatorsReading),
              (carried) => props.onDraft(carried.draft)
            )
          }
        />
      )}
    </div>
  )
}

function Reading(props: { reading: IndicatorsReading; busy: boolean; onCarry: () => void }) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  const { reading } = props
  const findings = reading.result.constats.filter((c) => c.severity !== 'info')
  return (
    <>
      <section className={styles.section} aria-labelledby="aci-dialogue">
        <Subtitle2 as="h2" id="aci-dialogue">
          Dialogue de gestion
        </Subtitle2>
        {reading.missions.map((m) => (
          <div key={m.mission} className={styles.mission}>
            <Body1>
              <strong>{m.libelle}</strong> : {m.montant} réclamés sur {m.enveloppe} ({m.taux})
            </Body1>
            <Caption1>
              {m.atteints} atteint{m.atteints > 1 ? 's' : ''}, {m.nonAtteints} non atteint
              {m.nonAtteints > 1 ? 's' : ''}, {m.sansObservation} sans valeur
            </Caption1>
            {m.livrablesManquants.length > 0 && (
              <>
                <Caption1 className={styles.missing}>Livrables manquants :</Caption1>
                <ul className={styles.list}>
                  {m.livrablesManquants.map((l) => (
                    <li key={l}>
                      <Caption1>{l}</Caption1>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ))}
        <div className={styles.buttons}>
          <Button disabled={props.busy} onClick={props.onCarry}>
            Reporter les taux dans le profil
          </Button>
        </div>
        <Caption1>
          Les taux d’atteinte remplacent ceux du profil pour ces missions : les onglets Budget et
          Contrat les utilisent.
        </Caption1>
      </section>

      <section className={styles.section} aria-labelledby="aci-scenarios">
        <Subtitle2 as="h2" id="aci-scenarios">
          Scénarios du volet variable
        </Subtitle2>
        <div className={styles.scroll}>
          <Table size="extra-small" className={styles.table} aria-labelledby="aci-scenarios">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.cell}>Mission</TableHeaderCell>
                {reading.scenarios.map((s) => (
                  <TableHeaderCell key={s.code} className={`${styles.cell} ${styles.amountHeader}`}>
                    {s.libelle}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {reading.result.missions.map((m) => (
                <TableRow key={m.mission}>
                  <TableCell className={styles.cell}>{MISSION_WORDS[m.mission].label}</TableCell>
                  {reading.scenarios.map((s) => (
                    <TableCell key={s.code} className={`${styles.cell} ${styles.amount}`}>
                      {formatEuros(montantOf(s.resultat, m.mission))}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
              <TableRow>
                <TableCell className={styles.cell}>
                  <strong>Total</strong>
                </TableCell>
                {reading.scenarios.map((s) => (
                  <TableCell key={s.code} className={`${styles.cell} ${styles.amount}`}>
                    <strong>{formatEuros(s.resultat.montant)}</strong>
                  </TableCell>
                ))}
              </TableRow>
            </TableBody>
          </Table>
        </div>
        <Caption1>
          La CPAM et l’ARS conseillent de budgéter le volet variable comme un bonus : comparez avec
          « Rien ».
        </Caption1>
      </section>

      {findings.length > 0 && (
        <section className={styles.section} aria-labelledby="aci-constats-indicateurs">
          <Subtitle2 as="h2" id="aci-constats-indicateurs">
            Constats ({findings.length})
          </Subtitle2>
          <ul className={styles.list}>
            {findings.map((c) => (
              <li key={`${c.code}-${c.indicateur ?? c.action ?? c.mission ?? ''}-${c.message}`}>
                <Caption1>
                  {c.severity === 'error' ? 'Erreur' : 'Avertissement'} {c.code} : {c.message}
                </Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
