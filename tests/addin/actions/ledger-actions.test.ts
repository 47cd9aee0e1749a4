// The books' actions without React, on the in-memory workbook: a small Windows-1252 FEC imported (and refused, and cancelled), the rules, the actuals, the Suivi and Trésorerie sheets, the cut-off entries.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  budgetRules,
  contractView,
  defaultRulesOf,
  exportCutoffEntries,
  fillActualsFromLedger,
  type ImportedLedger,
  importBudget,
  importLedger,
  ledgerRules,
  writeLedgerFollowUp,
  writeLedgerRules,
  writeTreasuryPlan,
} from '../../../addin/taskpane/actions'
import { readBudgetSheet } from '../../../addin/taskpane/sheets/budget-workbook'
import { centsOf, readFec } from '../../../shared'
import { smallFec, windows1252 } from '../fixtures/small-fec'
import { cellOf, fixture, fixtureText, servicesOf, textOf } from '../support/action-services'

/** French amounts use U+202F and U+00A0: compared with plain spaces. */
const plain = (text: string | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ')
const EXERCICE = { debut: '2025-01-01', fin: '2025-12-31' }
const fileOf = (bytes: Uint8Array, name = 'fec-2025.txt') => new File([bytes as BlobPart], name)

async function withBudget() {
  const services = servicesOf()
  await importBudget(services, {
    name: 'budget.json',
    text: fixtureText('cpts-taille-2-aci-avenant-2'),
  })
  return services
}

async function imported(year = '2025'): Promise<ImportedLedger> {
  const outcome = await importLedger({ file: fileOf(smallFec(year).bytes), exercice: EXERCICE })
  if (outcome.imported === null) throw new Error(outcome.notice?.text)
  return outcome.imported
}

describe('importLedger', () => {
  it('reads a Windows-1252 FEC over the fiscal year, says its encoding and counts, with its progress', async () => {
    const { bytes, expected } = smallFec('2025')
    const steps: string[] = []
    const outcome = await importLedger({
      file: fileOf(bytes),
      exercice: EXERCICE,
      onProgress: (p) => steps.push(p.step),
    })
    expect(outcome.problemes).toEqual([])
    const got = outcome.imported as ImportedLedger
    expect(got.encodage).toBe('windows-1252')
    expect(got.encodageLabel).toBe('Windows-1252')
    expect(got.lignes).toBe(expected.lignes)
    expect(got.ecritures).toBe(expected.ecritures)
    expect(got.tresorerie).toEqual({
      ouverture: expected.ouverture,
      cloture: expected.cloture,
      aNouveauxTrouves: true,
    })
    // Accents read right: the label of the bank account came through Windows-1252.
    expect(got.ledger.lignes.find((l) => l.compte === '512000')?.compteLib).toBe(
      'Banque Crédit Coopératif'
    )
    expect(outcome.notice?.text).toBe(
      `${expected.lignes} lignes, ${expected.ecritures} écritures, lu en Windows-1252.`
    )
    expect(steps).toEqual(['lecture', 'decodage', 'controle', 'controle'])
  })

  it('refuses a FEC with an unbalanced entry and a date outside the year, with their lines, importing nothing', async () => {
    const lines = smallFec('2025').text.split('\r\n')
    // Line 4 (the first salary): its debit one euro off; line 6 (its payment) dated in 2024.
    lines[3] = (lines[3] as string).replace('3500,00\t0,00', '3501,00\t0,00')
    lines[5] = (lines[5] as string).replace('20250130', '20240130')
    const outcome = await importLedger({
      file: fileOf(windows1252(lines.join('\r\n'))),
      exercice: EXERCICE,
    })
    expect(outcome.imported).toBeNull()
    expect(outcome.problemes.map((p) => p.ligne)).toEqual(expect.arrayContaining([4, 6]))
    expect(outcome.notice?.intent).toBe('error')
    expect(outcome.notice?.title).toBe('FEC « fec-2025.txt » refusé')
    expect(outcome.notice?.text).toContain('Rien n’est importé')
    expect(outcome.notice?.text).toContain('ligne 4')
  })

  it('refuses a file that is not a FEC', async () => {
    const outcome = await importLedger({
      file: fileOf(
        new TextEncoder().encode('Compte;Libellé;Réalisé\r\n6411;Salaires;100\r\n'),
        'realise.csv'
      ),
      exercice: EXERCICE,
    })
    expect(outcome.imported).toBeNull()
    expect(outcome.problemes[0]?.message).toContain('points-virgules')
  })

  it('stops when cancelled, between two slices of a large file, and imports nothing', async () => {
    const { bytes } = smallFec('2025')
    const big = new Uint8Array(3 * (1 << 20))
    big.set(bytes)
    const controller = new AbortController()
    const outcome = await importLedger({
      file: fileOf(big),
      exercice: EXERCICE,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === 'lecture') controller.abort()
      },
    })
    expect(outcome.cancelled).toBe(true)
    expect(outcome.imported).toBeNull()
    expect(outcome.notice?.title).toBe('Import du FEC annulé')
  })
})

describe('mapping rules', () => {
  it('proposes one rule per split account of the budget, keys making 100 %', () => {
    const rows = defaultRulesOf(fixture('cpts-taille-2-aci-avenant-2'))
    const accounts = rows.map((r) => r.valeur)
    expect(new Set(accounts).size).toBe(accounts.length)
    expect(accounts).toContain('6411')
    for (const r of rows.filter((r) => r.cles !== null)) {
      const total = (r.cles ?? []).reduce((a, c) => a + Math.round(Number(c.pourcentage) * 100), 0)
      expect(total, r.valeur).toBe(10_000)
    }
    // The contributions in kind (86, 87) have no split: no rule.
    expect(accounts.some((a) => a.startsWith('86') || a.startsWith('87'))).toBe(false)
  })

  it('writes the rules to a Règles sheet and reads them back from it, the latest table first', async () => {
    const services = await withBudget()
    const first = await ledgerRules(services, { key: '2025' })
    expect(first.source).toEqual({ kind: 'budget' })
    const edited = [
      ...first.rows,
      {
        critere: 'journal' as const,
        valeur: 'SAL',
        section: 'fonctionnement' as const,
        cles: null,
        libelle: 'Paie',
      },
    ]
    const written = await writeLedgerRules(services, { key: '2025', budgets: [], rows: edited })
    expect(written.source).toEqual({ kind: 'feuille', table: 'Regles_2025', sheet: 'Règles 2025' })
    const again = await writeLedgerRules(services, { key: '2025', budgets: [], rows: first.rows })
    expect(again.source).toEqual({
      kind: 'feuille',
      table: 'Regles_2025_v2',
      sheet: 'Règles 2025 (2)',
    })
    const back = await ledgerRules(services, { key: '2025' })
    expect(back.source).toEqual({
      kind: 'feuille',
      table: 'Regles_2025_v2',
      sheet: 'Règles 2025 (2)',
    })
    expect(back.rows).toEqual(first.rows)
    expect((await budgetRules(services, { key: '2025' })).rows).toEqual(first.rows)
  })

  it('refuses keys that do not make 100 %, writing nothing', async () => {
    const services = await withBudget()
    const sheets = services.workbook.sheets.length
    await expect(
      writeLedgerRules(services, {
        key: '2025',
        budgets: [],
        rows: [
          {
            critere: 'compte',
            valeur: '6411',
            section: null,
            cles: [
              { section: 'fonctionnement', pourcentage: '60' },
              { section: 'parcours', pourcentage: '30' },
            ],
            libelle: '',
          },
        ],
      })
    ).rejects.toThrow('90 % au lieu de 100 %')
    expect(services.workbook.sheets.length).toBe(sheets)
  })
})

describe('actuals, follow-up and cash plan from the FEC', () => {
  it('fills the budget’s actuals in a new sheet and says what stayed unmapped', async () => {
    const services = await withBudget()
    const ledger = await imported()
    const { expected } = smallFec('2025')
    const rules = (await ledgerRules(services, { key: '2025' })).rows
    const outcome = await fillActualsFromLedger(services, { key: '2025', ledger, rules })
    expect(outcome.sheet).toBe('Budget 2025 (2)')
    expect(outcome.selected).toBe('2025_2')
    expect(outcome.actuals.totaux).toEqual({
      charges: expected.charges,
      produits: expected.produits,
    })
    expect(outcome.actuals.nonAffecte.charges).toBe(expected.nonAffecte)
    expect(plain(outcome.notice?.text)).toContain(
      'Non affecté : 150,50 € de charges et 0,00 € de produits (1 compte).'
    )
    const parcours = outcome.actuals.parSection.find((s) => s.section === 'parcours')
    expect(parcours?.charges).toBeGreaterThanOrEqual(expected.parcoursMarque)
    // The sheet written holds the actuals; the original has none.
    const back = await readBudgetSheet(services.workbook, '2025_2')
    const total = back.lignes.reduce(
      (a, l) =>
        a + (l.realise === undefined || !/^6/.test(l.compte) ? 0 : (centsOf(l.realise) ?? 0)),
      0
    )
    expect(total).toBe(expected.charges)
    const original = await readBudgetSheet(services.workbook, '2025')
    expect(original.lignes.every((l) => l.realise === undefined)).toBe(true)
  })

  it('writes the Suivi sheet: budget against actual by section to date, projection stated, two charts', async () => {
    const services = await withBudget()
    const ledger = await imported()
    const { expected } = smallFec('2025')
    const rules = (await ledgerRules(services, { key: '2025' })).rows
    const outcome = await writeLedgerFollowUp(services, { key: '2025', budgets: [], ledger, rules })
    expect(outcome.sheet).toBe('Suivi 2025')
    expect(outcome.suivi.total.realiseCumule).toBe(expected.charges)
    expect(outcome.suivi.jusquA).toBe('2025-12')
    const sheet = services.workbook.sheets.find((s) => s.name === 'Suivi 2025')
    expect(sheet?.plan.charts.length).toBe(2)
    const text = textOf(services.workbook, 'Suivi 2025')
    expect(text).toContain('Projection linéaire')
    expect(text).toContain('Non affecté')
    expect(plain(outcome.notice?.text)).toContain('À fin 12/2025 : réalisé 52 750,50 €')
  })

  it('writes the Trésorerie sheet from the FEC’s opening cash and its disbursements, months chained, alerts below the threshold', async () => {
    const services = await withBudget()
    const ledger = await imported()
    const { expected } = smallFec('2025')
    const profil = fixture('cpts-taille-2-aci-avenant-2').profil
    const outcome = await writeTreasuryPlan(services, {
      key: '2025',
      profil,
      choices: { prorata: 'jours', variable: 'versement' },
      ledger,
      tresorerieInitiale: '',
      seuil: '1 000 000,00',
      moisSuivants: false,
    })
    expect(outcome.sheet).toBe('Trésorerie 2025')
    const months = outcome.plan.mois
    expect(months).toHaveLength(12)
    expect(months[0]?.ouverture).toBe(expected.ouverture)
    for (let i = 1; i < months.length; i++) expect(months[i]?.ouverture).toBe(months[i - 1]?.solde)
    // Past months take the FEC's disbursements.
    expect(months[5]?.decaissements).toBe(expected.decaissements.get('2025-06'))
    expect(months.every((m) => m.source === 'realise')).toBe(true)
    expect(outcome.plan.alertes.length).toBe(12)
    expect(
      services.workbook.sheets.find((s) => s.name === 'Trésorerie 2025')?.plan.charts.length
    ).toBe(1)
    expect(textOf(services.workbook, 'Trésorerie 2025')).toContain(
      'à-nouveaux des comptes 512 et 53'
    )
  })

  it('asks for the opening cash when no FEC gives it, and reads a typed French amount', async () => {
    const services = await withBudget()
    const input = {
      key: '2025',
      profil: null,
      choices: { prorata: 'jours' as const, variable: 'versement' as const },
      ledger: null,
      seuil: '',
      moisSuivants: true,
    }
    await expect(writeTreasuryPlan(services, { ...input, tresorerieInitiale: '' })).rejects.toThrow(
      'Trésorerie d’ouverture'
    )
    await expect(
      writeTreasuryPlan(services, { ...input, tresorerieInitiale: 'beaucoup' })
    ).rejects.toThrow('12 500,00')
    const outcome = await writeTreasuryPlan(services, {
      ...input,
      tresorerieInitiale: '12 500,50 €',
    })
    expect(outcome.plan.mois).toHaveLength(24)
    expect(outcome.plan.mois[0]?.ouverture).toBe(1_250_050)
    expect(cellOf(services.workbook, outcome.sheet, 0, 0)).toContain('Plan de trésorerie 2025')
  })
})

describe('exportCutoffEntries', () => {
  it('gives the cut-off journal as a FEC the reader accepts, balanced, and as a French CSV', () => {
    const view = contractView(fixture('cpts-taille-2-aci-avenant-2').profil, {
      prorata: 'jours',
      variable: 'versement',
    })
    const fec = exportCutoffEntries(view, { format: 'fec', journal: 'ODA' })
    expect(fec.file.name).toBe('ecritures-cloture-2025.txt')
    const read = readFec(fec.file.content)
    expect(read.problemes).toEqual([])
    const lines = read.ledger?.lignes ?? []
    expect(lines.every((l) => l.journal === 'ODA')).toBe(true)
    expect(lines.reduce((a, l) => a + l.debit - l.credit, 0)).toBe(0)
    const csv = exportCutoffEntries(view, { format: 'csv' })
    expect(csv.file.name).toBe('ecritures-cloture-2025.csv')
    expect(csv.file.content.startsWith('\ufeffJournal;')).toBe(true)
    expect(csv.file.content).toContain('\r\nOD;Opérations diverses;1;01/01/2025;')
  })
})

it('keeps the e2e fixture FEC equal to the generator’s year 2026', () => {
  const file = readFileSync(
    new URL('../../e2e/fixtures/fec-2026-windows-1252.txt', import.meta.url)
  )
  expect(new Uint8Array(file)).toEqual(smallFec('2026').bytes)
})
