// The Budget tab: generate the budget sheet, import a budget file into a new sheet, export a sheet as JSON or CSV.
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Subtitle2,
  tokens,
} from '@fluentui/react-components'
import { useId, useRef } from 'react'
import type { BudgetRef } from '../budget-sheet/budget-workbook'

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hidden: { display: 'none' },
})

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
}

export function BudgetPanel(props: Props) {
  const styles = useStyles()
  const file = useRef<HTMLInputElement>(null)
  const actuals = useRef<HTMLInputElement>(null)
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
        <input
          ref={file}
          className={styles.hidden}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          aria-label="Fichier de budget à importer (JSON ou CSV)"
          onChange={(e) => {
            const chosen = e.target.files?.[0]
            if (chosen) props.onImport(chosen)
            e.target.value = ''
          }}
        />
        <div className={styles.buttons}>
          <Button
            aria-describedby={importHint}
            disabled={props.busy}
            onClick={() => file.current?.click()}
          >
            Importer un fichier JSON ou CSV…
          </Button>
        </div>
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
        <input
          ref={actuals}
          className={styles.hidden}
          type="file"
          accept=".csv,text/csv"
          aria-label="Fichier CSV du réalisé à importer"
          onChange={(e) => {
            const chosen = e.target.files?.[0]
            if (chosen) props.onImportActuals(chosen)
            e.target.value = ''
          }}
        />
        <div className={styles.buttons}>
          <Button
            aria-describedby={actualsHint}
            disabled={props.selected === null || props.busy}
            onClick={() => actuals.current?.click()}
          >
            Importer le réalisé (CSV)…
          </Button>
        </div>
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
