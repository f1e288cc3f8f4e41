/**
 * Digamma, trigamma and tetragamma (ψ, ψ′, ψ″), and the inverse of trigamma: what the
 * empirical-Bayes noise prior of the comparator needs (Smyth 2004). Each shifts x up to 10 by
 * its recurrence, then sums the asymptotic series; relative error below 1e-11 for x > 0.
 */

const SHIFT = 10

/** ψ(x) = d/dx ln Γ(x) (R's `digamma`), for x > 0. */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN
  let shift = 0
  let y = x
  while (y < SHIFT) {
    shift -= 1 / y
    y += 1
  }
  const r = 1 / (y * y)
  const series = r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r / 132))))
  return shift + Math.log(y) - 1 / (2 * y) - series
}

/** ψ′(x) (R's `trigamma`), for x > 0. */
export function trigamma(x: number): number {
  if (!(x > 0)) return Number.NaN
  let shift = 0
  let y = x
  while (y < SHIFT) {
    shift += 1 / (y * y)
    y += 1
  }
  const r = 1 / (y * y)
  const series = (1 + r * (1 / 6 - r * (1 / 30 - r * (1 / 42 - r * (1 / 30 - (r * 5) / 66))))) / y
  return shift + series + r / 2
}

/** ψ″(x) (R's `psigamma(x, 2)`), for x > 0. */
export function tetragamma(x: number): number {
  if (!(x > 0)) return Number.NaN
  let shift = 0
  let y = x
  while (y < SHIFT) {
    shift -= 2 / (y * y * y)
    y += 1
  }
  const r = 1 / (y * y)
  const series = r * (1 + 1 / y + r * (1 / 2 - r * (1 / 6 - r * (1 / 6 - r * (3 / 10 - (r * 5) / 6)))))
  return shift - series
}

/**
 * The y > 0 with ψ′(y) = x, by the Newton iteration of limma's `trigammaInverse`, which converges
 * monotonically from its starting point 0.5 + 1/x.
 */
export function trigammaInverse(x: number): number {
  if (!(x > 0)) return Number.NaN
  if (x > 1e7) return 1 / Math.sqrt(x)
  if (x < 1e-6) return 1 / x
  let y = 0.5 + 1 / x
  for (let iteration = 0; iteration < 50; iteration++) {
    const tri = trigamma(y)
    const step = (tri * (1 - tri / x)) / tetragamma(y)
    y += step
    if (-step / y < 1e-8) break
  }
  return y
}
