// The pane's tab bar: Fluent's small tabs, drawn with its tokens, without the TabList machinery the first screen would pay for.
import {
  createCustomFocusIndicatorStyle,
  type GriffelStyle,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from '@fluentui/react-components'
import { type KeyboardEvent, useRef } from 'react'

// Fluent's TabList and Tab (size small, transparent) weigh a third of the first screen's code and
// render time: arrow-key navigation through tabster, an animated indicator, a registry of tabs.
// The pane needs only their look and the WAI-ARIA tabs pattern (one tab stop, arrows move the
// focus round the list, Enter or Space selects), which these few lines give.
const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'row', alignItems: 'stretch', position: 'relative' },
  tab: {
    alignItems: 'center',
    justifyContent: 'center',
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    display: 'grid',
    flexShrink: 0,
    gridAutoFlow: 'column',
    gridTemplateColumns: 'auto',
    gridTemplateRows: 'auto',
    columnGap: tokens.spacingHorizontalXXS,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    fontFamily: tokens.fontFamilyBase,
    lineHeight: tokens.lineHeightBase300,
    outlineStyle: 'none',
    position: 'relative',
    overflow: 'hidden',
    textTransform: 'none',
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    ':hover': {
      backgroundColor: tokens.colorTransparentBackgroundHover,
      color: tokens.colorNeutralForeground2Hover,
    },
    ':active': {
      backgroundColor: tokens.colorTransparentBackgroundPressed,
      color: tokens.colorNeutralForeground2Pressed,
    },
    // The line under a tab: grey while hovered, the brand's colour once selected.
    '::before': {
      bottom: 0,
      height: tokens.strokeWidthThick,
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
    },
    ':hover::before': {
      backgroundColor: tokens.colorNeutralStroke1Hover,
      borderRadius: tokens.borderRadiusCircular,
      content: '""',
      position: 'absolute',
    },
    ':active::before': {
      backgroundColor: tokens.colorNeutralStroke1Pressed,
      borderRadius: tokens.borderRadiusCircular,
      content: '""',
      position: 'absolute',
    },
    '@media (forced-colors: active)': {
      ':hover::before': { backgroundColor: 'Highlight' },
      ':active::before': { backgroundColor: 'Highlight' },
    },
  },
  focus: createCustomFocusIndicatorStyle(
    {
      borderColor: 'transparent',
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: 'transparent',
      outlineStyle: 'solid',
      boxShadow: `${tokens.shadow4}, 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus2}`,
      zIndex: 1,
    },
    { enableOutline: true }
    // Typed for makeResetStyles; the rule is a plain selector, as in Fluent's own Tab styles.
  ) as GriffelStyle,
  selected: {
    color: tokens.colorNeutralForeground1,
    ':hover': { color: tokens.colorNeutralForeground1Hover },
    ':active': { color: tokens.colorNeutralForeground1Pressed },
    '::after': {
      backgroundColor: tokens.colorCompoundBrandStroke,
      borderRadius: tokens.borderRadiusCircular,
      content: '""',
      position: 'absolute',
      bottom: 0,
      height: tokens.strokeWidthThick,
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
    },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    ':active::after': { backgroundColor: tokens.colorCompoundBrandStrokePressed },
    '@media (forced-colors: active)': {
      '::after': { backgroundColor: 'ButtonText' },
      ':hover::after': { backgroundColor: 'ButtonText' },
      ':active::after': { backgroundColor: 'ButtonText' },
    },
  },
  label: {
    ...typographyStyles.body1,
    overflow: 'hidden',
    padding: `${tokens.spacingVerticalNone} ${tokens.spacingHorizontalXXS}`,
    gridColumnStart: 1,
    gridRowStart: 1,
  },
  strong: typographyStyles.body1Strong,
  // The label in bold, hidden under the label: a tab keeps its width when it becomes selected.
  reserved: { visibility: 'hidden' },
})

export interface TabItem<Id extends string> {
  readonly id: Id
  readonly label: string
}

interface Props<Id extends string> {
  readonly tabs: readonly TabItem<Id>[]
  readonly selected: Id
  readonly onSelect: (id: Id) => void
  readonly className?: string
}

/** Which tab an arrow key, Home or End moves the focus to, round the list; null for other keys. */
export function tabIndexAfterKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count
    case 'ArrowLeft':
      return (index - 1 + count) % count
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}

export function TabBar<Id extends string>({ tabs, selected, onSelect, className }: Props<Id>) {
  const styles = useStyles()
  const list = useRef<HTMLDivElement>(null)
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])]
    const index = buttons.indexOf(event.target as HTMLButtonElement)
    if (index < 0) return
    const next = tabIndexAfterKey(event.key, index, buttons.length)
    if (next === null) return
    event.preventDefault()
    buttons[next]?.focus()
  }
  return (
    <div
      ref={list}
      role="tablist"
      aria-orientation="horizontal"
      className={mergeClasses(styles.list, className)}
      onKeyDown={onKeyDown}
    >
      {tabs.map((t) => {
        const isSelected = t.id === selected
        return (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={isSelected}
            // One tab stop, on the selected tab; the arrows reach the others.
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, styles.focus, isSelected && styles.selected)}
            onClick={() => onSelect(t.id)}
          >
            <span className={mergeClasses(styles.label, isSelected && styles.strong)}>
              {t.label}
            </span>
            <span
              aria-hidden
              className={mergeClasses(styles.label, styles.strong, styles.reserved)}
            >
              {t.label}
            </span>
          </button>
        )
      })}
    </div>
  )
}
