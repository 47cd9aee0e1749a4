// The table of envelopes under the Profil form: with the pane's later parts, as it shows only once the size is known.
import {
  Caption1,
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
import { type EnvelopeReport, formatEuros } from '../../../shared'
import { usePanelStyles } from './panel-styles'

const useStyles = makeStyles({
  total: { fontWeight: tokens.fontWeightSemibold },
  parts: { color: tokens.colorNeutralForeground2 },
  // Columns as wide as their content: the pane is narrow, amounts never wrap.
  table: { tableLayout: 'auto' },
})

/**
 * Two columns, so that the table fits a pane 320 pixels wide: the section with its fixed and
 * expected variable parts under its name, and its envelope.
 */
export interface EnvelopesTableProps {
  readonly report: EnvelopeReport
}

export function EnvelopesTable({ report }: EnvelopesTableProps) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  return (
    <section aria-labelledby="aci-enveloppes">
      <Subtitle2 as="h2" id="aci-enveloppes" block>
        Enveloppes annuelles
      </Subtitle2>
      <Table size="small" className={styles.table} aria-labelledby="aci-enveloppes">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Section (fixe + variable attendu)</TableHeaderCell>
            <TableHeaderCell className={styles.amountHeader}>Enveloppe</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableCell>Fonctionnement</TableCell>
            <TableCell className={styles.amount}>{formatEuros(report.fonctionnement)}</TableCell>
          </TableRow>
          {report.missions.map((line) => (
            <TableRow key={line.mission}>
              <TableCell>
                {line.label}
                <Caption1 block className={styles.parts}>
                  fixe {formatEuros(line.fixe)} + variable {formatEuros(line.variable)}
                </Caption1>
              </TableCell>
              <TableCell className={styles.amount}>{formatEuros(line.attendu)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell className={styles.total}>Total</TableCell>
            <TableCell className={`${styles.amount} ${styles.total}`}>
              {formatEuros(report.totalAttendu)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </section>
  )
}
