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
  /**
   * Whether the samples as a whole moved the same way, significantly after correction (the rank
   * test); undefined where the rank test is not required.
   */
  rankAgrees?: boolean
  /** Student t quantile function; the comparator passes one that remembers its answers. */
  quantile?: (p: number, df: number) => number
}

/** A verdict with its interval on the comparison scale. */
export interface Decision {
  verdict: 'faster' | 'same' | 'slower' | 'inconclusive'
  low: number
  high: number
  /** For `inconclusive`: smallest change (on the scale) detectable with 80% power. */
  detectable?: number
  /** The statistic's test said `slower` or `faster` but the rank test did not agree. */
  vetoed?: boolean
}

/**
 * The verdict. `slower` needs significance after correction and a point estimate beyond the
 * band — and, where required, the rank test's agreement; `faster` likewise below it. `same` when
 * the interval lies inside the band (equivalence) or when the change is significant but its
 * estimate is inside the band (real but negligible). Anything else is `inconclusive`, with the
 * change these data could have detected.
 */
export function decide(estimate: ChangeEstimate, input: DecisionInput): Decision {
  const { d, se, df } = estimate
  const { band, significant, intervalAlpha, rankAgrees, quantile = tQuantile } = input
  const critical = se === 0 ? 0 : quantile(1 - intervalAlpha / 2, df)
  const halfWidth = critical * se
  const low = d - halfWidth
  const high = d + halfWidth
  const beyond = significant && Math.abs(d) > band
  if (beyond && rankAgrees !== false) return { verdict: d > 0 ? 'slower' : 'faster', low, high }
  if (!beyond && (significant || (low >= -band && high <= band))) return { verdict: 'same', low, high }
  const detectable = se === 0 ? 0 : (critical + quantile(DETECTION_POWER, df)) * se
  return { verdict: 'inconclusive', low, high, detectable, ...(beyond ? { vetoed: true } : {}) }
}
