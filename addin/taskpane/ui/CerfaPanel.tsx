// Formulaires CERFA: the chosen budget sheet as the CERFA 12156 budget table (the association or one project) and, with actuals, the CERFA 15059 report, each on a new sheet and as a CSV to download.
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Subtitle2,
} from '@fluentui/react-components'
import { type Dispatch, type SetStateAction, useEffect, useId } from 'react'
import type { Section } from '../../../shared'
import type { ActionServices, CerfaChoices, CerfaForm, Outcome } from '../actions'
import { download } from './download'
import { usePanelStyles } from './panel-styles'

type Actions = typeof import('../actions')

/** The pane's runner of actions (App.tsx): one at a time, its outcome said. */
type Run = <T extends Outcome>(
  label: string,
  action: (actions: Actions) => Promise<T>,
  apply?: (outcome: NoInfer<T>) => void
) => Promise<void>

/** What the section keeps: what the chosen budget offers, the perimeter chosen, the forms written. */
export interface CerfaTabState {
  readonly choices: CerfaChoices | null
  /** `association`, or the section of a project. */
  readonly perimetre: string
  readonly forms: readonly CerfaForm[]
}

// A native select is as wide as its longest option: held to the pane's width (350 px in Excel).
const useStyles = makeStyles({
  select: { minWidth: 0, maxWidth: '100%' },
  native: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
})

const EMPTY: CerfaTabState = { choices: null, perimetre: 'association', forms: [] }

interface Props {
  readonly state: CerfaTabState | null
  readonly onState: Dispatch<SetStateAction<CerfaTabState | null>>
  readonly run: Run
  readonly services: ActionServices
  readonly busy: boolean
  /** The budget sheet chosen above (the Dossier tab's choice). */
  readonly selected: string | null
}

export function CerfaPanel(props: Props) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  const hint = useId()
  const state = props.state ?? EMPTY
  const { onState, services, selected } = props
  const choices = state.choices?.key === selected ? state.choices : null

  // What the chosen budget sheet offers: the sections with a column, whether it has actuals.
  useEffect(() => {
    if (selected === null || props.state?.choices?.key === selected) return
    let current = true
    import('../actions')
      .then((a) => a.cerfaChoices(services, { key: selected }))
      .then(
        (found) =>
          current &&
          onState((s) => ({ ...(s ?? EMPTY), choices: found, perimetre: 'association' })),
        () => {}
      )
    return () => {
      current = false
    }
  }, [selected, services, onState, props.state?.choices?.key])

  const perimetre =
    choices?.sections.some((s) => s.section === state.perimetre) === true
      ? state.perimetre
      : 'association'
  const write = () =>
    props.run(
      'Formulaires CERFA',
      (a) =>
        a.writeCerfaForms(services, {
          key: selected,
          section: perimetre === 'association' ? null : (perimetre as Section),
        }),
      (outcome) => onState((s) => ({ ...(s ?? EMPTY), forms: outcome.forms }))
    )

  return (
    <section className={styles.section} aria-labelledby="aci-cerfa">
      <Subtitle2 as="h2" id="aci-cerfa">
        Formulaires CERFA
      </Subtitle2>
      <Body1 id={hint}>
        Pour une demande de subvention (FIR, collectivités) : le budget de la feuille choisie dans
        le tableau du CERFA n° 12156*06 et, si le budget a du réalisé, le compte rendu financier
        (CERFA n° 15059). Chaque formulaire est écrit dans une nouvelle feuille, en formules sur la
        feuille de budget, et s’exporte en CSV pour Excel.
      </Body1>
      <Field label="Périmètre du formulaire">
        <Select
          className={styles.select}
          select={{ className: styles.native }}
          value={perimetre}
          disabled={choices === null}
          onChange={(_, d) => onState((s) => ({ ...(s ?? EMPTY), perimetre: d.value }))}
        >
          <option value="association">Toute l’association</option>
          {(choices?.sections ?? []).map((s) => (
            <option key={s.section} value={s.section}>
              Projet : {s.libelle}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.buttons}>
        <Button
          aria-describedby={hint}
          disabled={props.busy || selected === null}
          onClick={() => void write()}
        >
          {choices?.realise === true ? 'Écrire les CERFA 12156 et 15059' : 'Écrire le CERFA 12156'}
        </Button>
      </div>
      {choices !== null && !choices.realise && (
        <Caption1>
          Sans réalisé dans ce budget, pas de compte rendu financier (CERFA 15059).
        </Caption1>
      )}
      {state.forms.length > 0 && (
        <div className={styles.buttons}>
          {state.forms.map((f) => (
            <Button key={f.file.name} size="small" onClick={() => download(f.file)}>
              CSV du CERFA {f.formulaire}
            </Button>
          ))}
        </div>
      )}
    </section>
  )
}
