// POST /api/v1/treasury inside workerd: the shared core's cash plan to the cent, ACI receipts on the schedule's dates, and its refusals.
import { exports } from 'cloudflare:workers'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { cashPlanJson, parseCashPlanRequest, planDeTresorerie, scheduleOf } from '../../shared'
import { problemSchema } from '../../worker/schemas'

const post = (body: unknown, contentType = 'application/json') =>
  exports.default.fetch('https://cpts.test/api/v1/treasury', {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

async function problemOf(res: Response, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  return v.parse(problemSchema, await res.json())
}

const contrat = {
  signature: '2023-04-15',
  taille: 2,
  missions: [{ mission: 'acces', debut: '2023-10-01' }],
}
const exercice = { debut: '2025-01-01', fin: '2025-12-31' }
const budget = {
  profil: { nom: 'CPTS du Val', taille: 2, signature: '2023-04-15', exercice, missions: [] },
  lignes: [
    { compte: '6411', libelle: 'Salaires', montant: '60000.00' },
    { compte: '756', libelle: 'Cotisations', montant: '2400.00', financeur: 'adherents' },
  ],
}

interface Month {
  mois: string
  ouverture: string
  encaissementsAci: string
  autresEncaissements: string
  decaissements: string
  solde: string
}

describe('POST /api/v1/treasury', () => {
  it('answers the shared core’s cash plan, months chained, ACI paid on the April anniversary', async () => {
    const request = {
      contrat,
      exercice,
      tresorerieInitiale: '5000.00',
      budget,
      decaissements: { '2025-01': '4500.00' },
      seuil: '2000.00',
    }
    const res = await post(request)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { mois: Month[]; alertes: unknown[] }
    expect(body).toEqual(
      JSON.parse(JSON.stringify(cashPlanJson(planDeTresorerie(parseCashPlanRequest(request)))))
    )
    expect(body.mois).toHaveLength(12)
    body.mois.forEach((m, i) => {
      const next = body.mois[i + 1]
      if (next !== undefined) expect(next.ouverture).toBe(m.solde)
    })
    const april = scheduleOf(
      parseCashPlanRequest(request).contrat as Parameters<typeof scheduleOf>[0]
    ).paiements.filter((p) => p.date.startsWith('2025-04'))
    const due = april.reduce((a, p) => a + Math.round(p.montant.toNumber() * 100), 0)
    expect(body.mois[3]?.encaissementsAci).toBe((due / 100).toFixed(2))
    expect(body.mois[0]?.decaissements).toBe('4500.00')
  })

  it('runs 12 more months on request', async () => {
    const res = await post({ contrat, exercice, tresorerieInitiale: '0', moisSuivants: true })
    expect(((await res.json()) as { mois: Month[] }).mois).toHaveLength(24)
  })

  it.each([
    [{ exercice, tresorerieInitiale: '0' }, 'contrat'],
    [{ contrat, exercice, tresorerieInitiale: 'beaucoup' }, 'tresorerieInitiale'],
    [{ contrat, exercice, tresorerieInitiale: '0', autre: 1 }, 'autre'],
    [
      { contrat, exercice, tresorerieInitiale: '0', decaissements: { '2025-1': '1' } },
      'decaissements',
    ],
  ])('refuses %j naming %s', async (body, field) => {
    const problem = await problemOf(await post(body), 400)
    expect(problem.code).toBe('tresorerie_invalide')
    expect(problem.field).toContain(field)
  })

  it('passes the contract’s and the budget’s own errors on', async () => {
    const bad = await problemOf(
      await post({ contrat: { ...contrat, taille: 9 }, exercice, tresorerieInitiale: '0' }),
      400
    )
    expect(bad.code).toBe('contrat_invalide')
    const ex = await problemOf(
      await post({
        contrat,
        exercice: { debut: '2025-12-31', fin: '2025-01-01' },
        tresorerieInitiale: '0',
      }),
      400
    )
    expect(ex.code).toBe('exercice_invalide')
  })

  it('refuses a body that is not JSON', async () => {
    expect((await problemOf(await post('{}', 'text/plain'), 415)).field).toBe('Content-Type')
    expect((await problemOf(await post('{', 'application/json'), 400)).code).toBe('json_invalide')
  })
})
