// The Contrôle tab: check a budget sheet, see each section's status and the findings grouped by severity.
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Subtitle2,
  tokens,
} from '@fluentui/react-components'
import { useState } from 'react'
import {
  type BudgetReport,
  Decimal,
  formatEuros,
  type SectionReport,
  type Severity,
  type Status,
  sectionLabel,
} from '../../../shared'
import { sectionsShown } from '../check/report'
import type { CheckResult } from '../check/run-check'
import type { BudgetRef } from '../sheets/budget-workbook'
import { ORIGIN_LABELS, SEVERITY_LABELS } from '../wording'
import { BudgetChoice } from './BudgetPanel'
import { usePanelStyles } from './panel-styles'

// Each section is a small block (its name and status on one line, its amounts under it as
// term/value pairs): it fits a task pane 320 pixels wide, where a table of five columns does not.
const useStyles = makeStyles({
  badge: { whiteSpace: 'nowrap' },
  findings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sections: { listStyle: 'none', margin: 0, padding: 0 },
  sectionItem: {
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sectionHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  amounts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    marginTop: tokens.spacingVerticalXXS,
    '& dt': { color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  },
  code: { color: tokens.colorNeutralForeground3 },
})

const INTENT: Readonly<Record<Severity, 'error' | 'warning' | 'info'>> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
}

const STATUS_COLOR: Readonly<Record<Status, 'danger' | 'success' | 'informative' | 'subtle'>> = {
  over: 'danger',
  within: 'success',
  under: 'informative',
  no_envelope: 'subtle',
}

/** The status in one or two words for its badge; the amount goes in its own column. */
const STATUS_WORDS: Readonly<Record<Status, string>> = {
  over: 'dépassement',
  within: 'à l’équilibre',
  under: 'sous l’enveloppe',
  no_envelope: 'sans enveloppe',
}

const GROUP_TITLES: Readonly<Record<Severity, string>> = {
  error: 'Erreurs',
  warning: 'Avertissements',
  info: 'Informations',
}

interface Props {
  readonly budgets: readonly BudgetRef[]
  readonly selected: string | null
  readonly onSelect: (key: string) => void
  readonly busy: boolean
  /** `replace`: the Contrôle sheet written from this budget before is replaced, not added to. */
  readonly onCheck: (replace: boolean) => void
  readonly result: CheckResult | null
  readonly controlSheet: string | null
}

export function CheckPanel(props: Props) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  const [replace, setReplace] = useState(true)
  return (
    <div className={styles.panel}>
      <section className={styles.section} aria-labelledby="aci-verifier">
        <Subtitle2 as="h2" id="aci-verifier">
          Vérifier un budget
        </Subtitle2>
        <BudgetChoice budgets={props.budgets} selected={props.selected} onSelect={props.onSelect} />
        <Checkbox
          checked={replace}
          onChange={(_, d) => setReplace(d.checked === true)}
          label="Remplacer la feuille Contrôle écrite pour ce budget lors d’une vérification précédente"
        />
        <div>
          <Button
            appearance="primary"
            disabled={props.selected === null || props.busy}
            onClick={() => props.onCheck(replace)}
          >
            Vérifier le budget
          </Button>
        </div>
      </section>
      {/* While a check runs, the previous report is not shown as if it were its result. */}
      {props.result !== null && !props.busy && (
        <Report result={props.result} controlSheet={props.controlSheet} />
      )}
    </div>
  )
}

function Report({ result, controlSheet }: { result: CheckResult; controlSheet: string | null }) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  const report: BudgetReport = result.report
  const actuals = report.totaux.realise !== undefined
  return (
    <>
      <MessageBar intent={result.origin === 'service' ? 'success' : 'info'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Contrôle effectué {ORIGIN_LABELS[result.origin]}</MessageBarTitle>
          {result.note === null ? '' : `${result.note} `}Barème {report.references.bareme.id}
          {controlSheet === null ? '' : ` · rapport écrit dans la feuille « ${controlSheet} »`}.
        </MessageBarBody>
      </MessageBar>
      <section className={styles.section} aria-labelledby="aci-sections">
        <Subtitle2 as="h2" id="aci-sections">
          Sections
        </Subtitle2>
        <ul className={styles.sections} aria-labelledby="aci-sections">
          {sectionsShown(report).map((s) => (
            <SectionItem key={s.section} s={s} actuals={actuals} />
          ))}
        </ul>
        <Body1>
          Total des charges {formatEuros(new Decimal(report.totaux.charges))} pour une enveloppe de{' '}
          {formatEuros(new Decimal(report.totaux.enveloppe))} : {report.totaux.statusLabel}.
        </Body1>
        {report.produitsExercice !== null && (
          <Body1>
            L’exercice acquiert{' '}
            {formatEuros(new Decimal(report.produitsExercice.produitsAciExercice))} du contrat
            (total 706 de la coupure), pour des enveloppes d’années de contrat de{' '}
            {formatEuros(new Decimal(report.produitsExercice.enveloppesContrat))} ; le budget compte{' '}
            {formatEuros(new Decimal(report.totaux.produitsAci))} de produits ACI.
          </Body1>
        )}
        {report.totaux.realise !== undefined && (
          <Body1>
            Réalisé : {formatEuros(new Decimal(report.totaux.realise.charges))} de charges
            {report.totaux.realise.consommation === null
              ? ''
              : `, ${report.totaux.realise.consommation.replace('.', ',')} % de l’enveloppe`}{' '}
            ; {report.totaux.realise.statusLabel}.
          </Body1>
        )}
      </section>
      <section className={styles.section} aria-labelledby="aci-constats">
        <Subtitle2 as="h2" id="aci-constats">
          Constats
        </Subtitle2>
        {report.findings.length === 0 && (
          <Body1>Aucun constat : le budget respecte les règles vérifiées.</Body1>
        )}
        {(['error', 'warning', 'info'] as const).map((severity) => {
          const group = report.findings.filter((f) => f.severity === severity)
          if (group.length === 0) return null
          return (
            <section key={severity} className={styles.findings} aria-label={GROUP_TITLES[severity]}>
              <Body1>
                <strong>
                  {GROUP_TITLES[severity]} ({group.length})
                </strong>
              </Body1>
              {group.map((f) => (
                <MessageBar
                  key={`${f.code} ${f.section ?? ''} ${f.ligne?.compte ?? ''} ${f.ligne?.libelle ?? ''} ${f.beneficiaire ?? ''} ${f.message}`}
                  intent={INTENT[severity]}
                  layout="multiline"
                >
                  <MessageBarBody>
                    <MessageBarTitle>
                      {SEVERITY_LABELS[severity]}
                      {f.section === null ? '' : ` · ${sectionLabel(f.section)}`}
                    </MessageBarTitle>
                    {f.message}
                    <Caption1 block>Source : {f.source}</Caption1>
                    <Caption1 block className={styles.code}>
                      Code du constat : {f.code}
                    </Caption1>
                  </MessageBarBody>
                </MessageBar>
              ))}
            </section>
          )
        })}
      </section>
    </>
  )
}

/** One section: its name and status badge, then its amounts as term and value. */
function SectionItem({ s, actuals }: { s: SectionReport; actuals: boolean }) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  const euros = (amount: string) => formatEuros(new Decimal(amount))
  return (
    <li className={styles.sectionItem} aria-label={`${s.label} : ${s.statusLabel}`}>
      <div className={styles.sectionHead}>
        <span>{s.label}</span>
        <Badge
          className={styles.badge}
          appearance="tint"
          color={STATUS_COLOR[s.status]}
          title={s.statusLabel}
        >
          {STATUS_WORDS[s.status]}
        </Badge>
      </div>
      <dl className={styles.amounts}>
        <dt>Enveloppe</dt>
        <dd>{s.enveloppe === null ? '—' : euros(s.enveloppe)}</dd>
        <dt>Charges prévues</dt>
        <dd>{euros(s.charges)}</dd>
        {s.difference !== null && (
          <>
            <dt>Écart</dt>
            <dd>{euros(s.difference)}</dd>
          </>
        )}
        {actuals && (
          <>
            <dt>Réalisé</dt>
            <dd>{s.realise === undefined ? '—' : euros(s.realise.charges)}</dd>
          </>
        )}
      </dl>
    </li>
  )
}
