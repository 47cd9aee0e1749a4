// Generate, import, export and import actuals, run without React on the in-memory workbook: the sheets they write and the state they return.
import { describe, expect, it } from 'vitest'
import {
  exportBudget,
  generateBudget,
  importActuals,
  importBudget,
  profileChoice,
} from '../../../addin/taskpane/actions'
import { draftOf, newDraft } from '../../../addin/taskpane/profile/draft'
import { readBudgetSheet } from '../../../addin/taskpane/sheets/budget-workbook'
import { budgetFromJson, budgetToCsv, budgetToJson, bundledCatalog, Catalog } from '../../../shared'
import aci2019 from '../../../shared/rates/aci-2019.json'
import aciAvenant2 from '../../../shared/rates/aci-avenant-2.json'
import { windows1252 } from '../fixtures/small-fec'
import { fixture, fixtureText, servicesOf } from '../support/action-services'

const avenant2 = () => fixture('cpts-taille-2-aci-avenant-2')

describe('generateBudget', () => {
  it('writes an empty budget sheet for the profile and selects it', async () => {
    const services = servicesOf()
    const { profil } = avenant2()
    const table = bundledCatalog().byVersionId('aci-avenant-2')
    const outcome = await generateBudget(services, { profil, table })
    expect(outcome.budgets).toEqual([{ key: '2025', sheet: 'Budget 2025' }])
    expect(outcome.selected).toBe('2025')
    expect(outcome.notice).toEqual({
      intent: 'success',
      title: 'Feuille « Budget 2025 » créée',
      text: 'Saisissez les montants par section, puis vérifiez le budget (onglet Contrôle).',
    })
    const back = await readBudgetSheet(services.workbook, '2025')
    expect(back.profil.nom).toBe('CPTS des Deux Rives')
    expect(back.profil.missions.map((m) => m.mission)).toEqual(
      profil.missions.map((m) => m.mission)
    )
  })

  it('refuses an incomplete profile in French, writing nothing', async () => {
    const services = servicesOf()
    await expect(generateBudget(services, { profil: null, table: null })).rejects.toThrow(
      'Profil incomplet : complétez les champs signalés de l’onglet Profil.'
    )
    expect(services.workbook.sheets).toEqual([])
  })
})

describe('importBudget', () => {
  it('writes a JSON budget to a new sheet and gives its profile and rate table', async () => {
    const services = servicesOf()
    const name = 'cpts-taille-2-aci-avenant-2.json'
    const outcome = await importBudget(services, {
      name,
      text: fixtureText('cpts-taille-2-aci-avenant-2'),
    })
    expect(outcome.notice?.text).toBe('35 lignes écrites dans la nouvelle feuille « Budget 2025 ».')
    expect(outcome.notice?.title).toBe(`« ${name} » importé`)
    expect(outcome.profil).toEqual(avenant2().profil)
    expect(outcome.table.id).toBe('aci-avenant-2')
    expect(outcome.selected).toBe('2025')
    expect((await readBudgetSheet(services.workbook, '2025')).lignes).toHaveLength(35)
  })

  it('reads a CSV the way French Excel saves it, beside the budgets already there', async () => {
    const services = servicesOf()
    await importBudget(services, { name: 'a.json', text: budgetToJson(avenant2()) })
    const outcome = await importBudget(services, { name: 'B.CSV', text: budgetToCsv(avenant2()) })
    expect(outcome.budgets.map((b) => b.sheet)).toEqual(['Budget 2025', 'Budget 2025 (2)'])
    expect(outcome.selected).toBe(outcome.budgets[1]?.key)
    const back = await readBudgetSheet(services.workbook, outcome.selected as string)
    expect(back.lignes[0]).toMatchObject({ compte: '6411', montant: '42000.00' })
  })

  it('reads a CSV saved by French Excel in Windows-1252 from its bytes, and says the encoding', async () => {
    const services = servicesOf()
    const doc = fixture('cpts-taille-2-aci-2019')
    const csv = budgetToCsv(doc).replace(/^\ufeff/, '')
    expect(csv).toContain('barème')
    const outcome = await importBudget(services, { name: 'budget.csv', bytes: windows1252(csv) })
    expect(outcome.notice?.text).toBe(
      `${doc.lignes.length} lignes écrites dans la nouvelle feuille « Budget ${doc.profil.exercice.debut.slice(0, 4)} » (lu en Windows-1252).`
    )
    expect(outcome.profil.nom).toBe(doc.profil.nom)
    expect(outcome.profil.nom).toContain('Vallée')
    // The same file in UTF-8 with its BOM, as the pane exports it.
    const utf8 = await importBudget(servicesOf(), {
      name: 'budget.csv',
      bytes: new TextEncoder().encode(budgetToCsv(doc)),
    })
    expect(utf8.notice?.text).toMatch(/\(lu en UTF-8 avec BOM\)\.$/)
    expect(utf8.profil).toEqual(outcome.profil)
  })

  it('reads the file against the pane’s rate tables, with a version downloaded since the build', async () => {
    const later = {
      ...structuredClone(aciAvenant2),
      id: 'aci-avenant-9',
      effectiveDate: '2026-06-01',
    }
    const services = { ...servicesOf(), catalog: Catalog.fromFiles([aci2019, aciAvenant2, later]) }
    const doc = avenant2()
    const named = { ...doc, profil: { ...doc.profil, version: 'aci-avenant-9' } }
    for (const file of [
      { name: 'budget.csv', text: budgetToCsv(named) },
      { name: 'budget.json', text: budgetToJson(named) },
    ]) {
      const outcome = await importBudget(services, file)
      expect(outcome.table.id).toBe('aci-avenant-9')
      expect(outcome.profil.version).toBe('aci-avenant-9')
    }
  })

  it('the rate table follows the version the profile names', async () => {
    const old = fixture('cpts-taille-2-aci-2019')
    const outcome = await importBudget(servicesOf(), { name: 'x.json', text: budgetToJson(old) })
    expect(outcome.table.id).toBe(
      old.profil.version ?? bundledCatalog().inForceOn(old.profil.signature).id
    )
  })
})

describe('profileChoice', () => {
  const table = bundledCatalog().byVersionId('aci-avenant-2')
  const untouched = newDraft('2026-11-23', table)
  const imported = draftOf(avenant2().profil, table)

  it('takes the imported profile only when the tab holds nothing typed', () => {
    expect(profileChoice(untouched, untouched, imported)).toBe('take')
    expect(profileChoice(imported, untouched, imported)).toBe('same')
  })

  it('asks before replacing a profile the person typed', () => {
    const typed = { ...untouched, nom: 'CPTS du Pays de Sèvre et Loire', population: '62 000' }
    expect(profileChoice(typed, untouched, imported)).toBe('ask')
  })
})

describe('exportBudget', () => {
  it('gives the sheet as a JSON or CSV file that reads back to the same budget', async () => {
    const services = servicesOf()
    const { selected } = await importBudget(services, {
      name: 'b.json',
      text: budgetToJson(avenant2()),
    })
    const json = await exportBudget(services, { key: selected, format: 'json' })
    expect(json.file.name).toBe('budget-2025.json')
    expect(json.file.type).toBe('application/json')
    expect(json.notice?.text).toBe('Fichier budget-2025.json (35 lignes).')
    const csv = await exportBudget(services, { key: selected, format: 'csv' })
    expect(csv.file.name).toBe('budget-2025.csv')
    expect(csv.file.type).toBe('text/csv;charset=utf-8')
    const fromJson = budgetFromJson(json.file.content)
    expect(fromJson.lignes.map((l) => l.montant)).toEqual(avenant2().lignes.map((l) => l.montant))
    expect(budgetToCsv(fromJson)).toBe(csv.file.content)
  })

  it('asks for a budget sheet when none is chosen', async () => {
    await expect(exportBudget(servicesOf(), { key: null, format: 'csv' })).rejects.toThrow(
      'Choisissez une feuille de budget.'
    )
  })
})

describe('importActuals', () => {
  it('writes budget and actuals to a new sheet, the original untouched', async () => {
    const services = servicesOf()
    const { selected } = await importBudget(services, {
      name: 'b.json',
      text: budgetToJson(avenant2()),
    })
    const actuals =
      '\ufeffCompte;Libellé;Réalisé\r\n6411;Salaire brut de la coordinatrice;40 500,00\r\n'
    const outcome = await importActuals(services, {
      key: selected,
      file: { name: 'realise.csv', text: actuals },
    })
    expect(outcome.notice?.title).toBe('Réalisé de « realise.csv » importé')
    expect(outcome.budgets).toHaveLength(2)
    expect(outcome.selected).not.toBe(selected)
    const merged = await readBudgetSheet(services.workbook, outcome.selected as string)
    expect(merged.lignes[0]?.realise).toBe('40500.00')
    const original = await readBudgetSheet(services.workbook, selected as string)
    expect(original.lignes[0]?.realise).toBeUndefined()
  })

  it('reads an actuals CSV saved in Windows-1252 from its bytes: « Libellé » is a known column', async () => {
    const services = servicesOf()
    const { selected } = await importBudget(services, {
      name: 'b.json',
      text: budgetToJson(avenant2()),
    })
    const actuals = 'Compte;Libellé;Réalisé\r\n6411;Salaire brut de la coordinatrice;40 500,00\r\n'
    const outcome = await importActuals(services, {
      key: selected,
      file: { name: 'realise.csv', bytes: windows1252(actuals) },
    })
    expect(outcome.notice?.text).toContain('(fichier lu en Windows-1252)')
    const merged = await readBudgetSheet(services.workbook, outcome.selected as string)
    expect(merged.lignes[0]?.realise).toBe('40500.00')
  })
})
