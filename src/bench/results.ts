import type { PairedItem } from '../compare/paired.js'
import { measurementSide } from '../run/judge.js'
import { median, summarize, thin } from '../stats/index.js'
import type { Measurement } from '../types.js'
import { MAX_STORED_SAMPLES } from '../types.js'
import type { SideName } from './protocol.js'
import type { BenchRecord } from './records.js'

/** What names a benchmark's measurement and what is judged: its median time, per its threshold. */
function benchIdentity(record: BenchRecord) {
  return {
    key: record.key,
    file: record.file,
    name: record.name,
    metric: 'time',
    unit: 'ms',
    stat: 'median',
    ...(record.threshold === undefined ? {} : { threshold: record.threshold }),
  } as const
}

/**
 * A benchmark's measurement on one side: the summary over the samples of all its processes
 * (each process sent at most a thousand evenly spaced order statistics, so the quantiles are
 * those of all samples; `n` counts every sample taken), a bounded sample, and the median of each
 * process as its rounds. Undefined when the side has no data.
 */
export function sideMeasurement(record: BenchRecord, side: SideName): Measurement | undefined {
  const rounds = record[side]
  if (rounds.length === 0) return undefined
  const all = rounds.flatMap((r) => r.samples)
  const summary = { ...summarize(all), n: rounds.reduce((sum, r) => sum + r.count, 0) }
  return {
    ...benchIdentity(record),
    source: 'bench',
    summary,
    samples: thin(all, MAX_STORED_SAMPLES),
    batch: 1,
    rounds: rounds.map((r) => median(r.samples)),
  }
}

/** The comparison input of an A/B benchmark: both sides (as measured) and its paired runs. */
export function pairedItem(record: BenchRecord): PairedItem {
  const base = sideMeasurement(record, 'base')
  const head = sideMeasurement(record, 'head')
  return {
    ...benchIdentity(record),
    ...(base ? { base: measurementSide(base) } : {}),
    ...(head ? { head: measurementSide(head) } : {}),
    runs: record.runs,
  }
}

/** What a benchmark cost its processes, over all of them (from pidusage). */
export interface ResourceSummary {
  /** CPU time (user + system) of the processes while the benchmark ran, summed, ms. */
  cpuMs: number
  /**
   * CPU time over wall time while it ran: about 1 for single-threaded code; above 1 when other
   * threads (GC, libuv's pool, workers) worked too; below 1 when it waited (I/O, timers).
   */
  cpuUtilisation: number
  /** Largest resident set size seen, MB. */
  peakRssMb: number
}

/** CPU and memory of the processes that measured the benchmark; undefined when none could be read. */
export function resourceSummary(record: BenchRecord): ResourceSummary | undefined {
  const measured = [...record.head, ...record.base].flatMap((r) => (r.resources ? [r.resources] : []))
  if (measured.length === 0) return undefined
  const cpuMs = measured.reduce((sum, r) => sum + r.cpuMs, 0)
  const wall = measured.reduce((sum, r) => sum + r.wallMs, 0)
  return {
    cpuMs,
    cpuUtilisation: wall > 0 ? cpuMs / wall : Number.NaN,
    peakRssMb: Math.max(...measured.map((r) => r.peakRssMb)),
  }
}
