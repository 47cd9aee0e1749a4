// The portfolio: many CPTS checked with the same rules, one row each, and their synthesis by mission (Sénat, propositions n° 2 and n° 5).
export { type NdjsonLine, NdjsonSplitter } from './ndjson'
export { basisPoints, percentString, quartile } from './percent'
export {
  addToPortfolio,
  checkPortfolio,
  DUPLICATE_RULE,
  newPortfolio,
  type Portfolio,
  portfolioSummary,
  QUANTILE_METHOD,
  refuseInput,
} from './portfolio'
export type { PortfolioOptions } from './read'
export {
  OUTLIER_LABELS,
  type OutlierCode,
  type PortfolioDistribution,
  type PortfolioExtreme,
  type PortfolioFinding,
  type PortfolioFunder,
  type PortfolioLine,
  type PortfolioMission,
  type PortfolioOutlier,
  type PortfolioRow,
  type PortfolioRowError,
  type PortfolioRowOk,
  type PortfolioSectionRow,
  type PortfolioSource,
  type PortfolioSummary,
} from './types'
export { type InForce, inForceFor } from './versions'
