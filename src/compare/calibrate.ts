import { normalQuantile, quantile, sortAscending } from '../stats/index.js'
import type { ChangeEstimate } from './estimate.js'
import { upperTail } from './estimate.js'
import type { CalibrationRule } from './types.js'

/** Fewest comparisons of one metric in a run before their spread is trusted for calibration. */
export const MIN_CALIBRATION_COMPARISONS = 10

const MAD_TO_SD = 1.482602218505602

// Asymptotic efficiency of the MAD relative to the standard deviation for normal data: a MAD
// of k values says as much about the scale as a standard deviation of about 0.37·k values.
const MAD_EFFICIENCY = 0.3675

/** The run-wide widening of the standard errors, and how many degrees of freedom it rests on. */
export interface Calibration {
  /** Factor ≥ 1 applied to every standard error of the metric. */
  inflation: number
  df: number
}

const NO_CALIBRATION: Calibration = { inflation: 1, df: Number.POSITIVE_INFINITY }

// The normal score with the same tail probability as the standardized change, computed from the
// tail so large values keep their size (a huge change maps to a huge or infinite score, which the
// median ignores).
function normalScore(estimate: ChangeEstimate): number {
  const score = -normalQuantile(upperTail(estimate, Math.abs(estimate.d)))
  return estimate.d < 0 ? -score : score
}

/**
 * Run-wide calibration: the factor (≥ 1) by which the modelled standard errors understate the
 * spread the run actually shows. If the model is right, the standardized changes d/se of the
 * unchanged measurements are t-distributed; mapped to normal scores, their robust spread
 * (1.4826 × MAD about the median) is 1. A larger spread means the noise floor (or the rounds)
 * understated the noise, and every standard error is widened by that factor — the idea of
 * genomic control (Devlin & Roeder 1999). The median and MAD ignore a minority of real changes,
 * and centring on the median keeps a run-wide slowdown visible instead of absorbing it.
 */
export function calibrationFactor(estimates: readonly ChangeEstimate[]): Calibration {
  const scores = estimates
    .filter((e) => e.se > 0 && Number.isFinite(e.d))
    .map(normalScore)
    .filter((z) => !Number.isNaN(z))
  if (scores.length < MIN_CALIBRATION_COMPARISONS) return NO_CALIBRATION
  const sorted = sortAscending(scores)
  const centre = quantile(sorted, 0.5)
  const deviations = sortAscending(sorted.map((z) => Math.abs(z - centre)))
  const inflation = MAD_TO_SD * quantile(deviations, 0.5)
  if (!(inflation > 1)) return NO_CALIBRATION
  return { inflation, df: MAD_EFFICIENCY * (scores.length - 1) }
}

/**
 * The part of the run's spread that chance does not explain, where the modelled noise was
 * estimated from rounds. The normal scores already carry the t-tails of the rounds' few degrees
 * of freedom, so with the model right the spread λ̂ is 1 give or take chance: λ̂² is a variance
 * estimate on `df` degrees of freedom, with a standard deviation of about √(2/df). Taken whole
 * whenever it exceeds 1, it widened half of such runs for nothing and cost 14 percentage points
 * of power at a 20% change where the model was exactly right (docs/statistics.md, "Run-wide
 * calibration"); so only its excess beyond one such standard deviation is taken as the model's
 * shortfall: λ² = 1 + max(0, λ̂² − 1 − √(2/df)). Where the noise is the assumed floor (the
 * median comparison has infinite degrees of freedom: a guess, not an estimate), the spread is
 * the only evidence of how wrong the guess is and counts whole. Pure.
 */
export function beyondChance(calibration: Calibration, estimates: readonly ChangeEstimate[]): Calibration {
  if (calibration.inflation === 1) return calibration
  const dfs = sortAscending(estimates.filter((e) => e.se > 0 && Number.isFinite(e.d)).map((e) => e.df))
  if (dfs.length === 0 || !Number.isFinite(quantile(dfs, 0.5))) return calibration
  const { inflation, df } = calibration
  const excess = inflation * inflation - 1 - Math.sqrt(2 / df)
  return excess > 0 ? { inflation: Math.sqrt(1 + excess), df } : NO_CALIBRATION
}

/**
 * The calibration a policy's rule (default `beyond-chance`) applies to `estimates`, from the
 * run's whole spread.
 */
export function calibrationUnder(
  rule: CalibrationRule | undefined,
  spread: Calibration,
  estimates: readonly ChangeEstimate[],
): Calibration {
  if (rule === 'off') return NO_CALIBRATION
  return rule === 'whole' ? spread : beyondChance(spread, estimates)
}

/**
 * Applies a calibration: widens the standard error, and lowers the degrees of freedom by
 * Welch–Satterthwaite, counting the extra variance (λ² − 1)·se² as estimated with the
 * calibration's degrees of freedom, so a run-wide spread measured from 20 values is not
 * treated as known exactly.
 */
export function calibrate(estimate: ChangeEstimate, calibration: Calibration): ChangeEstimate {
  const { inflation, df } = calibration
  if (inflation === 1) return estimate
  const extra = inflation * inflation - 1
  const widen = (se: number, modelDf: number) => {
    const modelTerm = modelDf === Number.POSITIVE_INFINITY ? 0 : 1 / modelDf
    return { se: se * inflation, df: inflation ** 4 / (modelTerm + (extra * extra) / df) }
  }
  const widened = { d: estimate.d, ...widen(estimate.se, estimate.df) }
  if (!estimate.components) return widened
  return {
    ...widened,
    components: estimate.components.map((c) => ({ weight: c.weight, ...widen(c.se, c.df) })),
  }
}
