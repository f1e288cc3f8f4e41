import { describe, expect, test } from 'vitest'
import { measureRetained } from '../../../src/measure/memory.js'

const MB = 1024 * 1024
const settings = { calls: 100, checkpoints: 10, warmup: 5, timeout: 10_000 }

/** A heap model: each call retains `perCall` bytes; GC readings can be disturbed per checkpoint. */
function model(perCall: number, disturb: (reading: number) => number = () => 0) {
  let retained = 0
  let readings = 0
  return {
    fn: () => {
      retained += perCall
    },
    deps: { gc: () => {}, heapBytes: () => retained + disturb(readings++), now: () => 0 },
  }
}

describe('measureRetained', () => {
  test('a 100 KB-per-call leak projects to ~9.8 MB over 100 calls', async () => {
    const { fn, deps } = model(100 * 1024)
    const result = await measureRetained(fn, settings, deps)
    expect(result.samples).toHaveLength(10)
    for (const sample of result.samples) expect(sample).toBeCloseTo((100 * 1024 * 100) / MB, 10)
  })

  test('garbage-only work projects to zero', async () => {
    const { fn, deps } = model(0)
    const result = await measureRetained(fn, settings, deps)
    expect(result.samples.every((s) => s === 0)).toBe(true)
  })

  test('one checkpoint disturbed by a late GC moves only one interval estimate', async () => {
    // Settling reads the heap twice per checkpoint; disturb the readings of the 5th checkpoint.
    const { fn, deps } = model(0, (reading) => (reading >= 10 && reading < 12 ? 5 * MB : 0))
    const result = await measureRetained(fn, settings, deps)
    const nonZero = result.samples.filter((s) => s !== 0)
    expect(nonZero.length).toBeLessThanOrEqual(2)
    const sorted = [...result.samples].sort((a, b) => a - b)
    expect(sorted[5]).toBe(0)
  })

  test('awaits async functions between checkpoints', async () => {
    let retained = 0
    const fn = async () => {
      await Promise.resolve()
      retained += 1024
    }
    const result = await measureRetained(fn, settings, {
      gc: () => {},
      heapBytes: () => retained,
      now: () => 0,
    })
    expect(result.heap.at(-1)! - result.heap[0]!).toBe(100 * 1024)
  })

  test('stops at the timeout and says so', async () => {
    let now = 0
    const result = await measureRetained(
      () => {
        now += 100
      },
      { ...settings, timeout: 1500 },
      { gc: () => {}, heapBytes: () => 0, now: () => now },
    )
    expect(result.timedOut).toBe(true)
    expect(result.samples.length).toBeLessThan(10)
  })
})
