import { describe, expect, test } from 'vitest'
import { planSettings } from '../../../src/measure/sampling-plan.js'
import { measureTime } from '../../../src/measure/time.js'

/** A clock that advances only when the measured function says so. */
function fakeClock() {
  let now = 0
  return { clock: { now: () => now }, advance: (ms: number) => (now += ms) }
}

describe('measureTime', () => {
  test('a sync function is measured synchronously, per call', () => {
    const { clock, advance } = fakeClock()
    const result = measureTime(() => advance(2), planSettings({ samples: 5, warmup: 1 }), { clock })
    expect(result).not.toBeInstanceOf(Promise)
    expect(result).toMatchObject({ samples: [2, 2, 2, 2, 2], batch: 1 })
  })

  test('an async function returns a promise and every call is awaited', async () => {
    const { clock, advance } = fakeClock()
    let settled = 0
    const fn = async () => {
      advance(3)
      await Promise.resolve()
      settled++
    }
    const pending = measureTime(fn, planSettings({ samples: 4, warmup: 2 }), { clock })
    expect(pending).toBeInstanceOf(Promise)
    const result = await pending
    expect(result.samples).toEqual([3, 3, 3, 3])
    expect(settled).toBe(6)
  })

  test('an async function that never settles rejects with the timeout error and stops calling', async () => {
    const { clock } = fakeClock()
    let fire: () => void = () => {}
    let calls = 0
    const setTimer = (fn: () => void) => {
      fire = fn
      return { clear: () => {} }
    }
    const pending = measureTime(
      () => {
        calls++
        return new Promise(() => {})
      },
      planSettings({ timeout: 250 }),
      { clock, setTimer },
    )
    fire()
    await expect(pending).rejects.toThrow('did not settle within 250 ms (the `timeout` option)')
    expect(calls).toBe(1)
  })

  test('an async function that rejects fails the measurement with its own error', async () => {
    const pending = measureTime(() => Promise.reject(new Error('boom')), planSettings({}))
    await expect(pending).rejects.toThrow('boom')
  })

  test('a sync function that throws propagates its error', () => {
    expect(() =>
      measureTime(() => {
        throw new Error('sync boom')
      }, planSettings({})),
    ).toThrow('sync boom')
  })
})
