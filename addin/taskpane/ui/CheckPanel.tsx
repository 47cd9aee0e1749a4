// The Contrôle tab: check a budget sheet, see each section's status and the findings grouped by severity.
import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components'
import {
  type BudgetReport,
  Decimal,
  formatEuros,
  type Severity,
  type Status,
} from '../../../shared'
import { sectionsShown } from '../check/report'
import type { CheckResult } from '../check/run-check'
import type { BudgetRef } from '../sheets/budget-workbook'
import { ORIGIN_LABELS, SEVERITY_LABELS } from '../wording'
import { BudgetChoice } from './BudgetPanel'
import { usePanelStyles } from './panel-styles'

const useStyles = makeStyles({
  // Columns as wide as their content: the pane is narrow, amounts never wrap.
  table: { tableLayout: 'auto' },
  badge: { whiteSpace: 'nowrap' },
  findings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
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
  readonly onCheck: () => void
  readonly result: CheckResult | null
  readonly controlSheet: string | null
}

export function CheckPanel(props: Props) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  return (
    <div className={styles.panel}>
      <section className={styles.section} aria-labelledby="aci-verifier">
        <Subtitle2 as="h2" id="aci-verifier">
          Vérifier un budget
        </Subtitle2>
        <BudgetChoice budgets={props.budgets} selected={props.selected} onSelect={props.onSelect} />
        <div>
          <Button
            appearance="primary"
            disabled={props.selected === null || props.busy}
            onClick={props.onCheck}
          >
            Vérifier le budget
          </Button>
        </div>
      </section>
      {props.result !== null && <Report result={props.result} controlSheet={props.controlSheet} />}
    </div>
  )
}

function Report({ result, controlSheet }: { result: CheckResult; controlSheet: string | null }) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  const report: BudgetReport = result.report
  const actuals = report.totaux.realise !== undefined
  return (
    <>
      <MessageBar intent={result.origin === 'service' ? 'success' : 'info'}>
        <MessageBarBody>
          <MessageBarTitle>Contrôle effectué {ORIGIN_LABELS[result.origin]}</MessageBarTitle>
          {result.origin === 'local' ? 'Le service n’a pas répondu. ' : ''}Barème{' '}
          {report.references.bareme.id}
          {controlSheet === null ? '' : ` · rapport écrit dans la feuille « ${controlSheet} »`}.
        </MessageBarBody>
      </MessageBar>
      <section className={styles.section} aria-labelledby="aci-sections">
        <Subtitle2 as="h2" id="aci-sections">
          Sections
        </Subtitle2>
        <Table size="small" className={styles.table} aria-labelledby="aci-sections">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Section</TableHeaderCell>
              <TableHeaderCell className={styles.amountHeader}>Enveloppe</TableHeaderCell>
              <TableHeaderCell className={styles.amountHeader}>Charges</TableHeaderCell>
              {actuals && (
                <TableHeaderCell className={styles.amountHeader}>Réalisé</TableHeaderCell>
              )}
              <TableHeaderCell>Statut</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sectionsShown(report).map((s) => (
              <TableRow key={s.section}>
                <TableCell>{s.label}</TableCell>
                <TableCell className={styles.amount}>
                  {s.enveloppe === null ? '—' : formatEuros(new Decimal(s.enveloppe))}
                </TableCell>
                <TableCell className={styles.amount}>
                  {formatEuros(new Decimal(s.charges))}
                </TableCell>
                <TableCell>
                  <Badge
                    className={styles.badge}
                    appearance="tint"
                    color={STATUS_COLOR[s.status]}
                    title={s.statusLabel}
                  >
                    {STATUS_WORDS[s.status]}
                  </Badge>
                  {s.difference !== null && (
                    <Caption1 block className={styles.amount}>
                      {formatEuros(new Decimal(s.difference))}
                    </Caption1>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Body1>
          Total des charges {formatEuros(new Decimal(report.totaux.charges))} pour une enveloppe de{' '}
          {formatEuros(new Decimal(report.totaux.enveloppe))} : {report.totaux.statusLabel}.
        </Body1>
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
                      {SEVERITY_LABELS[severity]} · {f.code}
                    </MessageBarTitle>
                    {f.message}
                    <Caption1 block>Source : {f.source}</Caption1>
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
