// Each ACI.* function gives the shared core's figures, to the cent, for every version, taille, mission and a spread of rates, however Excel passes them.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as aci from '../../addin/functions/functions'
import * as core from '../../shared'
import { PHASE_LABELS } from '../../shared'
import { installCustomFunctions, removeCustomFunctions } from './support/custom-functions'

beforeAll(() => {
  installCustomFunctions()
})
afterAll(() => {
  removeCustomFunctions()
})

const tables = core.bundledCatalog().tables
const RATES = [
  0,
  0.001,
  0.01,
  0.1,
  0.125,
  0.2,
  0.25,
  1 / 3,
  0.5,
  0.6,
  2 / 3,
  0.75,
  0.8,
  0.875,
  0.9,
  0.95,
  0.99,
  0.999,
  1,
]

/** Excel's serial of an ISO date, computed from the calendar (not with the code under test). */
function serialOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000
}

function isCents(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6
}

/** The ways Excel can hand over the same version: its id, an ISO date text, a date cell, a 1×1 range. */
function versionForms(table: core.RateTable): unknown[] {
  return [table.id, table.effectiveDate, serialOf(table.effectiveDate), [[table.id]]]
}

describe.each(tables.map((t) => [t.id, t] as const))('barème %s', (id, table) => {
  it('ACI.FONCTIONNEMENT = fonctionnement du cœur, pour chaque taille et chaque forme de version', () => {
    for (const t of core.TAILLES) {
      const expected = core.toExcelNumber(core.fonctionnement(t, id))
      for (const version of versionForms(table)) {
        expect(aci.fonctionnement(t, version)).toBe(expected)
        expect(aci.fonctionnement([[t]], version)).toBe(expected)
      }
    }
  })

  it('ACI.VARIABLE = variable du cœur, pour chaque taille × mission × taux', () => {
    for (const t of core.TAILLES) {
      for (const m of table.missions) {
        for (const rate of RATES) {
          const expected = core.toExcelNumber(core.variable(m.code, t, rate, id))
          const got = aci.variable(m.code, t, rate, id)
          expect(got).toBe(expected)
          expect(isCents(got)).toBe(true)
          expect(aci.variable([[m.code]], [[t]], [[rate]], [[id]])).toBe(expected)
          expect(aci.variable(m.code.toUpperCase(), t, rate, serialOf(table.effectiveDate))).toBe(
            expected
          )
        }
      }
    }
  })

  it('ACI.VARIABLE = variable du cœur pour des taux quelconques de 0 à 1', () => {
    const missions = table.missions.map((m) => m.code)
    fc.assert(
      fc.property(
        fc.constantFrom(...missions),
        fc.constantFrom(...core.TAILLES),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (mission, t, rate) => {
          expect(aci.variable(mission, t, rate, id)).toBe(
            core.toExcelNumber(core.variable(mission, t, rate, id))
          )
        }
      ),
      { numRuns: 2000 }
    )
  })

  it('ACI.FIXE = volet fixe du cœur, pour chaque phase du plan de crise', () => {
    for (const t of core.TAILLES) {
      for (const m of table.missions) {
        expect(aci.fixe(m.code, t, null, id)).toBe(
          core.toExcelNumber(core.fixe(m.code, t, null, id))
        )
        expect(aci.fixe(m.label, t, undefined, [[id]])).toBe(
          core.toExcelNumber(core.fixe(m.code, t, null, id))
        )
        // An empty phase cell: null on the web, 0 on Windows; the plan's first phase either way.
        expect(aci.fixe(m.code, t, 0, id)).toBe(aci.fixe(m.code, t, null, id))
        for (const phase of m.phases) {
          const word = PHASE_LABELS[phase]
          expect(aci.fixe(m.code, t, word, id)).toBe(
            core.toExcelNumber(core.fixe(m.code, t, phase, id))
          )
          expect(aci.fixe(m.code, t, [[word]], id)).toBe(
            core.toExcelNumber(core.fixe(m.code, t, phase, id))
          )
        }
      }
    }
  })

  it('ACI.ENVELOPPE = enveloppe du cœur = fixe + variable à 100 %', () => {
    for (const t of core.TAILLES) {
      for (const m of table.missions) {
        const expected = core.toExcelNumber(core.enveloppe(m.code, t, null, id))
        expect(aci.enveloppe(m.code, t, id)).toBe(expected)
        expect(aci.enveloppe(m.code, t, id)).toBe(
          aci.fixe(m.code, t, null, id) + aci.variable(m.code, t, 1, id)
        )
      }
    }
  })

  it('ACI.TOTAL = total du cœur, toutes missions ou une sélection en plage', () => {
    const codes = table.missions.map((m) => m.code)
    for (const t of core.TAILLES) {
      const all = core.toExcelNumber(core.total(t, null, id))
      expect(aci.total(t, undefined, id)).toBe(all)
      expect(aci.total(t, null as unknown as unknown[][], id)).toBe(all)
      expect(aci.total(t, [codes, codes.map(() => null)], id)).toBe(all)
      expect(aci.total(t, [[''], [null], [0]], id)).toBe(aci.fonctionnement(t, id))
      // Empty cells of a missions range arrive as 0 from Excel for Windows (office-js#5262).
      expect(aci.total(t, [codes, codes.map(() => 0)], id)).toBe(all)
    }
    fc.assert(
      fc.property(
        fc.subarray(codes, { minLength: 1 }),
        fc.constantFrom(...core.TAILLES),
        (chosen, t) => {
          const column = chosen.map((code) => [code])
          expect(aci.total(t, column, id)).toBe(core.toExcelNumber(core.total(t, chosen, id)))
          const sum =
            aci.fonctionnement(t, id) +
            chosen.reduce((acc, code) => acc + aci.enveloppe(code, t, id), 0)
          expect(aci.total(t, column, id)).toBeCloseTo(sum, 6)
        }
      ),
      { numRuns: 200 }
    )
  })

  it('ACI.BAREME : en-tête, puis les lignes du barème ; ses totaux sont ceux des autres fonctions', () => {
    const rows = aci.bareme(id)
    const grid = core.gridRows(table)
    expect(rows).toHaveLength(grid.length + 1)
    expect(rows[0]).toEqual([
      'Code mission',
      'Mission',
      'Ligne du barème',
      'Volet',
      'Phase',
      'Taille 1',
      'Taille 2',
      'Taille 3',
      'Taille 4',
    ])
    for (const row of rows) expect(row).toHaveLength(9)
    grid.forEach((line, i) => {
      const row = rows[i + 1] as unknown[]
      expect(row[2]).toBe(line.label)
      expect(row.slice(5)).toEqual(line.amounts.map(core.toExcelNumber))
      if (line.phase !== null) expect(core.parsePhase(row[4])).toBe(line.phase)
      core.TAILLES.forEach((t) => {
        const amount = row[4 + t]
        if (line.kind === 'fonctionnement') expect(amount).toBe(aci.fonctionnement(t, id))
        if (line.kind === 'total_mission') expect(amount).toBe(aci.enveloppe(line.mission, t, id))
        if (line.kind === 'total') expect(amount).toBe(aci.total(t, undefined, id))
      })
    })
    expect(aci.bareme(serialOf(table.effectiveDate))).toEqual(rows)
  })

  it('ACI.MISSIONS : les codes et libellés acceptés par les autres fonctions, socle ou optionnelle', () => {
    const rows = aci.missions(id)
    expect(rows[0]).toEqual([
      'Code',
      'Mission',
      'Intitulé du barème',
      'Catégorie',
      'Phases du plan',
    ])
    expect(rows.slice(1).map((r) => r[0])).toEqual(table.missions.map((m) => m.code))
    for (const [i, m] of table.missions.entries()) {
      const row = rows[i + 1] as unknown[]
      expect(row[3]).toBe(m.category)
      expect(aci.enveloppe(row[0], 2, id)).toBe(aci.enveloppe(m.code, 2, id))
      expect(aci.enveloppe(row[1], 2, id)).toBe(aci.enveloppe(m.code, 2, id))
      expect(aci.enveloppe(row[2], 2, id)).toBe(aci.enveloppe(m.code, 2, id))
      const phases = String(row[4])
        .split(' ; ')
        .filter((p) => p !== '')
      expect(phases.map((p) => core.parsePhase(p))).toEqual(m.phases)
    }
  })
})

describe('version par date', () => {
  const [first, second] = tables as [core.RateTable, core.RateTable]

  it('une cellule date donne le barème en vigueur ce jour-là, jusqu’à la veille du suivant', () => {
    const eve = serialOf(second.effectiveDate) - 1
    for (const t of core.TAILLES) {
      expect(aci.enveloppe('acces', t, eve)).toBe(aci.enveloppe('acces', t, first.id))
      expect(aci.enveloppe('acces', t, eve + 1)).toBe(aci.enveloppe('acces', t, second.id))
      // A date cell holding a time of day too: the day counts.
      expect(aci.enveloppe('acces', t, eve + 0.99)).toBe(aci.enveloppe('acces', t, first.id))
    }
  })

  it('version vide : le barème en vigueur aujourd’hui', () => {
    const today = core.bundledCatalog().inForceOn(core.todayInFrance())
    for (const t of core.TAILLES) {
      const expected = aci.fonctionnement(t, today.id)
      expect(aci.fonctionnement(t)).toBe(expected)
      expect(aci.fonctionnement(t, null)).toBe(expected)
      expect(aci.fonctionnement(t, '')).toBe(expected)
      expect(aci.fonctionnement(t, [[null]])).toBe(expected)
      // An empty cell as Excel for Windows passes it (office-js#4702).
      expect(aci.fonctionnement(t, 0)).toBe(expected)
    }
    expect(aci.bareme()).toEqual(aci.bareme(today.id))
  })
})

describe('ACI.TAILLE', () => {
  it('= taille du cœur, autour de chaque seuil', () => {
    const populations = [0, 1, 39_999, 40_000, 40_001, 79_999, 80_000, 174_999, 175_000, 2_000_000]
    for (const population of populations) {
      expect(aci.taille(population)).toBe(core.taille(population))
      expect(aci.taille([[population]])).toBe(core.taille(population))
    }
    expect(populations.map((p) => aci.taille(p))).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 4, 4])
  })
})

describe('ACI.VERSIONS', () => {
  it('les versions intégrées, de la plus ancienne à la plus récente, avec date d’effet et SHA-256', () => {
    const rows = aci.versions()
    expect(rows[0]).toEqual(['Version', 'Titre', 'En vigueur depuis', 'Source', 'SHA-256'])
    expect(rows.slice(1)).toEqual(
      tables
        .map(core.versionSummary)
        .map((v) => [v.id, v.title, v.effectiveDate, v.source, v.sha256])
    )
    for (const row of rows.slice(1)) {
      expect(row[4]).toMatch(/^[0-9a-f]{64}$/)
      // The effective date shown is itself a valid version argument, naming the same version.
      expect(aci.bareme(row[2])).toEqual(aci.bareme(row[0]))
    }
  })
})
