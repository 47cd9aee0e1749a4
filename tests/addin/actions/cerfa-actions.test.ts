// The CERFA action without React, on the in-memory workbook: the fixture budget's 12156 with its chapters summed by hand, in formulas over the budget table; one project; the 15059 when the budget has actuals.
import { describe, expect, it } from 'vitest'
import { cerfaChoices, importBudget, writeCerfaForms } from '../../../addin/taskpane/actions'
import { isFormula } from '../../../addin/taskpane/workbook/plan'
import { fixtureText, servicesOf } from '../support/action-services'

async function withBudget(name: string) {
  const services = servicesOf()
  await importBudget(services, { name: `${name}.json`, text: fixtureText(name) })
  return services
}

describe('writeCerfaForms', () => {
  it('writes the CERFA 12156 of the whole association, its chapters those of the budget, in formulas on Budget_2025', async () => {
    const services = await withBudget('cpts-taille-2-aci-avenant-2')
    const choices = await cerfaChoices(services, { key: '2025' })
    expect(choices.realise).toBe(false)
    expect(choices.sections.map((s) => s.section)).toContain('acces')
    const outcome = await writeCerfaForms(services, { key: '2025', section: null })
    expect(outcome.forms.map((f) => [f.formulaire, f.sheet])).toEqual([['12156', 'CERFA 12156']])
    const form = outcome.forms[0]
    const montant = (code: string) => form?.table.lignes.find((l) => l.code === code)?.montant
    // The fixture's lines summed by hand, chapter by chapter.
    expect(montant('60')).toBe('22200.00') // 6064 1 200 + 604 6 000 + 604 15 000
    expect(montant('61')).toBe('18050.00')
    expect(montant('62')).toBe('119780.00')
    expect(montant('64')).toBe('105733.33')
    expect(montant('70')).toBe('274000.00') // the six 706 lines of ACI income
    expect(montant('74')).toBe('20000.00') // 15 000 € FIR, 5 000 € local authority
    expect(montant('75')).toBe('5400.00')
    expect(form?.table.totaux.charges).toBe('265763.33')
    expect(form?.table.totaux.produits).toBe('299400.00')

    const sheet = services.workbook.sheets.find((s) => s.name === 'CERFA 12156')
    const formulas = [...(sheet?.cells.values() ?? [])].filter(isFormula).map((c) => c.formula)
    expect(formulas).toContain('=SUMIFS(Budget_2025[Montant],Budget_2025[Compte],"60*")')
    const cell60 = [...(sheet?.cells.values() ?? [])]
      .filter(isFormula)
      .find((c) => c.formula === '=SUMIFS(Budget_2025[Montant],Budget_2025[Compte],"60*")')
    expect(cell60?.value).toBe(22200)

    expect(form?.file.name).toBe('cerfa-12156-2025-cpts-des-deux-rives-association.csv')
    expect(form?.file.content.startsWith('\ufeff')).toBe(true)
    expect(form?.file.content).toContain('60 – Achats;22200')
    // The budget sheet is still there, untouched, and a second run writes beside the first.
    const again = await writeCerfaForms(services, { key: '2025', section: null })
    expect(again.forms[0]?.sheet).toBe('CERFA 12156 (2)')
    expect(outcome.notice?.text).toContain('pas de compte rendu financier')
  })

  it('writes the table of one project from its column', async () => {
    const services = await withBudget('cpts-taille-2-aci-avenant-2')
    const outcome = await writeCerfaForms(services, { key: '2025', section: 'acces' })
    const form = outcome.forms[0]
    expect(form?.table.perimetre).toBe('Accès aux soins')
    expect(form?.sheet).toBe('CERFA 12156 Accès aux soins')
    const sheet = services.workbook.sheets.find((s) => s.name === form?.sheet)
    const formulas = [...(sheet?.cells.values() ?? [])].filter(isFormula).map((c) => c.formula)
    expect(formulas.some((f) => f.includes('Budget_2025[Accès aux soins]'))).toBe(true)
    // The project's share of the charges: less than the association's.
    expect(Number(form?.table.totaux.charges)).toBeLessThan(265763.33)
  })

  it('offers only the sections with a column on the budget sheet, and refuses another', async () => {
    // The 2019 budget engages no « accompagnement » mission and no line uses it: no column.
    const services = await withBudget('cpts-taille-2-aci-2019')
    const choices = await cerfaChoices(services, { key: '2021' })
    expect(choices.sections.map((s) => s.section)).toEqual([
      'fonctionnement',
      'acces',
      'parcours',
      'prevention',
      'crise',
      'hors_aci',
    ])
    await expect(
      writeCerfaForms(services, { key: '2021', section: 'accompagnement' })
    ).rejects.toThrow('pas de colonne « Accompagnement')
    expect(services.workbook.sheets.map((s) => s.name)).toEqual(['Budget 2021'])
  })

  it('adds the CERFA 15059 when the budget has actuals', async () => {
    const services = await withBudget('cpts-taille-2-aci-avenant-2-realise')
    expect((await cerfaChoices(services, { key: '2025' })).realise).toBe(true)
    const outcome = await writeCerfaForms(services, { key: '2025', section: null })
    expect(outcome.forms.map((f) => [f.formulaire, f.sheet])).toEqual([
      ['12156', 'CERFA 12156'],
      ['15059', 'CERFA 15059'],
    ])
    const report = outcome.forms[1]
    expect(report?.table.totauxRealises).toBeDefined()
    expect(report?.file.name).toBe(
      'cerfa-15059-2025-cpts-des-deux-rives-realise-2025-association.csv'
    )
    const sheet = services.workbook.sheets.find((s) => s.name === 'CERFA 15059')
    const formulas = [...(sheet?.cells.values() ?? [])].filter(isFormula).map((c) => c.formula)
    expect(formulas).toContain('=SUMIFS(Budget_2025[Réalisé],Budget_2025[Compte],"60*")')
  })
})
