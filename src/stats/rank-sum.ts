import { normalCdf } from './normal.js'
import { sortAscending } from './summarize.js'

/** Result of the Wilcoxon rank-sum / Mann–Whitney U test. */
export interface RankSumResult {
  /** U statistic of `x`: the number of pairs (x_i, y_j) with x_i > y_j, ties counting one half. */
  u: number
  /** Continuity-corrected normal score of `u`; positive when `x` tends to be larger. */
  z: number
  /** Two-sided p-value. */
  p: number
}

const EMPTY: RankSumResult = { u: Number.NaN, z: Number.NaN, p: Number.NaN }

/**
 * {@link rankSumTest} for samples already in ascending order (no NaN). Merging the two sorted
 * samples gives the mid-ranks in one pass, without sorting the pooled values again: the
 * comparator runs this once per measurement, a thousand times per run.
 */
export function rankSumTestSorted(x: readonly number[], y: readonly number[]): RankSumResult {
  const nx = x.length
  const ny = y.length
  if (nx === 0 || ny === 0) return EMPTY
  let rankSumX = 0
  // Σ(t³ − t) over groups of t equal values, for the tie-corrected variance.
  let ties = 0
  let below = 0
  let i = 0
  let j = 0
  while (i < nx || j < ny) {
    const value = j >= ny || (i < nx && x[i]! <= y[j]!) ? x[i]! : y[j]!
    let inX = 0
    while (i < nx && x[i] === value) {
      i++
      inX++
    }
    let inY = 0
    while (j < ny && y[j] === value) {
      j++
      inY++
    }
    const t = inX + inY
    // The group takes ranks below + 1 … below + t; each member gets their mean.
    rankSumX += inX * (below + (t + 1) / 2)
    ties += t * t * t - t
    below += t
  }
  const u = rankSumX - (nx * (nx + 1)) / 2
  const n = nx + ny
  const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - ties / (n * (n - 1))))
  const centred = u - (nx * ny) / 2
  if (sigma === 0) return { u, z: 0, p: 1 }
  const z = (centred - 0.5 * Math.sign(centred)) / sigma
  return { u, z, p: Math.min(1, 2 * normalCdf(-Math.abs(z))) }
}

/**
 * Two-sided Wilcoxon rank-sum (Mann–Whitney U) test of `x` against `y` by the normal
 * approximation with tie correction and continuity correction: R's
 * `wilcox.test(x, y, exact = FALSE, correct = TRUE)` and SciPy's
 * `mannwhitneyu(x, y, method='asymptotic', use_continuity=True)`. NaN p for an empty side.
 */
export function rankSumTest(x: readonly number[], y: readonly number[]): RankSumResult {
  if (x.length === 0 || y.length === 0) return EMPTY
  return rankSumTestSorted(sortAscending(x), sortAscending(y))
}

/**
 * The smallest two-sided p-value {@link rankSumTest} can give for samples of these sizes (every
 * x above every y, no ties). A test that cannot go below a level can never reject at it, so it
 * has nothing to say there.
 */
export function rankSumMinimumP(nx: number, ny: number): number {
  if (nx === 0 || ny === 0) return Number.NaN
  const n = nx + ny
  const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1))
  return Math.min(1, 2 * normalCdf(-((nx * ny) / 2 - 0.5) / sigma))
}
