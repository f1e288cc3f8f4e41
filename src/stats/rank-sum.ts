import { normalCdf } from './normal.js'

/** Result of the Wilcoxon rank-sum / Mann–Whitney U test. */
export interface RankSumResult {
  /** U statistic of `x`: the number of pairs (x_i, y_j) with x_i > y_j, ties counting one half. */
  u: number
  /** Continuity-corrected normal score of `u`; positive when `x` tends to be larger. */
  z: number
  /** Two-sided p-value. */
  p: number
}

// Mid-ranks of the pooled values and the tie term Σ(t³ − t) over groups of equal values.
function midRanks(pooled: readonly { value: number; fromX: boolean }[]): { rankSumX: number; ties: number } {
  let rankSumX = 0
  let ties = 0
  let i = 0
  while (i < pooled.length) {
    let j = i
    while (j + 1 < pooled.length && pooled[j + 1]!.value === pooled[i]!.value) j++
    const rank = (i + j + 2) / 2
    const t = j - i + 1
    ties += t * t * t - t
    for (let k = i; k <= j; k++) if (pooled[k]!.fromX) rankSumX += rank
    i = j + 1
  }
  return { rankSumX, ties }
}

/**
 * Two-sided Wilcoxon rank-sum (Mann–Whitney U) test of `x` against `y` by the normal
 * approximation with tie correction and continuity correction: R's
 * `wilcox.test(x, y, exact = FALSE, correct = TRUE)` and SciPy's
 * `mannwhitneyu(x, y, method='asymptotic', use_continuity=True)`. NaN p for an empty side.
 */
export function rankSumTest(x: readonly number[], y: readonly number[]): RankSumResult {
  const nx = x.length
  const ny = y.length
  if (nx === 0 || ny === 0) return { u: Number.NaN, z: Number.NaN, p: Number.NaN }
  const pooled = [
    ...x.map((value) => ({ value, fromX: true })),
    ...y.map((value) => ({ value, fromX: false })),
  ]
  pooled.sort((a, b) => a.value - b.value)
  const { rankSumX, ties } = midRanks(pooled)
  const u = rankSumX - (nx * (nx + 1)) / 2
  const n = nx + ny
  const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - ties / (n * (n - 1))))
  const centred = u - (nx * ny) / 2
  if (sigma === 0) return { u, z: 0, p: 1 }
  const z = (centred - 0.5 * Math.sign(centred)) / sigma
  return { u, z, p: Math.min(1, 2 * normalCdf(-Math.abs(z))) }
}
