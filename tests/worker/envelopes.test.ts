// GET /api/v1/envelopes inside workerd, and its parity with the shared core to the cent for every version × taille × mission × rate.
import { exports } from 'cloudflare:workers'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { bundledCatalog, enveloppe, fixe, fonctionnement, total, variable } from '../../shared'
import { envelopesResponseSchema, problemSchema } from '../../worker/schemas'

const get = (path: string) => exports.default.fetch(`https://cpts.test${path}`)

async function envelopesOf(query: string) {
  const res = await get(`/api/v1/envelopes?${query}`)
  expect(res.status, query).toBe(200)
  return v.parse(envelopesResponseSchema, await res.json())
}

describe('GET /api/v1/envelopes', () => {
  it('gives a taille 2 CPTS under avenant 2 its envelopes at 80 %, amounts as decimal strings', async () => {
    const body = await envelopesOf('taille=2&version=aci-avenant-2&missions=acces,crise&taux=0.8')
    expect(body.version.id).toBe('aci-avenant-2')
    expect(body.fonctionnement).toBe('60000.00')
    expect(body.missions).toEqual([
      {
        mission: 'acces',
        label: 'Accès aux soins',
        category: 'socle',
        phase: null,
        taux: '0.8',
        fixe: '70000.00',
        variableMax: '30000.00',
        variable: '24000.00',
        enveloppe: '100000.00',
        attendu: '94000.00',
      },
      {
        mission: 'crise',
        label: 'Crises sanitaires graves',
        category: 'socle',
        phase: 'redaction',
        taux: '0.8',
        fixe: '35000.00',
        variableMax: '52500.00',
        variable: '42000.00',
        enveloppe: '87500.00',
        attendu: '77000.00',
      },
    ])
    // 60 000 + 100 000 + 87 500 ; 60 000 + 94 000 + 77 000
    expect(body.totalEnveloppe).toBe('247500.00')
    expect(body.totalAttendu).toBe('231000.00')
  })

  it('derives the taille from the population and the version from the date', async () => {
    const body = await envelopesOf('population=80000&date=2021-06-30')
    expect(body.taille).toBe(3)
    expect(body.population).toBe(80000)
    expect(body.version.id).toBe('aci-2019')
    expect(body.totalEnveloppe).toBe('370000.00')
  })

  it('takes the crisis plan’s yearly update when asked', async () => {
    const body = await envelopesOf(
      'taille=4&version=aci-avenant-2&missions=crise&phase=mise_a_jour'
    )
    expect(body.missions[0]).toMatchObject({
      phase: 'mise_a_jour',
      fixe: '25000.00',
      enveloppe: '100000.00',
    })
  })

  it.each([
    ['taille=5', 400, 'requete_invalide', 'taille'],
    ['taille=2.5', 400, 'requete_invalide', 'taille'],
    ['population=-3', 400, 'requete_invalide', 'population'],
    ['', 400, 'requete_invalide', 'taille'],
    ['taille=1&population=1000', 400, 'requete_invalide', 'taille'],
    ['taille=1&version=aci-2019&date=2020-01-01', 400, 'requete_invalide', 'version'],
    ['taille=1&taux=1.2', 400, 'requete_invalide', 'taux'],
    ['taille=1&taux=0,8', 400, 'requete_invalide', 'taux'],
    ['taille=1&missions=acces,,parcours', 400, 'requete_invalide', 'missions'],
    ['taille=1&mission=acces', 400, 'requete_invalide', 'mission'],
    ['taille=1&phase=crise', 400, 'requete_invalide', 'phase'],
    ['taille=1&version=aci-2031', 422, 'version_inconnue', 'version'],
    ['taille=1&date=2018-01-01', 422, 'date_anterieure', 'date'],
    ['taille=1&version=aci-2019&missions=crise', 422, 'mission_absente', 'missions[0]'],
    ['taille=1&missions=urgences', 422, 'mission_inconnue', 'missions[0]'],
    ['taille=1&missions=acces,acces', 400, 'mission_invalide', 'missions[1]'],
    ['population=100000001', 400, 'population_invalide', 'population'],
  ])('%s → %i %s on %s', async (query, status, code, field) => {
    const res = await get(`/api/v1/envelopes?${query}`)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const problem = v.parse(problemSchema, await res.json())
    expect(problem).toMatchObject({ status, code, field })
    expect(problem.detail.length).toBeGreaterThan(10)
  })
})

describe('parité API ↔ cœur partagé, au centime', () => {
  const rates = ['0', '0.25', '0.5', '0.333', '0.8', '0.875', '0.999', '1']
  for (const table of bundledCatalog().tables) {
    for (const t of [1, 2, 3, 4] as const) {
      it(`${table.id}, taille ${t}: every mission at ${rates.length} rates`, async () => {
        for (const taux of rates) {
          const body = await envelopesOf(`taille=${t}&version=${table.id}&taux=${taux}`)
          expect(body.fonctionnement).toBe(fonctionnement(t, table).toFixed(2))
          expect(body.totalEnveloppe).toBe(total(t, null, table).toFixed(2))
          expect(body.missions.map((m) => m.mission)).toEqual(table.missions.map((m) => m.code))
          for (const line of body.missions) {
            expect(line.fixe).toBe(fixe(line.mission, t, null, table).toFixed(2))
            expect(line.variable).toBe(variable(line.mission, t, Number(taux), table).toFixed(2))
            expect(line.enveloppe).toBe(enveloppe(line.mission, t, null, table).toFixed(2))
          }
        }
      })
    }
  }
})
