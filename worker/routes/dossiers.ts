// POST /api/v1/dossiers: the yearly dossier of a CPTS from its budget (and its contract, annex and observations when given), as PDF or JSON by the Accept header.
import { Hono } from 'hono'
import {
  dossierFileName,
  dossierOfRequest,
  dossierToJson,
  loadDossierPdf,
  todayInFrance,
} from '../../shared'
import type { AppEnv } from '../env'
import { jsonBody } from '../json-body'
import { problem } from '../problem'

const PDF = 'application/pdf'
const JSON_TYPE = 'application/json'

/**
 * The format the client prefers among PDF and JSON (RFC 9110 §12.5.1: media ranges with their
 * q weights, the more specific range first); JSON without an Accept header; null when neither is
 * acceptable.
 */
export function preferredFormat(accept: string | undefined): 'pdf' | 'json' | null {
  if (accept === undefined || accept.trim() === '') return 'json'
  const ranges = accept.split(',').map((part) => {
    const [range = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase())
    const q = params.find((p) => p.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    return { range, weight: Number.isFinite(weight) ? weight : 0 }
  })
  const weightOf = (type: string): number => {
    const [main] = type.split('/')
    const exact = ranges.find((r) => r.range === type)
    if (exact !== undefined) return exact.weight
    const family = ranges.find((r) => r.range === `${main}/*`)
    if (family !== undefined) return family.weight
    return ranges.find((r) => r.range === '*/*')?.weight ?? 0
  }
  const json = weightOf(JSON_TYPE)
  const pdf = weightOf(PDF)
  if (json <= 0 && pdf <= 0) return null
  return pdf > json ? 'pdf' : 'json'
}

export const dossiersRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const format = preferredFormat(c.req.header('Accept'))
  if (format === null) {
    return problem(
      c,
      406,
      'format_non_disponible',
      `Le dossier existe en PDF (Accept: ${PDF}) ou en JSON (Accept: ${JSON_TYPE}) ; Accept reçu : ${c.req.header('Accept')}.`,
      'Accept',
      { Vary: 'Accept' }
    )
  }
  const read = await jsonBody(c, 'La demande de dossier')
  if ('response' in read) return read.response
  // The production date is the edge's to read; the core never reads a clock. Nothing of the
  // request is kept: the dossier is built, answered and forgotten.
  const dossier = dossierOfRequest(read.body, todayInFrance())
  if (format === 'json') {
    return c.body(dossierToJson(dossier), 200, {
      'Content-Type': `${JSON_TYPE}; charset=UTF-8`,
      Vary: 'Accept',
    })
  }
  const { dossierPdf } = await loadDossierPdf()
  const pdf = await dossierPdf(dossier)
  return c.body(
    pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength) as ArrayBuffer,
    200,
    {
      'Content-Type': PDF,
      'Content-Disposition': `attachment; filename="${dossierFileName(dossier, 'pdf')}"`,
      Vary: 'Accept',
    }
  )
})
