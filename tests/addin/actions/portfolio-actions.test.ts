// The portfolio action without React, on the in-memory workbook: three small budgets (JSON and French CSV) with totals summed here, a file that is not a dossier, a cancel after the first file.
import { describe, expect, it } from 'vitest'
import { buildPortfolio, type PortfolioProgress } from '../../../addin/taskpane/actions'
import {
  type BudgetDocument,
  budgetToCsv,
  budgetToJson,
  checkBudget,
  Decimal,
  parseBudget,
} from '../../../shared'
import { fixture, servicesOf, textOf } from '../support/action-services'

const base = fixture('cpts-taille-2-aci-avenant-2')

/** A small budget of the fixture's profile: a name and a few lines, each in one section. */
function small(nom: string, amounts: readonly [string, string, string]): BudgetDocument {
  const line = (compte: string, libelle: string, montant: string, section: string) => ({
    compte,
    libelle,
    montant,
    repartition: { mode: 'montants', parts: [{ section, montant }] },
  })
  return {
    profil: { ...base.profil, nom },
    lignes: [
      line('6132', 'Loyer du bureau', amounts[0], 'fonctionnement'),
      line('6228', 'Régulation des soins non programmés', amounts[1], 'acces'),
      line('6228', 'Réunions de concertation', amounts[2], 'parcours'),
    ],
  } as unknown as BudgetDocument
}

const budgets = [
  small('CPTS du Nord', ['9600.00', '30000.00', '20000.00']),
  small('CPTS du Sud', ['12000.50', '45000.00', '10000.00']),
  small('CPTS de l’Est', ['7000.00', '5000.25', '61000.00']),
]

const files = () => [
  new File([budgetToJson(budgets[0] as BudgetDocument)], 'nord.json'),
  new File([budgetToCsv(budgets[1] as BudgetDocument)], 'sud.csv'),
  new File(['{ "bonjour": "ceci n’est pas un dossier" }'], 'autre.json'),
  new File([budgetToJson(budgets[2] as BudgetDocument)], 'est.json'),
]

const sum = (values: readonly string[]) =>
  values.reduce((s, v) => s.plus(new Decimal(v)), new Decimal(0)).toFixed(2)

describe('buildPortfolio', () => {
  it('reads every file, lists the one it could not read, and writes the Portefeuille sheet with its tables and chart', async () => {
    const services = servicesOf()
    const steps: PortfolioProgress[] = []
    const outcome = await buildPortfolio(services, {
      files: files(),
      onProgress: (p) => steps.push(p),
    })
    expect(outcome.cancelled).toBe(false)
    expect(outcome.rows.map((r) => [r.fichier, r.statut])).toEqual([
      ['nord.json', 'ok'],
      ['sud.csv', 'ok'],
      ['autre.json', 'erreur'],
      ['est.json', 'ok'],
    ])
    expect(outcome.unread.map((r) => r.fichier)).toEqual(['autre.json'])
    expect(outcome.unread[0]?.message).not.toBe('')
    // Totals summed here from the lines, the envelopes from each budget's own check.
    const charges = sum(budgets.flatMap((b) => b.lignes.map((l) => l.montant)))
    expect(charges).toBe('199600.75')
    const enveloppe = sum(budgets.map((b) => checkBudget(parseBudget(b)).totaux.enveloppe))
    const s = outcome.summary
    expect(s?.cpts).toBe(3)
    expect(s?.erreurs).toBe(1)
    expect(s?.charges).toBe(charges)
    expect(s?.totalEnveloppe).toBe(enveloppe)
    const acces = s?.parMission.find((m) => m.section === 'acces')
    expect(acces?.charges).toBe('80000.25')
    expect(steps.map((p) => p.label)).toEqual([
      '0 / 4 fichiers',
      '1 / 4 fichiers',
      '2 / 4 fichiers',
      '3 / 4 fichiers',
      '4 / 4 fichiers',
    ])
    expect(steps.at(-1)?.fraction).toBe(1)

    expect(outcome.sheet).toBe('Portefeuille')
    const sheet = services.workbook.sheets.find((x) => x.name === 'Portefeuille')
    const tables = sheet?.plan.tables ?? []
    expect(tables.map((t) => t.name)).toEqual([
      'PortefeuilleMissions_20261123',
      'Portefeuille_20261123',
      'PortefeuilleAnomalies_20261123',
      'PortefeuilleNonLus_20261123',
    ])
    const cpts = tables[1]
    const column = (header: string) => cpts?.columns.findIndex((c) => c.header === header) ?? -1
    expect(cpts?.rows.map((r) => r[column('CPTS')])).toEqual([
      'CPTS du Nord',
      'CPTS du Sud',
      'CPTS de l’Est',
    ])
    expect(cpts?.rows.map((r) => r[column('Charges prévues')])).toEqual([59600, 67000.5, 73000.25])
    expect(tables[3]?.rows.map((r) => r[1])).toEqual(['autre.json'])
    expect(sheet?.plan.charts[0]?.title).toBe('Consommation des enveloppes par mission')
    expect(textOf(services.workbook, 'Portefeuille')).toContain(
      '3 CPTS comptées sur 4 fichiers lus'
    )
    expect(outcome.notice?.title).toBe('Portefeuille écrit dans « Portefeuille »')
  })

  it('stops between two files when cancelled, and writes no sheet', async () => {
    const services = servicesOf()
    const controller = new AbortController()
    const steps: string[] = []
    const outcome = await buildPortfolio(services, {
      files: files(),
      signal: controller.signal,
      onProgress: (p) => {
        steps.push(p.label)
        if (p.label.startsWith('1 /')) controller.abort()
      },
    })
    expect(outcome.cancelled).toBe(true)
    expect(steps).toEqual(['0 / 4 fichiers', '1 / 4 fichiers'])
    expect(outcome.notice?.title).toBe('Portefeuille annulé')
    expect(outcome.notice?.text).toContain('1 / 4 fichiers')
    expect(services.workbook.sheets).toEqual([])
  })

  it('does not replace a sheet already named Portefeuille', async () => {
    const services = servicesOf()
    await buildPortfolio(services, { files: files().slice(0, 1) })
    const again = await buildPortfolio(services, { files: files().slice(0, 1) })
    expect(again.sheet).toBe('Portefeuille (2)')
  })
})
