import { TIME_DEFAULTS } from './options.js'

/** The settings a {@link SamplingPlan} runs on; every field is resolved (no defaults inside). */
export interface PlanSettings {
  warmup: number
  /** Exact sample count, or `undefined` for adaptive sampling. */
  samples: number | undefined
  timeBudget: number
  timeout: number
  minSampleMs: number
  minSamples: number
  maxSamples: number
  precision: number
}

export function planSettings(options: {
  warmup?: number | undefined
  samples?: number | undefined
  timeBudget?: number | undefined
  timeout?: number | undefined
}): PlanSettings {
  return {
    warmup: options.warmup ?? TIME_DEFAULTS.warmup,
    samples: options.samples,
    timeBudget: options.timeBudget ?? TIME_DEFAULTS.timeBudget,
    timeout: options.timeout ?? TIME_DEFAULTS.timeout,
    minSampleMs: TIME_DEFAULTS.minSampleMs,
    minSamples: TIME_DEFAULTS.minSamples,
    maxSamples: TIME_DEFAULTS.maxSamples,
    precision: TIME_DEFAULTS.precision,
  }
}

/** What a finished plan measured: per-call times in ms, and how they were taken. */
export interface PlanResult {
  samples: number[]
  /** Calls per sample once batching settled (the largest batch used for a kept sample). */
  batch: number
  warmupSamples: number
  /** Only the first (cold) call was measured. */
  cold: boolean
  /** Sampling stopped because the hard timeout was reached. */
  timedOut: boolean
}

/** A batch can grow at most this much per step, so one slow cold call cannot overshoot it. */
const MAX_BATCH_GROWTH = 10
const MAX_BATCH = 10_000_000

/**
 * Decides how many calls to time next and when to stop, from the durations it is told about.
 * It reads no clock and calls no function: the drivers in `time.ts` do, synchronously or not,
 * so one policy serves sync and async functions and tests can feed it synthetic durations.
 *
 * The first call is always timed alone: it detects whether the function is async and is the
 * only honest measurement of a cold path (`{ warmup: 0, samples: 1 }`). Then warm-up batches
 * run, then samples, each batch sized so it lasts at least `minSampleMs` (fast functions are
 * batched far above timer resolution) and reported per call.
 */
export class SamplingPlan {
  private readonly settings: PlanSettings
  private readonly kept: number[] = []
  private warmedUp = 0
  private batch = 1
  private largestKeptBatch = 1
  private elapsed = 0
  private calls = 0
  private stoppedByTimeout = false
  private checkedAt = 0

  constructor(settings: PlanSettings) {
    this.settings = settings
  }

  /** Calls to time in the next batch, or `undefined` when the plan is complete. */
  next(): number | undefined {
    if (this.calls === 0) return 1
    if (this.isDone()) return undefined
    return this.batch
  }

  /** Records that `calls` calls took `ms` milliseconds in total. */
  record(calls: number, ms: number): void {
    this.calls += calls
    this.elapsed += ms
    const perCall = Math.max(ms, 0) / calls
    // The cold first call counts as the first warm-up sample; with `warmup: 0` it is kept.
    // Warm-up also ends once it has used a quarter of the time budget, so slow functions
    // spend their budget on samples.
    if (this.warmedUp < this.settings.warmup && this.elapsed - ms < this.settings.timeBudget / 4) {
      this.warmedUp += 1
    } else {
      this.kept.push(perCall)
      this.largestKeptBatch = Math.max(this.largestKeptBatch, calls)
    }
    this.batch = nextBatchSize(calls, perCall, this.settings.minSampleMs)
    if (this.elapsed >= this.settings.timeout) this.stoppedByTimeout = true
  }

  result(): PlanResult {
    return {
      samples: [...this.kept],
      batch: this.largestKeptBatch,
      warmupSamples: this.warmedUp,
      cold: this.settings.warmup === 0 && this.settings.samples === 1,
      timedOut: this.stoppedByTimeout,
    }
  }

  private isDone(): boolean {
    const { samples, timeBudget, minSamples, maxSamples } = this.settings
    const n = this.kept.length
    if (this.stoppedByTimeout) return true
    if (samples !== undefined) return n >= samples || (n > 0 && this.elapsed >= timeBudget)
    if (n >= maxSamples) return true
    if (n < minSamples) return false
    if (this.elapsed >= timeBudget) return true
    return n >= 2 * minSamples && this.precisionReached()
  }

  /** Distribution-free 95 % CI of the median (order statistics), checked every 10 samples. */
  private precisionReached(): boolean {
    const n = this.kept.length
    if (n - this.checkedAt < 10) return false
    this.checkedAt = n
    const sorted = [...this.kept].sort((a, b) => a - b)
    const half = Math.ceil(0.98 * Math.sqrt(n))
    const mid = Math.floor(n / 2)
    const low = sorted[Math.max(0, mid - half)]!
    const high = sorted[Math.min(n - 1, mid + half)]!
    const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
    return median > 0 && (high - low) / 2 / median <= this.settings.precision
  }
}

/** Enough calls to last `minSampleMs`, growing at most ×10 per step and never shrinking below 1. */
export function nextBatchSize(previous: number, perCallMs: number, minSampleMs: number): number {
  if (!(perCallMs > 0)) return Math.min(previous * MAX_BATCH_GROWTH, MAX_BATCH)
  const wanted = Math.ceil(minSampleMs / perCallMs)
  return Math.max(1, Math.min(wanted, previous * MAX_BATCH_GROWTH, MAX_BATCH))
}
