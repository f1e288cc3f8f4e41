import { digamma, median, trigamma, trigammaInverse } from '../stats/index.js'

/**
 * limma's moment fit of a scaled inverse-χ² prior to sample variances (Smyth 2004, `fitFDist`),
 * shared by the single prior (noise.ts) and each component of the mixture (noise-mixture.ts).
 */

/** A scaled inverse-χ² distribution of variances: its centre and degrees of freedom. */
export interface ScaledInverseChiSquare {
  variance: number
  df: number
}

/**
 * A sample variance on ν degrees of freedom as a log centred for the fit: E[z] = ln σ² and
 * Var[z] = ψ′(ν/2) when the variance is σ²·χ²_ν/ν.
 */
export function centredLog(variance: number, df: number): number {
  const half = df / 2
  return Math.log(variance) - digamma(half) + Math.log(half)
}

/** The measurements that have rounds, as the fits read them. */
export interface VarianceEvidence {
  /** Sample variances, a variance of exactly 0 held a little above 0 (it has no logarithm). */
  variances: number[]
  dfs: number[]
  /** {@link centredLog} of each. */
  z: number[]
}

/**
 * The sample variances of the measurements that have rounds (df > 0), with their centred logs;
 * undefined when their median is 0 (identical rounds everywhere: no scale to fit).
 */
export function varianceEvidence(
  evidence: readonly { ss: number; df: number }[],
): VarianceEvidence | undefined {
  const withRounds = evidence.filter((e) => e.df > 0)
  const raw = withRounds.map((e) => e.ss / e.df)
  const typical = median(raw)
  if (!(typical > 0)) return undefined
  const variances = raw.map((v) => Math.max(v, 1e-4 * typical))
  const dfs = withRounds.map((e) => e.df)
  return { variances, dfs, z: variances.map((v, i) => centredLog(v, dfs[i]!)) }
}

/**
 * The prior fitted to centred logs `z` on `dfs` degrees of freedom, each counted with its weight
 * (all 1 for limma's fit): their weighted scatter beyond what sampling alone explains,
 * ψ′(ν/2), sets how few degrees of freedom the prior lends (Infinity when they agree more
 * closely than sampling allows). With less than two measurements' worth of weight the scatter
 * cannot be measured and the prior lends none (df 0, centred on the weighted mean). Undefined for
 * no weight at all.
 */
export function fitScaledInverseChiSquare(
  z: readonly number[],
  dfs: readonly number[],
  weights: readonly number[],
): ScaledInverseChiSquare | undefined {
  const total = weights.reduce((a, b) => a + b, 0)
  if (!(total > 1e-12)) return undefined
  const mean = weights.reduce((sum, w, i) => sum + w * z[i]!, 0) / total
  // Reliability weights: the unbiased weighted variance (n − 1 for unit weights).
  const denominator = total - weights.reduce((sum, w) => sum + w * w, 0) / total
  if (!(denominator > 1e-9)) return { variance: Math.exp(mean), df: 0 }
  const scatter = weights.reduce((sum, w, i) => sum + w * (z[i]! - mean) ** 2, 0) / denominator
  const sampling = weights.reduce((sum, w, i) => sum + w * trigamma(dfs[i]! / 2), 0) / total
  const excess = scatter - sampling
  if (!(excess > 0)) return { variance: Math.exp(mean), df: Number.POSITIVE_INFINITY }
  const df = 2 * trigammaInverse(excess)
  return { variance: Math.exp(mean + digamma(df / 2) - Math.log(df / 2)), df }
}
