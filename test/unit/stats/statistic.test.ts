import { describe, expect, it } from 'vitest'
import { STAT_PROBABILITY, statistic, summarize } from '../../../src/stats/index.js'
import { STAT_NAMES } from '../../../src/types.js'

const X = [3.1, 1.2, 8.5, 4.4, 2.0, 9.9, 5.5, 0.7, 6.3, 7.0]

describe('statistic', () => {
  it('reads the same value from a summary and from raw samples', () => {
    const summary = summarize(X)
    for (const stat of STAT_NAMES) expect(statistic(X, stat)).toBeCloseTo(statistic(summary, stat), 12)
  })

  it('returns the NumPy reference values', () => {
    expect(statistic(X, 'median')).toBeCloseTo(4.95, 12)
    expect(statistic(X, 'p95')).toBeCloseTo(9.27, 12)
    expect(statistic(X, 'mean')).toBeCloseTo(4.86, 12)
    expect(statistic(X, 'max')).toBe(9.9)
  })

  it('is NaN for no samples', () => {
    expect(statistic([], 'mean')).toBeNaN()
    expect(statistic([], 'p99')).toBeNaN()
  })

  it('places each order statistic at its probability', () => {
    expect(STAT_PROBABILITY).toEqual({ min: 0, median: 0.5, p75: 0.75, p95: 0.95, p99: 0.99, max: 1 })
  })
})
