import type { Comparison, Metric, StatName, Summary, Unit } from '../types.js'

export type { DifferenceEstimate, NoiseEstimate } from '../types.js'

/** One side (baseline or current) of a comparison. */
export interface Side {
  /** Samples of the measurement (possibly thinned; `summary.n` says how many were taken). */
  samples: readonly number[]
  summary: Summary
  /**
   * The chosen statistic measured in each separate process (round), when there were several.
   * They carry the between-process noise that samples from one process cannot show.
   */
  rounds?: readonly number[]
}

/** A measurement to compare: its identity, what is judged, and the two sides when present. */
export interface CompareItem {
  key: string
  file: string
  name: string
  metric: Metric
  unit: Unit
  stat: StatName
  /** Practical threshold (relative) for this measurement, overriding the policy's. */
  threshold?: number
  base?: Side
  head?: Side
}

/** How the comparator decides (SPEC §5–§6). */
export interface ComparePolicy {
  /** Family-wise error rate across all comparisons of the run (default 0.01). */
  alpha: number
  /** Practical threshold, relative (default 0.10: more than 10% slower). */
  threshold: number
  /**
   * Assumed between-process coefficient of variation when no measurement of the run has rounds
   * to estimate it from (default 0.10). An assumption, which each comparison reports.
   */
  noiseFloor: number
  /** Seed for any randomness; the comparator is closed-form and currently draws none. */
  seed?: number
  /** Multiple-comparison correction (default `holm`, family-wise; `bh` controls the FDR). */
  correction?: 'holm' | 'bh'
  /**
   * Whether `slower` and `faster` on a central time statistic (median, mean) also need the
   * within-process rank-sum test to agree (default true). Off only to measure what the check
   * costs (scripts/experiments/synthetic-comparator.ts).
   */
  rankTest?: boolean
  /**
   * Whether time changes are judged relative to the run's common shift when a run has 5 or more
   * time comparisons (default true). Off only to measure what it does
   * (scripts/experiments/synthetic-comparator.ts).
   */
  runShift?: boolean
  /**
   * The prior the per-process variances are moderated with (docs/statistics.md, "Between-process
   * noise"): `single` (default), limma's one scaled inverse-χ² component; `mixture`, two
   * components where they fit the rounds better, so steady and noisy measurements each borrow
   * from their own kind. The mixture exists to measure what it does
   * (scripts/experiments/synthetic-comparator.ts, aa-power.ts): on real sessions it cost power.
   */
  noisePrior?: 'single' | 'mixture'
  /**
   * How much of the run's spread widens the standard errors (docs/statistics.md, "Run-wide
   * calibration"): `beyond-chance` (default), only its excess over what chance gives a right
   * model where the noise came from rounds, all of it over the assumed floor; `whole`, all of it
   * always; `off`, none. The other two exist to measure what the default does
   * (scripts/experiments/calibration.ts, aa-power.ts).
   */
  calibration?: CalibrationRule
}

/** The rules for the run's spread; the first is the default. */
export const CALIBRATION_RULES = ['beyond-chance', 'whole', 'off'] as const
export type CalibrationRule = (typeof CALIBRATION_RULES)[number]

export const DEFAULT_COMPARE_POLICY: Readonly<ComparePolicy> = {
  alpha: 0.01,
  threshold: 0.1,
  noiseFloor: 0.1,
  seed: 1,
  correction: 'holm',
}

/** A comparison as the comparator returns it (the details are part of {@link Comparison}). */
export type DetailedComparison = Comparison
