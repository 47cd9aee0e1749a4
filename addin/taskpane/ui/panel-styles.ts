// The layout every tab of the pane shares: a column of sections, rows of buttons, amounts aligned right.
import { makeStyles, tokens } from '@fluentui/react-components'

export const usePanelStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  amount: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  /** A header cell over amounts: Fluent lays its content out in a flex row. */
  amountHeader: { justifyContent: 'flex-end', textAlign: 'right' },
})
