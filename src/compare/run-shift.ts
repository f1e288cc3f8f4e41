import { quantile, sortAscending } from '../stats/index.js'
import { MIN_CALIBRATION_COMPARISONS } from './calibrate.js'
import type { ChangeEstimate } from './estimate.js'

/**
 * The shift of a whole run against its baseline, and each measurement's change relative to it.
 *
 * A baseline's rounds are recorded back to back, in one session: they show how much processes
 * differ within that session, not how far another session — another day, runner or load —
 * moves everything at once. In the loaded real-process experiment of docs/statistics.md a whole
 * run came out 16% faster than its baseline recorded minutes earlier, and without this check 18
 * of 20 unchanged runs had a false `faster`; drift the other way would have meant 18 false
 * `slower` gate failures. From one run, such drift cannot be told from a change that slows every
 * measurement.
 * So a measurement is only called `slower` (or `faster`) if it also moved beyond the run's
 * common shift — significantly, and by more than the threshold. A run whose measurements all
 * moved together gets `inconclusive` verdicts that say so, and an A/B run (both versions in the
 * same processes) or a fresh baseline settles it.
 */
export interface RunShift {
  /** Median change of the run's measurements on the comparison scale. */
  center: number
  /** Sampling variance of that median. */
  variance: number
  /** How many measurements it rests on. */
  count: number
}

/**
 * The run's common shift: the median of the changes (robust to a minority of real changes),
 * with the large-sample variance of a median of m values of unequal precision,
 * π/2 / (m · mean(1/se)²). Undefined with fewer than {@link MIN_CALIBRATION_COMPARISONS}
 * measurements, too few to tell a common shift from the changes themselves.
 */
export function runShift(estimates: readonly ChangeEstimate[]): RunShift | undefined {
  const usable = estimates.filter((e) => e.se > 0 && Number.isFinite(e.d) && Number.isFinite(e.se))
  if (usable.length < MIN_CALIBRATION_COMPARISONS) return undefined
  const center = quantile(sortAscending(usable.map((e) => e.d)), 0.5)
  const precision = usable.reduce((sum, e) => sum + 1 / e.se, 0) / usable.length
  const variance = Math.PI / 2 / (usable.length * precision * precision)
  return { center, variance, count: usable.length }
}

/**
 * A change measured against the run's common shift: d − center, its variance widened by the
 * center's (ignoring that d is one of the values the median was taken over, which would make it
 * slightly smaller: the conservative side).
 */
export function relativeToRun(estimate: ChangeEstimate, shift: RunShift): ChangeEstimate {
  return {
    d: estimate.d - shift.center,
    se: Math.sqrt(estimate.se * estimate.se + shift.variance),
    df: estimate.df,
  }
}
