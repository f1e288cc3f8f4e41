import type { StatName } from '../types.js'

/** Options of a timing measurement (the second argument of `toCompleteWithin`). */
export interface TimeOptions {
  /** Statistic compared with the budget. Default `median`. */
  stat?: StatName
  /** Exact number of samples to take; default adaptive (stop once the median is known to ±1 %). */
  samples?: number
  /** Warm-up samples before measuring; `0` measures the very first (cold) call. Default 5. */
  warmup?: number
  /** Soft cap on the time spent sampling, in ms. Default 500. */
  timeBudget?: number
  /** Hard cap, in ms: a call that has not settled by then fails the assertion. Default 10,000. */
  timeout?: number
  /** Relative change that counts as a practical regression against the baseline. Default 0.10. */
  threshold?: number
}

/** Options of a memory measurement (the second argument of `toGrowMemoryLessThan`). */
export interface MemoryOptions {
  /** Statistic of the per-interval growth estimates compared with the budget. Default `median`. */
  stat?: StatName
  /** Calls measured after warm-up; the budget applies to the growth over these calls. Default 100. */
  calls?: number
  /** Heap checkpoints the calls are split into (≥ 3); more resist a noisy GC better. Default 10. */
  checkpoints?: number
  /** Calls made before the first checkpoint so lazy caches and compiled code are not counted. Default 10. */
  warmup?: number
  /** Hard cap on the whole measurement, in ms. Default 30,000. */
  timeout?: number
  /** Relative change that counts as a practical regression against the baseline. Default 0.10. */
  threshold?: number
}

export const TIME_DEFAULTS = {
  stat: 'median',
  warmup: 5,
  timeBudget: 500,
  timeout: 10_000,
  /** A timed sample lasts at least this long, so timer resolution (≈ µs) is < 0.1 % of it. */
  minSampleMs: 1,
  /** Adaptive sampling takes at least this many samples (unless the timeout hits), and twice
   * as many before it may stop early on precision. */
  minSamples: 5,
  maxSamples: 1_000,
  /** Adaptive sampling stops early once the 95 % CI of the median is within ± this fraction. */
  precision: 0.01,
} as const

export const MEMORY_DEFAULTS = {
  stat: 'median',
  calls: 100,
  checkpoints: 10,
  warmup: 10,
  timeout: 30_000,
} as const
