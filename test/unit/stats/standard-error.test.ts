import { describe, expect, it } from 'vitest'
import { createRng, sortAscending, statisticStandardError, thin } from '../../../src/stats/index.js'

// Asymptotic standard errors for N(0, σ²) samples: mean σ/√n; quantile p:
// √(p(1 − p)/n) / φ(z_p), i.e. 1.2533·σ/√n for the median and 2.1131·σ/√n for p95.
const SIGMA = 2
const N = 4000

function normalSample(seed: number): number[] {
  const rng = createRng(seed)
  return sortAscending(Array.from({ length: N }, () => 50 + SIGMA * rng.normal()))
}

describe('statisticStandardError', () => {
  const sorted = normalSample(21)

  it('is σ/√n for the mean', () => {
    expect(statisticStandardError(sorted, 'mean') / (SIGMA / Math.sqrt(N))).toBeCloseTo(1, 1)
  })

  it('matches the asymptotic SE of the median and of p95 within 10%, averaged over samples', () => {
    // One sample's sparsity estimate varies by about ±10% (some 120 order statistics fall in its
    // window at n = 4000), so the check averages ten independent samples.
    const seeds = Array.from({ length: 10 }, (_, i) => 100 + i)
    const average = (f: (s: number[]) => number) =>
      seeds.reduce((sum, seed) => sum + f(normalSample(seed)), 0) / 10
    const median = average((s) => statisticStandardError(s, 'median')) / ((1.2533 * SIGMA) / Math.sqrt(N))
    const p95 = average((s) => statisticStandardError(s, 'p95')) / ((2.1131 * SIGMA) / Math.sqrt(N))
    expect(Math.abs(median - 1)).toBeLessThan(0.1)
    expect(Math.abs(p95 - 1)).toBeLessThan(0.1)
  })

  it('uses the true n when the stored samples were thinned', () => {
    const thinned = thin(sorted, 200)
    const full = statisticStandardError(sorted, 'median')
    const fromThinned = statisticStandardError(thinned, 'median', N)
    expect(Math.abs(fromThinned / full - 1)).toBeLessThan(0.1)
  })

  it('is positive for the extremes and NaN with fewer than two samples', () => {
    expect(statisticStandardError(sorted, 'max')).toBeGreaterThan(0)
    expect(statisticStandardError(sorted, 'min')).toBeGreaterThan(0)
    expect(statisticStandardError([1], 'median')).toBeNaN()
  })

  it('is calibrated: the median SE matches the spread of medians over repeated samples', () => {
    const rng = createRng(33)
    const medians: number[] = []
    const estimates: number[] = []
    for (let r = 0; r < 300; r++) {
      const s = sortAscending(Array.from({ length: 60 }, () => Math.exp(0.3 * rng.normal())))
      medians.push(s[29]! / 2 + s[30]! / 2)
      estimates.push(statisticStandardError(s, 'median'))
    }
    const m = medians.reduce((a, b) => a + b, 0) / medians.length
    const actual = Math.sqrt(medians.reduce((a, b) => a + (b - m) ** 2, 0) / (medians.length - 1))
    const typical = estimates.reduce((a, b) => a + b, 0) / estimates.length
    expect(Math.abs(typical / actual - 1)).toBeLessThan(0.2)
  })
})
