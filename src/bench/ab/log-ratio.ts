import { median } from '../../stats/summarize.js'

/**
 * One process's estimate of ln(head/base) from samples taken alternately: the median of the
 * per-pair log ratios. Neighbouring samples share the machine's state of that moment (clock
 * speed, load from other processes, caches), so the pair's ratio cancels it; the median ignores
 * the pairs a GC pause or an interrupt hit. NaN when no pair has two positive times.
 */
export function pairedLogRatio(base: readonly number[], head: readonly number[]): number {
  const ratios: number[] = []
  const n = Math.min(base.length, head.length)
  for (let i = 0; i < n; i++) {
    const b = base[i]!
    const h = head[i]!
    if (b > 0 && h > 0) ratios.push(Math.log(h / b))
  }
  return median(ratios)
}

/**
 * ln(head/base) from two processes that each ran one side (A/B `separate` mode): the log ratio of
 * their medians. NaN when either median is not positive.
 */
export function separateLogRatio(base: readonly number[], head: readonly number[]): number {
  const b = median(base)
  const h = median(head)
  return b > 0 && h > 0 ? Math.log(h / b) : Number.NaN
}
