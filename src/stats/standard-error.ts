import type { StatName } from '../types.js'
import { incompleteBeta } from './incomplete-beta.js'
import { normalPdf, normalQuantile } from './normal.js'
import { STAT_PROBABILITY } from './statistic.js'
import { quantile } from './summarize.js'

// z(0.975): the bandwidth of McKean & Schrader's (1984) interval for the median.
const Z_975 = 1.959963984540054

function sampleSd(values: readonly number[]): number {
  const mean = values.reduce((sum, x) => sum + x, 0) / values.length
  const squares = values.reduce((sum, x) => sum + (x - mean) ** 2, 0)
  return Math.sqrt(squares / (values.length - 1))
}

/**
 * Standard error of a sample quantile by the sparsity: dQ/dp × √(p(1 − p)/n), with dQ/dp read
 * off the samples over p ± z(0.975)·√(p(1 − p)/n) (Siddiqui 1960; McKean & Schrader 1984 for the
 * median). Used for very small samples, where the Maritz–Jarrett weights degenerate.
 */
function sparsityStandardError(sorted: readonly number[], p: number, n: number): number {
  const pEff = Math.min(n / (n + 1), Math.max(1 / (n + 1), p))
  const spread = Math.sqrt((pEff * (1 - pEff)) / n)
  const low = Math.max(0, pEff - Z_975 * spread)
  const high = Math.min(1, pEff + Z_975 * spread)
  const sparsity = (quantile(sorted, high) - quantile(sorted, low)) / (high - low)
  return sparsity * spread
}

// Maritz–Jarrett weights depend only on (sample size, order statistic): cache them, so a run
// of 1,000 comparisons of 200 stored samples computes the Beta CDFs once, not 400,000 times.
const weightCache = new Map<string, Float64Array>()

function maritzJarrettWeights(size: number, m: number): Float64Array {
  const key = `${size}:${m}`
  const cached = weightCache.get(key)
  if (cached) return cached
  const weights = new Float64Array(size)
  let previous = 0
  for (let i = 1; i <= size; i++) {
    const current = incompleteBeta(i / size, m - 1, size - m)
    weights[i - 1] = current - previous
    previous = current
  }
  weightCache.set(key, weights)
  return weights
}

/**
 * Maritz–Jarrett (1978) standard error of a sample quantile: the standard deviation of the
 * order statistic X(m), m = ⌊pn + ½⌋, under the empirical distribution, from Beta-weighted
 * moments of the sorted samples (Wilcox, "Introduction to Robust Estimation", §3.5; R: WRS
 * `mjse`). Unlike a local density estimate it sees a quantile that can jump between the modes
 * of a bimodal sample. Computed on the stored samples and scaled by √(stored / n) when the
 * samples were thinned from n.
 */
function maritzJarrettStandardError(sorted: readonly number[], p: number, n: number): number {
  const size = sorted.length
  const m = Math.min(size - 1, Math.max(2, Math.floor(p * size + 0.5)))
  const weights = maritzJarrettWeights(size, m)
  let c1 = 0
  let c2 = 0
  const centre = sorted[m - 1]!
  for (let i = 0; i < size; i++) {
    // Centred moments: the variance of values like 1e6 ± 1 keeps its digits.
    const x = sorted[i]! - centre
    c1 += weights[i]! * x
    c2 += weights[i]! * x * x
  }
  return Math.sqrt(Math.max(0, c2 - c1 * c1)) * Math.sqrt(size / n)
}

/** Fewest stored samples for the Maritz–Jarrett estimate; below, the sparsity estimate. */
const MIN_MARITZ_JARRETT = 5

/**
 * Standard error of the statistic `stat` of a process's samples, from its ascending `sorted`
 * samples; `n` is the number of samples actually taken (larger than `sorted.length` when the
 * stored samples were thinned). Within-process error only. NaN with fewer than two samples.
 */
export function statisticStandardError(sorted: readonly number[], stat: StatName, n = sorted.length): number {
  if (sorted.length < 2 || n < 2) return Number.NaN
  if (stat === 'mean') return sampleSd(sorted) / Math.sqrt(n)
  const p = STAT_PROBABILITY[stat]
  if (sorted.length < MIN_MARITZ_JARRETT) return sparsityStandardError(sorted, p, n)
  return maritzJarrettStandardError(sorted, p, n)
}

/**
 * Standard error of `stat` from summary figures alone (no stored samples), assuming normal
 * samples: σ/√n for the mean, √(p(1 − p)/n)/φ(z_p) · σ for a quantile. NaN when n < 2.
 */
export function summaryStandardError(sd: number, n: number, stat: StatName): number {
  if (!(n >= 2)) return Number.NaN
  if (stat === 'mean') return sd / Math.sqrt(n)
  const p = Math.min(n / (n + 1), Math.max(1 / (n + 1), STAT_PROBABILITY[stat]))
  return (Math.sqrt(p * (1 - p)) / normalPdf(normalQuantile(p))) * (sd / Math.sqrt(n))
}
