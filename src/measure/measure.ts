import { summarize, thin } from '../stats/index.js'
import type { StatName, Summary } from '../types.js'
import { MAX_STORED_SAMPLES } from '../types.js'
import { performanceClock } from './clock.js'
import { collectGarbage } from './gc.js'
import type { MemoryDeps } from './memory.js'
import { measureRetained } from './memory.js'
import type { MemoryOptions, TimeOptions } from './options.js'
import { MEMORY_DEFAULTS, TIME_DEFAULTS } from './options.js'
import type { PlanResult } from './sampling-plan.js'
import { planSettings } from './sampling-plan.js'
import type { TimingDeps } from './time.js'
import { measureTime } from './time.js'

/** A finished measurement: its statistics, a bounded copy of its samples and how it was taken. */
export interface MeasuredResult {
  metric: 'time' | 'memory'
  unit: 'ms' | 'MB'
  stat: StatName
  /** The chosen statistic of the samples: what budgets are checked against. */
  value: number
  summary: Summary
  samples: number[]
  batch: number
  cold: boolean
  timedOut: boolean
}

function timeResult(plan: PlanResult, stat: StatName): MeasuredResult {
  const summary = summarize(plan.samples)
  return {
    metric: 'time',
    unit: 'ms',
    stat,
    value: summary[stat],
    summary,
    samples: thin(plan.samples, MAX_STORED_SAMPLES),
    batch: plan.batch,
    cold: plan.cold,
    timedOut: plan.timedOut,
  }
}

/**
 * Times `fn` (per call, in ms). Synchronous for a synchronous function, a promise for an async one.
 * Options are assumed valid; `matchers/` validates user input first.
 */
export function measureTimeOf(
  fn: () => unknown,
  options: TimeOptions = {},
  deps: TimingDeps = {},
): MeasuredResult | Promise<MeasuredResult> {
  const stat = options.stat ?? TIME_DEFAULTS.stat
  const plan = measureTime(fn, planSettings(options), deps)
  return plan instanceof Promise ? plan.then((p) => timeResult(p, stat)) : timeResult(plan, stat)
}

const defaultMemoryDeps = (): MemoryDeps => ({
  gc: collectGarbage(),
  heapBytes: () => {
    const usage = process.memoryUsage()
    return usage.heapUsed + usage.arrayBuffers
  },
  now: performanceClock.now,
})

/** Measures the heap `fn` retains over its calls (MB). Always async: calls are awaited. */
export async function measureMemoryOf(
  fn: () => unknown,
  options: MemoryOptions = {},
  deps: MemoryDeps = defaultMemoryDeps(),
): Promise<MeasuredResult> {
  const stat = options.stat ?? MEMORY_DEFAULTS.stat
  const result = await measureRetained(
    fn,
    {
      calls: options.calls ?? MEMORY_DEFAULTS.calls,
      checkpoints: options.checkpoints ?? MEMORY_DEFAULTS.checkpoints,
      warmup: options.warmup ?? MEMORY_DEFAULTS.warmup,
      timeout: options.timeout ?? MEMORY_DEFAULTS.timeout,
    },
    deps,
  )
  const summary = summarize(result.samples)
  return {
    metric: 'memory',
    unit: 'MB',
    stat,
    value: summary[stat],
    summary,
    samples: result.samples,
    batch: 1,
    cold: false,
    timedOut: result.timedOut,
  }
}
