// POST /api/v1/ledger/actuals inside workerd: a FEC as text, its encoding detected or declared, the shared core's figures to the cent, and its refusals.
import { exports } from 'cloudflare:workers'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { decodeText, ledgerBalances, ledgerJson, parseFec } from '../../shared'
import { problemSchema } from '../../worker/schemas'
import { fecYear, windows1252 } from '../core/ledger/support/fec-year'

const YEAR = 'debut=2025-01-01&fin=2025-12-31'
const post = (body: BodyInit, contentType = 'text/plain', query = YEAR) =>
  exports.default.fetch(`https://cpts.test/api/v1/ledger/actuals?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body,
  })

async function problemOf(res: Response, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  const body = (await res.json()) as Record<string, unknown>
  return { ...v.parse(problemSchema, body), problemes: body.problemes }
}

const HEADER =
  'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise'
const row = (num: string, compte: string, lib: string, debit: string, credit: string) =>
  `BQ\tBanque\t${num}\t20250310\t${compte}\t${lib}\t\t\tP${num}\t20250310\tOpération\t${debit}\t${credit}\t\t\t20250310\t\t`

describe('POST /api/v1/ledger/actuals', () => {
  const { text, expected } = fecYear(3, 600)

  it('reads a Windows-1252 FEC and answers the shared core’s figures, amounts as decimal strings', async () => {
    const res = await post(windows1252(text))
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = (await res.json()) as ReturnType<typeof ledgerJson>
    const ledger = parseFec(text, { exercice: { debut: '2025-01-01', fin: '2025-12-31' } })
    expect(body).toEqual({
      ...JSON.parse(JSON.stringify(ledgerJson(ledger, ledgerBalances(ledger), 'windows-1252'))),
      avertissements: [],
    })
    expect(body.lignes).toBe(expected.lignes)
    expect(body.ecritures).toBe(expected.ecritures)
    expect(body.tresorerie.ouverture).toBe('85300.00')
    const fees = body.comptes.find((c) => c.compte === '756000')
    expect(fees?.credit).toBe(((expected.credit.get('756000') ?? 0) / 100).toFixed(2))
    expect(Object.keys(fees?.mois ?? {})).toHaveLength(12)
  })

  it('honours a declared charset (ISO-8859-15: 0xA4 is €) and takes text/tab-separated-values', async () => {
    const fec = `${HEADER}\n${row('1', '512000', 'Banque', '10,00', '0,00')}\n${row('1', '756000', 'Dons ¤', '0,00', '10,00')}\n`
    const bytes = Uint8Array.from(fec, (ch) => (ch === '¤' ? 0xa4 : ch.charCodeAt(0)))
    const res = await post(bytes, 'text/tab-separated-values; charset=ISO-8859-15')
    expect(res.status).toBe(200)
    const body = (await res.json()) as ReturnType<typeof ledgerJson>
    expect(body.encodage).toBe('iso-8859-15')
    expect(body.comptes.find((c) => c.compte === '756000')?.libelle).toBe('Dons €')
  })

  it('takes a FEC over the app’s 1 MiB limit', async () => {
    const big = fecYear(5, 4_000).text
    expect(big.length).toBeGreaterThan(1024 * 1024)
    const res = await post(big, 'text/plain; charset=utf-8')
    expect(res.status).toBe(200)
    expect(((await res.json()) as { encodage: string }).encodage).toBe('utf-8')
  })

  it('refuses a body over 16 MiB with 413', async () => {
    const res = await post('x'.repeat(16 * 1024 * 1024 + 1))
    expect((await problemOf(res, 413)).code).toBe('corps_trop_volumineux')
  })

  it('refuses an unbalanced FEC whole, listing each problem with its line', async () => {
    const fec = [
      HEADER,
      row('1', '512000', 'Banque', '10,00', '0,00'),
      row('1', '756000', 'Cotisations', '0,00', '9,99'),
      row('2', '625700', 'Réceptions', 'dix', '0,00'),
    ].join('\n')
    const problem = await problemOf(await post(fec), 400)
    expect(problem.code).toBe('fec_invalide')
    expect(problem.field).toBe('fec')
    expect(problem.problemes).toEqual([
      {
        ligne: 2,
        colonne: 'EcritureNum',
        message: 'écriture 1 du journal BQ déséquilibrée : débit − crédit = 0,01\u00a0€',
      },
      {
        ligne: 4,
        colonne: 'Debit',
        message:
          'montant « dix » : nombre avec une virgule décimale et au plus deux décimales attendu (par exemple 1234,56)',
      },
    ])
  })

  it('refuses a date outside the fiscal year of the query', async () => {
    const fec = [
      HEADER,
      row('1', '512000', 'Banque', '10,00', '0,00'),
      row('1', '756000', 'Cot', '0,00', '10,00'),
    ].join('\n')
    const problem = await problemOf(
      await post(fec, 'text/plain', 'debut=2024-01-01&fin=2024-12-31'),
      400
    )
    expect(problem.detail).toMatch(/FEC refusé|hors de l’exercice/)
    expect(problem.problemes).toHaveLength(2)
  })

  it('refuses a file that is not a FEC, in French', async () => {
    const problem = await problemOf(await post('Compte;Libellé;Montant\n6226;Honoraires;1200'), 400)
    expect(problem.code).toBe('fec_invalide')
    expect(problem.detail).toMatch(
      /^Ce fichier n’est pas un fichier des écritures comptables \(FEC\)/
    )
  })

  it('refuses a byte no encoding defines, naming its offset', async () => {
    const bytes = Uint8Array.from([...windows1252(`${HEADER}\n`), 0xe9, 0x81])
    const problem = await problemOf(await post(bytes), 400)
    expect(problem.code).toBe('encodage_invalide')
    expect(problem.detail).toMatch(/Octet 0x81 à la position \d+ \(ligne 2\)/)
  })

  it.each([
    ['', 'debut'],
    ['debut=2025-01-01', 'fin'],
    ['debut=2025-13-01&fin=2025-12-31', 'debut'],
    ['debut=2025-12-31&fin=2025-01-01', 'fin'],
  ])('refuses the query « %s » naming %s', async (query, field) => {
    const problem = await problemOf(await post(text, 'text/plain', query), 400)
    expect(problem).toMatchObject({ code: 'exercice_invalide', field })
  })

  it('refuses JSON with 415 and a declared charset it does not read with 400', async () => {
    const json = await post('{}', 'application/json')
    expect(json.headers.get('accept-post')).toBe('text/plain, text/tab-separated-values')
    expect((await problemOf(json, 415)).field).toBe('Content-Type')
    const sjis = await problemOf(await post(text, 'text/plain; charset=shift_jis'), 400)
    expect(sjis.code).toBe('encodage_invalide')
  })

  it('answers 405 to GET with Allow: POST', async () => {
    const res = await exports.default.fetch(`https://cpts.test/api/v1/ledger/actuals?${YEAR}`)
    expect(res.headers.get('allow')).toBe('POST')
    expect((await problemOf(res, 405)).code).toBe('methode_non_autorisee')
  })

  it('keeps the 1 MiB limit on the other routes', async () => {
    const res = await exports.default.fetch('https://cpts.test/api/v1/treasury', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: `{"x":"${'a'.repeat(1024 * 1024)}"}`,
    })
    expect((await problemOf(res, 413)).code).toBe('corps_trop_volumineux')
  })

  it('decodes as the core does', () => {
    expect(decodeText(windows1252('é')).encodage).toBe('windows-1252')
  })
})
