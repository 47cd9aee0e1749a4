// The pane's tab bar: the WAI-ARIA tabs pattern that Fluent's TabList gave, one tab stop and arrows round the list.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { TabBar, tabIndexAfterKey } from '../../addin/taskpane/ui/TabBar'

const TABS = [
  { id: 'profil', label: 'Profil' },
  { id: 'budget', label: 'Budget' },
  { id: 'controle', label: 'Contrôle' },
] as const

describe('tab bar', () => {
  it('moves the focus round the list with the arrows, to either end with Home and End', () => {
    expect(tabIndexAfterKey('ArrowRight', 0, 3)).toBe(1)
    expect(tabIndexAfterKey('ArrowRight', 2, 3)).toBe(0)
    expect(tabIndexAfterKey('ArrowLeft', 0, 3)).toBe(2)
    expect(tabIndexAfterKey('Home', 2, 3)).toBe(0)
    expect(tabIndexAfterKey('End', 0, 3)).toBe(2)
    expect(tabIndexAfterKey('Enter', 1, 3)).toBeNull()
    expect(tabIndexAfterKey('ArrowDown', 1, 3)).toBeNull()
  })

  it('is a tab list whose one tab stop is the selected tab', () => {
    const html = renderToStaticMarkup(<TabBar tabs={TABS} selected="budget" onSelect={() => {}} />)
    expect(html).toMatch(/^<div role="tablist" aria-orientation="horizontal"/)
    const tabs = [
      ...html.matchAll(/<button type="button" role="tab" aria-selected="(\w+)" tabindex="(-?\d)"/g),
    ]
    expect(tabs.map((m) => [m[1], m[2]])).toEqual([
      ['false', '-1'],
      ['true', '0'],
      ['false', '-1'],
    ])
  })
})
