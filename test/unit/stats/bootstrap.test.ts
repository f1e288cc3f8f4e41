import { describe, expect, it } from 'vitest'
import { bootstrapInterval, bootstrapRatioInterval, createRng, statistic } from '../../../src/stats/index.js'

const mean = (values: readonly number[]) => statistic(values, 'mean')
const median = (values: readonly number[]) => statistic(values, 'median')

describe('bootstrapInterval', () => {
  it('is reproducible from the seed', () => {
    const values = Array.from({ length: 50 }, (_, i) => i)
    const a = bootstrapInterval(values, mean, { rng: createRng(1), resamples: 500 })
    const b = bootstrapInterval(values, mean, { rng: createRng(1), resamples: 500 })
    expect(a).toEqual(b)
  })

  it('covers the mean with the textbook width for a normal sample', () => {
    const rng = createRng(5)
    const values = Array.from({ length: 400 }, () => 10 + 2 * rng.normal())
    const ci = bootstrapInterval(values, mean, { rng: createRng(6), resamples: 2000, level: 0.95 })
    // Half-width ≈ 1.96 · σ/√n = 1.96 · 2/20 = 0.196.
    expect(ci.estimate).toBeCloseTo(10, 0)
    expect((ci.high - ci.low) / 2).toBeGreaterThan(0.17)
    expect((ci.high - ci.low) / 2).toBeLessThan(0.22)
    expect(ci.low).toBeLessThan(ci.estimate)
    expect(ci.high).toBeGreaterThan(ci.estimate)
    expect(ci.level).toBe(0.95)
  })

  it('is NaN for an empty sample', () => {
    expect(bootstrapInterval([], mean, { rng: createRng(1) }).low).toBeNaN()
  })
})

describe('bootstrapRatioInterval', () => {
  it('brackets a known 1.5× ratio of medians', () => {
    const rng = createRng(9)
    const base = Array.from({ length: 300 }, () => Math.exp(0.2 * rng.normal()))
    const head = Array.from({ length: 300 }, () => 1.5 * Math.exp(0.2 * rng.normal()))
    const ci = bootstrapRatioInterval(base, head, median, { rng: createRng(10), resamples: 1000 })
    expect(ci.estimate).toBeCloseTo(1.5, 1)
    expect(ci.low).toBeLessThan(1.5)
    expect(ci.high).toBeGreaterThan(1.5)
    expect(ci.high / ci.low).toBeLessThan(1.15)
  })

  it('is NaN when a side is empty', () => {
    expect(bootstrapRatioInterval([1], [], median, { rng: createRng(1) }).estimate).toBeNaN()
  })
})
