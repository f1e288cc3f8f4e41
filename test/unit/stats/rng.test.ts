import { describe, expect, it } from 'vitest'
import { createRng, xoshiro128ss } from '../../../src/stats/index.js'

describe('xoshiro128**', () => {
  it('produces the reference stream from state [1, 2, 3, 4]', () => {
    // Worked through the reference C code (prng.di.unimi.it/xoshiro128starstar.c) by hand:
    // result = rotl(s[1] * 5, 7) * 9 → 11520, 0, 5927040, …
    const next = xoshiro128ss(Uint32Array.of(1, 2, 3, 4))
    expect([next(), next(), next()]).toEqual([11520, 0, 5927040])
  })
})

describe('createRng', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = createRng(42)
    const b = createRng(42)
    const c = createRng(43)
    const first = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first)
  })

  it('draws uniforms on [0, 1) with the right mean and variance', () => {
    const rng = createRng(7)
    const draws = Array.from({ length: 100_000 }, () => rng.next())
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...draws)).toBeLessThan(1)
    expect(mean).toBeCloseTo(0.5, 2)
    expect(variance).toBeCloseTo(1 / 12, 3)
  })

  it('draws standard normals with the right moments and tail mass', () => {
    const rng = createRng(11)
    const draws = Array.from({ length: 100_000 }, () => rng.normal())
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length
    const beyond196 = draws.filter((x) => Math.abs(x) > 1.959963984540054).length / draws.length
    // Standard error of the mean of 100,000 draws: 0.0032.
    expect(Math.abs(mean)).toBeLessThan(0.01)
    expect(variance).toBeCloseTo(1, 1)
    expect(beyond196).toBeGreaterThan(0.047)
    expect(beyond196).toBeLessThan(0.053)
  })

  it('draws integers below the bound, each about equally often', () => {
    const rng = createRng(3)
    const counts = [0, 0, 0, 0]
    for (let i = 0; i < 40_000; i++) counts[rng.int(4)]! += 1
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400)
  })
})
