import { crossoverEstimate } from '../../compare/paired.js'
import type { Comparison, Summary } from '../../types.js'
import type { BenchRecord } from '../records.js'
import { resourceSummary, sideMeasurement } from '../results.js'
import type { BenchOutcome } from '../run.js'
import { betweenProcessSpread, detectableChange, overheadSummary } from './stats.js'

/** Time statistics of one side as `--json` prints them (ms per call), with operations per second. */
function timeStats(summary: Summary, rounds: number[] | undefined) {
  const { n, min, max, mean, median, sd, p75, p95, p99 } = summary
  return {
    n,
    min,
    max,
    mean,
    sd,
    p50: median,
    p75,
    p95,
    p99,
    opsPerSecond: 1000 / median,
    rounds: rounds ?? [],
    betweenProcessSpread: betweenProcessSpread(rounds),
  }
}

function benchEntry(record: BenchRecord, comparison: Comparison | undefined) {
  const head = sideMeasurement(record, 'head')
  const base = sideMeasurement(record, 'base')
  const crossover = record.runs.length > 0 ? crossoverEstimate(record.runs) : undefined
  return {
    file: record.file,
    key: record.key,
    name: record.name,
    ...(record.error ? { error: record.error } : {}),
    ...(record.baseError ? { baseError: record.baseError } : {}),
    ...(head ? { time: timeStats(head.summary, head.rounds) } : {}),
    ...(base ? { baseTime: timeStats(base.summary, base.rounds) } : {}),
    ...(resourceSummary(record) ?? {}),
    ...(crossover ? { runs: record.runs, orderEffect: crossover.order, logRatio: crossover.d } : {}),
    ...(comparison ? { verdict: comparison.verdict, comparison } : {}),
  }
}

/** The `--json` document: every benchmark with its statistics, and the run's costs and problems. */
export function jsonOutput(
  outcome: BenchOutcome,
  extra: { against?: { ref: string; commit: string }; failed: boolean },
) {
  const comparisons = outcome.comparisons ?? []
  const find = (r: BenchRecord) => comparisons.find((c) => c.file === r.file && c.key === r.key)
  return {
    version: 1,
    mode: outcome.mode,
    ...(extra.against ? { against: extra.against } : {}),
    rounds: outcome.rounds,
    wallMs: outcome.wallMs,
    overhead: overheadSummary(outcome.records),
    ...(outcome.comparisons ? { detectableChange: detectableChange(comparisons) } : {}),
    benchmarks: outcome.records.all().map((r) => benchEntry(r, find(r))),
    fileErrors: outcome.records.fileErrors,
    warnings: outcome.records.warnings,
    failed: extra.failed,
  }
}

/** JSON with non-finite numbers as null (JSON has no NaN), two-space indented. */
export function stringifyJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`
}
