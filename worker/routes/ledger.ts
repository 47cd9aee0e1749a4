// POST /api/v1/ledger/actuals: a FEC sent as text, read and checked by the shared core, answered as each account's debit, credit and balance per month and the cash at opening and closing.
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import {
  charsetOf,
  decodeText,
  fecError,
  isIsoDate,
  ledgerBalances,
  ledgerJson,
  readFec,
} from '../../shared'
import type { AppEnv } from '../env'
import { PROBLEM_TYPE, problem, problemBody } from '../problem'

/**
 * 16 MiB: the FEC of a 100 000-line year is about 13 MiB (the benchmark's), and a CPTS's own year
 * is far smaller. The body, its text and the ledger's columns stay well inside a Worker's 128 MB
 * of memory at that size; the other routes keep the app's 1 MiB.
 */
export const MAX_FEC_BYTES = 16 * 1024 * 1024

/** The path whose body the app's 1 MiB limit leaves to this route's own. */
export const LEDGER_ACTUALS_PATH = '/api/v1/ledger/actuals'

const FEC_TYPES = ['text/plain', 'text/tab-separated-values']

/** How many of a refused FEC's problems the answer lists (the reader stops counting at 200). */
const LISTED_PROBLEMS = 200

export const ledgerRoutes = new Hono<AppEnv>().post(
  '/actuals',
  bodyLimit({
    maxSize: MAX_FEC_BYTES,
    onError: (c) =>
      problem(c, 413, 'corps_trop_volumineux', `Le FEC dépasse ${MAX_FEC_BYTES} octets (16 Mio).`),
  }),
  async (c) => {
    const contentType = c.req.header('Content-Type')
    const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
    if (!FEC_TYPES.includes(mediaType)) {
      return problem(
        c,
        415,
        'type_de_contenu',
        'Le FEC doit être envoyé comme texte (Content-Type: text/plain ou text/tab-separated-values, charset facultatif).',
        'Content-Type',
        { 'Accept-Post': FEC_TYPES.join(', ') }
      )
    }
    const debut = c.req.query('debut')
    const fin = c.req.query('fin')
    for (const [name, value] of [
      ['debut', debut],
      ['fin', fin],
    ] as const) {
      if (value === undefined || !isIsoDate(value)) {
        return problem(
          c,
          400,
          'exercice_invalide',
          `${name} : date ${name === 'debut' ? 'de début' : 'de fin'} de l’exercice attendue au format AAAA-MM-JJ.`,
          name
        )
      }
    }
    if ((fin as string) < (debut as string)) {
      return problem(
        c,
        400,
        'exercice_invalide',
        `fin : la fin de l’exercice (${fin}) précède son début (${debut}).`,
        'fin'
      )
    }
    // An unknown charset or a byte no encoding defines is a domain error: the app's handler answers it.
    const decoded = decodeText(new Uint8Array(await c.req.arrayBuffer()), {
      charset: charsetOf(contentType),
    })
    const reading = readFec(decoded.text, {
      exercice: { debut: debut as string, fin: fin as string },
    })
    if (reading.ledger === undefined) {
      const problems = reading.problemes
      const body = {
        ...problemBody(400, 'fec_invalide', fecError(problems).message, {
          field: 'fec',
          instance: new URL(c.req.url).pathname,
        }),
        problemes: problems.slice(0, LISTED_PROBLEMS),
      }
      return c.body(JSON.stringify(body), 400, { 'Content-Type': PROBLEM_TYPE })
    }
    const ledger = reading.ledger
    return c.json({
      ...ledgerJson(ledger, ledgerBalances(ledger), decoded.encodage),
      avertissements: ledger.avertissements,
    })
  }
)
