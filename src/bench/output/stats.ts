import { DETECTION_POWER } from '../../compare/verdict.js'
import { median, normalQuantile } from '../../stats/index.js'
import type { Comparison } from '../../types.js'
import type { RunRecords } from '../records.js'

/** Spread of a benchmark's per-process medians: the standard deviation of their logs (≈ a CV). */
export function betweenProcessSpread(rounds: readonly number[] | undefined): number {
  if (!rounds || rounds.length < 2 || rounds.some((r) => !(r > 0))) return Number.NaN
  const logs = rounds.map(Math.log)
  const mean = logs.reduce((s, x) => s + x, 0) / logs.length
  return Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (logs.length - 1))
}

/**
 * The smallest relative change the run could detect (80% power, at the run's corrected level),
 * for the median benchmark: from each comparison's interval, whose half-width is z·se on the log
 * scale. NaN without a compared benchmark.
 */
export function detectableChange(comparisons: readonly Comparison[]): number {
  const changes = comparisons.flatMap((c) => {
    if (c.verdict === 'new' || c.verdict === 'missing' || c.reason) return []
    const { low, high, level } = c.change
    if (!(low > 0 && high > 0 && level > 0 && level < 1)) return []
    const z = normalQuantile(1 - (1 - level) / 2)
    const se = (Math.log(high) - Math.log(low)) / (2 * z)
    return [Math.expm1((z + normalQuantile(DETECTION_POWER)) * se)]
  })
  return median(changes)
}

/** The runner's own cost, apart from benchmark time. */
export interface OverheadSummary {
  /** Processes that measured, and their median spawn-to-ready time (node, loader, imports), ms. */
  processes: number
  startupMedianMs: number
  startupTotalMs: number
  /** Time inside benchmarks (their start to end messages), summed, ms. */
  benchmarkMs: number
  /** Processes that only listed benchmarks, and their summed wall time, ms. */
  collectProcesses: number
  collectMs: number
}

export function overheadSummary(records: RunRecords): OverheadSummary {
  const { startupMs, collectProcesses, collectWallMs } = records.overhead
  const benchmarkMs = records
    .all()
    .flatMap((r) => [...r.head, ...r.base])
    .reduce((sum, round) => sum + (round.resources?.wallMs ?? 0), 0)
  return {
    processes: startupMs.length,
    startupMedianMs: median(startupMs),
    startupTotalMs: startupMs.reduce((s, x) => s + x, 0),
    benchmarkMs,
    collectProcesses,
    collectMs: collectWallMs,
  }
}
