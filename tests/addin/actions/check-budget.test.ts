// The check action without React: the sheet read back and checked by the service or here, then its report written to a Contrôle sheet.
import { describe, expect, it } from 'vitest'
import { checkBudgetSheet, importBudget, writeCheckSheet } from '../../../addin/taskpane/actions'
import { budgetToJson, checkBudget, Decimal, formatEuros } from '../../../shared'
import { fixture, online, servicesOf, textOf } from '../support/action-services'

async function withBudget(fetch?: typeof globalThis.fetch) {
  const services = servicesOf(fetch === undefined ? {} : { fetch })
  const doc = fixture('cpts-taille-2-aci-avenant-2')
  const list = await importBudget(services, { name: 'b.json', text: budgetToJson(doc) })
  return { services, doc, ...list }
}

describe('checkBudgetSheet', () => {
  it('offline: checks here, says so, and writes the report to a Contrôle sheet', async () => {
    const { services, doc, budgets, selected } = await withBudget()
    const checked = await checkBudgetSheet(services, { key: selected, budgets })
    const expected = checkBudget(doc)
    expect(checked.budgetSheet).toBe('Budget 2025')
    expect(checked.check.origin).toBe('local')
    expect(checked.check.note).toBe(
      'Contrôle fait sur cet ordinateur : le service est injoignable (pas de réseau, ou service arrêté).'
    )
    expect(checked.check.report.counts).toEqual(expected.counts)
    expect(checked.check.report.totaux.charges).toBe('265763.33')
    expect(checked.check.report.totaux.enveloppe).toBe('274000.00')
    expect(services.workbook.sheets.map((s) => s.name)).toEqual(['Budget 2025'])
    const outcome = await writeCheckSheet(services, checked)
    expect(outcome.controlSheet).toBe('Contrôle 2025')
    expect(outcome.notice).toEqual({
      intent: 'error',
      title: 'Budget à corriger',
      text: '1 erreur, 7 avertissements, 5 informations ; rapport dans la nouvelle feuille « Contrôle 2025 ».',
    })
    const sheet = textOf(services.workbook, 'Contrôle 2025')
    expect(sheet).toContain('Feuille « Budget 2025 » vérifiée le 23/11/2026 sur cet ordinateur')
    for (const f of expected.findings) expect(sheet).toContain(f.message)
    // The fiscal year's ACI income, envelope by envelope, under the chart.
    const eur = (amount: string) => formatEuros(new Decimal(amount))
    expect(sheet).toContain(
      `Produits ACI de l’exercice ${eur('271866.43')} (total 706 de la coupure) pour des enveloppes d’années de contrat de ${eur('554250.00')} ; le budget compte ${eur('274000.00')} de produits ACI.`
    )
    expect(sheet).toContain('Année 2 — ACI fonctionnement (706100)')
  })

  it('online: the service’s report, read through its schema', async () => {
    const { services, budgets, selected } = await withBudget(online)
    const checked = await checkBudgetSheet(services, { key: selected, budgets })
    expect(checked.check.origin).toBe('service')
    expect(checked.check.note).toBeNull()
    expect(checked.check.report.counts).toEqual({ error: 1, warning: 7, info: 5 })
    expect(checked.check.report.produitsAciExercice).toBe('271866.43')
    const outcome = await writeCheckSheet(services, checked)
    expect(textOf(services.workbook, outcome.controlSheet)).toContain(
      'par le service en ligne ACI-CPTS'
    )
  })

  it('replaces the Contrôle sheet of the same budget when asked, never a sheet of the person’s', async () => {
    const { services, budgets, selected } = await withBudget()
    // A sheet of the person's with the name the pane would take: never touched.
    await services.workbook.addSheet(() => ({
      name: 'Contrôle 2025',
      blocks: [{ at: 'A1', rows: [['Mes notes de contrôle']], style: 'title' }],
      tables: [],
      highlights: [],
      charts: [],
      freezeRows: 0,
      widths: [],
    }))
    const check = () => checkBudgetSheet(services, { key: selected, budgets })
    const first = await writeCheckSheet(services, await check(), { replace: true })
    expect(first.controlSheet).toBe('Contrôle 2025 (2)')
    const second = await writeCheckSheet(services, await check(), { replace: true })
    expect(second.controlSheet).toBe('Contrôle 2025 (2)')
    expect(second.notice?.text).toMatch(
      /rapport dans « Contrôle 2025 \(2\) », qui remplace le contrôle précédent de ce budget\.$/
    )
    const names = () => services.workbook.sheets.map((s) => s.name)
    expect(names()).toEqual(['Budget 2025', 'Contrôle 2025', 'Contrôle 2025 (2)'])
    expect(textOf(services.workbook, 'Contrôle 2025')).toContain('Mes notes de contrôle')
    // Kept when not asked: a new sheet beside it, which a later replacement leaves alone.
    const kept = await writeCheckSheet(services, await check(), { replace: false })
    expect(kept.controlSheet).toBe('Contrôle 2025 (3)')
    await writeCheckSheet(services, await check(), { replace: true })
    expect(names()).toEqual([
      'Budget 2025',
      'Contrôle 2025',
      'Contrôle 2025 (2)',
      'Contrôle 2025 (3)',
    ])
  })

  it('asks for a budget sheet when none is chosen', async () => {
    const { services, budgets } = await withBudget()
    await expect(checkBudgetSheet(services, { key: null, budgets })).rejects.toThrow(
      'Choisissez une feuille de budget.'
    )
  })
})
