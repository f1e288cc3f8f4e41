import { sortAscending } from './summarize.js'

// Below this many pairs, sorting all differences is as fast as selecting among them. At 1,024 the
// sort of 100 × 10 differences (ten 10-sample rounds against one process) took compareRun of
// 1,000 measurements from 62 to 108 ms (scripts/bench/compare-speed.ts-style medians of 15).
const DIRECT_PAIRS = 256

// Pairs (i, j) with y_j − x_i ≤ v, for ascending x and y. Rounded subtraction is monotone in each
// argument, so the boundary index j only moves up as x_i grows: one pass over both samples.
function countAtMost(x: readonly number[], y: readonly number[], v: number): number {
  let count = 0
  let j = 0
  for (let i = 0; i < x.length; i++) {
    while (j < y.length && y[j]! - x[i]! <= v) j++
    count += j
  }
  return count
}

// The `count` differences y_j − x_i with lo < d ≤ hi, ascending.
function differencesBetween(
  x: readonly number[],
  y: readonly number[],
  lo: number,
  hi: number,
  count: number,
): Float64Array {
  const found = new Float64Array(count)
  let k = 0
  let start = 0
  let end = 0
  for (let i = 0; i < x.length; i++) {
    while (start < y.length && y[start]! - x[i]! <= lo) start++
    if (end < start) end = start
    while (end < y.length && y[end]! - x[i]! <= hi) end++
    for (let j = start; j < end; j++) found[k++] = y[j]! - x[i]!
  }
  return found.sort()
}

// The smallest difference above v (Infinity when none is). For each x_i the first y_j above
// x_i + v moves only up as x_i grows, as in countAtMost.
function smallestAbove(x: readonly number[], y: readonly number[], v: number): number {
  let best = Number.POSITIVE_INFINITY
  let j = 0
  for (let i = 0; i < x.length; i++) {
    while (j < y.length && y[j]! - x[i]! <= v) j++
    if (j < y.length) best = Math.min(best, y[j]! - x[i]!)
  }
  return best
}

/**
 * The k-th smallest (1-based) of the n·m differences y_j − x_i of ascending samples, without
 * forming them all: narrow a bracket on the value, counting the pairs below a point in O(n + m),
 * until few differences remain in it; then sort just those (Monahan 1984 does the same by
 * randomised selection). The next point is interpolated from the counts at the bracket's ends —
 * the counts grow smoothly with the value, so this lands near the k-th difference in a few steps
 * — but kept away from the ends, so the bracket always shrinks by a fair share. For 200 × 200
 * samples this is a few thousand steps instead of sorting 40,000 differences.
 */
function kthDifference(x: readonly number[], y: readonly number[], k: number): number {
  let lo = y[0]! - x[x.length - 1]!
  let countLo = countAtMost(x, y, lo)
  if (countLo >= k) return lo
  let hi = y[y.length - 1]! - x[0]!
  let countHi = x.length * y.length
  const enough = x.length + y.length
  for (let step = 0; step < 200 && countHi - countLo > enough; step++) {
    const share = (k - 0.5 - countLo) / (countHi - countLo)
    const fraction = step % 4 === 3 ? 0.5 : Math.min(0.9, Math.max(0.1, share))
    const mid = lo + fraction * (hi - lo)
    if (!(mid > lo && mid < hi)) break
    const count = countAtMost(x, y, mid)
    if (count >= k) {
      hi = mid
      countHi = count
    } else {
      lo = mid
      countLo = count
    }
  }
  return differencesBetween(x, y, lo, hi, countHi - countLo)[k - countLo - 1]!
}

/**
 * {@link hodgesLehmannShift} for samples already in ascending order (no NaN): the same value,
 * found by selection rather than by sorting every pairwise difference.
 */
export function hodgesLehmannShiftSorted(x: readonly number[], y: readonly number[]): number {
  const pairs = x.length * y.length
  if (pairs === 0) return Number.NaN
  if (pairs <= DIRECT_PAIRS) return medianOfDifferences(x, y)
  const k = Math.ceil(pairs / 2)
  const lower = kthDifference(x, y, k)
  if (pairs % 2 === 1) return lower
  const upper = countAtMost(x, y, lower) >= k + 1 ? lower : smallestAbove(x, y, lower)
  return (lower + upper) / 2
}

function medianOfDifferences(x: readonly number[], y: readonly number[]): number {
  const differences = new Float64Array(x.length * y.length)
  let k = 0
  for (const b of y) for (const a of x) differences[k++] = b - a
  differences.sort()
  const mid = differences.length / 2
  return differences.length % 2 === 1
    ? differences[Math.floor(mid)]!
    : (differences[mid - 1]! + differences[mid]!) / 2
}

/**
 * Hodges–Lehmann estimate of the shift of `y` relative to `x`: the median of all n·m pairwise
 * differences y_j − x_i (NumPy: `np.median(np.subtract.outer(y, x))`). Robust to outliers in
 * either sample, and the natural partner of the rank-sum test. NaN for an empty side.
 */
export function hodgesLehmannShift(x: readonly number[], y: readonly number[]): number {
  if (x.length === 0 || y.length === 0) return Number.NaN
  return hodgesLehmannShiftSorted(sortAscending(x), sortAscending(y))
}

/**
 * The Hodges–Lehmann shift on the log scale, returned as a ratio `head / base`: timings are
 * multiplicative, so a shift of logs is a ratio. NaN unless every value is positive.
 */
export function hodgesLehmannRatio(base: readonly number[], head: readonly number[]): number {
  if (!base.every((v) => v > 0) || !head.every((v) => v > 0)) return Number.NaN
  return Math.exp(hodgesLehmannShift(base.map(Math.log), head.map(Math.log)))
}
