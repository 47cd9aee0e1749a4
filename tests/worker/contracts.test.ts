// POST /api/v1/contracts/schedule and /cutoff inside workerd: the shared core's schedule and cut-off, to the cent, and their refusals.
import { exports } from 'cloudflare:workers'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { cutoffJson, cutoffOf, parseContract, scheduleJson, scheduleOf } from '../../shared'
import { problemSchema } from '../../worker/schemas'

const post = (path: string, body: unknown, contentType = 'application/json') =>
  exports.default.fetch(`https://cpts.test/api/v1/contracts/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

/** notes-aci-rates §9.8: avenant 2 grid, taille 3, accès started six months after signature; a size change in year 3. */
const contrat = {
  signature: '2022-04-15',
  taille: [3, 3, 4, 4, 4],
  missions: [
    { mission: 'acces', debut: '2022-10-15', taux: '0.8' },
    { mission: 'crise', debut: '2022-10-15', crisesReconnues: [false, true, false, false, false] },
  ],
}

interface Payment {
  date: string
  nature: string
  mission: string | null
  montant: string
}

describe('POST /api/v1/contracts/schedule', () => {
  it('answers the shared core’s schedule, with the notes’ worked example in it', async () => {
    const res = await post('schedule', contrat)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { paiements: Payment[]; totaux: { total: string } }
    expect(body).toEqual(
      JSON.parse(JSON.stringify(scheduleJson(scheduleOf(parseContract(contrat)))))
    )
    const advance = body.paiements.find((p) => p.date === '2022-10-15' && p.mission === 'acces')
    expect(advance?.montant).toBe('33657.53')
    // Year 2 (taille 3) 75 % advance at the first anniversary; year 3 at taille 4: 75 % × 110 000.
    const anniversary = (date: string) =>
      body.paiements.filter(
        (p) => p.date === date && p.mission === 'acces' && p.nature === 'fixe_avance'
      )
    expect(anniversary('2023-04-15').map((p) => p.montant)).toEqual(['67500.00'])
    expect(anniversary('2024-04-15').map((p) => p.montant)).toEqual(['82500.00'])
  })

  it('answers 400 naming the field of a contract that breaks the schema', async () => {
    const problem = v.parse(
      problemSchema,
      await (
        await post('schedule', {
          ...contrat,
          missions: [{ mission: 'acces', debut: '15/10/2022' }],
        })
      ).json()
    )
    expect(problem.status).toBe(400)
    expect(problem.field).toBe('missions[0].debut')
    expect(problem.detail).toMatch(/^missions\[0\]\.debut/)
  })

  it('answers 415 for a body that is not JSON and 400 for JSON that does not parse', async () => {
    const notJson = await post(
      'schedule',
      'signature=2022-04-15',
      'application/x-www-form-urlencoded'
    )
    expect(notJson.status).toBe(415)
    expect(notJson.headers.get('Accept-Post')).toBe('application/json')
    await notJson.arrayBuffer()
    const broken = await post('schedule', '{"signature":')
    expect(broken.status).toBe(400)
    expect(broken.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    await broken.arrayBuffer()
  })

  it('answers 405 with Allow to a GET', async () => {
    const res = await exports.default.fetch('https://cpts.test/api/v1/contracts/schedule')
    expect(res.status).toBe(405)
    expect(res.headers.get('Allow')).toBe('POST')
    await res.arrayBuffer()
  })
})

describe('POST /api/v1/contracts/cutoff', () => {
  const exercice = { debut: '2022-01-01', fin: '2022-12-31' }

  it('answers the shared core’s cut-off, its journal balanced to the cent', async () => {
    const res = await post('cutoff', { contrat, exercice })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      journal: { debit: string; credit: string }[]
      totaux: { debit: string; credit: string; pcaCloture: string }
    }
    expect(body).toEqual(
      JSON.parse(JSON.stringify(cutoffJson(cutoffOf(parseContract(contrat), exercice))))
    )
    expect(body.totaux.debit).toBe(body.totaux.credit)
    const cents = (s: string) => Math.round(Number(s) * 100)
    expect(body.journal.reduce((t, l) => t + cents(l.debit) - cents(l.credit), 0)).toBe(0)
    // 75 000 × 104/365 of fonctionnement, 33 657.53 − 44 876.71 × 78/182 of accès, and the crisis
    // plan's fixed advance for the days after 31/12/2022.
    expect(Number(body.totaux.pcaCloture)).toBeGreaterThan(21369.86 + 14424.65)
  })

  it('takes the options, and refuses an unknown one in French', async () => {
    const months = await post('cutoff', { contrat, exercice, options: { repartition: 'mois' } })
    expect(months.status).toBe(200)
    await months.arrayBuffer()
    const problem = v.parse(
      problemSchema,
      await (await post('cutoff', { contrat, exercice, options: { arrondi: 'euro' } })).json()
    )
    expect(problem.status).toBe(400)
    expect(problem.detail).toBe(
      'options.arrondi : champ inconnu ; champs acceptés : variable, repartition.'
    )
  })

  it('names a missing exercice and a fiscal year that ends before it starts', async () => {
    const missing = v.parse(problemSchema, await (await post('cutoff', { contrat })).json())
    expect(missing.status).toBe(400)
    expect(missing.detail).toBe('exercice : champ obligatoire absent.')
    const reversed = v.parse(
      problemSchema,
      await (
        await post('cutoff', { contrat, exercice: { debut: '2022-12-31', fin: '2022-01-01' } })
      ).json()
    )
    expect(reversed.status).toBe(400)
    expect(reversed.field).toBe('exercice.fin')
  })
})
