import type { Metric, StatName } from '../types.js'
import type { Side } from './types.js'

const allFinite = (values: readonly number[]) => values.every((x) => Number.isFinite(x))

function sideProblem(side: Side, label: string, metric: Metric, stat: StatName): string | undefined {
  const value = side.summary[stat]
  if (!(side.summary.n >= 1)) return `the ${label} has no samples`
  if (!Number.isFinite(value)) return `the ${label} ${stat} is not a finite number (${value})`
  if (!allFinite(side.samples)) return `the ${label} samples contain NaN or Infinity`
  if (side.rounds && !allFinite(side.rounds)) return `the ${label} rounds contain NaN or Infinity`
  if (metric === 'time') {
    // A ratio needs positive times; 0 ms usually means a clock too coarse for the function.
    if (value <= 0) return `the ${label} ${stat} is ${value} ms; time ratios need positive values`
    if (side.rounds?.some((x) => x <= 0)) return `the ${label} rounds contain times ≤ 0 ms`
  }
  return undefined
}

/**
 * Why two sides cannot be compared statistically, or undefined when they can. Checked before any
 * arithmetic, so bad data gives an `inconclusive` verdict with this reason instead of a crash or
 * a NaN that silently passes the gate.
 */
export function comparisonProblem(
  base: Side,
  head: Side,
  metric: Metric,
  stat: StatName,
  threshold: number,
): string | undefined {
  if (!(threshold >= 0 && Number.isFinite(threshold))) return `the threshold ${threshold} is not a number ≥ 0`
  return sideProblem(base, 'baseline', metric, stat) ?? sideProblem(head, 'current', metric, stat)
}
