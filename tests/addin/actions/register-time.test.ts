// The Temps tab's actions on the in-memory workbook: the time sheet typed in, read back to the cent with a rate change, a CSV in Windows-1252 crossing the PASS, the month's payments and the budget lines.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  budgetFromTime,
  exportPayments,
  importTime,
  readTimeSheet,
  writeTimeSheet,
} from '../../../addin/taskpane/actions'
import { readBudgetSheet } from '../../../addin/taskpane/sheets/budget-workbook'
import type { MemoryWorkbook } from '../../../addin/taskpane/workbook/memory-workbook'
import { isFormula, parseAddress } from '../../../addin/taskpane/workbook/plan'
import { type BudgetProfil, bundledCatalog } from '../../../shared'
import { servicesOf } from '../support/action-services'

const table = bundledCatalog().byVersionId('aci-avenant-2')
const profil: BudgetProfil = {
  nom: 'CPTS du Val de Test',
  population: 62000,
  signature: '2025-01-01',
  exercice: { debut: '2026-01-01', fin: '2026-12-31' },
  missions: [
    { mission: 'acces', debut: '2025-01-01' },
    { mission: 'prevention', debut: '2025-01-01' },
  ],
}
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

/** Types a line of a table in the preview: its `row`-th body line (0-based), cell by cell. */
function typeRow(
  workbook: MemoryWorkbook,
  tableName: string,
  row: number,
  values: Record<string, string | number>
) {
  for (const sheet of workbook.sheets) {
    const t = sheet.plan.tables.find((x) => x.name === tableName)
    if (t === undefined) continue
    const start = parseAddress(t.at)
    for (const [header, value] of Object.entries(values)) {
      const col = t.columns.findIndex((c) => c.header === header)
      if (col < 0) throw new Error(`pas de colonne ${header}`)
      workbook.setCell(sheet.name, start.row + 1 + row, start.column + col, value)
    }
    return
  }
  throw new Error(`pas de tableau ${tableName}`)
}

const rate = (cible: string, type: string, depuis: string, horaire: number) => ({
  'Profession ou personne': cible,
  'S’applique à': type,
  Depuis: depuis,
  'Taux horaire': horaire,
})
const entry = (
  date: string,
  personne: string,
  profession: string,
  heures: number,
  section: string,
  nature: string
) => ({
  Date: date,
  Personne: personne,
  Profession: profession,
  Heures: heures,
  Section: section,
  Nature: nature,
})

describe('writeTimeSheet', () => {
  it('writes the rates, the totals against ACI.PASS, the split by section and the entries with their lists', async () => {
    const services = servicesOf()
    const outcome = await writeTimeSheet(services, { profil })
    expect(outcome.sheets).toEqual([{ key: '2026', sheet: 'Temps et indemnités 2026' }])
    const plan = services.workbook.sheets[0]?.plan
    const temps = plan?.tables.find((t) => t.name === 'Temps_2026')
    expect(temps?.columns.map((c) => c.header)).toEqual([
      'Date',
      'Personne',
      'Profession',
      'Membre à jour',
      'Heures',
      'Section',
      'Activité',
      'Nature',
      'Versé le',
      'Taux horaire',
      'Montant',
    ])
    const list = (header: string) => {
      const v = temps?.columns.find((c) => c.header === header)?.validation
      return v?.kind === 'list' ? v.source : undefined
    }
    expect(list('Section')).toEqual(['Fonctionnement', 'Accès aux soins', 'Prévention', 'Hors ACI'])
    expect(list('Nature')).toEqual(['indemnité', 'rémunération'])
    expect(list('Membre à jour')).toEqual(['oui', 'non'])
    const params = plan?.tables.find((t) => t.name === 'ParamTemps_2026')
    // PASS 2026: 48 060 € (arrêté du 22 décembre 2025).
    expect(params?.rows[1]?.[1]).toEqual({ formula: '=ACI.PASS($H$5)', value: 48060 })
    const people = plan?.tables.find((t) => t.name === 'TotauxPersonnes_2026')
    expect(people?.rows[0]?.filter(isFormula).map((c) => c.formula)).toContain(
      '=ACI.RESTE_PASS($H$5,[@Montant])'
    )
    expect(plan?.highlights.map((h) => h.above)).toEqual([0.9, 0])
  })
})

describe('readTimeSheet', () => {
  it('values each entry at the rate in force on its day, person by person and section by section', async () => {
    const services = servicesOf()
    await writeTimeSheet(services, { profil })
    const wb = services.workbook
    // Rows 0 and 1 of the rates are médecin généraliste and infirmier from 01/01/2026; row 4 is blank.
    typeRow(wb, 'TauxHoraires_2026', 0, { 'Taux horaire': 100 })
    typeRow(wb, 'TauxHoraires_2026', 1, { 'Taux horaire': 50 })
    typeRow(
      wb,
      'TauxHoraires_2026',
      4,
      rate('médecin généraliste', 'profession', '01/06/2026', 120)
    )
    typeRow(
      wb,
      'Temps_2026',
      0,
      entry('10/03/2026', 'Claire Petit', 'infirmier', 2, 'Fonctionnement', 'indemnité')
    )
    typeRow(
      wb,
      'Temps_2026',
      1,
      entry('12/05/2026', 'Claire Petit', 'infirmier', 1.5, 'Prévention', 'rémunération')
    )
    typeRow(
      wb,
      'Temps_2026',
      2,
      entry(
        '20/05/2026',
        'Anne Martin',
        'médecin généraliste',
        3,
        'Accès aux soins',
        'rémunération'
      )
    )
    typeRow(
      wb,
      'Temps_2026',
      3,
      entry(
        '15/06/2026',
        'Anne Martin',
        'médecin généraliste',
        2.5,
        'Accès aux soins',
        'rémunération'
      )
    )
    typeRow(
      wb,
      'Temps_2026',
      4,
      entry('01/07/2026', 'anne MARTIN', 'médecin généraliste', 1, 'Fonctionnement', 'indemnité')
    )
    const reading = await readTimeSheet(services, { key: '2026', profil })
    // Petit: 2 h × 50 + 1,5 h × 50 = 175 €; Martin: 3 h × 100 (May) + 2,5 h × 120 + 1 h × 120 (from June) = 720 €.
    expect(JSON.parse(spaces(JSON.stringify(reading.personnes)))).toEqual([
      { personne: 'Claire Petit', heures: '3,50 h', montant: '175,00 €' },
      { personne: 'Anne Martin', heures: '6,50 h', montant: '720,00 €' },
    ])
    expect(JSON.parse(spaces(JSON.stringify(reading.sections)))).toEqual([
      { section: 'Fonctionnement', heures: '3,00 h', montant: '220,00 €' },
      { section: 'Accès aux soins', heures: '5,50 h', montant: '600,00 €' },
      { section: 'Prévention', heures: '1,50 h', montant: '75,00 €' },
    ])
    expect(spaces(reading.total)).toBe('895,00 €')
    expect(reading.plafonds.map((p) => p.statut)).toEqual(['sous-plafond', 'sous-plafond'])
    expect(reading.constats.map((c) => c.code)).toContain('NOM-VARIANTE')
    expect(reading.mois).toEqual(['2026-03', '2026-05', '2026-06', '2026-07'])
  })

  it('names the table, line and column of an entry typed wrong', async () => {
    const services = servicesOf()
    await writeTimeSheet(services, { profil })
    typeRow(services.workbook, 'TauxHoraires_2026', 1, { 'Taux horaire': 50 })
    typeRow(
      services.workbook,
      'Temps_2026',
      2,
      entry('10/03/2026', 'Claire Petit', 'infirmier', 2, 'Fonctionnement', 'cadeau')
    )
    await expect(readTimeSheet(services, { key: '2026', profil })).rejects.toThrow(
      /^Temps_2026, ligne 3, colonne « Nature » : /
    )
  })
})

describe('importTime, exportPayments and budgetFromTime', () => {
  async function imported() {
    const services = servicesOf()
    await writeTimeSheet(services, { profil })
    typeRow(services.workbook, 'TauxHoraires_2026', 1, { 'Taux horaire': 50 })
    typeRow(
      services.workbook,
      'TauxHoraires_2026',
      4,
      rate('Anne Martin', 'personne', '01/01/2026', 220)
    )
    const bytes = new Uint8Array(
      readFileSync(new URL('../fixtures/temps-2026-windows-1252.csv', import.meta.url))
    )
    const outcome = await importTime(services, {
      file: { name: 'temps-2026.csv', bytes },
      key: '2026',
      profil,
    })
    return { services, outcome }
  }

  it('imports the CSV in Windows-1252 to a new sheet at the sheet’s rates and finds the PASS crossed in November', async () => {
    const { services, outcome } = await imported()
    expect(outcome.sheets.map((s) => s.sheet)).toEqual([
      'Temps et indemnités 2026',
      'Temps et indemnités 2026 (2)',
    ])
    expect(outcome.notice?.text).toBe(
      '13 temps (CSV, Windows-1252) écrits dans la nouvelle feuille « Temps et indemnités 2026 (2) », aux taux de la feuille choisie.'
    )
    const reading = await readTimeSheet(services, { key: outcome.selected, profil })
    // Martin: 20 h × 220 € = 4 400 € a month; 44 000 € after October, 48 400 € on 15 November, past 48 060 €.
    const martin = reading.plafonds.find((p) => p.personne === 'Anne Martin')
    expect(JSON.parse(spaces(JSON.stringify(martin)))).toEqual({
      personne: 'Anne Martin',
      annee: 2026,
      total: '52 800,00 €',
      plafond: '48 060,00 €',
      statut: 'depasse',
      depassement: '4 740,00 €',
      reste: '0,00 €',
      franchissement: '15/11/2026',
    })
    expect(reading.plafonds.find((p) => p.personne === 'Paul Durand')?.statut).toBe('sous-plafond')
    expect(reading.constats.map((c) => c.code)).toEqual(expect.arrayContaining(['NOM-VARIANTE']))
    expect(reading.notice?.intent).toBe('error')
  })

  it('refuses the CSV without a time sheet to take the rates from', async () => {
    await expect(
      importTime(servicesOf(), {
        file: { name: 't.csv', bytes: new Uint8Array() },
        key: null,
        profil,
      })
    ).rejects.toThrow('Le CSV des temps ne porte pas les taux horaires')
  })

  it('exports the month’s payments and writes the budget lines to a new budget sheet', async () => {
    const { services, outcome } = await imported()
    const payments = await exportPayments(services, {
      key: outcome.selected,
      profil,
      mois: '2026-02',
    })
    expect(payments.file.name).toBe('paiements-2026-02.csv')
    expect(payments.file.content).toContain('Paul Durand')
    expect(payments.file.content).toContain('Anne Martin')
    const budget = await budgetFromTime(services, { key: outcome.selected, profil, table })
    expect(budget.budgets).toEqual([{ key: '2026', sheet: 'Budget 2026' }])
    const back = await readBudgetSheet(services.workbook, '2026')
    expect(back.lignes.map((l) => [l.libelle, l.montant, l.beneficiaire])).toEqual([
      ['Indemnités pour perte de ressources – Paul Durand', '100.00', 'Paul Durand'],
      ['Rémunération de la participation aux missions – Anne Martin', '52800.00', 'Anne Martin'],
    ])
    // The time sheets are as they were: only a budget sheet was added.
    expect(services.workbook.sheets.map((s) => s.name)).toEqual([
      'Temps et indemnités 2026',
      'Temps et indemnités 2026 (2)',
      'Budget 2026',
    ])
  })
})
