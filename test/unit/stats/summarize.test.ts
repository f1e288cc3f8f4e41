import { describe, expect, it } from 'vitest'
import { ascending, quantile, sortAscending, summarize, thin } from '../../../src/stats/index.js'

// Reference values from NumPy 2.4 (its default method='linear' is R's quantile type 7):
//   x = [3.1, 1.2, 8.5, 4.4, 2.0, 9.9, 5.5, 0.7, 6.3, 7.0]
//   np.quantile(x, [0, .25, .5, .75, .95, .99, 1])
//     -> [0.7, 2.275, 4.95, 6.825, 9.27, 9.774000000000001, 9.9]
//   np.mean(x) -> 4.859999999999999; np.std(x, ddof=1) -> 3.1252377687323425
//   np.median(np.abs(x - np.median(x))) -> 2.5
const X = [3.1, 1.2, 8.5, 4.4, 2.0, 9.9, 5.5, 0.7, 6.3, 7.0]

describe('quantile (R type 7)', () => {
  it('matches NumPy on an unsorted sample once sorted', () => {
    const sorted = sortAscending(X)
    const expected = [0.7, 2.275, 4.95, 6.825, 9.27, 9.774000000000001, 9.9]
    ;[0, 0.25, 0.5, 0.75, 0.95, 0.99, 1].forEach((p, i) => {
      expect(quantile(sorted, p)).toBeCloseTo(expected[i]!, 12)
    })
  })

  it('interpolates between order statistics of a short sample', () => {
    // np.quantile([1, 2, 3, 4], [.1, .5, .9, .95]) -> [1.3, 2.5, 3.7, 3.8499999999999996]
    expect([0.1, 0.5, 0.9, 0.95].map((p) => quantile([1, 2, 3, 4], p))).toEqual([
      expect.closeTo(1.3, 12),
      2.5,
      expect.closeTo(3.7, 12),
      expect.closeTo(3.85, 12),
    ])
  })

  it('is NaN for no values and the value itself for one', () => {
    expect(quantile([], 0.5)).toBeNaN()
    expect(quantile([42], 0.99)).toBe(42)
  })
})

describe('summarize', () => {
  it('gives every field of the NumPy reference', () => {
    const s = summarize(X)
    expect(s.n).toBe(10)
    expect(s.min).toBe(0.7)
    expect(s.max).toBe(9.9)
    expect(s.mean).toBeCloseTo(4.86, 12)
    expect(s.median).toBeCloseTo(4.95, 12)
    expect(s.sd).toBeCloseTo(3.1252377687323425, 12)
    expect(s.mad).toBeCloseTo(2.5, 12)
    expect(s.p75).toBeCloseTo(6.825, 12)
    expect(s.p95).toBeCloseTo(9.27, 12)
    expect(s.p99).toBeCloseTo(9.774, 12)
  })

  it('keeps precision for large values with a small spread (two-pass variance)', () => {
    expect(summarize([1e9 + 1, 1e9 + 2, 1e9 + 3]).sd).toBeCloseTo(1, 9)
  })

  it('has sd 0 for one sample and NaN statistics for none', () => {
    expect(summarize([5])).toMatchObject({ n: 1, sd: 0, median: 5, p99: 5, mad: 0 })
    const empty = summarize([])
    expect(empty.n).toBe(0)
    expect(empty.median).toBeNaN()
    expect(empty.min).toBeNaN()
  })

  it('sorts numerically, not as strings', () => {
    expect(summarize([10, 9, 100]).median).toBe(10)
  })
})

describe('thin', () => {
  it('keeps everything, sorted, when under the limit', () => {
    expect(thin([3, 1, 2], 5)).toEqual([1, 2, 3])
  })

  it('keeps min, max and evenly spread order statistics', () => {
    const values = Array.from({ length: 1001 }, (_, i) => 1000 - i)
    const kept = thin(values, 11)
    expect(kept).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000])
  })

  it('preserves the quantiles of a large sample closely', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => Math.exp(i / 2000))
    const full = summarize(values)
    const thinned = summarize(thin(values, 200))
    expect(thinned.median / full.median).toBeCloseTo(1, 2)
    expect(thinned.p95 / full.p95).toBeCloseTo(1, 2)
  })

  it('handles limits of 0 and 1', () => {
    expect(thin([2, 1], 0)).toEqual([])
    expect(thin([2, 1], 1)).toEqual([1])
  })
})

describe('sortAscending and ascending', () => {
  it('sorts numerically into a new array, NaN last', () => {
    const values = [10, 9, Number.NaN, 1, -2, 1e-3]
    const sorted = sortAscending(values)
    expect(sorted).toEqual([-2, 1e-3, 1, 9, 10, Number.NaN])
    expect(values[0]).toBe(10)
    expect(sorted).not.toBe(values)
  })

  it('returns already ascending values themselves and sorts the others', () => {
    const sorted = [1, 2, 2, 3]
    expect(ascending(sorted)).toBe(sorted)
    expect(ascending([3, 1, 2])).toEqual([1, 2, 3])
    expect(ascending([1, Number.NaN, 2])).toEqual([1, 2, Number.NaN])
    expect(ascending([])).toEqual([])
  })
})
