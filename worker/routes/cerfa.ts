// POST /api/v1/budgets/cerfa: a budget sent as JSON or as French Excel's CSV, answered as the CERFA 12156*06 budget table or the CERFA 15059 financial report.
import { Hono } from 'hono'
import {
  type Budget,
  budgetFromCsv,
  cerfaJson,
  cerfaTable,
  charsetOf,
  decodeText,
  FORMULAIRES,
  type Formulaire,
  parseBudgetBuilt,
  SECTIONS,
  type Section,
} from '../../shared'
import type { AppEnv } from '../env'
import { jsonBody } from '../json-body'
import { problem } from '../problem'

const ACCEPTED = 'application/json, text/csv'

function mediaTypeOf(contentType: string | undefined): string {
  return contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
}

export const cerfaRoutes = new Hono<AppEnv>().post('/cerfa', async (c) => {
  const formulaire = c.req.query('formulaire')
  if (formulaire === undefined || !(FORMULAIRES as readonly string[]).includes(formulaire)) {
    return problem(
      c,
      400,
      'requete_invalide',
      `formulaire : ${FORMULAIRES.join(' (demande de subvention, budget prévisionnel) ou ')} (compte rendu financier) attendu.`,
      'formulaire'
    )
  }
  const section = c.req.query('section')
  if (section !== undefined && !(SECTIONS as readonly string[]).includes(section)) {
    return problem(
      c,
      400,
      'requete_invalide',
      `section : ${SECTIONS.join(', ')} attendue, ou rien pour l’association entière.`,
      'section'
    )
  }
  const seuil = c.req.query('seuilEcart')
  const contentType = c.req.header('Content-Type')
  const mediaType = mediaTypeOf(contentType)
  const isJson =
    mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType)
  if (mediaType !== 'text/csv' && !isJson) {
    return problem(
      c,
      415,
      'type_de_contenu',
      'Le budget doit être envoyé en JSON (Content-Type: application/json) ou en CSV d’Excel en français (Content-Type: text/csv, charset facultatif).',
      'Content-Type',
      { 'Accept-Post': ACCEPTED }
    )
  }
  let budget: Budget
  if (mediaType === 'text/csv') {
    // An unknown charset, a byte no encoding defines or a refused CSV is a domain error: the
    // app's handler answers it in French. Nothing of the budget is kept.
    const decoded = decodeText(new Uint8Array(await c.req.arrayBuffer()), {
      charset: charsetOf(contentType),
    })
    budget = budgetFromCsv(decoded.text)
  } else {
    const read = await jsonBody(c, 'Le budget')
    if ('response' in read) return read.response
    budget = parseBudgetBuilt(read.body)
  }
  const table = cerfaTable(budget, formulaire as Formulaire, {
    ...(section === undefined ? {} : { section: section as Section }),
    ...(seuil === undefined ? {} : { seuilEcart: seuil }),
  })
  return c.json(cerfaJson(table))
})
