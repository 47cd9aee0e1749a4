// GET /api/v1/envelopes: fonctionnement and, per mission, fixe, variable at the rate, envelope, total.
import { Hono } from 'hono'
import {
  bundledCatalog,
  envelopeReportJson,
  envelopes,
  taille as tailleOf,
  versionSummary,
} from '../../shared'
import type { AppEnv } from '../env'
import { problem } from '../problem'
import { envelopesQuery } from '../schemas'
import { validate } from '../validation'

export const envelopesRoutes = new Hono<AppEnv>().get(
  '/',
  validate('query', envelopesQuery),
  (c) => {
    const query = c.req.valid('query')
    if ((query.taille === undefined) === (query.population === undefined)) {
      return problem(
        c,
        400,
        'requete_invalide',
        'Donnez soit taille (1 à 4), soit population (nombre d’habitants), pas les deux.',
        'taille'
      )
    }
    if (query.version !== undefined && query.date !== undefined) {
      return problem(
        c,
        400,
        'requete_invalide',
        'Donnez soit version, soit date, pas les deux.',
        'version'
      )
    }
    // A domain error (unknown version, mission…) is answered by the app's error handler as a 422 problem.
    const table = bundledCatalog().resolve(
      query.version ?? query.date,
      query.version ? 'version' : 'date'
    )
    const population = query.population === undefined ? null : Number(query.population)
    const taille = population === null ? Number(query.taille) : tailleOf(population, table)
    const report = envelopes({
      taille,
      version: table,
      taux: query.taux,
      phase: query.phase,
      missions: query.missions?.split(',').map((mission) => ({ mission: mission.trim() })) ?? null,
    })
    const { version: _id, ...figures } = envelopeReportJson(report)
    return c.json({ version: versionSummary(table), population, ...figures })
  }
)
