/** Multiple-comparison corrections, named as in R's `p.adjust`. */
export type Correction = 'holm' | 'bh' | 'bonferroni'

function order(p: readonly number[], descending: boolean): number[] {
  const indices = p.map((_, i) => i)
  return indices.sort((a, b) => (descending ? p[b]! - p[a]! : p[a]! - p[b]!) || a - b)
}

/** Holm's step-down adjustment: controls the family-wise error rate under any dependence. */
function holm(p: readonly number[]): number[] {
  const m = p.length
  const adjusted = new Array<number>(m)
  let running = 0
  order(p, false).forEach((index, rank) => {
    running = Math.max(running, (m - rank) * p[index]!)
    adjusted[index] = Math.min(1, running)
  })
  return adjusted
}

/** Benjamini–Hochberg step-up adjustment: controls the false discovery rate. */
function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length
  const adjusted = new Array<number>(m)
  let running = 1
  order(p, true).forEach((index, rank) => {
    running = Math.min(running, (m / (m - rank)) * p[index]!)
    adjusted[index] = Math.min(1, running)
  })
  return adjusted
}

/**
 * Adjusted p-values, in input order, equal to R's `p.adjust(p, method)` for `"holm"`, `"BH"`
 * and `"bonferroni"`. Reject where adjusted p ≤ α. NaN entries are not allowed (filter them first).
 */
export function adjustPValues(p: readonly number[], method: Correction): number[] {
  if (method === 'bonferroni') return p.map((x) => Math.min(1, x * p.length))
  return method === 'holm' ? holm(p) : benjaminiHochberg(p)
}
