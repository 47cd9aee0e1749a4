// POST /api/v1/budgets/check inside workerd: the shared core's report, to the character, and its refusals.
import { exports } from 'cloudflare:workers'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { budgetToCsv, checkBudget, parseBudget } from '../../shared'
import { problemSchema } from '../../worker/schemas'
import budget2019 from '../budget/fixtures/cpts-taille-2-aci-2019.json'
import report2019 from '../budget/fixtures/cpts-taille-2-aci-2019.report.json'
import budgetAvenant2 from '../budget/fixtures/cpts-taille-2-aci-avenant-2.json'
import reportAvenant2 from '../budget/fixtures/cpts-taille-2-aci-avenant-2.report.json'

const post = (body: unknown, contentType = 'application/json') =>
  exports.default.fetch('https://cpts.test/api/v1/budgets/check', {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  })

/** Windows-1252 bytes of a text without BOM (only Latin-1 letters and ’ – € beyond ASCII here). */
function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = {
    '\u2019': 0x92,
    '\u2013': 0x96,
    '\u20ac': 0x80,
    '\u0153': 0x9c,
  }
  return Uint8Array.from([...text.replace(/^\ufeff/, '')], (char) => {
    const code = char.charCodeAt(0)
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code
    const byte = high[char]
    if (byte === undefined) throw new Error(`pas en Windows-1252 : ${char}`)
    return byte
  })
}

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

  it('takes the budget as French Excel’s CSV and answers the same report as for its JSON form, UTF-8 or Windows-1252, with or without charset', async () => {
    const json = await (await post(budgetAvenant2)).json()
    const csv = budgetToCsv(parseBudget(budgetAvenant2))
    for (const [body, type] of [
      [csv, 'text/csv'],
      [csv, 'text/csv; charset=utf-8'],
      [windows1252(csv), 'text/csv'],
      [windows1252(csv), 'text/csv; charset=windows-1252'],
    ] as const) {
      const res = await post(body, type)
      expect(res.status, type).toBe(200)
      expect(await res.json()).toEqual(json)
    }
  })

  it('refuses a CSV whose declared charset does not read it, in French', async () => {
    const csv = budgetToCsv(parseBudget(budgetAvenant2))
    const res = await post(windows1252(csv), 'text/csv; charset=utf-8')
    const problem = v.parse(problemSchema, await res.json())
    expect(res.status).toBe(400)
    expect(problem.code).toBe('encodage_invalide')
  })

  it('415 names both forms in Accept-Post', async () => {
    const res = await post('{}', 'text/plain')
    expect(res.status).toBe(415)
    expect(res.headers.get('accept-post')).toBe('application/json, text/csv')
    await res.arrayBuffer()
  })

  it('refuses a key given twice rather than keeping the last: « "lignes":[] » after the real lines', async () => {
    const text = JSON.stringify(budgetAvenant2).replace(/\}$/, ',"lignes":[]}')
    const res = await post(text)
    const problem = v.parse(problemSchema, await res.json())
    expect(res.status).toBe(400)
    expect(problem.code).toBe('json_invalide')
    expect(problem.field).toBe('lignes')
    expect(problem.detail).toBe(
      'Clé « lignes » donnée deux fois à la racine du document : chaque clé d’un objet JSON ne se donne qu’une fois (la seconde valeur ne remplace pas la première en silence).'
    )
  })

  it('refuses a JSON body that is not UTF-8, naming the byte, instead of reading U+FFFD in its place', async () => {
    const text = JSON.stringify(budgetAvenant2)
    const bytes = new TextEncoder().encode(text)
    const at = text.indexOf('Salaire') // ASCII before it: its character index is its byte offset
    expect(new TextEncoder().encode(text.slice(0, at)).length).toBe(at)
    bytes[at] = 0xe9 // « é » in Windows-1252, not UTF-8 here
    const res = await post(bytes)
    const problem = v.parse(problemSchema, await res.json())
    expect(res.status).toBe(400)
    expect(problem.code).toBe('encodage_invalide')
    expect(problem.detail).toBe(
      `Le corps de la requête n’est pas en UTF-8, l’encodage qu’exige JSON (RFC 8259). Octet 0xE9 à la position ${at} (ligne 1) : séquence UTF-8 invalide.`
    )
  })

  it('reads a body sent in pieces cut inside a character, and one starting with a BOM, as the same budget', async () => {
    const bytes = new TextEncoder().encode(`\ufeff${JSON.stringify(budgetAvenant2)}`)
    const accent = bytes.findIndex((b) => b >= 0xc0) // the first byte of a two-byte character
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, accent + 1))
        controller.enqueue(bytes.slice(accent + 1, 70_000))
        controller.enqueue(bytes.slice(70_000))
        controller.close()
      },
    })
    const res = await exports.default.fetch('https://cpts.test/api/v1/budgets/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(reportAvenant2)
  })

  it('refuses « "taille":2,"taille":4 » in the profile, naming its path', async () => {
    const text = JSON.stringify(budgetAvenant2).replace('"taille":2', '"taille":2,"taille":4')
    const res = await post(text)
    const problem = v.parse(problemSchema, await res.json())
    expect(res.status).toBe(400)
    expect(problem.field).toBe('profil.taille')
    expect(problem.detail).toContain('« taille » donnée deux fois en « profil.taille »')
  })

  describe('a large body, read in segments', () => {
    // 1 200 lines, about 250 kB of JSON: past the size where the body is parsed in segments.
    const large = {
      ...budgetAvenant2,
      lignes: Array.from({ length: 1_200 }, (_, i) => {
        const model = budgetAvenant2.lignes[i % budgetAvenant2.lignes.length] as { libelle: string }
        return { ...model, libelle: `${model.libelle} n° ${i + 1}` }
      }),
    }
    const text = JSON.stringify(large)

    it('gives the report the core gives offline, whatever the order of its keys', async () => {
      expect(text.length).toBeGreaterThan(200_000)
      const expected = JSON.parse(JSON.stringify(checkBudget(parseBudget(large))))
      for (const body of [text, JSON.stringify({ lignes: large.lignes, profil: large.profil })]) {
        const res = await post(body)
        expect(res.status).toBe(200)
        expect(await res.json()).toEqual(expected)
      }
    })

    it('refuses a key given twice in its 1 000th line, naming its path', async () => {
      const at = text.indexOf('"montant"', text.indexOf(' n° 1000"'))
      const res = await post(`${text.slice(0, at)}"montant":"1.00",${text.slice(at)}`)
      const problem = v.parse(problemSchema, await res.json())
      expect(res.status).toBe(400)
      expect(problem.field).toBe('lignes[999].montant')
    })

    it('refuses a comma too many between two lines as JSON that does not parse', async () => {
      const at = text.indexOf(',{"compte"', 150_000)
      const res = await post(`${text.slice(0, at)},${text.slice(at)}`)
      const problem = v.parse(problemSchema, await res.json())
      expect(res.status).toBe(400)
      expect(problem.code).toBe('json_invalide')
    })
  })

  it('answers 413 past the line limit, JSON or CSV, before checking', async () => {
    const line = { compte: '6064', libelle: 'x', montant: '1.00' }
    const many = { ...budgetAvenant2, lignes: Array.from({ length: 20_001 }, () => line) }
    const res = await post(many)
    const problem = v.parse(problemSchema, await res.json())
    expect(res.status).toBe(413)
    expect(problem.code).toBe('trop_de_lignes')
    expect(problem.detail).toContain('20\u202f000 au plus')
  })
})
