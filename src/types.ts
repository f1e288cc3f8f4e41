/**
 * The data perfgate passes between its parts. Every format that reaches a file (baselines, run
 * reports) is defined here once; `src/baseline/schema.ts` and `src/report/schema.ts` validate
 * the same shapes at run time.
 */

/** A statistic a budget or a comparison can be judged on. */
export type StatName = 'min' | 'mean' | 'median' | 'p75' | 'p95' | 'p99' | 'max'

export const STAT_NAMES: readonly StatName[] = ['min', 'mean', 'median', 'p75', 'p95', 'p99', 'max']

/** What was measured: wall time per call (milliseconds) or retained heap (megabytes). */
export type Metric = 'time' | 'memory'

export type Unit = 'ms' | 'MB'

/** Descriptive statistics of one set of samples. All values are in the measurement's unit. */
export interface Summary {
  n: number
  min: number
  max: number
  mean: number
  median: number
  /** Sample standard deviation (n − 1 denominator); 0 when n < 2. */
  sd: number
  /** Median absolute deviation (unscaled). */
  mad: number
  p75: number
  p95: number
  p99: number
}

/** Where a measurement was taken. Comparisons across different environments are advisory. */
export interface Environment {
  node: string
  os: string
  arch: string
  cpu: string
  cores: number
  ci: boolean
}

/**
 * One measurement, as recorded by a matcher call or a benchmark. `samples` holds at most
 * {@link MAX_STORED_SAMPLES} values (evenly thinned from the sorted samples when there were more),
 * so files and worker messages stay small.
 */
export interface Measurement {
  /** Stable identity within its file: the full test name, plus `#2`, `#3`… for repeated calls. */
  key: string
  /** Test or bench file, relative to the project root, with `/` separators. */
  file: string
  /** Full test name, suites joined by ` > `. */
  name: string
  metric: Metric
  unit: Unit
  source: 'matcher' | 'bench'
  /** Statistic the budget (and the comparison) is judged on. */
  stat: StatName
  /** The budget the matcher asserted, in `unit`; absent for benchmarks. */
  budget?: number
  /** Whether the budget held (ignoring `.not`); absent for benchmarks. */
  withinBudget?: boolean
  /** Per-measurement practical threshold (relative), overriding the run's default. */
  threshold?: number
  summary: Summary
  samples: number[]
  /** Calls per timed sample (batching of fast functions); 1 for memory. */
  batch: number
  /** Set when only one cold call was measured (`{ warmup: 0, samples: 1 }`). */
  cold?: boolean
  /** Set when the assertion was negated (`.not`): the budget then had to be exceeded. */
  negated?: boolean
  /**
   * The statistic measured in each separate process (round), when the measurement was repeated
   * in several processes (`perfgate update --rounds`, the bench runner). They carry the
   * between-process noise that samples from one process cannot show.
   */
  rounds?: number[]
}

export const MAX_STORED_SAMPLES = 200

/** The way an `inconclusive` leans, or a decided change points. */
export type Lean = 'slower' | 'faster'

/** The six verdicts a comparison can reach (SPEC §5). */
export type VerdictKind = 'faster' | 'same' | 'slower' | 'inconclusive' | 'new' | 'missing'

/** A ratio head/base with its confidence interval (ratio > 1 means head is larger, i.e. slower). */
export interface RatioEstimate {
  ratio: number
  low: number
  high: number
  /** Confidence level of [low, high], e.g. 0.99. */
  level: number
}

/** Where a comparison's between-process noise came from, and how large it was taken to be. */
export interface NoiseEstimate {
  /**
   * `rounds`: this measurement's own rounds, shrunk toward the run's; `run`: pooled from other
   * measurements' rounds; `floor`: the policy's assumed noise floor (nothing to estimate from).
   */
  source: 'rounds' | 'run' | 'floor'
  /** Per-process standard deviation: of the log statistic for time (≈ a CV), in MB for memory. */
  processSd: number
  /** Degrees of freedom of that estimate (Infinity for the assumed floor). */
  df: number
  /** Run-wide calibration factor (≥ 1) applied to the standard error; see docs/statistics.md. */
  inflation: number
  /**
   * Time in runs of 5 or more compared measurements: the run's common shift (current / baseline,
   * the median change), which the test took out before judging this measurement; its interval
   * is conditional on it. See docs/statistics.md, "The run's common shift".
   */
  runShift?: number
  /**
   * The run's speed changed partway through: a slow period of the machine covered some of its
   * measurements and not others, so the common shift fits none of them well and every interval
   * is wide. The reporters measure such a run again in a fresh process. See docs/statistics.md,
   * "A run whose speed changed partway".
   */
  unsteady?: true
}

/** An absolute difference head − base in the measurement's unit, with its confidence interval. */
export interface DifferenceEstimate {
  difference: number
  low: number
  high: number
  level: number
}

/** The outcome of comparing one measurement with its baseline. */
export type Comparison =
  | {
      verdict: 'faster' | 'same' | 'slower' | 'inconclusive'
      key: string
      file: string
      name: string
      metric: Metric
      unit: Unit
      stat: StatName
      base: Summary
      head: Summary
      change: RatioEstimate
      /** Raw p-value of the two-sided test, before correction. */
      p: number
      /** p-value after the run-wide multiple-comparison correction. */
      pAdjusted: number
      threshold: number
      /** For `inconclusive`: the smallest relative change these data could have detected. */
      detectable?: number
      /**
       * Why the verdict is `inconclusive` although the interval alone would say more: bad values
       * (no statistical comparison was possible), the rank test's veto, or a change that only
       * moved with the whole run (see `noise.runShift`).
       */
      reason?: string
      /**
       * For `inconclusive`: the change is beyond the threshold and significant on its own, but not
       * after the run's correction — the way the evidence leans. A fresh process is asked about a
       * lean toward `slower` (see docs/statistics.md, "Confirmation in fresh processes").
       */
      leans?: Lean
      noise?: NoiseEstimate
      /** For memory: the difference in MB, which stays meaningful where a ratio does not. */
      difference?: DifferenceEstimate
      /**
       * For time: the within-process evidence of the samples. `p` and `pAdjusted` (after the same
       * correction) of the Wilcoxon–Mann–Whitney rank-sum test of the current samples against the
       * baseline's; `ratio`, the Hodges–Lehmann ratio (median of the pairwise ratios current /
       * baseline). `required`: whether `slower` and `faster` needed this test to agree (central
       * statistics with enough samples); see docs/statistics.md.
       */
      rank?: { p: number; pAdjusted: number; ratio: number; required: boolean }
      /**
       * A `slower` verdict of the first process, measured again in fresh processes before the
       * gate believed it, or a lean toward `slower` that a fresh process did not find `slower`:
       * each re-measurement's verdict, ratio and lean, in order (see docs/statistics.md,
       * "Confirmation in fresh processes").
       */
      confirmation?: { verdict: VerdictKind; ratio?: number; leans?: Lean }[]
      /**
       * A `slower` verdict decided in a fresh process: the run's own process found this
       * measurement beyond the threshold but not significantly (`ratio`, its current / baseline),
       * and the verdict, ratio, interval and tests here are the fresh process's (see
       * docs/statistics.md, "Confirmation in fresh processes").
       */
      pointedBy?: { ratio: number }
    }
  | {
      verdict: 'new'
      key: string
      file: string
      name: string
      metric: Metric
      unit: Unit
      stat: StatName
      head: Summary
    }
  | {
      verdict: 'missing'
      key: string
      file: string
      name: string
      metric: Metric
      unit: Unit
      stat: StatName
      base: Summary
    }

/**
 * One entry of a baseline file (`baselines/<test file>.json`): a measurement as recorded, with
 * the environment it was recorded on. Keyed by the measurement's `key` in the file.
 */
export interface BaselineEntry {
  name: string
  metric: Metric
  unit: Unit
  source: 'matcher' | 'bench'
  stat: StatName
  budget?: number
  threshold?: number
  summary: Summary
  samples: number[]
  batch: number
  cold?: boolean
  rounds?: number[]
  env: Environment
}

/** A baseline file: every entry recorded for one test or bench file. */
export interface BaselineFile {
  /** Schema version; see {@link BASELINE_VERSION}. */
  version: 1
  /** The test or bench file, relative to the project root, with `/` separators. */
  file: string
  entries: Record<string, BaselineEntry>
}

export const BASELINE_VERSION = 1

/** The decision rules a run was judged with, recorded in its report. */
export interface GatePolicy {
  alpha: number
  threshold: number
  correction: 'holm' | 'bh'
  failOnRegression: boolean
  /** `advisory`: an environment mismatch makes verdicts advisory; `fail`: the gate still applies. */
  environmentMismatch: 'advisory' | 'fail'
}

/** The JSON run report a run writes (default `.perfgate/report.json`). */
export interface RunReport {
  version: 1
  tool: 'perfgate'
  env: Environment
  /** Environment of the baselines compared against, when it differs from `env`. */
  baselineEnv?: Environment
  /** What differs between the baseline's and this run's environment, one phrase each. */
  environmentDifferences?: string[]
  /** True when verdicts are advisory (environment mismatch or gate off). */
  advisory: boolean
  policy?: GatePolicy
  measurements: Measurement[]
  /**
   * The baseline side of every comparison, as measurements (with rounds and samples), so that
   * merged or re-compared reports can be judged again as one family.
   */
  baseline?: Measurement[]
  comparisons: Comparison[]
  /** Problems with baseline files or measurements, one line each naming the file and entry. */
  problems?: string[]
  /**
   * True when the run's own process changed speed partway through and a fresh process measured
   * the run again: `measurements` and `comparisons` are that process's (docs/statistics.md, "A
   * run whose speed changed partway").
   */
  replacedUnsteady?: true
  /** Whether the gate failed the run. */
  failed: boolean
}
