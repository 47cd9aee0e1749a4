// POST /api/v1/portfolio/check inside workerd: NDJSON in and out, one result per line in order, a bad line alone in error, a cut last line, the synthesis last, streamed.
import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { buildDossier, parseBudget } from '../../shared'
import budgetFixture from '../budget/fixtures/cpts-taille-2-aci-avenant-2.json'
import { generatedBudget } from '../core/portfolio/generate'

const url = 'https://cpts.test/api/v1/portfolio/check'
const post = (body: BodyInit, type = 'application/x-ndjson') =>
  exports.default.fetch(url, { method: 'POST', headers: { 'Content-Type': type }, body })

async function lines(res: Response): Promise<Record<string, unknown>[]> {
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8')
  const text = await res.text()
  expect(text.endsWith('\n')).toBe(true)
  return text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l))
}

describe('POST /api/v1/portfolio/check', () => {
  it('answers each line in order, then the synthesis', async () => {
    const dossier = buildDossier({ budget: parseBudget(budgetFixture), produitLe: '2026-03-15' })
    const body = [
      JSON.stringify(generatedBudget(1)),
      'pas du JSON',
      '',
      JSON.stringify(dossier),
      JSON.stringify(budgetFixture),
      JSON.stringify(generatedBudget(2)),
    ].join('\n')
    const out = await lines(await post(`${body}\n`))
    expect(out.map((r) => r.ligne ?? 'synthese')).toEqual([1, 2, 4, 5, 6, 'synthese'])
    expect(out.map((r) => r.statut)).toEqual(['ok', 'erreur', 'ok', 'ok', 'ok', undefined])
    expect(out[1]?.message).toMatch(/^ligne 2 : ni un dossier de l’exercice en JSON/)
    expect(out[2]).toMatchObject({ nom: 'CPTS des Deux Rives', totalEnveloppe: '274000.00' })
    expect(out[3]).toMatchObject({ doublon: { de: 4, memesMontants: true } })
    const synthese = out[5]?.synthese as Record<string, unknown>
    expect(synthese).toMatchObject({ cpts: 3, erreurs: 1, doublons: 1 })
    expect(synthese.parMission).toHaveLength(7)
    const total = [out[0], out[2], out[4]].reduce(
      (a, r) => a + Math.round(Number(r?.totalEnveloppe) * 100),
      0
    )
    expect(Math.round(Number(synthese.totalEnveloppe) * 100)).toBe(total)
  })

  it('answers a last line cut in the middle as such, after the whole lines', async () => {
    const whole = JSON.stringify(generatedBudget(3))
    const cut = JSON.stringify(generatedBudget(4)).slice(0, 500)
    const out = await lines(await post(`${whole}\n${cut}`))
    expect(out[0]).toMatchObject({ ligne: 1, statut: 'ok' })
    expect(out[1]).toMatchObject({ ligne: 2, statut: 'erreur', code: 'json_invalide' })
    expect(out[1]?.message).toMatch(/^ligne 2 : coupée, le corps s’arrête au milieu de la ligne/)
    expect(out[2]?.synthese).toMatchObject({ cpts: 1, erreurs: 1 })
  })

  it('reads a last line without its line feed when it is whole', async () => {
    const out = await lines(await post(JSON.stringify(generatedBudget(5))))
    expect(out[0]).toMatchObject({ ligne: 1, statut: 'ok' })
  })

  it('refuses a line over 1 MiB on its own, and reads the others', async () => {
    const big = `{"profil":"${'x'.repeat(1024 * 1024)}"}`
    const out = await lines(await post(`${big}\n${JSON.stringify(generatedBudget(6))}\n`))
    expect(out[0]).toMatchObject({ ligne: 1, statut: 'erreur' })
    expect(out[0]?.message).toMatch(/au-delà de la limite de 1048576 octets \(1 Mio\) par ligne/)
    expect(out[1]).toMatchObject({ ligne: 2, statut: 'ok' })
  })

  it('streams: the first result comes before the body is finished', async () => {
    const encoder = new TextEncoder()
    let feed!: ReadableStreamDefaultController<Uint8Array>
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        feed = c
      },
    })
    feed.enqueue(encoder.encode(`${JSON.stringify(generatedBudget(7))}\n`))
    const res = await post(body)
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toMatch(/^\{"ligne":1,"statut":"ok"/)
    feed.enqueue(encoder.encode(`${JSON.stringify(generatedBudget(8))}\n`))
    feed.close()
    let rest = ''
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      rest += new TextDecoder().decode(r.value)
    }
    expect(rest).toContain('"synthese":{"cpts":2')
  })

  it('reads the body only as fast as its answer is read: a few lines ahead, never the whole body', async () => {
    const encoder = new TextEncoder()
    const line = JSON.stringify(generatedBudget(9))
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === 200) return controller.close()
        pulled += 1
        // Each line another CPTS (its name numbered), so none is a duplicate of the first.
        controller.enqueue(encoder.encode(`${line.replace('"nom":"', `"nom":"${pulled} `)}\n`))
      },
    })
    const res = await post(body)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(pulled).toBeLessThan(10)
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let answered = 0
    let last = ''
    let pending = ''
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      const lines = (pending + decoder.decode(r.value, { stream: true })).split('\n')
      pending = lines.pop() as string
      answered += lines.length
      last = lines.at(-1) ?? last
    }
    expect(answered).toBe(201)
    expect(JSON.parse(last).synthese).toMatchObject({ cpts: 200, doublons: 0 })
  })

  it('refuses a body that is not NDJSON, or an unknown charset', async () => {
    const res = await post('{}', 'application/json')
    expect(res.status).toBe(415)
    expect(res.headers.get('accept-post')).toBe('application/x-ndjson')
    await res.arrayBuffer()
    const latin = await post('{}', 'application/x-ndjson; charset=koi8-r')
    expect(latin.status).toBe(415)
    await latin.arrayBuffer()
  })
})
