import type { Summary } from '../types.js'

/**
 * Quantile `p` (0…1) of ascending `sorted` values by linear interpolation between order
 * statistics: R's `quantile(type = 7)`, NumPy's default `method='linear'`, and what spreadsheet
 * `PERCENTILE.INC` computes. NaN for an empty input.
 */
export function quantile(sorted: readonly number[], p: number): number {
  const n = sorted.length
  if (n === 0) return Number.NaN
  const h = (n - 1) * Math.min(1, Math.max(0, p))
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, n - 1)
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!)
}

/** The median (type-7 quantile at ½) of values in any order; NaN for an empty input. */
export function median(values: readonly number[]): number {
  return quantile(sortAscending(values), 0.5)
}

/** Ascending copy of `values` in numeric order (NaN last); a typed-array sort is several times faster. */
export function sortAscending(values: readonly number[]): number[] {
  // Plain indexed loops: `Float64Array.from` and `Array.from` go through the iterator protocol,
  // which costs more than the sort itself for the 100–200 values of a stored sample.
  const n = values.length
  const typed = new Float64Array(n)
  for (let i = 0; i < n; i++) typed[i] = values[i]!
  typed.sort()
  const sorted = new Array<number>(n)
  for (let i = 0; i < n; i++) sorted[i] = typed[i]!
  return sorted
}

/**
 * `values` themselves when already ascending (stored samples are: {@link thin} sorts them), else
 * an ascending copy. For read-only use; saves a copy and a sort per side of a comparison.
 */
export function ascending(values: readonly number[]): readonly number[] {
  for (let i = 1; i < values.length; i++) if (!(values[i - 1]! <= values[i]!)) return sortAscending(values)
  return values
}

function meanOf(sorted: readonly number[]): number {
  let sum = 0
  for (const x of sorted) sum += x
  return sum / sorted.length
}

// Two-pass variance: subtracting the mean first keeps precision for values like 1e9 ± 1.
function sampleSd(sorted: readonly number[], mean: number): number {
  if (sorted.length < 2) return 0
  let squares = 0
  for (const x of sorted) squares += (x - mean) ** 2
  return Math.sqrt(squares / (sorted.length - 1))
}

/** Descriptive statistics of `samples` (any order). An empty input gives NaN statistics with n = 0. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = sortAscending(samples)
  const n = sorted.length
  const mean = n === 0 ? Number.NaN : meanOf(sorted)
  const median = quantile(sorted, 0.5)
  const deviations = sortAscending(sorted.map((x) => Math.abs(x - median)))
  return {
    n,
    min: n === 0 ? Number.NaN : sorted[0]!,
    max: n === 0 ? Number.NaN : sorted[n - 1]!,
    mean,
    median,
    sd: sampleSd(sorted, mean),
    mad: quantile(deviations, 0.5),
    p75: quantile(sorted, 0.75),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
  }
}

/**
 * At most `max` values spread evenly over the sorted samples, always keeping min and max, so a
 * stored sample keeps the shape (and so the quantiles) of the full one. Deterministic.
 */
export function thin(samples: readonly number[], max: number): number[] {
  const sorted = sortAscending(samples)
  if (sorted.length <= max) return sorted
  if (max <= 1) return sorted.slice(0, Math.max(0, max))
  const step = (sorted.length - 1) / (max - 1)
  return Array.from({ length: max }, (_, i) => sorted[Math.round(i * step)]!)
}
