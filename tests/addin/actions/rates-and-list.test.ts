// The rate tables and the list of budget sheets, as the pane loads them at start-up, without React.
import { describe, expect, it } from 'vitest'
import { budgetList, importBudget, refreshRates } from '../../../addin/taskpane/actions'
import { MemoryWorkbook } from '../../../addin/taskpane/workbook/memory-workbook'
import { budgetToJson, bundledCatalog } from '../../../shared'
import { fixture, servicesOf } from '../support/action-services'

describe('refreshRates', () => {
  it('offline: the bundled tables, each said to be built in, and nothing to notify', async () => {
    const outcome = await refreshRates(servicesOf())
    expect(outcome.notice).toBeNull()
    expect(outcome.rates.serviceReachable).toBe(false)
    expect(outcome.rates.catalog.tables.map((t) => t.id)).toEqual(
      bundledCatalog().tables.map((t) => t.id)
    )
    expect([...outcome.rates.origins.values()].every((o) => o === 'integre')).toBe(true)
  })
})

describe('budgetList', () => {
  it('lists the budget sheets and keeps the one asked for, else the current, else the last', async () => {
    const services = servicesOf({ workbook: new MemoryWorkbook(['Feuil1']) })
    expect(await budgetList(services)).toEqual({ budgets: [], selected: null })
    const text = budgetToJson(fixture('cpts-taille-2-aci-avenant-2'))
    await importBudget(services, { name: 'a.json', text })
    await importBudget(services, { name: 'b.json', text })
    const list = await budgetList(services)
    expect(list.budgets.map((b) => b.sheet)).toEqual(['Budget 2025', 'Budget 2025 (2)'])
    expect(list.selected).toBe(list.budgets[1]?.key)
    expect((await budgetList(services, { current: '2025' })).selected).toBe('2025')
    expect((await budgetList(services, { wanted: 'x', current: '2025' })).selected).toBe('x')
  })
})
