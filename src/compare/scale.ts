import type { Metric } from '../types.js'

/**
 * Smallest memory change that counts in practice (MB): near zero a relative threshold is
 * meaningless (10% of 0.02 MB is noise), so memory needs an absolute floor.
 */
export const MEMORY_MIN_CHANGE_MB = 0.5

/** Assumed per-process standard deviation of a memory statistic when nothing estimates it (MB). */
export const MEMORY_NOISE_FLOOR_MB = 0.1

/**
 * The scale a metric is compared on. Time is multiplicative (a change is a ratio; noise is a
 * CV), so it is compared on the log scale. Memory growth can be 0 or negative, so it is compared
 * as an absolute difference in MB.
 */
export interface Scale {
  /** A value on the comparison scale; NaN where the scale has no value (log of 0). */
  transform(value: number): number
  /** Half-width of the practical band around "no change" on the scale. */
  band(threshold: number, base: number): number
  /** The ratio reported for a difference `d` on the scale. */
  ratio(d: number, base: number): number
  /** A difference on the scale as a relative change (for `detectable`). */
  relative(d: number, base: number): number
  /** A standard error on the original scale at `value`, moved to the comparison scale. */
  standardError(se: number, value: number): number
  /** The assumed per-process standard deviation on the scale, given the relative noise floor. */
  floorSd(noiseFloor: number, base: number): number
  /** A robust per-sample spread on the scale, from a summary's median and MAD. */
  sampleSpread(median: number, mad: number): number
}

// 1.4826 · MAD estimates a normal standard deviation.
const MAD_TO_SD = 1.482602218505602

const time: Scale = {
  transform: (value) => (value > 0 ? Math.log(value) : Number.NaN),
  band: (threshold) => Math.log1p(threshold),
  ratio: (d) => Math.exp(d),
  relative: (d) => Math.expm1(d),
  // Delta method: sd(log X) ≈ sd(X) / X.
  standardError: (se, value) => se / value,
  // A lognormal with coefficient of variation c has log-sd √(ln(1 + c²)).
  floorSd: (cv) => Math.sqrt(Math.log1p(cv * cv)),
  sampleSpread: (median, mad) => (MAD_TO_SD * mad) / median,
}

// Memory changes are reported relative to the larger of |base| and the absolute floor, so the
// ratio stays finite (and honest about its reference) when the baseline is near zero.
const reference = (base: number) => Math.max(Math.abs(base), MEMORY_MIN_CHANGE_MB)

const memory: Scale = {
  transform: (value) => value,
  band: (threshold, base) => Math.max(threshold * Math.abs(base), MEMORY_MIN_CHANGE_MB),
  ratio: (d, base) => 1 + d / reference(base),
  relative: (d, base) => d / reference(base),
  standardError: (se) => se,
  floorSd: (noiseFloor, base) => Math.max(noiseFloor * Math.abs(base), MEMORY_NOISE_FLOOR_MB),
  sampleSpread: (_median, mad) => MAD_TO_SD * mad,
}

/** The comparison scale of `metric`. */
export function scaleOf(metric: Metric): Scale {
  return metric === 'time' ? time : memory
}
