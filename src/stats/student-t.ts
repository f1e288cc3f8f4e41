import { incompleteBetaComplement, logGammaDifference } from './incomplete-beta.js'
import { normalCdf, normalQuantile } from './normal.js'

/** Degrees of freedom beyond which the t tail is computed from a transform of the normal. */
const NEAR_NORMAL_DF = 1e7

/**
 * Upper-tail probability P(T > t) of Student's t with `df` degrees of freedom (R's
 * `pt(t, df, lower.tail = FALSE)`); real `df` allowed (Welch–Satterthwaite gives fractions),
 * `df = Infinity` is the normal. Computed as a tail, so small p-values keep their precision.
 */
export function tUpperTail(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN
  if (df === Number.POSITIVE_INFINITY) return normalCdf(-t)
  if (t === Number.POSITIVE_INFINITY) return 0
  if (t === Number.NEGATIVE_INFINITY) return 1
  if (df > NEAR_NORMAL_DF) {
    // R's `pt` for large df: a normalising transform of t whose error falls as 1/df² (below 1e-10
    // from here on), while the continued fraction's falls as 1/df, its terms cancelling near x = 1.
    const v = 1 / (4 * df)
    return normalCdf((-t * (1 - v)) / Math.sqrt(1 + t * t * 2 * v))
  }
  // Both x = df/(df + t²) and 1 − x as ratios: near x = 1 (many degrees of freedom) the Beta
  // function needs 1 − x to full precision, which subtracting from 1 would not give.
  const t2 = t * t
  const x = df / (df + t2)
  const y = t2 === Number.POSITIVE_INFINITY ? 1 : t2 / (df + t2)
  const tail = 0.5 * incompleteBetaComplement(x, y, df / 2, 0.5)
  return t >= 0 ? tail : 1 - tail
}

/** Lower-tail probability P(T ≤ t) (R's `pt(t, df)`). */
export function tCdf(t: number, df: number): number {
  return 1 - tUpperTail(t, df)
}

// ln of the t density's constant Γ((df + 1)/2) / (Γ(df/2) √(df π)).
function logDensityConstant(df: number): number {
  return logGammaDifference(df / 2, 0.5) - 0.5 * Math.log(df * Math.PI)
}

function density(t: number, df: number, logC: number): number {
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df))
}

/** Density of Student's t at `t`. */
export function tPdf(t: number, df: number): number {
  if (df === Number.POSITIVE_INFINITY) return Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI)
  return density(t, df, logDensityConstant(df))
}

const MAX_NEWTON_STEPS = 100

// Solves P(T > t) = q for t ≥ 0, q ≤ 0.5. The tail is convex and decreasing on t ≥ 0 and the
// normal quantile lies left of the root, so Newton's steps climb to it without overshooting.
// Close to the root, a step that is no shorter than the one before means the tail's own
// rounding error is steering (near 1e-9 of it with a hundred million degrees of freedom): the
// iterate is then as good as it gets, and stopping keeps the search from spending its remaining
// steps on noise. Far from the root steps may grow (heavy tails), so the rule waits until they
// are small.
function upperQuantile(q: number, df: number): number {
  const logC = logDensityConstant(df)
  let t = Math.max(0, -normalQuantile(q))
  let previous = Number.POSITIVE_INFINITY
  for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
    const next = t + (tUpperTail(t, df) - q) / density(t, df, logC)
    if (!Number.isFinite(next)) return next
    const size = Math.abs(next - t)
    const scale = Math.max(1, Math.abs(next))
    if (size <= 1e-13 * scale) return next
    if (size >= previous && size <= 1e-7 * scale) return next
    previous = size
    t = next
  }
  return t
}

/**
 * The quantile t with P(T ≤ t) = p (R's `qt(p, df)`). Closed forms for 1 and 2 degrees of
 * freedom, Newton's method on the precise tail otherwise.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return Number.NaN
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p)
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  if (df === 1) return Math.tan(Math.PI * (p - 0.5))
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p))
  const q = Math.min(p, 1 - p)
  const t = q === 0.5 ? 0 : upperQuantile(q, df)
  return p < 0.5 ? -t : t
}
