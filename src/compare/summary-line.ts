import type { Comparison, VerdictKind } from '../types.js'

/**
 * Geometric mean of the head/base time ratios of the compared measurements: the one number a
 * summary line can give ("overall 3% slower"), insensitive to which measurements are long.
 * Memory ratios are left out (their reference is not the baseline near zero), as are
 * measurements without a finite positive ratio. Undefined when nothing qualifies.
 */
export function geometricMeanRatio(comparisons: readonly Comparison[]): number | undefined {
  const logs: number[] = []
  for (const c of comparisons) {
    if (c.verdict === 'new' || c.verdict === 'missing' || c.metric !== 'time') continue
    if (c.change.ratio > 0 && Number.isFinite(c.change.ratio)) logs.push(Math.log(c.change.ratio))
  }
  if (logs.length === 0) return undefined
  return Math.exp(logs.reduce((sum, x) => sum + x, 0) / logs.length)
}

/** A run-wide shift this small is not worth a remark in the summary. */
const NOTABLE_SHIFT = 0.05

/**
 * The run's common shift (current / baseline) that time verdicts were judged relative to, when it
 * is large enough to mention (5% or more either way); undefined otherwise. Every time comparison
 * of a run carries the same value (docs/statistics.md, "The run's common shift").
 */
export function notableRunShift(comparisons: readonly Comparison[]): number | undefined {
  for (const c of comparisons) {
    if (c.verdict === 'new' || c.verdict === 'missing' || c.noise?.runShift === undefined) continue
    const shift = c.noise.runShift
    return Math.abs(Math.log(shift)) >= Math.log1p(NOTABLE_SHIFT) ? shift : undefined
  }
  return undefined
}

/**
 * What a summary line adds when the run moved as a whole: "; the whole run moved 1.42×, and each
 * test was judged against that", or '' when the shift is not worth a remark.
 */
export function runShiftNote(comparisons: readonly Comparison[]): string {
  const shift = notableRunShift(comparisons)
  return shift === undefined
    ? ''
    : `; the whole run moved ${shift.toFixed(2)}×, and each test was judged against that`
}

/** How many comparisons reached each verdict (every verdict present, 0 when unused). */
export function countVerdicts(comparisons: readonly Comparison[]): Record<VerdictKind, number> {
  const counts: Record<VerdictKind, number> = {
    faster: 0,
    same: 0,
    slower: 0,
    inconclusive: 0,
    new: 0,
    missing: 0,
  }
  for (const c of comparisons) counts[c.verdict] += 1
  return counts
}
