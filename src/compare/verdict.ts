import { tQuantile } from '../stats/index.js'
import type { ChangeEstimate } from './estimate.js'

/** Power at which `detectable` is computed: the usual 80%. */
export const DETECTION_POWER = 0.8

/** What {@link decide} needs beyond the estimate. */
export interface DecisionInput {
  /** Half-width of the practical band on the comparison scale (ln(1 + threshold) for time). */
  band: number
  /** Whether the change is significant after the run-wide correction. */
  significant: boolean
  /** Per-comparison error rate of the confidence interval (α/m under Holm). */
  intervalAlpha: number
}

/** A verdict with its interval on the comparison scale. */
export interface Decision {
  verdict: 'faster' | 'same' | 'slower' | 'inconclusive'
  low: number
  high: number
  /** For `inconclusive`: smallest change (on the scale) detectable with 80% power. */
  detectable?: number
}

/**
 * The verdict. `slower` needs significance after correction and a point estimate beyond the
 * band; `faster` likewise below it. `same` when the interval lies inside the band (equivalence)
 * or when the change is significant but its estimate is inside the band (real but negligible).
 * Anything else is `inconclusive`, with the change these data could have detected.
 */
export function decide(estimate: ChangeEstimate, input: DecisionInput): Decision {
  const { d, se, df } = estimate
  const { band, significant, intervalAlpha } = input
  const halfWidth = se === 0 ? 0 : tQuantile(1 - intervalAlpha / 2, df) * se
  const low = d - halfWidth
  const high = d + halfWidth
  if (significant && d > band) return { verdict: 'slower', low, high }
  if (significant && d < -band) return { verdict: 'faster', low, high }
  if (significant || (low >= -band && high <= band)) return { verdict: 'same', low, high }
  const detectable = (tQuantile(1 - intervalAlpha / 2, df) + tQuantile(DETECTION_POWER, df)) * se
  return { verdict: 'inconclusive', low, high, detectable }
}
