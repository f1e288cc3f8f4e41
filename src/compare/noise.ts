import type { NoiseComponent } from './noise-mixture.js'
import { fitNoiseMixture, mixtureNoise } from './noise-mixture.js'
import type { ScaledInverseChiSquare } from './prior-fit.js'
import { fitScaledInverseChiSquare, varianceEvidence } from './prior-fit.js'

/**
 * Between-process noise. Samples from one process say nothing about how much the next process
 * will differ (measured here: 1–2% within a run, 4–11% between idle runs, 23–34% under load), so
 * the per-process variance is estimated from rounds (the statistic measured in separate
 * processes) and shared across the run, or assumed from the policy's noise floor.
 */

/** One measurement's evidence about per-process variance: squared deviations of its rounds. */
export interface RoundsEvidence {
  ss: number
  df: number
}

/** The per-process variance (on the comparison scale) a measurement is judged with. */
export interface ProcessNoise {
  variance: number
  /** Degrees of freedom; Infinity for the assumed floor. */
  df: number
  source: 'rounds' | 'run' | 'floor'
  /**
   * Under the two-component prior (noise-mixture.ts), the noise as a mixture: each component's
   * moderated variance and degrees of freedom, weighted by the measurement's membership.
   * `variance` is then their weighted mean and `df` the heaviest component's, for reports.
   */
  components?: readonly NoiseComponent[]
}

/** Measurements with rounds needed to fit the prior's degrees of freedom from the data. */
export const MIN_PRIOR_FIT = 3

/** Prior degrees of freedom when too few measurements have rounds to fit them. */
export const FALLBACK_PRIOR_DF = 4

/**
 * The prior's shape: limma's one component (`single`, the default), or the two-component mixture
 * where it fits the rounds better (`mixture`, noise-mixture.ts), which is kept for experiments:
 * on real sessions it cost power (docs/statistics.md, "Between-process noise").
 */
export type NoisePrior = 'single' | 'mixture'

/**
 * Fits the prior by limma's moment method (Smyth 2004, `fitFDist`): the log sample variances
 * scatter by trigamma(d/2) from sampling alone; any extra scatter says the measurements differ
 * in noise, and sets how few degrees of freedom the shared estimate may lend each one (Infinity
 * when they all look alike).
 */
export function fitNoisePrior(evidence: readonly RoundsEvidence[]): ScaledInverseChiSquare | undefined {
  if (evidence.filter((e) => e.df > 0).length < MIN_PRIOR_FIT) return undefined
  const data = varianceEvidence(evidence)
  if (!data) return { variance: 0, df: Number.POSITIVE_INFINITY }
  return fitScaledInverseChiSquare(
    data.z,
    data.dfs,
    data.z.map(() => 1),
  )
}

// Posterior (moderated) variance: the prior counts as `priorDf` degrees of freedom of evidence.
function moderate(prior: ScaledInverseChiSquare, own: RoundsEvidence): ProcessNoise {
  if (own.df === 0) return { variance: prior.variance, df: prior.df, source: 'run' }
  if (prior.df === Number.POSITIVE_INFINITY)
    return { variance: prior.variance, df: prior.df, source: 'rounds' }
  return {
    variance: (prior.df * prior.variance + own.ss) / (prior.df + own.df),
    df: prior.df + own.df,
    source: 'rounds',
  }
}

/**
 * Per-process variance for each measurement of one metric. A measurement with rounds gets its
 * own estimate moderated toward the run's (empirical Bayes, limma's moderated t), so three rounds
 * do not mean a t-quantile with 2 degrees of freedom; one without rounds borrows the run's; with
 * no rounds in the run, the floor is assumed (`floorVariance[i]` for measurement i). The prior
 * never lends more degrees of freedom than the other measurements' rounds hold.
 */
export function processNoise(
  evidence: readonly RoundsEvidence[],
  floorVariance: readonly number[],
  prior: NoisePrior = 'single',
): ProcessNoise[] {
  const totalSS = evidence.reduce((sum, e) => sum + e.ss, 0)
  const totalDf = evidence.reduce((sum, e) => sum + e.df, 0)
  if (prior === 'mixture' && totalDf > 0) {
    const mixture = fitNoiseMixture(evidence, MIN_PRIOR_FIT)
    if (mixture?.better) return mixtureNoise(evidence, mixture)
  }
  const fitted = fitNoisePrior(evidence)
  return evidence.map((own, i) => {
    if (totalDf === 0) return { variance: floorVariance[i]!, df: Number.POSITIVE_INFINITY, source: 'floor' }
    const othersDf = totalDf - own.df
    if (fitted) {
      return moderate({ variance: fitted.variance, df: Math.min(fitted.df, othersDf) }, own)
    }
    // Too few measurements with rounds to fit a prior: pool the others (leaving this one out, or
    // its rounds would count twice). Alone, a measurement's rounds speak for themselves: the
    // t-quantile of their few degrees of freedom is the honest width.
    if (othersDf > 0) {
      const prior = { variance: (totalSS - own.ss) / othersDf, df: Math.min(othersDf, FALLBACK_PRIOR_DF) }
      return moderate(prior, own)
    }
    return { variance: own.ss / own.df, df: own.df, source: 'rounds' }
  })
}
