import { describe, expect, it } from 'vitest'
import {
  createRng,
  hodgesLehmannRatio,
  hodgesLehmannShift,
  hodgesLehmannShiftSorted,
  rankSumMinimumP,
  rankSumTest,
  rankSumTestSorted,
  sortAscending,
} from '../../../src/stats/index.js'

// Data of R's ?wilcox.test example (Hollander & Wolfe 1973, p. 69).
const A = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3]
const B = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]

// Larger samples, exactly reproducible in Python (the same IEEE operations): integers with many
// ties, and reals whose pairwise differences number more than the direct-sort limit.
const TIED_X = Array.from({ length: 60 }, (_, i) => (7 * i) % 23)
const TIED_Y = Array.from({ length: 80 }, (_, i) => ((5 * i) % 19) + 4)
const realX = (n: number) =>
  Array.from({ length: n }, (_, i) => ((7 * i) % 23) * 0.37 + ((i * i) % 11) * 0.013)
const realY = (n: number) =>
  Array.from({ length: n }, (_, i) => ((5 * i) % 19) * 0.41 + ((i * i) % 13) * 0.017)

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

  it('matches SciPy on larger samples with many ties, sorted or not', () => {
    // mannwhitneyu(TIED_Y, TIED_X, alternative='two-sided', method='asymptotic',
    //   use_continuity=True) -> statistic 2795.0, pvalue 0.09631711626727911 (SciPy 1.17.1)
    const r = rankSumTest(TIED_Y, TIED_X)
    expect(r.u).toBe(2795)
    expect(r.p).toBeCloseTo(0.09631711626727911, 12)
    expect(rankSumTestSorted(sortAscending(TIED_Y), sortAscending(TIED_X))).toEqual(r)
  })

  it('knows the smallest p-value samples of a size can give', () => {
    // mannwhitneyu(range(10, 20), range(10), alternative='two-sided', method='asymptotic',
    //   use_continuity=True).pvalue -> 0.00018267179110955002; sizes 3 and 3 -> 0.08085559837005224
    expect(rankSumMinimumP(10, 10)).toBeCloseTo(0.00018267179110955002, 15)
    expect(rankSumMinimumP(3, 3)).toBeCloseTo(0.08085559837005224, 14)
    const separated = rankSumTest([10, 11, 12, 13, 14, 15, 16, 17, 18, 19], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(separated.p).toBeCloseTo(rankSumMinimumP(10, 10), 15)
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

  it('selects the median of many differences exactly (NumPy)', () => {
    // np.median(np.subtract.outer(y, x)) with the same x, y in Python:
    // 61 × 81 reals -> -0.3650000000000011; 60 × 80 -> -0.3614999999999995; the tied integers -> 2.0
    expect(hodgesLehmannShift(realX(61), realY(81))).toBe(-0.3650000000000011)
    expect(hodgesLehmannShift(realX(60), realY(80))).toBe(-0.3614999999999995)
    expect(hodgesLehmannShift(TIED_X, TIED_Y)).toBe(2)
  })

  it('gives exactly what sorting every difference gives, on random samples with and without ties', () => {
    const rng = createRng(12)
    const direct = (x: number[], y: number[]) => {
      const d = Float64Array.from(y.flatMap((b) => x.map((a) => b - a))).sort()
      const mid = d.length / 2
      return d.length % 2 === 1 ? d[Math.floor(mid)]! : (d[mid - 1]! + d[mid]!) / 2
    }
    for (let trial = 0; trial < 200; trial++) {
      const draw = trial % 2 === 0 ? () => Math.exp(rng.normal()) : () => rng.int(6)
      const x = sortAscending(Array.from({ length: 1 + rng.int(120) }, draw))
      const y = sortAscending(Array.from({ length: 1 + rng.int(120) }, draw))
      expect(hodgesLehmannShiftSorted(x, y)).toBe(direct(x, y))
    }
  })

  it('is NaN for non-positive values on the log scale or an empty side', () => {
    expect(hodgesLehmannRatio([0, 1], [1, 2])).toBeNaN()
    expect(hodgesLehmannShift([], [1])).toBeNaN()
  })
})
