// The pane's tab bar: Fluent's small tabs, drawn with its CSS variables, without the TabList machinery the first screen would pay for.
import { type KeyboardEvent, useRef } from 'react'
import './tab-bar.css'

// Fluent's TabList and Tab (size small, transparent) weigh a third of the first screen's code and
// render time: arrow-key navigation through tabster, an animated indicator, a registry of tabs.
// The pane needs only their look (tab-bar.css, on Fluent's CSS variables) and the WAI-ARIA tabs
// pattern (one tab stop, arrows move the focus round the list, Enter or Space selects), which
// these few lines give.

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
      className={className === undefined ? 'aci-tablist' : `aci-tablist ${className}`}
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
            className="aci-tab"
            onClick={() => onSelect(t.id)}
          >
            <span className={isSelected ? 'aci-tab-label aci-tab-strong' : 'aci-tab-label'}>
              {t.label}
            </span>
            <span aria-hidden className="aci-tab-label aci-tab-strong aci-tab-reserved">
              {t.label}
            </span>
          </button>
        )
      })}
    </div>
  )
}
