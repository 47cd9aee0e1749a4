// POST /api/v1/budgets/check inside workerd: the shared core's report, to the character, and its refusals.
import { exports } from 'cloudflare:workers'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { checkBudget, parseBudget } from '../../shared'
import { problemSchema } from '../../worker/schemas'
import budget2019 from '../budget/fixtures/cpts-taille-2-aci-2019.json'
import report2019 from '../budget/fixtures/cpts-taille-2-aci-2019.report.json'
import budgetAvenant2 from '../budget/fixtures/cpts-taille-2-aci-avenant-2.json'
import reportAvenant2 from '../budget/fixtures/cpts-taille-2-aci-avenant-2.report.json'

const post = (body: unknown, contentType = 'application/json') =>
  exports.default.fetch('https://cpts.test/api/v1/budgets/check', {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('POST /api/v1/budgets/check', () => {
  it.each([
    ['aci-2019', budget2019, report2019],
    ['aci-avenant-2', budgetAvenant2, reportAvenant2],
  ])(
    'checks the taille 2 fixture under %s exactly as the shared core does offline',
    async (_id, budget, expected) => {
      const res = await post(budget)
      expect(res.status).toBe(200)
      const report = await res.json()
      expect(report).toEqual(expected)
      expect(report).toEqual(JSON.parse(JSON.stringify(checkBudget(parseBudget(budget)))))
    }
  )

  it('accepts application/json with a charset', async () => {
    const res = await post(budgetAvenant2, 'application/json; charset=utf-8')
    expect(res.status).toBe(200)
    await res.arrayBuffer()
  })

  it('answers 400 naming the field of a budget that breaks the schema', async () => {
    const broken = structuredClone(budgetAvenant2) as { lignes: { montant: string }[] }
    if (broken.lignes[2]) broken.lignes[2].montant = '12 000,00'
    const problem = v.parse(problemSchema, await (await post(broken)).json())
    expect(problem.status).toBe(400)
    expect(problem.field).toBe('lignes[2].montant')
    expect(problem.detail).toMatch(/lignes\[2\]\.montant/)
  })

  it('answers 422 for a financial year no chart of accounts covers', async () => {
    const early = structuredClone(budget2019) as {
      profil: { exercice: { debut: string; fin: string } }
    }
    early.profil.exercice = { debut: '2017-01-01', fin: '2017-12-31' }
    const res = await post(early)
    const problem = v.parse(problemSchema, await res.json())
    expect(res.status).toBe(422)
    expect(problem.code).toBe('plan_comptable_absent')
  })
})
