import { describe, expect, test } from 'vitest'
import type { PlanSettings } from '../../../src/measure/sampling-plan.js'
import { nextBatchSize, planSettings, SamplingPlan } from '../../../src/measure/sampling-plan.js'

/** Drives a plan with a function of (batch size, step) → total ms, as a real driver would. */
function drive(settings: PlanSettings, duration: (calls: number, step: number) => number) {
  const plan = new SamplingPlan(settings)
  const batches: number[] = []
  for (let calls = plan.next(), step = 0; calls !== undefined; calls = plan.next(), step++) {
    batches.push(calls)
    plan.record(calls, duration(calls, step))
    if (step > 100_000) throw new Error('plan did not stop')
  }
  return { result: plan.result(), batches }
}

describe('nextBatchSize', () => {
  test('asks for enough calls to last the minimum sample time', () => {
    expect(nextBatchSize(1000, 0.00005, 1)).toBe(10_000) // 50 ns per call → 20,000 wanted, ×10 cap
    expect(nextBatchSize(10_000, 0.00005, 1)).toBe(20_000)
    expect(nextBatchSize(1, 5, 1)).toBe(1)
    expect(nextBatchSize(100, 0.1, 1)).toBe(10)
  })
  test('grows ×10 per step at most when a call measured as free', () => {
    expect(nextBatchSize(3, 0, 1)).toBe(30)
  })
})

describe('SamplingPlan', () => {
  test('a 50 ns function is batched until each sample lasts ≥ 1 ms, and reported per call', () => {
    const { result, batches } = drive(planSettings({}), (calls) => calls * 0.00005)
    expect(batches.slice(0, 6)).toEqual([1, 10, 100, 1000, 10_000, 20_000])
    expect(result.batch).toBe(20_000)
    expect(result.samples.every((s) => Math.abs(s - 0.00005) < 1e-12)).toBe(true)
    // Constant durations reach the ±1 % precision target at the first check.
    expect(result.samples).toHaveLength(10)
  })

  test('the cold first call is the first warm-up sample; warm-up then takes `warmup` samples', () => {
    const { result, batches } = drive(planSettings({ warmup: 3, samples: 4 }), (calls, step) =>
      step === 0 ? 50 : calls * 2,
    )
    expect(result.warmupSamples).toBe(3)
    expect(batches).toHaveLength(7)
    expect(result.samples).toEqual([2, 2, 2, 2])
  })

  test('{ warmup: 0, samples: 1 } measures exactly the first call and marks it cold', () => {
    const { result, batches } = drive(planSettings({ warmup: 0, samples: 1 }), () => 42)
    expect(batches).toEqual([1])
    expect(result).toEqual({ samples: [42], batch: 1, warmupSamples: 0, cold: true, timedOut: false })
  })

  test('adaptive sampling stops at the time budget once it has the minimum samples', () => {
    let noise = 0
    const { result } = drive(planSettings({ timeBudget: 100 }), (calls) => calls * (5 + ((noise++ * 7) % 5)))
    const spent = 100
    expect(result.samples.length).toBeGreaterThanOrEqual(5)
    expect(result.samples.length).toBeLessThanOrEqual(Math.ceil(spent / 5) + 1)
  })

  test('a slow function is not warmed up for longer than a quarter of the budget', () => {
    const { result } = drive(planSettings({ timeBudget: 500 }), () => 300)
    expect(result.warmupSamples).toBe(1)
    expect(result.samples).toEqual([300, 300, 300, 300, 300])
  })

  test('noisy samples keep sampling past the precision check, up to the budget', () => {
    const { result } = drive(planSettings({ timeBudget: 200 }), (calls, step) => calls * (step % 2 ? 1 : 1.5))
    expect(result.samples.length).toBeGreaterThan(10)
  })

  test('an exact sample count is honoured', () => {
    const { result } = drive(planSettings({ samples: 37, warmup: 1 }), (calls) => calls * 0.5)
    expect(result.samples).toHaveLength(37)
  })

  test('the hard timeout stops sampling and is reported', () => {
    const { result } = drive(planSettings({ timeout: 1000, timeBudget: 5000, samples: 100 }), () => 400)
    expect(result.timedOut).toBe(true)
    expect(result.samples.length).toBeLessThan(100)
  })
})
