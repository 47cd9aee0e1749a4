// The Budget tab: generate the budget sheet, import a budget file into a new sheet, export a sheet as JSON or CSV.
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
} from '@fluentui/react-components'
import { useId } from 'react'
import type { BudgetRef } from '../sheets/budget-workbook'
import { FilePicker } from './FilePicker'
import { usePanelStyles } from './panel-styles'

interface Props {
  readonly year: string | null
  readonly canGenerate: boolean
  readonly busy: boolean
  readonly budgets: readonly BudgetRef[]
  readonly selected: string | null
  readonly onSelect: (key: string) => void
  readonly onGenerate: () => void
  readonly onImport: (file: File) => void
  readonly onExport: (format: 'json' | 'csv') => void
  readonly onImportActuals: (file: File) => void
  /** An imported profile that differs from the one typed: the person replaces it or keeps theirs. */
  readonly profileOffer?: { readonly file: string; readonly nom: string } | null
  readonly onProfileOffer?: (replace: boolean) => void
}

export function BudgetPanel(props: Props) {
  const styles = usePanelStyles()
  const actualsHint = useId()
  const importHint = useId()
  return (
    <div className={styles.panel}>
      <section className={styles.section} aria-labelledby="aci-generer">
        <Subtitle2 as="h2" id="aci-generer">
          Générer la feuille de budget
        </Subtitle2>
        <Body1>
          Une nouvelle feuille « Budget {props.year ?? 'année'} » : les lignes de charges et de
          produits d’une CPTS par section, les enveloppes en formules ACI.*, les écarts. Aucune
          feuille existante n’est modifiée.
        </Body1>
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabled={!props.canGenerate || props.busy}
            onClick={props.onGenerate}
          >
            Générer la feuille Budget {props.year ?? ''}
          </Button>
        </div>
        {!props.canGenerate && <Caption1>Complétez d’abord le profil (onglet Profil).</Caption1>}
      </section>

      <section className={styles.section} aria-labelledby="aci-importer">
        <Subtitle2 as="h2" id="aci-importer">
          Importer un budget
        </Subtitle2>
        <Body1 id={importHint}>
          Un fichier JSON ou CSV (séparateur point-virgule, virgule décimale, comme Excel
          l’enregistre) devient une nouvelle feuille de budget, avec son profil.
        </Body1>
        {props.profileOffer != null && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                Profil importé de « {props.profileOffer.file} » : remplacer le profil saisi ?
              </MessageBarTitle>
              Le fichier porte le profil de « {props.profileOffer.nom} » ; l’onglet Profil garde
              celui que vous avez saisi tant que vous ne le remplacez pas.
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => props.onProfileOffer?.(true)}>Remplacer</Button>
              <Button onClick={() => props.onProfileOffer?.(false)}>Garder</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <FilePicker
          label="Fichier de budget à importer (JSON ou CSV)"
          accept=".json,.csv,application/json,text/csv"
          describedBy={importHint}
          disabled={props.busy}
          onFile={props.onImport}
        >
          Importer un fichier JSON ou CSV…
        </FilePicker>
      </section>

      <section className={styles.section} aria-labelledby="aci-exporter">
        <Subtitle2 as="h2" id="aci-exporter">
          Exporter un budget
        </Subtitle2>
        <BudgetChoice budgets={props.budgets} selected={props.selected} onSelect={props.onSelect} />
        <div className={styles.buttons}>
          <Button
            disabled={props.selected === null || props.busy}
            onClick={() => props.onExport('json')}
          >
            Exporter en JSON
          </Button>
          <Button
            disabled={props.selected === null || props.busy}
            onClick={() => props.onExport('csv')}
          >
            Exporter en CSV
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="aci-realise">
        <Subtitle2 as="h2" id="aci-realise">
          Importer le réalisé
        </Subtitle2>
        <Body1 id={actualsHint}>
          Un CSV Compte ; Libellé ; Réalisé (et, si besoin, une colonne par section) : les montants
          réalisés rejoignent les lignes du budget choisi ci-dessus dans une nouvelle feuille ; une
          ligne inconnue devient une dépense non budgétée.
        </Body1>
        <FilePicker
          label="Fichier CSV du réalisé à importer"
          accept=".csv,text/csv"
          describedBy={actualsHint}
          disabled={props.selected === null || props.busy}
          onFile={props.onImportActuals}
        >
          Importer le réalisé (CSV)…
        </FilePicker>
      </section>
    </div>
  )
}

export function BudgetChoice({
  budgets,
  selected,
  onSelect,
}: {
  budgets: readonly BudgetRef[]
  selected: string | null
  onSelect: (key: string) => void
}) {
  return (
    <Field
      label="Feuille de budget"
      hint={
        budgets.length === 0
          ? 'Aucune feuille de budget dans ce classeur : générez-en une.'
          : undefined
      }
    >
      <Select
        value={selected ?? ''}
        disabled={budgets.length === 0}
        onChange={(_, d) => onSelect(d.value)}
      >
        {budgets.map((b) => (
          <option key={b.key} value={b.key}>
            {b.sheet}
          </option>
        ))}
      </Select>
    </Field>
  )
}
