import { tUpperTail } from '../stats/index.js'
import type { ProcessNoise } from './noise.js'
import type { SideEstimate } from './side.js'

/** A change on the comparison scale with its standard error and degrees of freedom. */
export interface ChangeEstimate {
  /** head − base on the comparison scale (log ratio for time, MB for memory). */
  d: number
  se: number
  df: number
  /**
   * Under a mixture of noise components: the change's standard error and degrees of freedom in
   * each, weighted; the test and the interval use the mixture, `se` and `df` (the weighted mean
   * variance, the heaviest component's df) describe it.
   */
  components?: readonly ErrorComponent[]
}

/** One component of a change's error: with probability `weight`, t-distributed as se·T(df). */
export interface ErrorComponent {
  weight: number
  se: number
  df: number
}

/**
 * Combines two sides into the change head − base with its standard error.
 *
 * A side of k rounds carries 1/k of the per-process variance τ² (its rounds' spread includes their
 * sampling error). A single-process side carries one draw of the between-process noise plus its
 * own sampling error: τ² − w_r + w, where w_r is the sampling error already inside τ² (that of one
 * round) and w its own, so a side with fewer samples than a round counts as noisier, and a
 * well-sampled side is not charged twice. Under the assumed floor, τ² is purely between-process.
 *
 * The degrees of freedom follow Welch–Satterthwaite: only τ² is estimated (with `noise.df`);
 * sampling errors count as known. A single sample cannot show its own spread, so a one-sample
 * side borrows the other side's per-sample spread, or the floor when both are single samples.
 */
export function combineSides(
  base: SideEstimate,
  head: SideEstimate,
  noise: ProcessNoise,
  floorSd: number,
): ChangeEstimate {
  const ownWithin = (own: SideEstimate, other: SideEstimate) => {
    if (!Number.isNaN(own.withinVariance)) return own.withinVariance
    const spread = Number.isNaN(other.sampleSpread) ? floorSd : other.sampleSpread
    return spread * spread
  }
  const withRounds = [base, head].filter((side) => side.processes >= 2)
  const inTau =
    noise.source === 'rounds' && withRounds.length > 0
      ? withRounds.reduce((sum, side) => sum + side.roundWithinVariance, 0) / withRounds.length
      : 0
  let coefficient = 0
  let known = 0
  for (const [own, other] of [
    [base, head],
    [head, base],
  ] as const) {
    if (own.processes >= 2) coefficient += 1 / own.processes
    else {
      // Charge only the sampling error beyond a round's: estimated from few samples it is noisy,
      // and subtracting a noisy amount would let an unlucky estimate shrink the variance.
      coefficient += 1
      known += Math.max(0, ownWithin(own, other) - inTau)
    }
  }
  const error = (variance: number, varianceDf: number) => {
    const estimated = coefficient * variance
    const total = estimated + known
    const df =
      varianceDf === Number.POSITIVE_INFINITY || estimated === 0
        ? Number.POSITIVE_INFINITY
        : (total * total) / ((estimated * estimated) / varianceDf)
    return { se: Math.sqrt(total), df }
  }
  const d = head.point - base.point
  if (!noise.components) return { d, ...error(noise.variance, noise.df) }
  const components = noise.components.map((c) => ({ weight: c.weight, ...error(c.variance, c.df) }))
  return { d, ...error(noise.variance, noise.df), components }
}

/**
 * P(error > x) under the estimate's error distribution: Student t, or the weighted mixture of
 * its components.
 */
export function upperTail(estimate: ChangeEstimate, x: number): number {
  const tail = (se: number, df: number) => (se === 0 ? (x < 0 ? 1 : 0) : tUpperTail(x / se, df))
  if (!estimate.components) return tail(estimate.se, estimate.df)
  return estimate.components.reduce((sum, c) => sum + c.weight * tail(c.se, c.df), 0)
}

/** Two-sided p-value of "no change" (a standard error of 0 makes any change certain). */
export function pValue(estimate: ChangeEstimate): number {
  const { d, se } = estimate
  if (se === 0) return d === 0 ? 1 : 0
  return Math.min(1, 2 * upperTail(estimate, Math.abs(d)))
}

/**
 * The x with P(|error| > x) = alpha: the half-width of the estimate's interval. For a mixture,
 * found by bisection between its components' own half-widths, which bracket it.
 */
export function halfWidth(
  estimate: ChangeEstimate,
  alpha: number,
  quantile: (p: number, df: number) => number,
): number {
  const own = (se: number, df: number) => (se === 0 ? 0 : quantile(1 - alpha / 2, df) * se)
  if (!estimate.components) return own(estimate.se, estimate.df)
  const widths = estimate.components.map((c) => own(c.se, c.df))
  let low = Math.min(...widths)
  let high = Math.max(...widths)
  // 40 halvings: the bracket is at most a few standard errors wide, so far below display precision.
  for (let step = 0; step < 40 && high - low > 1e-12 * high; step++) {
    const mid = (low + high) / 2
    if (2 * upperTail(estimate, mid) > alpha) low = mid
    else high = mid
  }
  return (low + high) / 2
}
