// The schema of the service's report: every report the core writes passes it as JSON, and a report with a field gone or mistyped does not.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { reportOf, sectionsShown } from '../../addin/taskpane/check/report'
import { budgetFromJson, checkBudget } from '../../shared'

const FIXTURES = [
  'cpts-taille-2-aci-2019',
  'cpts-taille-2-aci-avenant-2',
  'cpts-taille-2-aci-avenant-2-realise',
]
const fixture = (name: string) =>
  readFileSync(new URL(`../budget/fixtures/${name}.json`, import.meta.url), 'utf8')

describe('reportOf', () => {
  it.each(FIXTURES)('reads back the report of %s as the service sends it', (name) => {
    const report = checkBudget(budgetFromJson(fixture(name)))
    const wire: unknown = JSON.parse(JSON.stringify(report))
    expect(reportOf(wire)).toEqual(report)
  })

  it('refuses an answer that is not a report', () => {
    const report = JSON.parse(
      JSON.stringify(checkBudget(budgetFromJson(fixture(FIXTURES[1] as string))))
    )
    expect(reportOf(null)).toBeNull()
    expect(reportOf({ cpts: 'x' })).toBeNull()
    expect(reportOf({ ...report, counts: undefined })).toBeNull()
    expect(reportOf({ ...report, totaux: { ...report.totaux, charges: '12,50' } })).toBeNull()
    expect(
      reportOf({ ...report, sections: [{ ...report.sections[0], section: 'inconnue' }] })
    ).toBeNull()
  })
})

describe('sectionsShown', () => {
  it('keeps the sections with an envelope or planned charges', () => {
    const report = checkBudget(budgetFromJson(fixture('cpts-taille-2-aci-avenant-2')))
    const shown = sectionsShown(report)
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.length).toBeLessThanOrEqual(report.sections.length)
    for (const s of report.sections) {
      const kept = shown.includes(s)
      expect(kept).toBe(s.enveloppe !== null || Number(s.charges) !== 0)
    }
  })
})
