import { gammaln } from 'simple-statistics'
import { incompleteBeta } from './incomplete-beta.js'
import { normalCdf, normalQuantile } from './normal.js'

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
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5)
  return t >= 0 ? tail : 1 - tail
}

/** Lower-tail probability P(T ≤ t) (R's `pt(t, df)`). */
export function tCdf(t: number, df: number): number {
  return 1 - tUpperTail(t, df)
}

/** Density of Student's t at `t`. */
export function tPdf(t: number, df: number): number {
  if (df === Number.POSITIVE_INFINITY) return Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI)
  const logC = gammaln((df + 1) / 2) - gammaln(df / 2) - 0.5 * Math.log(df * Math.PI)
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df))
}

const MAX_NEWTON_STEPS = 200

// Solves P(T > t) = q for t ≥ 0, q ≤ 0.5. The tail is convex and decreasing on t ≥ 0 and the
// normal quantile lies left of the root, so Newton's steps climb to it without overshooting.
function upperQuantile(q: number, df: number): number {
  let t = Math.max(0, -normalQuantile(q))
  for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
    const next = t + (tUpperTail(t, df) - q) / tPdf(t, df)
    if (!Number.isFinite(next)) return next
    if (Math.abs(next - t) <= 1e-13 * Math.max(1, Math.abs(next))) return next
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
