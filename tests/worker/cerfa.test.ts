// POST /api/v1/budgets/cerfa inside workerd: the shared core's CERFA table, from JSON or French CSV, and its refusals in French.
import { exports } from 'cloudflare:workers'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { budgetToCsv, cerfaJson, cerfaTable, parseBudget } from '../../shared'
import { problemSchema } from '../../worker/schemas'
import budgetAvenant2 from '../budget/fixtures/cpts-taille-2-aci-avenant-2.json'
import budgetRealise from '../budget/fixtures/cpts-taille-2-aci-avenant-2-realise.json'

const post = (query: string, body: BodyInit, contentType = 'application/json') =>
  exports.default.fetch(`https://cpts.test/api/v1/budgets/cerfa${query}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body,
  })

async function problemOf(res: Response, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  return v.parse(problemSchema, await res.json())
}

/** Windows-1252 bytes of a text (Latin-1, plus the few typographic signs of the budgets' labels). */
function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80, '’': 0x92, '–': 0x96, '—': 0x97, œ: 0x9c }
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0) as number
    const byte = extra[ch] ?? (code < 0x100 ? code : undefined)
    if (byte === undefined) throw new Error(`pas en Windows-1252 : ${ch}`)
    return byte
  })
}

describe('POST /api/v1/budgets/cerfa', () => {
  it('answers the CERFA 12156 of a JSON budget exactly as the core does offline', async () => {
    const res = await post('?formulaire=12156', JSON.stringify(budgetAvenant2))
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = (await res.json()) as {
      formulaire: string
      lignes: { chapitre: string; libelle: string; montant: string; niveau: string }[]
      totaux: { charges: string; produits: string; ecart: string }
    }
    expect(body).toEqual(
      JSON.parse(JSON.stringify(cerfaJson(cerfaTable(parseBudget(budgetAvenant2), '12156'))))
    )
    expect(body.formulaire).toBe('12156')
    // Totals typed from the fixture: 265 763,33 € of charges, 299 400,00 € of income.
    expect(body.totaux).toMatchObject({
      charges: '265763.33',
      produits: '299400.00',
      ecart: '33636.67',
    })
    expect(body.lignes.find((l) => l.chapitre === '64' && l.niveau === 'chapitre')).toMatchObject({
      libelle: 'Charges de personnel',
      montant: '105733.33',
    })
  })

  it('reads the same budget from French Excel’s CSV, in UTF-8 with BOM or in Windows-1252', async () => {
    const json = await (await post('?formulaire=12156', JSON.stringify(budgetAvenant2))).json()
    const csv = budgetToCsv(parseBudget(budgetAvenant2))
    const utf8 = await post('?formulaire=12156', csv, 'text/csv')
    expect(utf8.status).toBe(200)
    const fromCsv = (await utf8.json()) as { cpts: string }
    expect(fromCsv).toEqual(json)
    const ansi = await post(
      '?formulaire=12156',
      windows1252(csv.slice(1)),
      'text/csv; charset=windows-1252'
    )
    expect(ansi.status).toBe(200)
    expect(await ansi.json()).toEqual(json)
  })

  it('answers the 15059 with the actuals and a project’s share with section', async () => {
    const res = await post(
      '?formulaire=15059&section=hors_aci&seuilEcart=10',
      JSON.stringify(budgetRealise)
    )
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      section: string
      seuilEcart: string
      lignes: { code: string; montant: string; realise?: string; aExpliquer?: boolean }[]
      totaux: { charges: string; produits: string; realise: { charges: string } }
    }
    expect(body.section).toBe('hors_aci')
    expect(body.seuilEcart).toBe('10')
    // Hors ACI: the FIR screening campaign (604: 15 000,00 planned, 14 250,00 spent) and the
    // antibiotic-resistance training (6185: 3 000,00 and 3 000,00); FIR 15 000,00 and the
    // laboratory's 3 000,00 as income.
    expect(body.lignes.find((l) => l.code === '60')).toMatchObject({
      montant: '15000.00',
      realise: '14250.00',
      aExpliquer: false,
    })
    expect(body.totaux).toMatchObject({ charges: '18000.00', produits: '18000.00' })
    expect(body.totaux.realise.charges).toBe('17250.00')
  })

  it.each([
    ['no formulaire', '', 'formulaire'],
    ['an unknown formulaire', '?formulaire=12157', 'formulaire'],
    ['an unknown section', '?formulaire=12156&section=urgences', 'section'],
  ])('answers 400 in French for %s', async (_case, query, field) => {
    const problem = await problemOf(await post(query, JSON.stringify(budgetAvenant2)), 400)
    expect(problem.field).toBe(field)
    expect(problem.detail).toMatch(/attendue?/)
  })

  it('answers 400 for a 15059 of a budget without actuals, and for a bad threshold', async () => {
    const none = await problemOf(
      await post('?formulaire=15059', JSON.stringify(budgetAvenant2)),
      400
    )
    expect(none.code).toBe('cerfa_invalide')
    expect(none.detail).toMatch(/aucune ligne du budget n’a de montant réalisé/)
    const seuil = await problemOf(
      await post('?formulaire=15059&seuilEcart=vingt', JSON.stringify(budgetRealise)),
      400
    )
    expect(seuil.field).toBe('seuilEcart')
  })

  it('answers 400 naming the field of a budget that breaks the schema, and the CSV line at fault', async () => {
    const broken = structuredClone(budgetAvenant2) as { lignes: { montant: string }[] }
    if (broken.lignes[2]) broken.lignes[2].montant = '12 000,00'
    const problem = await problemOf(await post('?formulaire=12156', JSON.stringify(broken)), 400)
    expect(problem.field).toBe('lignes[2].montant')
    const csv = await problemOf(await post('?formulaire=12156', 'pas un budget', 'text/csv'), 400)
    expect(csv.code).toBe('csv_invalide')
  })

  it('answers 415 for a body neither JSON nor CSV, and 400 for malformed JSON', async () => {
    const res = await post('?formulaire=12156', 'x', 'text/plain')
    expect(res.headers.get('accept-post')).toBe('application/json, text/csv')
    expect((await problemOf(res, 415)).code).toBe('type_de_contenu')
    expect((await problemOf(await post('?formulaire=12156', '{'), 400)).code).toBe('json_invalide')
  })

  it('answers 400 for a UTF-16 file, never a 500', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00])
    expect((await problemOf(await post('?formulaire=12156', bytes, 'text/csv'), 400)).code).toBe(
      'encodage_invalide'
    )
  })
})
