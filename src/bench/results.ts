import type { PairedItem } from '../compare/paired.js'
import type { Side } from '../compare/types.js'
import { median, summarize, thin } from '../stats/index.js'
import type { Measurement } from '../types.js'
import { MAX_STORED_SAMPLES } from '../types.js'
import type { SideName } from './protocol.js'
import type { BenchRecord } from './records.js'

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
    key: record.key,
    file: record.file,
    name: record.name,
    metric: 'time',
    unit: 'ms',
    source: 'bench',
    stat: 'median',
    ...(record.threshold === undefined ? {} : { threshold: record.threshold }),
    summary,
    samples: thin(all, MAX_STORED_SAMPLES),
    batch: 1,
    rounds: rounds.map((r) => median(r.samples)),
  }
}

const sideOf = (m: Measurement | undefined): Side | undefined =>
  m &&
  (m.rounds
    ? { samples: m.samples, summary: m.summary, rounds: m.rounds }
    : { samples: m.samples, summary: m.summary })

/** The comparison input of an A/B benchmark: both sides (as measured) and its paired runs. */
export function pairedItem(record: BenchRecord): PairedItem {
  const base = sideOf(sideMeasurement(record, 'base'))
  const head = sideOf(sideMeasurement(record, 'head'))
  return {
    key: record.key,
    file: record.file,
    name: record.name,
    metric: 'time',
    unit: 'ms',
    stat: 'median',
    ...(record.threshold === undefined ? {} : { threshold: record.threshold }),
    ...(base ? { base } : {}),
    ...(head ? { head } : {}),
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
