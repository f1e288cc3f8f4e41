import { sampleWithReplacement } from 'simple-statistics'
import type { Rng } from './rng.js'
import { quantile, sortAscending } from './summarize.js'

/** A point estimate with a confidence interval at `level`. */
export interface Interval {
  estimate: number
  low: number
  high: number
  level: number
}

/** How to resample: the seeded generator, how many resamples, and the confidence level. */
export interface BootstrapOptions {
  rng: Rng
  /** Number of resamples; 2,000 keeps the Monte Carlo error of a 95% bound near 0.5%. */
  resamples?: number
  level?: number
}

type Estimator = (values: readonly number[]) => number

// Percentile interval of the replicate estimates: no normality assumed, fine for the quantiles
// of timing samples, which is what these helpers serve (diagnostics and experiments).
function percentileInterval(estimate: number, replicates: number[], level: number): Interval {
  const sorted = sortAscending(replicates)
  const tail = (1 - level) / 2
  return { estimate, low: quantile(sorted, tail), high: quantile(sorted, 1 - tail), level }
}

/**
 * Percentile bootstrap interval of `estimator(samples)`, reproducible from `options.rng`.
 * NaN bounds for an empty sample.
 */
export function bootstrapInterval(
  samples: readonly number[],
  estimator: Estimator,
  options: BootstrapOptions,
): Interval {
  const { rng, resamples = 2000, level = 0.95 } = options
  const values = [...samples]
  if (values.length === 0) return { estimate: Number.NaN, low: Number.NaN, high: Number.NaN, level }
  const replicates = Array.from({ length: resamples }, () =>
    estimator(sampleWithReplacement(values, values.length, rng.next)),
  )
  return percentileInterval(estimator(values), replicates, level)
}

/**
 * Percentile bootstrap interval of the ratio `estimator(head) / estimator(base)`, resampling the
 * two sides independently. It treats every sample as independent evidence, so it measures only
 * the within-process error (see docs/statistics.md for why the gate needs more).
 */
export function bootstrapRatioInterval(
  base: readonly number[],
  head: readonly number[],
  estimator: Estimator,
  options: BootstrapOptions,
): Interval {
  const { rng, resamples = 2000, level = 0.95 } = options
  const b = [...base]
  const h = [...head]
  if (b.length === 0 || h.length === 0) {
    return { estimate: Number.NaN, low: Number.NaN, high: Number.NaN, level }
  }
  const replicates = Array.from(
    { length: resamples },
    () =>
      estimator(sampleWithReplacement(h, h.length, rng.next)) /
      estimator(sampleWithReplacement(b, b.length, rng.next)),
  )
  return percentileInterval(estimator(h) / estimator(b), replicates, level)
}
