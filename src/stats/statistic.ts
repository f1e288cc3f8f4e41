import type { StatName, Summary } from '../types.js'
import { quantile, sortAscending } from './summarize.js'

/**
 * The probability each order statistic sits at (min = 0, max = 1); `mean` is not a quantile.
 * Shared by {@link statistic} and the standard-error estimates so both read the same point.
 */
export const STAT_PROBABILITY: Readonly<Record<Exclude<StatName, 'mean'>, number>> = {
  min: 0,
  median: 0.5,
  p75: 0.75,
  p95: 0.95,
  p99: 0.99,
  max: 1,
}

function isSummary(source: Summary | readonly number[]): source is Summary {
  return !Array.isArray(source)
}

/**
 * The statistic `stat` of a summary, or of raw samples (any order; quantiles by R type 7, as in
 * {@link quantile}). NaN when there are no samples.
 */
export function statistic(source: Summary | readonly number[], stat: StatName): number {
  if (isSummary(source)) return source[stat]
  if (source.length === 0) return Number.NaN
  if (stat === 'mean') return source.reduce((sum, x) => sum + x, 0) / source.length
  return quantile(sortAscending(source), STAT_PROBABILITY[stat])
}
