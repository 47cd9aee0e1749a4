// POST /api/v1/contracts/variable inside workerd: the shared core's variable part indicator by indicator, to the cent, and its refusals as problem+json, never a 500.
import { exports } from 'cloudflare:workers'
import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { variableJson, variableOfRequest } from '../../shared'
import { problemSchema } from '../../worker/schemas'
import { annexeTaille3 } from '../core/indicators/annexe-taille-3'

const post = (body: unknown, contentType = 'application/json') =>
  exports.default.fetch('https://cpts.test/api/v1/contracts/variable', {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

/** The request of the issue, as written there. */
const example = {
  taille: 3,
  version: 'aci-avenant-2',
  phase: 'mise_a_jour',
  crise: false,
  annexe: {
    missions: [
      {
        mission: 'acces',
        actions: [
          {
            id: 'mt',
            libelle: 'Faciliter l’accès à un médecin traitant',
            livrables: ['Liste des patients en ALD sans médecin traitant'],
            indicateurs: [
              {
                id: 'ald-sans-mt',
                libelle: 'Patients en ALD sans médecin traitant',
                type: 'paliers',
                sens: 'baisse',
                paliers: [
                  { seuil: '40', montant: '8000' },
                  { seuil: '90', montant: '5000' },
                  { seuil: '180', montant: '2000' },
                ],
              },
              {
                id: 'annuaire',
                libelle: 'Annuaire de l’offre de soins diffusé',
                type: 'binaire',
                max: '4000',
              },
            ],
          },
        ],
      },
    ],
  },
  observations: { 'ald-sans-mt': 75, annuaire: true },
}

interface Answer {
  indicateurs: { id: string; montant: string; max: string }[]
  missions: { mission: string; montant: string; enveloppeVariable: string; taux: string }[]
  constats: { code: string; severity: string; message: string; mission?: string; ecart?: string }[]
  total: { montant: string; enveloppeVariable: string }
}

async function answer(body: unknown): Promise<Answer> {
  const res = await post(body)
  expect(res.status).toBe(200)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
  return (await res.json()) as Answer
}

async function problemOf(body: unknown, status: number) {
  const res = await post(body)
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  return v.parse(problemSchema, await res.json())
}

describe('POST /api/v1/contracts/variable', () => {
  it('answers the issue’s request: each indicator, the mission against its envelope, the gap as a finding', async () => {
    const body = await answer(example)
    expect(body.indicateurs.map((i) => [i.id, i.montant, i.max])).toEqual([
      ['ald-sans-mt', '5000.00', '8000.00'],
      ['annuaire', '4000.00', '4000.00'],
    ])
    // 9 000 of the 35 000 € variable envelope of accès aux soins at taille 3.
    expect(body.missions).toEqual([
      expect.objectContaining({
        mission: 'acces',
        montant: '9000.00',
        enveloppeVariable: '35000.00',
        taux: '0.257142857',
      }),
    ])
    // Two indicators only: their maxima (12 000) fall 23 000 € short of the envelope.
    expect(body.constats[0]).toMatchObject({
      code: 'MAXIMA-ENVELOPPE',
      severity: 'error',
      mission: 'acces',
      ecart: '-23000.00',
    })
    expect(body.constats[0]?.message).toContain('23\u202f000,00\u00a0€ de moins')
  })

  it('answers exactly what the shared core computes, on a whole taille-3 annex, crisis year or not', async () => {
    const observations = {
      'ald-sans-mt': 40,
      'snp-creneaux': 39,
      sas: true,
      'diabete-inclus': '150',
      'sorties-visite': '49,9 %',
      'depistage-colorectal': 66,
      'crise-activation': true,
      antibiotiques: 70.5,
      'nouveaux-ps': 6,
    }
    for (const crise of [false, true]) {
      const request = {
        taille: 3,
        version: 'aci-avenant-2',
        crise,
        annexe: annexeTaille3,
        observations,
      }
      const body = await answer(request)
      expect(body).toEqual(JSON.parse(JSON.stringify(variableJson(variableOfRequest(request)))))
      expect(body.constats.filter((c) => c.severity === 'error')).toEqual([])
      const crisis = body.missions.find((m) => m.mission === 'crise')
      expect(crisis?.montant).toBe(crise ? '67500.00' : '0.00')
      // 8 000 + 3 000 + 3 000 (accès) + 15 000 + 10 000 (parcours) + 3 000 (prévention)
      // + 0 (qualité: 70,5 exceeds every threshold) + 4 000 (accompagnement) = 46 000.
      expect(body.total.montant).toBe(crise ? '113500.00' : '46000.00')
    }
  })

  it('takes amounts and thresholds as JSON numbers, and evidence status per action', async () => {
    const request = structuredClone(example) as typeof example & { livrables?: unknown }
    const ald = request.annexe.missions[0]?.actions[0]?.indicateurs[0] as unknown as {
      paliers: unknown[]
    }
    ald.paliers = [
      { seuil: 40, montant: 8000 },
      { seuil: 90, montant: 5000 },
      { seuil: 180, montant: 2000 },
    ]
    request.livrables = { mt: [false] }
    const body = await answer(request)
    expect(body.indicateurs[0]?.montant).toBe('5000.00')
    expect(body.constats.map((c) => c.code)).toContain('LIVRABLES-MANQUANTS')
  })

  it('answers 400 naming the field of an annex that breaks the schema', async () => {
    const request = structuredClone(example)
    const ald = request.annexe.missions[0]?.actions[0]?.indicateurs[0] as unknown as {
      paliers: { seuil: string; montant: string }[]
    }
    ald.paliers[1] = { seuil: '90', montant: 'cinq mille' }
    const problem = await problemOf(request, 400)
    expect(problem.code).toBe('contrat_invalide')
    expect(problem.field).toBe('annexe.missions[0].actions[0].indicateurs[0].paliers[1].montant')
    expect(problem.detail).toContain('montant du palier attendu')
  })

  it('answers 400 for an observation that does not fit its indicator, and for a missing taille', async () => {
    const wrong = await problemOf({ ...example, observations: { annuaire: 'peut-être' } }, 400)
    expect(wrong.field).toBe('observations.annuaire')
    const { taille: _, ...noTaille } = example
    expect((await problemOf(noTaille, 400)).field).toBe('taille')
  })

  it('answers 422 for a version that does not exist, 415 for a body that is not JSON, 405 to a GET', async () => {
    expect((await problemOf({ ...example, version: 'aci-2030' }, 422)).code).toBe(
      'version_inconnue'
    )
    const notJson = await post('taille=3', 'application/x-www-form-urlencoded')
    expect(notJson.status).toBe(415)
    await notJson.arrayBuffer()
    expect((await problemOf('{"taille":', 400)).code).toBe('json_invalide')
    const get = await exports.default.fetch('https://cpts.test/api/v1/contracts/variable')
    expect(get.status).toBe(405)
    expect(get.headers.get('Allow')).toBe('POST')
    await get.arrayBuffer()
  })

  it('never answers 5xx, whatever is changed in the request', async () => {
    const anything = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 })
    )
    const paths: readonly (readonly (string | number)[])[] = [
      ['taille'],
      ['version'],
      ['phase'],
      ['crise'],
      ['observations'],
      ['observations', 'ald-sans-mt'],
      ['observations', 'annuaire'],
      ['annexe', 'missions', 0, 'mission'],
      ['annexe', 'missions', 0, 'actions', 0, 'id'],
      ['annexe', 'missions', 0, 'actions', 0, 'indicateurs', 0, 'sens'],
      ['annexe', 'missions', 0, 'actions', 0, 'indicateurs', 0, 'paliers'],
      ['annexe', 'missions', 0, 'actions', 0, 'indicateurs', 0, 'paliers', 0, 'seuil'],
      ['annexe', 'missions', 0, 'actions', 0, 'indicateurs', 1, 'max'],
      ['annexe', 'missions', 0, 'actions', 0, 'livrables'],
      ['livrables'],
      ['livrables', 'mt'],
      ['options'],
      ['options', 'exigerLivrables'],
    ]
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), anything, async (path, value) => {
        const request = structuredClone({
          ...example,
          livrables: { mt: [true] },
          options: { exigerLivrables: true },
        }) as Record<string | number, unknown>
        let at = request
        for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>
        at[path[path.length - 1] as string | number] = value
        const res = await post(request)
        expect(res.status).toBeLessThan(500)
        await res.arrayBuffer()
      }),
      { numRuns: 200 }
    )
  }, 60_000)
})
