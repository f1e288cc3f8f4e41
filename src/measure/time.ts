// node:timers, not the globals, which fake timers hold back (a hard timeout must always fire).
import { clearTimeout, setTimeout } from 'node:timers'
import { PerfgateError } from '../errors.js'
import type { Clock } from './clock.js'
import { performanceClock } from './clock.js'
import type { PlanResult, PlanSettings } from './sampling-plan.js'
import { SamplingPlan } from './sampling-plan.js'

/** Results of calls are stored here so the optimiser cannot drop a call whose result is unused. */
let sink: unknown

export interface TimingDeps {
  clock?: Clock
  /** Schedules the hard-timeout timer; injected by tests. */
  setTimer?: (fn: () => void, ms: number) => { clear(): void }
}

const realTimer = (fn: () => void, ms: number) => {
  const handle = setTimeout(fn, ms)
  return { clear: () => clearTimeout(handle) }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

/**
 * Times `fn` per the plan. A function that returns a non-promise is measured synchronously and
 * the result returned directly (no `await` needed); one that returns a promise is awaited call by
 * call and a promise is returned. The first call decides which.
 */
export function measureTime(
  fn: () => unknown,
  settings: PlanSettings,
  deps: TimingDeps = {},
): PlanResult | Promise<PlanResult> {
  const clock = deps.clock ?? performanceClock
  const plan = new SamplingPlan(settings)
  const start = clock.now()
  const first = fn()
  if (isThenable(first))
    return continueAsync(fn, plan, first, start, settings, clock, deps.setTimer ?? realTimer)
  plan.record(1, clock.now() - start)
  sink = first
  return continueSync(fn, plan, clock)
}

function continueSync(fn: () => unknown, plan: SamplingPlan, clock: Clock): PlanResult {
  for (let calls = plan.next(); calls !== undefined; calls = plan.next()) {
    const start = clock.now()
    for (let i = 0; i < calls; i++) sink = fn()
    plan.record(calls, clock.now() - start)
  }
  return plan.result()
}

async function continueAsync(
  fn: () => unknown,
  plan: SamplingPlan,
  first: PromiseLike<unknown>,
  start: number,
  settings: PlanSettings,
  clock: Clock,
  setTimer: NonNullable<TimingDeps['setTimer']>,
): Promise<PlanResult> {
  // One timer for the whole measurement, raced against each batch: a per-call timer would add
  // its own cost to every sample of a fast async function.
  let stopped = false
  let timer: { clear(): void } | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimer(() => {
      stopped = true
      reject(timeoutError(settings.timeout))
    }, settings.timeout)
  })
  expired.catch(() => {})
  try {
    sink = await Promise.race([first, expired])
    plan.record(1, clock.now() - start)
    for (let calls = plan.next(); calls !== undefined; calls = plan.next()) {
      const batchStart = clock.now()
      await Promise.race([runBatch(fn, calls, () => stopped), expired])
      plan.record(calls, clock.now() - batchStart)
    }
    return plan.result()
  } finally {
    stopped = true
    timer?.clear()
  }
}

async function runBatch(fn: () => unknown, calls: number, isStopped: () => boolean): Promise<void> {
  for (let i = 0; i < calls && !isStopped(); i++) sink = await fn()
}

function timeoutError(timeout: number): PerfgateError {
  return new PerfgateError(
    'TIMEOUT',
    `the function did not settle within ${timeout} ms (the \`timeout\` option); ` +
      'raise `timeout` if it is meant to be this slow',
  )
}

/** Keeps `sink` observable so bundlers and engines treat writes to it as live. */
export function lastResult(): unknown {
  return sink
}
