// POST /api/v1/portfolio/check: NDJSON in (one dossier or budget JSON per line), NDJSON out (one result per line as soon as it is ready, then the synthesis), streamed both ways.
import { Hono } from 'hono'
import {
  addToPortfolio,
  charsetOf,
  decodeText,
  isAciError,
  type NdjsonLine,
  NdjsonSplitter,
  newPortfolio,
  type Portfolio,
  type PortfolioRow,
  portfolioSummary,
  refuseInput,
} from '../../shared'
import type { AppEnv } from '../env'
import { problem } from '../problem'

/** The path whose body the app's 1 MiB limit leaves to this route's own per-line limit. */
export const PORTFOLIO_CHECK_PATH = '/api/v1/portfolio/check'

/**
 * 1 MiB per line: what one budget may weigh on its own route (the app's limit), so a CPTS is not
 * refused here that would be accepted alone. A dossier of an 80-line budget is about 60 kB. The
 * body as a whole has no limit: it is read line by line and never held.
 */
export const MAX_LINE_BYTES = 1024 * 1024

/**
 * 10 000 lines: more than ten times the CPTS of France (over 800 in May 2025, Sénat). The
 * synthesis keeps per CPTS a few integers for the quartiles and a key for duplicates (about
 * 300 bytes measured by `npm run bench`, 3 MiB at this limit); lines beyond get an error result
 * and are not read.
 */
export const MAX_LINES = 10_000

const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl']

const encoder = new TextEncoder()

function lineName(numero: number): string {
  return `ligne ${numero}`
}

/** The result of one line as the route writes it: `ligne`, `statut`, then the row's fields. */
function resultOf(row: PortfolioRow) {
  const { fichier: _name, ...rest } = row
  return rest
}

function checkLine(portfolio: Portfolio, line: NdjsonLine, charset: string | undefined) {
  const name = lineName(line.numero)
  if ('tropLongue' in line) {
    return refuseInput(
      portfolio,
      name,
      'donnees_invalides',
      `${name} : ${line.tropLongue} octets, au-delà de la limite de ${MAX_LINE_BYTES} octets (1 Mio) par ligne ; la ligne n’est pas lue.`,
      line.numero
    )
  }
  if (portfolio.entrees >= MAX_LINES) {
    return refuseInput(
      portfolio,
      name,
      'donnees_invalides',
      `${name} : au-delà de ${MAX_LINES} lignes par requête ; la ligne n’est pas lue (envoyer la suite dans une autre requête).`,
      line.numero
    )
  }
  try {
    return addToPortfolio(portfolio, name, line.bytes, { charset, ligne: line.numero })
  } catch (error) {
    // A bug of ours on this line, never the client's: said without detail, and the rest goes on.
    if (isAciError(error)) throw error
    return refuseInput(
      portfolio,
      name,
      'donnees_invalides',
      `${name} : erreur interne du service sur cette ligne ; elle n’a pas été contrôlée.`,
      line.numero
    )
  }
}

/** The last line, without its line feed: read if it is whole JSON, else reported as cut. */
function checkLastLine(portfolio: Portfolio, line: NdjsonLine, charset: string | undefined) {
  if ('bytes' in line && !looksWhole(line.bytes)) {
    return refuseInput(
      portfolio,
      lineName(line.numero),
      'json_invalide',
      `${lineName(line.numero)} : coupée, le corps s’arrête au milieu de la ligne (${line.bytes.length} octets sans fin de ligne ni JSON complet) ; la ligne n’est pas lue.`,
      line.numero
    )
  }
  return checkLine(portfolio, line, charset)
}

/** A JSON object ends with "}" (spaces aside): a line cut before its end does not. */
function looksWhole(bytes: Uint8Array): boolean {
  let i = bytes.length - 1
  while (i >= 0 && (bytes[i] === 0x20 || bytes[i] === 0x09)) i--
  return i >= 0 && bytes[i] === 0x7d
}

async function stream(
  body: ReadableStream<Uint8Array> | null,
  charset: string | undefined,
  writable: WritableStream<Uint8Array>
): Promise<void> {
  const writer = writable.getWriter()
  const write = (value: unknown) => writer.write(encoder.encode(`${JSON.stringify(value)}\n`))
  const portfolio = newPortfolio()
  const splitter = new NdjsonSplitter(MAX_LINE_BYTES)
  let interrompu = false
  try {
    if (body !== null) {
      const reader = body.getReader()
      for (;;) {
        let chunk: Awaited<ReturnType<typeof reader.read>>
        try {
          chunk = await reader.read()
        } catch {
          // The client's body broke off: what was read is answered, the cut line said so.
          interrompu = true
          break
        }
        if (chunk.done) break
        for (const line of splitter.push(chunk.value)) {
          // Awaiting each write: a client that reads slowly slows the reading, memory stays flat.
          await write(resultOf(checkLine(portfolio, line, charset)))
        }
      }
    }
    const last = splitter.end()
    if (last !== undefined) {
      const row = interrompu
        ? refuseInput(
            portfolio,
            lineName(last.numero),
            'json_invalide',
            `${lineName(last.numero)} : coupée, le flux de la requête s’est interrompu au milieu de la ligne ; la ligne n’est pas lue.`,
            last.numero
          )
        : checkLastLine(portfolio, last, charset)
      await write(resultOf(row))
    }
    const synthese = portfolioSummary(portfolio)
    await write({ synthese: interrompu ? { ...synthese, interrompu: true } : synthese })
    await writer.close()
  } catch (error) {
    // The client went away (the answer can no longer be written), or a domain error escaped a line.
    await writer.abort(error).catch(() => undefined)
  }
}

export const portfolioRoutes = new Hono<AppEnv>().post('/check', (c) => {
  const contentType = c.req.header('Content-Type')
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (!NDJSON_TYPES.includes(mediaType)) {
    return problem(
      c,
      415,
      'type_de_contenu',
      'Le portefeuille doit être envoyé en NDJSON, un dossier ou un budget JSON par ligne (Content-Type: application/x-ndjson).',
      'Content-Type',
      { 'Accept-Post': 'application/x-ndjson' }
    )
  }
  // An unknown charset is refused before the answer starts: every line would fail the same way.
  const charset = charsetOf(contentType)
  try {
    decodeText(new Uint8Array(0), { charset })
  } catch (error) {
    if (!isAciError(error)) throw error
    return problem(c, 415, 'type_de_contenu', error.message, 'Content-Type', {
      'Accept-Post': 'application/x-ndjson',
    })
  }
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>()
  // Not awaited: the answer starts at once and each result follows its line.
  void stream(c.req.raw.body, charset, writable)
  return new Response(readable, {
    status: 200,
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' },
  })
})
