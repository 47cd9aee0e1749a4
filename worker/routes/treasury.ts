// POST /api/v1/treasury: a fiscal year's cash plan month by month (ACI receipts on the schedule's dates, the budget's other receipts and disbursements), from the shared core.
import { Hono } from 'hono'
import { cashPlanJson, parseCashPlanRequest, planDeTresorerie } from '../../shared'
import type { AppEnv } from '../env'
import { jsonBody } from '../json-body'

export const treasuryRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const read = await jsonBody(c, 'La demande de plan de trésorerie')
  if ('response' in read) return read.response
  // Nothing is kept: the plan is computed and answered; a domain error goes to the app's handler.
  return c.json(cashPlanJson(planDeTresorerie(parseCashPlanRequest(read.body))))
})
