import { describe, expect, it } from 'vitest'
import { hodgesLehmannRatio, hodgesLehmannShift, rankSumTest } from '../../../src/stats/index.js'

// Data of R's ?wilcox.test example (Hollander & Wolfe 1973, p. 69).
const A = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3]
const B = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]

describe('rankSumTest', () => {
  it('matches SciPy without ties', () => {
    // scipy.stats.mannwhitneyu(A, B, alternative='two-sided', method='asymptotic',
    //   use_continuity=True) -> statistic 58.0, pvalue 0.13291945818531892
    const r = rankSumTest(A, B)
    expect(r.u).toBe(58)
    expect(r.p).toBeCloseTo(0.13291945818531892, 12)
    expect(r.z).toBeGreaterThan(0)
  })

  it('matches SciPy with ties (tie-corrected variance)', () => {
    // mannwhitneyu([1,2,2,3,3,3,4,5], [3,3,4,4,5,6,6,7,7], alternative='two-sided',
    //   method='asymptotic', use_continuity=True) -> statistic 10.5, pvalue 0.014365460392129955
    const r = rankSumTest([1, 2, 2, 3, 3, 3, 4, 5], [3, 3, 4, 4, 5, 6, 6, 7, 7])
    expect(r.u).toBe(10.5)
    expect(r.p).toBeCloseTo(0.014365460392129955, 12)
    expect(r.z).toBeLessThan(0)
  })

  it('gives p = 1 when every value is tied and NaN for an empty side', () => {
    expect(rankSumTest([2, 2], [2, 2, 2]).p).toBe(1)
    expect(rankSumTest([], [1]).p).toBeNaN()
  })
})

describe('Hodges–Lehmann', () => {
  it('is the median pairwise difference', () => {
    // np.median(np.subtract.outer(B, A)) -> -0.56
    expect(hodgesLehmannShift(A, B)).toBeCloseTo(-0.56, 12)
  })

  it('gives the ratio on the log scale', () => {
    // np.exp(np.median(np.subtract.outer(np.log(B), np.log(A)))) -> 0.6753846153846154
    expect(hodgesLehmannRatio(A, B)).toBeCloseTo(0.6753846153846154, 12)
    expect(hodgesLehmannRatio([1, 2, 4], [2, 4, 8])).toBeCloseTo(2, 12)
  })

  it('is NaN for non-positive values on the log scale or an empty side', () => {
    expect(hodgesLehmannRatio([0, 1], [1, 2])).toBeNaN()
    expect(hodgesLehmannShift([], [1])).toBeNaN()
  })
})
