import { tUpperTail } from '../stats/index.js'
import type { ProcessNoise } from './noise.js'
import type { SideEstimate } from './side.js'

/** A change on the comparison scale with its standard error and degrees of freedom. */
export interface ChangeEstimate {
  /** head − base on the comparison scale (log ratio for time, MB for memory). */
  d: number
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
  const estimated = coefficient * noise.variance
  const total = estimated + known
  const df =
    noise.df === Number.POSITIVE_INFINITY || estimated === 0
      ? Number.POSITIVE_INFINITY
      : (total * total) / ((estimated * estimated) / noise.df)
  return { d: head.point - base.point, se: Math.sqrt(total), df }
}

/** Two-sided p-value of "no change" (a standard error of 0 makes any change certain). */
export function pValue({ d, se, df }: ChangeEstimate): number {
  if (se === 0) return d === 0 ? 1 : 0
  return Math.min(1, 2 * tUpperTail(Math.abs(d) / se, df))
}
