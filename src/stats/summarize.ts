import type { Summary } from '../types.js'

/** Quantile of ascending `sorted` values by linear interpolation (R type 7, NumPy's default). */
export function quantile(sorted: readonly number[], p: number): number {
  const n = sorted.length
  if (n === 0) return Number.NaN
  const h = (n - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, n - 1)
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!)
}

/** Descriptive statistics of `samples` (any order). An empty input gives NaN statistics with n = 0. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const n = sorted.length
  const mean = n === 0 ? Number.NaN : sorted.reduce((sum, x) => sum + x, 0) / n
  const variance = n < 2 ? 0 : sorted.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1)
  const median = quantile(sorted, 0.5)
  const deviations = sorted.map((x) => Math.abs(x - median)).sort((a, b) => a - b)
  return {
    n,
    min: n === 0 ? Number.NaN : sorted[0]!,
    max: n === 0 ? Number.NaN : sorted[n - 1]!,
    mean,
    median,
    sd: Math.sqrt(variance),
    mad: quantile(deviations, 0.5),
    p75: quantile(sorted, 0.75),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
  }
}

/** At most `max` values spread evenly over the sorted samples, always keeping min and max. */
export function thin(samples: readonly number[], max: number): number[] {
  const sorted = [...samples].sort((a, b) => a - b)
  if (sorted.length <= max) return sorted
  if (max <= 1) return sorted.slice(0, max)
  const step = (sorted.length - 1) / (max - 1)
  return Array.from({ length: max }, (_, i) => sorted[Math.round(i * step)]!)
}
