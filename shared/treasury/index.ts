// The cash plan of a CPTS: month by month, from its opening cash, the ACI schedule and its budget.

export { type CashFlows, cashFlowsOf } from './flows'
export {
  type CashAlert,
  type CashMonth,
  type CashPlan,
  type CashPlanInput,
  planDeTresorerie,
} from './plan'
export { cashPlanRequestSchema, parseCashPlanRequest } from './request'
