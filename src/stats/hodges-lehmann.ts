/**
 * Hodges–Lehmann estimate of the shift of `y` relative to `x`: the median of all n·m pairwise
 * differences y_j − x_i (NumPy: `np.median(np.subtract.outer(y, x))`). Robust to outliers in
 * either sample, and the natural partner of the rank-sum test. NaN for an empty side.
 */
export function hodgesLehmannShift(x: readonly number[], y: readonly number[]): number {
  if (x.length === 0 || y.length === 0) return Number.NaN
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
 * The Hodges–Lehmann shift on the log scale, returned as a ratio `head / base`: timings are
 * multiplicative, so a shift of logs is a ratio. NaN unless every value is positive.
 */
export function hodgesLehmannRatio(base: readonly number[], head: readonly number[]): number {
  if (!base.every((v) => v > 0) || !head.every((v) => v > 0)) return Number.NaN
  return Math.exp(hodgesLehmannShift(base.map(Math.log), head.map(Math.log)))
}
