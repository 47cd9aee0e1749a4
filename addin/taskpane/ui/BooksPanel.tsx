// The Comptabilité tab: import the FEC, edit the mapping rules, fill the actuals, write the follow-up and the cash plan.
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  ProgressBar,
  Select,
  Subtitle2,
  tokens,
} from '@fluentui/react-components'
import { useId } from 'react'
import {
  countOf,
  type FecProblem,
  frenchDate,
  problemText,
  SECTIONS,
  type Section,
  sectionLabel,
} from '../../../shared'
import type { ImportedLedger } from '../actions/import-ledger'
import { euros } from '../actions/ledger-actuals'
import type { RuleRow, RulesState } from '../actions/ledger-rules'
import type { BudgetRef } from '../sheets/budget-workbook'
import { CRITERIA, keysText, type RuleCriterion } from '../sheets/ledger-rules'
import { BudgetChoice } from './BudgetPanel'
import { FilePicker } from './FilePicker'
import { usePanelStyles } from './panel-styles'

const useStyles = makeStyles({
  rules: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  // Four controls on one line at 350 px: criterion, value, section, remove.
  rule: {
    display: 'grid',
    gridTemplateColumns: '5.5rem minmax(0, 1fr) minmax(0, 1.5fr) auto',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'center',
  },
  keys: { overflowWrap: 'anywhere' },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
})

/** A long step of an action: its bar and the button that stops it. */
export interface Progress {
  readonly label: string
  /** 0 to 1; null while a step of unknown length runs. */
  readonly fraction: number | null
}

export function ProgressWithCancel(props: { progress: Progress; onCancel: () => void }) {
  const styles = usePanelStyles()
  return (
    <div className={styles.section}>
      <Field validationMessage={props.progress.label} validationState="none">
        <ProgressBar
          aria-label={props.progress.label}
          thickness="large"
          {...(props.progress.fraction === null ? {} : { value: props.progress.fraction })}
        />
      </Field>
      <div className={styles.buttons}>
        <Button onClick={props.onCancel}>Annuler</Button>
      </div>
    </div>
  )
}

interface Props {
  readonly exercice: { readonly debut: string; readonly fin: string } | null
  readonly busy: boolean
  readonly budgets: readonly BudgetRef[]
  readonly selected: string | null
  readonly onSelect: (key: string) => void
  readonly ledger: ImportedLedger | null
  readonly problems: readonly FecProblem[]
  readonly progress: Progress | null
  readonly onCancel: () => void
  readonly onImportFec: (file: File) => void
  readonly rules: RulesState | null
  readonly onRulesChange: (rows: readonly RuleRow[]) => void
  readonly onDefaultRules: () => void
  readonly onWriteRules: () => void
  readonly onFillActuals: () => void
  readonly nonAffecte: { readonly charges: number; readonly produits: number } | null
  readonly onFollowUp: () => void
  readonly treasury: TreasuryInput
  readonly onTreasuryChange: (input: TreasuryInput) => void
  readonly onTreasury: () => void
}

export interface TreasuryInput {
  readonly tresorerieInitiale: string
  readonly seuil: string
  readonly moisSuivants: boolean
}

const PROBLEMS_SHOWN = 20

export function BooksPanel(props: Props) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  const fecHint = useId()
  const { ledger, rules } = props
  const year = props.exercice?.fin.slice(0, 4) ?? ''
  const noBudget = props.selected === null
  return (
    <div className={styles.panel}>
      <section className={styles.section} aria-labelledby="aci-fec">
        <Subtitle2 as="h2" id="aci-fec">
          Importer le FEC
        </Subtitle2>
        <Body1 id={fecHint}>
          Le fichier des écritures comptables exporté par le logiciel du comptable (tabulations ou
          barres verticales, UTF-8 ou Windows-1252 détectés)
          {props.exercice === null
            ? ', lu sur ses propres dates'
            : `, contrôlé sur l’exercice du ${frenchDate(props.exercice.debut)} au ${frenchDate(props.exercice.fin)}`}
          . Un FEC incorrect est refusé en entier.
        </Body1>
        <FilePicker
          label="Fichier des écritures comptables (FEC)"
          accept=".txt,.csv,.tsv,.fec,text/plain,text/tab-separated-values"
          describedBy={fecHint}
          disabled={props.busy}
          onFile={props.onImportFec}
        >
          Importer le FEC…
        </FilePicker>
        {props.progress !== null && (
          <ProgressWithCancel progress={props.progress} onCancel={props.onCancel} />
        )}
        {ledger !== null && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>« {ledger.fichier} »</MessageBarTitle>
              Encodage {ledger.encodageLabel} ; {ledger.lignes.toLocaleString('fr-FR')} lignes,{' '}
              {ledger.ecritures.toLocaleString('fr-FR')} écritures ; exercice du{' '}
              {frenchDate(ledger.ledger.exercice.debut)} au {frenchDate(ledger.ledger.exercice.fin)}
              . Trésorerie (512, 53) : {euros(ledger.tresorerie.ouverture)} à l’ouverture
              {ledger.tresorerie.aNouveauxTrouves ? '' : ' (pas d’à-nouveaux)'},{' '}
              {euros(ledger.tresorerie.cloture)} à la clôture.
              {ledger.avertissements.length > 0 &&
                ` ${countOf(ledger.avertissements.length, 'avertissement', 'avertissements')} : ${ledger.avertissements[0]}`}
            </MessageBarBody>
          </MessageBar>
        )}
        {props.problems.length > 0 && (
          <section aria-label="Problèmes du FEC">
            <Caption1>
              {countOf(props.problems.length, 'problème', 'problèmes')}, rien n’est importé
              {props.problems.length > PROBLEMS_SHOWN ? ` (les ${PROBLEMS_SHOWN} premiers)` : ''} :
            </Caption1>
            <ul className={styles.problems}>
              {props.problems.slice(0, PROBLEMS_SHOWN).map((p) => (
                <li key={`${p.ligne}-${p.colonne ?? ''}-${p.message}`}>
                  <Caption1>{problemText(p)}</Caption1>
                </li>
              ))}
            </ul>
          </section>
        )}
      </section>

      <section className={styles.section} aria-labelledby="aci-regles">
        <Subtitle2 as="h2" id="aci-regles">
          Règles d’affectation
        </Subtitle2>
        <BudgetChoice budgets={props.budgets} selected={props.selected} onSelect={props.onSelect} />
        {rules === null ? (
          <Caption1>
            {noBudget ? 'Choisissez une feuille de budget.' : 'Lecture des règles…'}
          </Caption1>
        ) : (
          <RulesEditor
            rules={rules}
            busy={props.busy}
            onChange={props.onRulesChange}
            onDefaults={props.onDefaultRules}
            onWrite={props.onWriteRules}
          />
        )}
      </section>

      <section className={styles.section} aria-labelledby="aci-realise-fec">
        <Subtitle2 as="h2" id="aci-realise-fec">
          Réalisé et suivi {year}
        </Subtitle2>
        <Body1>
          Le réalisé du budget choisi, tiré du FEC par ces règles, dans une nouvelle feuille de
          budget ; le suivi mensuel par section (cumul, taux d’exécution, projection) dans une
          feuille « Suivi {year} ».
        </Body1>
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabled={props.busy || ledger === null || noBudget || rules === null}
            onClick={props.onFillActuals}
          >
            Remplir le réalisé depuis le FEC
          </Button>
          <Button
            disabled={props.busy || ledger === null || noBudget || rules === null}
            onClick={props.onFollowUp}
          >
            Écrire le suivi {year}
          </Button>
        </div>
        {ledger === null && <Caption1>Importez d’abord le FEC.</Caption1>}
        {props.nonAffecte !== null && (
          <Body1>
            Non affecté : {euros(props.nonAffecte.charges)} de charges,{' '}
            {euros(props.nonAffecte.produits)} de produits.
          </Body1>
        )}
      </section>

      <section className={styles.section} aria-labelledby="aci-tresorerie">
        <Subtitle2 as="h2" id="aci-tresorerie">
          Plan de trésorerie {year}
        </Subtitle2>
        <Body1>
          Mois par mois : versements ACI à leurs dates, autres encaissements et décaissements du
          budget (ceux du FEC pour les mois passés), trésorerie de fin de mois et alertes.
        </Body1>
        <Field
          label="Trésorerie d’ouverture (€)"
          hint={
            ledger === null
              ? 'Vide : celle des à-nouveaux du FEC importé.'
              : `Vide : ${euros(ledger.tresorerie.ouverture)}, d’après le FEC.`
          }
        >
          <Input
            inputMode="decimal"
            value={props.treasury.tresorerieInitiale}
            onChange={(_, d) =>
              props.onTreasuryChange({ ...props.treasury, tresorerieInitiale: d.value })
            }
          />
        </Field>
        <Field label="Seuil d’alerte (€, facultatif)">
          <Input
            inputMode="decimal"
            value={props.treasury.seuil}
            onChange={(_, d) => props.onTreasuryChange({ ...props.treasury, seuil: d.value })}
          />
        </Field>
        <Checkbox
          label="Et les 12 mois suivants"
          checked={props.treasury.moisSuivants}
          onChange={(_, d) =>
            props.onTreasuryChange({ ...props.treasury, moisSuivants: d.checked === true })
          }
        />
        <div className={styles.buttons}>
          <Button disabled={props.busy} onClick={props.onTreasury}>
            Écrire le plan de trésorerie {year}
          </Button>
        </div>
      </section>
    </div>
  )
}

function RulesEditor(props: {
  rules: RulesState
  busy: boolean
  onChange: (rows: readonly RuleRow[]) => void
  onDefaults: () => void
  onWrite: () => void
}) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  const { rows, source } = props.rules
  const update = (i: number, row: RuleRow) =>
    props.onChange(rows.map((r, j) => (j === i ? row : r)))
  return (
    <>
      <Caption1>
        {source.kind === 'feuille'
          ? `Relues du tableau ${source.table} (feuille « ${source.sheet} »).`
          : 'Proposées d’après les comptes et la répartition des lignes du budget.'}{' '}
        La règle la plus précise l’emporte ; une marque entre crochets ([PARCOURS]…) dans le libellé
        affecte aussi la ligne.
      </Caption1>
      <div className={styles.rules}>
        {rows.map((r, i) => {
          const n = i + 1
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a rule being edited has no identity but its place.
            <div className={styles.rule} key={i}>
              <Select
                size="small"
                aria-label={`Critère de la règle ${n}`}
                value={r.critere}
                onChange={(_, d) => update(i, { ...r, critere: d.value as RuleCriterion })}
              >
                {(Object.keys(CRITERIA) as RuleCriterion[]).map((c) => (
                  <option key={c} value={c}>
                    {CRITERIA[c]}
                  </option>
                ))}
              </Select>
              <Input
                size="small"
                aria-label={`Valeur de la règle ${n}`}
                title={r.libelle}
                value={r.valeur}
                onChange={(_, d) => update(i, { ...r, valeur: d.value })}
              />
              <Select
                size="small"
                aria-label={`Section de la règle ${n}`}
                title={r.cles === null ? undefined : keysText(r.cles)}
                value={r.section ?? 'cles'}
                onChange={(_, d) =>
                  d.value !== 'cles' && update(i, { ...r, section: d.value as Section, cles: null })
                }
              >
                {r.cles !== null && <option value="cles">Clés : {keysText(r.cles)}</option>}
                {SECTIONS.map((s) => (
                  <option key={s} value={s}>
                    {sectionLabel(s)}
                  </option>
                ))}
              </Select>
              <Button
                size="small"
                appearance="subtle"
                aria-label={`Retirer la règle ${n}`}
                onClick={() => props.onChange(rows.filter((_, j) => j !== i))}
              >
                ✕
              </Button>
            </div>
          )
        })}
      </div>
      {rows.length === 0 && (
        <Caption1>Aucune règle : tout le réalisé restera non affecté.</Caption1>
      )}
      <div className={styles.buttons}>
        <Button
          size="small"
          onClick={() =>
            props.onChange([
              ...rows,
              { critere: 'compte', valeur: '', section: 'fonctionnement', cles: null, libelle: '' },
            ])
          }
        >
          Ajouter une règle
        </Button>
        <Button size="small" disabled={props.busy} onClick={props.onDefaults}>
          Reprendre les règles du budget
        </Button>
        <Button size="small" disabled={props.busy} onClick={props.onWrite}>
          Écrire les règles dans une feuille
        </Button>
      </div>
    </>
  )
}
