// The Indicateurs tab's actions on the in-memory workbook: an annex read from its files, the sheet written with live formulas, read back into money per mission, and the rates carried into the profile.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  blankAnnex,
  carryRates,
  importAnnex,
  indicatorsList,
  readIndicatorsSheet,
  writeIndicators,
} from '../../../addin/taskpane/actions'
import { newDraft } from '../../../addin/taskpane/profile/draft'
import type { MemoryWorkbook } from '../../../addin/taskpane/workbook/memory-workbook'
import { isFormula, parseAddress } from '../../../addin/taskpane/workbook/plan'
import { type Annexe, type BudgetProfil, bundledCatalog, parseAnnexe } from '../../../shared'
import { servicesOf } from '../support/action-services'

const fixtureBytes = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)))
const annexe = (): Annexe =>
  parseAnnexe(JSON.parse(new TextDecoder().decode(fixtureBytes('annexe-prevention.json'))))

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
const context = { profil, table, taille: 2 as const, crise: false }

/** Types a value in a table's column on the line whose `match` column holds `id`, as a person does in the preview. */
function type(
  workbook: MemoryWorkbook,
  tableName: string,
  match: string,
  id: string,
  header: string,
  value: string | number
) {
  for (const sheet of workbook.sheets) {
    const t = sheet.plan.tables.find((x) => x.name === tableName)
    if (t === undefined) continue
    const start = parseAddress(t.at)
    const col = t.columns.findIndex((c) => c.header === header)
    const key = t.columns.findIndex((c) => c.header === match)
    const row = t.rows.findIndex((r) => r[key] === id)
    if (col < 0 || row < 0) throw new Error(`${header} / ${id} introuvable`)
    workbook.setCell(sheet.name, start.row + 1 + row, start.column + col, value)
    return
  }
  throw new Error(`pas de tableau ${tableName}`)
}

describe('importAnnex', () => {
  it('reads the JSON annex and the same annex as French Excel saves it in Windows-1252', () => {
    const json = importAnnex({
      name: 'annexe-prevention.json',
      bytes: fixtureBytes('annexe-prevention.json'),
    })
    const csv = importAnnex({
      name: 'annexe-prevention.csv',
      bytes: fixtureBytes('annexe-prevention-windows-1252.csv'),
    })
    expect(csv.annexe).toEqual(json.annexe)
    expect(csv.annexe.missions[0]?.actions[1]?.libelle).toBe('Annuaire de l’offre de soins')
    expect(csv.notice?.text).toBe(
      '3 indicateurs dans 1 mission (CSV, Windows-1252). Écrivez maintenant la feuille Indicateurs.'
    )
  })

  it('says in French what is wrong in a CSV, naming line and column', () => {
    const text = new TextDecoder()
      .decode(fixtureBytes('annexe-prevention.json'))
      .replace('"sens": "baisse"', '"sens": "bas"')
    expect(() => importAnnex({ name: 'a.json', bytes: new TextEncoder().encode(text) })).toThrow(
      /sens attendu : hausse ou baisse/
    )
  })
})

describe('blankAnnex', () => {
  it('gives one all-or-nothing indicator per engaged mission at its variable envelope', () => {
    const blank = blankAnnex(context)
    // Taille 2, avenant 2: accès 30 000 €, prévention 15 000 € of variable part.
    expect(
      blank.annexe.missions.map((m) => [m.mission, m.actions[0]?.indicateurs[0]?.max.toFixed(2)])
    ).toEqual([
      ['acces', '30000.00'],
      ['prevention', '15000.00'],
    ])
  })
})

describe('writeIndicators and readIndicatorsSheet', () => {
  it('writes the sheet with ACI.PALIER behind IF(ISBLANK()), the binary rule, the lists and ACI.ATTEINTE', async () => {
    const services = servicesOf()
    const outcome = await writeIndicators(services, { ...context, annexe: annexe() })
    expect(outcome.sheets).toEqual([{ key: '2026', sheet: 'Indicateurs 2026' }])
    const plan = services.workbook.sheets[0]?.plan
    const indicateurs = plan?.tables.find((t) => t.name === 'Indicateurs_2026')
    const formulas = (indicateurs?.rows ?? []).flatMap((r) =>
      r.filter(isFormula).map((c) => c.formula)
    )
    // Row 16 is the first indicator: the context (rows 4–7), the missions (10–12), then the indicators' header.
    expect(formulas).toContain('=IF(ISBLANK(S16),0,ACI.PALIER(S16,M16:O16,P16:R16,H16))')
    expect(formulas).toContain('=IF(ISBLANK(S17),0,ACI.PALIER(S17,M17:O17,P17:R17,H17))')
    expect(formulas).toContain('=IF(OR(S18="oui",S18="fait",S18=TRUE),L18,0)')
    expect(formulas).toContain('=COUNTIFS($B$22:$B$24,B18,$D$22:$D$24,"<>oui")')
    const missions = plan?.tables.find((t) => t.name === 'AtteinteMissions_2026')
    expect(missions?.rows[0]?.filter(isFormula).map((c) => c.formula)).toEqual([
      '=SUM(T16:T18)',
      '=ACI.VARIABLE(B11,$B$5,1,$B$6)',
      '=ACI.ATTEINTE(B11,$B$5,T16:T18,FALSE,$B$6)',
    ])
    const livrables = plan?.tables.find((t) => t.name === 'Livrables_2026')
    expect(livrables?.columns.find((c) => c.header === 'Fourni')?.validation).toMatchObject({
      kind: 'list',
      source: ['oui', 'non'],
    })
    expect(plan?.highlights).toHaveLength(3)
  })

  it('reads the typed observations back into the amount claimed per mission, the missing evidence and the scenarios', async () => {
    const services = servicesOf()
    await writeIndicators(services, { ...context, annexe: annexe() })
    const wb = services.workbook
    // 63,5 % reaches the 63 % tier (2 000 €); 75 patients ≤ 90 reaches 5 000 €; the directory is done (4 000 €).
    type(wb, 'Indicateurs_2026', 'Indicateur', 'depistage', 'Valeur observée', 63.5)
    type(wb, 'Indicateurs_2026', 'Indicateur', 'sans-mt', 'Valeur observée', 75)
    type(wb, 'Indicateurs_2026', 'Indicateur', 'annuaire', 'Valeur observée', 'oui')
    type(wb, 'Livrables_2026', 'Livrable', 'Bilan des campagnes', 'Fourni', 'oui')
    const reading = await readIndicatorsSheet(services, { key: '2026' })
    expect(reading.result.indicateurs.map((i) => i.montant.toFixed(2))).toEqual([
      '2000.00',
      '5000.00',
      '4000.00',
    ])
    // 11 000 € of the 15 000 € prevention envelope (taille 2): 73,33 %.
    const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')
    expect(JSON.parse(spaces(JSON.stringify(reading.missions)))).toEqual([
      {
        mission: 'prevention',
        libelle: 'Prévention',
        montant: '11 000,00 €',
        enveloppe: '15 000,00 €',
        taux: '73,33 %',
        atteints: 3,
        nonAtteints: 0,
        sansObservation: 0,
        livrablesManquants: [
          'Campagnes de dépistage organisé : Liste des participants',
          'Annuaire de l’offre de soins : Annuaire diffusé',
        ],
      },
    ])
    expect(reading.rates).toEqual({ prevention: '0.733333333' })
    // Objectives reached: 3 000 + 8 000 + 4 000; base tier only: 1 000 + 2 000 + 4 000; nothing.
    expect(reading.scenarios.map((s) => [s.code, s.resultat.montant.toFixed(2)])).toEqual([
      ['objectifs_atteints', '15000.00'],
      ['socle_seulement', '7000.00'],
      ['rien', '0.00'],
    ])
    expect(spaces(reading.notice?.text ?? '')).toBe(
      'Volet variable réclamé : 11 000,00 € sur 15 000,00 €.'
    )
  })

  it('reads the tiers at their bounds: 60 earns the base tier, 59,9 nothing; 40 patients the best tier, 181 nothing', async () => {
    const services = servicesOf()
    await writeIndicators(services, { ...context, annexe: annexe() })
    const wb = services.workbook
    type(wb, 'Indicateurs_2026', 'Indicateur', 'depistage', 'Valeur observée', '59,9')
    type(wb, 'Indicateurs_2026', 'Indicateur', 'sans-mt', 'Valeur observée', 40)
    type(wb, 'Indicateurs_2026', 'Indicateur', 'annuaire', 'Valeur observée', 'non')
    let reading = await readIndicatorsSheet(services, { key: '2026' })
    expect(reading.result.indicateurs.map((i) => [i.statut, i.montant.toFixed(2)])).toEqual([
      ['non_atteint', '0.00'],
      ['atteint', '8000.00'],
      ['non_atteint', '0.00'],
    ])
    type(wb, 'Indicateurs_2026', 'Indicateur', 'depistage', 'Valeur observée', 60)
    type(wb, 'Indicateurs_2026', 'Indicateur', 'sans-mt', 'Valeur observée', 181)
    reading = await readIndicatorsSheet(services, { key: '2026' })
    expect(reading.result.indicateurs.map((i) => i.montant.toFixed(2))).toEqual([
      '1000.00',
      '0.00',
      '0.00',
    ])
  })

  it('names the table, line and column of an annex cell typed wrong on the sheet', async () => {
    const services = servicesOf()
    await writeIndicators(services, { ...context, annexe: annexe() })
    type(services.workbook, 'Indicateurs_2026', 'Indicateur', 'sans-mt', 'Sens', 'bas')
    await expect(readIndicatorsSheet(services, { key: '2026' })).rejects.toThrow(
      /^Indicateurs_2026, ligne 2, colonne « Sens » : /
    )
  })

  it('lists the sheets and writes a second one beside the first', async () => {
    const services = servicesOf()
    await writeIndicators(services, { ...context, annexe: annexe() })
    const second = await writeIndicators(services, { ...context, annexe: annexe() })
    expect(second.sheets.map((s) => s.sheet)).toEqual(['Indicateurs 2026', 'Indicateurs 2026 (2)'])
    expect(second.selected).toBe('2026_2')
    expect((await indicatorsList(services)).selected).toBe('2026_2')
  })
})

describe('carryRates', () => {
  it('puts the indicators’ rates in the profile the Budget and Contrat tabs use, and says so', () => {
    const draft = newDraft('2026-01-01', table)
    const carried = carryRates(
      {
        ...draft,
        missions: {
          ...draft.missions,
          prevention: { ...draft.missions.prevention, engagee: true },
        },
      },
      { rates: { prevention: '0.733333333' }, sheet: 'Indicateurs 2026' }
    )
    expect(carried.draft.missions.prevention.taux).toBe('73,3333333')
    expect(carried.notice?.text).toBe(
      'Taux d’atteinte de « Indicateurs 2026 » : Prévention 73,3333333 %. Les onglets Budget et Contrat les utilisent désormais.'
    )
  })
})
