import { statisticStandardError, summaryStandardError } from '../stats/index.js'
import type { StatName } from '../types.js'
import type { Scale } from './scale.js'
import type { Side } from './types.js'

/** One side reduced to what the comparator needs, on the comparison scale. */
export interface SideEstimate {
  /** The statistic on the original scale (for bands and reporting). */
  value: number
  /** Point estimate on the comparison scale. */
  point: number
  /** Processes behind the point: the number of rounds when there are at least two, else 1. */
  processes: number
  /**
   * Within-process variance of the point (scale units²) for a single-process side; NaN when one
   * sample cannot show it. 0 with rounds, whose spread already contains it.
   */
  withinVariance: number
  /** Robust per-sample spread on the scale (NaN with fewer than two samples). */
  sampleSpread: number
  /**
   * For a side with rounds: the within-process variance of one round's statistic (scale units²),
   * from the pooled samples at the per-round sample size. Part of the rounds' spread. 0 otherwise.
   */
  roundWithinVariance: number
  /** Sum of squared deviations of the scaled rounds about their mean, and its degrees of freedom. */
  roundsSS: number
  roundsDf: number
  /** The rounds on the comparison scale, in recording order (empty without rounds). */
  scaledRounds: number[]
}

function roundsEstimate(rounds: readonly number[], scale: Scale) {
  const scaled = rounds.map((x) => scale.transform(x))
  const mean = scaled.reduce((sum, x) => sum + x, 0) / scaled.length
  const ss = scaled.reduce((sum, x) => sum + (x - mean) ** 2, 0)
  return { point: mean, ss, scaled }
}

// Variance of the statistic of `n` samples from this side's distribution, on the scale.
function withinVariance(
  side: Side,
  sorted: readonly number[],
  stat: StatName,
  scale: Scale,
  n: number,
): number {
  const fromSamples = statisticStandardError(sorted, stat, n)
  // Reports may carry summaries without samples: fall back to the normal-theory error.
  const se = Number.isNaN(fromSamples) ? summaryStandardError(side.summary.sd, n, stat) : fromSamples
  const onScale = scale.standardError(se, side.summary[stat])
  return onScale * onScale
}

/**
 * Reduces a side. With two or more rounds the point is the mean of the scaled rounds (for time,
 * the geometric mean of the per-process statistics), whose variance the rounds estimate
 * directly. Otherwise it is the side's statistic, with the within-process standard error of that
 * statistic from its samples, given in ascending order as `sorted`.
 */
export function estimateSide(
  side: Side,
  sorted: readonly number[],
  stat: StatName,
  scale: Scale,
): SideEstimate {
  const value = side.summary[stat]
  const spread = side.summary.n >= 2 ? scale.sampleSpread(side.summary.median, side.summary.mad) : Number.NaN
  const sampleSpread = spread >= 0 && Number.isFinite(spread) ? spread : Number.NaN
  const rounds = side.rounds ?? []
  if (rounds.length >= 2) {
    const { point, ss, scaled } = roundsEstimate(rounds, scale)
    const perRound = withinVariance(side, sorted, stat, scale, side.summary.n / rounds.length)
    return {
      value,
      point,
      processes: rounds.length,
      withinVariance: 0,
      roundWithinVariance: Number.isNaN(perRound) ? 0 : perRound,
      sampleSpread,
      roundsSS: ss,
      roundsDf: rounds.length - 1,
      scaledRounds: scaled,
    }
  }
  return {
    value,
    point: scale.transform(value),
    processes: 1,
    withinVariance: withinVariance(side, sorted, stat, scale, side.summary.n),
    roundWithinVariance: 0,
    sampleSpread,
    roundsSS: 0,
    roundsDf: 0,
    scaledRounds: [],
  }
}
