/** perfgate's settings after every source has been applied (SPEC §6). */
export interface PerfgateConfig {
  /** Directory of the baseline files, relative to the project root. */
  baselineDir: string
  /** Whether a `slower` verdict fails the run. */
  failOnRegression: boolean
  /** Smallest relative change that counts as a practical regression (0.10 = 10%). */
  threshold: number
  /** Family-wise error rate across all comparisons of a run. */
  alpha: number
  /** Soft cap on the time each measurement spends sampling, in ms. */
  timeBudget: number
  /** Path of the JSON run report, relative to the project root; `false` writes none. */
  report: string | false
  /** `auto` posts to the pull request when running in GitHub Actions; `off` never does. */
  github: 'auto' | 'off'
  /** `advisory`: baselines from another environment cannot fail the run; `fail`: they still can. */
  environmentMismatch: 'advisory' | 'fail'
  /** Multiple-comparison correction: `holm` (family-wise) or `bh` (false discovery rate). */
  correction: 'holm' | 'bh'
  /**
   * Whether a `slower` verdict is measured again in fresh processes before it fails the run
   * (Vitest and Jest runs): it stands when a second process agrees, or two of three.
   */
  confirm: boolean
}

/** What a user may set in the plugin, the reporter or `perfgate.config.*`: any subset. */
export type PerfgateUserOptions = Partial<PerfgateConfig>

export const DEFAULT_CONFIG: Readonly<PerfgateConfig> = {
  baselineDir: 'baselines',
  failOnRegression: true,
  threshold: 0.1,
  alpha: 0.01,
  timeBudget: 500,
  report: '.perfgate/report.json',
  github: 'auto',
  environmentMismatch: 'advisory',
  correction: 'holm',
  confirm: true,
}
