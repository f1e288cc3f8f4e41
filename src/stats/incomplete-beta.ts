import { gammaln } from 'simple-statistics'

const EPSILON = 1e-15
const TINY = 1e-300
const MAX_ITERATIONS = 300

// Continued fraction for I_x(a, b) by the modified Lentz method (Numerical Recipes §6.4); it
// converges quickly for x < (a + 1) / (a + b + 2), which the caller arranges by symmetry.
function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b
  const qap = a + 1
  const qam = a - 1
  let c = 1
  let d = 1 - (qab * x) / qap
  if (Math.abs(d) < TINY) d = TINY
  d = 1 / d
  let h = d
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < EPSILON) break
  }
  return h
}

/**
 * From here on, ln Γ(a + b) − ln Γ(a) is taken from Stirling's series rather than by subtraction:
 * the Lanczos `gammaln` is off by about 1e-16 of its value, which is 2e-12 at 5,000 and grows
 * with the argument, while the difference stays small.
 */
const LARGE_SHAPE = 10

// Remainder of Stirling's series, ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], by its asymptotic
// series (Abramowitz & Stegun 6.1.41); the first omitted term is below 3e-17 for x ≥ 10.
function stirlingRemainder(x: number): number {
  const r = 1 / (x * x)
  const series =
    1 / 12 - r * (1 / 360 - r * (1 / 1260 - r * (1 / 1680 - r * (1 / 1188 - r * (691 / 360360 - r / 156)))))
  return series / x
}

/**
 * ln Γ(a + b) − ln Γ(a) for a, b > 0. For large a it is taken from Stirling's series instead of
 * subtracting two numbers near a·ln(a): for the Student t at a hundred million degrees of
 * freedom, the subtraction would cost seven significant digits.
 */
export function logGammaDifference(a: number, b: number): number {
  if (a < LARGE_SHAPE) return gammaln(a + b) - gammaln(a)
  return logGammaDifferenceLarge(a, b)
}

function logGammaDifferenceLarge(big: number, small: number): number {
  return (
    (big - 0.5) * Math.log1p(small / big) +
    small * (Math.log(big + small) - 1) +
    stirlingRemainder(big + small) -
    stirlingRemainder(big)
  )
}

// ln[Γ(a + b) / (Γ(a) Γ(b))], the normalising constant of the Beta density.
function logBetaFront(a: number, b: number): number {
  if (a >= LARGE_SHAPE && a >= b) return logGammaDifferenceLarge(a, b) - gammaln(b)
  if (b >= LARGE_SHAPE) return logGammaDifferenceLarge(b, a) - gammaln(a)
  return gammaln(a + b) - gammaln(a) - gammaln(b)
}

/**
 * I_x(a, b) where the caller also supplies y = 1 − x as computed without cancellation (the t
 * distribution has both as ratios): near x = 1, ln x is then taken as log1p(−y), whose error does
 * not grow with a. `gammaln` comes from simple-statistics (a Lanczos series accurate to about
 * 1e-15).
 */
export function incompleteBetaComplement(x: number, y: number, a: number, b: number): number {
  if (Number.isNaN(x) || Number.isNaN(y) || !(a > 0) || !(b > 0)) return Number.NaN
  if (x <= 0) return 0
  if (y <= 0) return 1
  const logX = x < 0.5 ? Math.log(x) : Math.log1p(-y)
  const logY = y < 0.5 ? Math.log(y) : Math.log1p(-x)
  const front = Math.exp(logBetaFront(a, b) + a * logX + b * logY)
  if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(x, a, b)) / a
  return 1 - (front * continuedFraction(y, b, a)) / b
}

/** The regularized incomplete beta function I_x(a, b) (R's `pbeta(x, a, b)`), for a, b > 0. */
export function incompleteBeta(x: number, a: number, b: number): number {
  return incompleteBetaComplement(x, 1 - x, a, b)
}
