// The Dossier tab: the yearly dossier of the chosen budget (PDF and JSON to download, a summary sheet), with the treasurer's name, the auditor's reference and a pseudonymisation key.
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Subtitle2,
} from '@fluentui/react-components'
import { countOf, KEY_MIN_LENGTH } from '../../../shared'
import type { DossierFile } from '../actions/dossier'
import type { BudgetRef } from '../sheets/budget-workbook'
import { type Progress, ProgressWithCancel } from './BooksPanel'
import { BudgetChoice } from './BudgetPanel'
import { usePanelStyles } from './panel-styles'

export interface DossierFields {
  readonly tresorier: string
  readonly referenceCommissaireAuxComptes: string
  readonly cleDePseudonymisation: string
  /** Use the FEC's actuals of this session, when there are some for the chosen budget. */
  readonly avecRealiseFec: boolean
}

interface Props {
  readonly busy: boolean
  readonly budgets: readonly BudgetRef[]
  readonly selected: string | null
  readonly onSelect: (key: string) => void
  readonly fields: DossierFields
  readonly onFields: (fields: DossierFields) => void
  /** The FEC whose actuals can go in the dossier of the chosen budget, if any. */
  readonly fecActuals: string | null
  readonly progress: Progress | null
  readonly onCancel: () => void
  readonly onMake: () => void
  /** The files of the last dossier made, to download again. */
  readonly files: readonly DossierFile[]
  readonly onSave: (file: DossierFile) => void
}

export function DossierPanel(props: Props) {
  const styles = usePanelStyles()
  const { fields } = props
  const key = fields.cleDePseudonymisation
  const keyShort = key !== '' && [...key].length < KEY_MIN_LENGTH
  return (
    <div className={styles.panel}>
      <section className={styles.section} aria-labelledby="aci-dossier">
        <Subtitle2 as="h2" id="aci-dossier">
          Dossier de l’exercice
        </Subtitle2>
        <Body1>
          Pour l’ARS, la CPAM et le commissaire aux comptes : profil, barèmes et hypothèses,
          enveloppes, budget et réalisé par section, échéancier, clôture, constats et financements,
          en un PDF à lire et un JSON à réutiliser. Une feuille « Dossier » en garde la synthèse.
        </Body1>
        <BudgetChoice budgets={props.budgets} selected={props.selected} onSelect={props.onSelect} />
        <Field label="Trésorier ou trésorière (bloc de signature)">
          <Input
            value={fields.tresorier}
            onChange={(_, d) => props.onFields({ ...fields, tresorier: d.value })}
          />
        </Field>
        <Field label="Référence du commissaire aux comptes (facultatif)">
          <Input
            value={fields.referenceCommissaireAuxComptes}
            onChange={(_, d) =>
              props.onFields({ ...fields, referenceCommissaireAuxComptes: d.value })
            }
          />
        </Field>
        <Field
          label="Clé de pseudonymisation (facultatif)"
          hint={`Au moins ${KEY_MIN_LENGTH} caractères, gardés par la CPTS : les noms des professionnels deviennent des empreintes, les mêmes d’une année à l’autre.`}
          validationState={keyShort ? 'error' : 'none'}
          validationMessage={
            keyShort
              ? `${countOf([...key].length, 'caractère', 'caractères')} sur ${KEY_MIN_LENGTH} au moins.`
              : undefined
          }
        >
          <Input
            type="password"
            autoComplete="off"
            value={key}
            onChange={(_, d) => props.onFields({ ...fields, cleDePseudonymisation: d.value })}
          />
        </Field>
        {props.fecActuals !== null && (
          <Checkbox
            label={`Réalisé tiré du FEC « ${props.fecActuals} » (non affecté et remarques compris)`}
            checked={fields.avecRealiseFec}
            onChange={(_, d) => props.onFields({ ...fields, avecRealiseFec: d.checked === true })}
          />
        )}
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabled={props.busy || props.selected === null || keyShort}
            onClick={props.onMake}
          >
            Dossier de l’exercice
          </Button>
        </div>
        {props.selected === null && (
          <Caption1>Générez ou importez d’abord une feuille de budget.</Caption1>
        )}
        {props.progress !== null && (
          <ProgressWithCancel progress={props.progress} onCancel={props.onCancel} />
        )}
        {props.files.length > 0 && (
          <div className={styles.buttons}>
            {props.files.map((f) => (
              <Button key={f.name} size="small" onClick={() => props.onSave(f)}>
                Télécharger {f.type === 'application/pdf' ? 'le PDF' : 'le JSON'}
              </Button>
            ))}
          </div>
        )}
      </section>
    </div>
  )
}
