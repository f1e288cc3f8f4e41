import type { PairedRun } from '../compare/paired.js'
import type { SideName, SideSamples } from './protocol.js'
import type { Resources } from './resources.js'

/** One side of one benchmark in one process. */
export interface RoundData extends SideSamples {
  /** What the process spent while this benchmark ran (in A/B, on both sides). */
  resources?: Resources
}

/** Everything measured for one benchmark over the run. */
export interface BenchRecord {
  /** Project-relative bench file. */
  file: string
  key: string
  name: string
  threshold?: number
  head: RoundData[]
  base: RoundData[]
  /** A/B: per process (or pair of processes), ln(head/base) and which side went first. */
  runs: PairedRun[]
  /** Why the benchmark failed (the head side, or both). */
  error?: string
  /** A/B: why its base side failed; the head side was then measured alone. */
  baseError?: string
  /** Which sides declared it (A/B); a plain run has only `head`. */
  sides: Set<SideName>
}

/** Process counts and times, to report the runner's own cost apart from benchmark time. */
export interface Overhead {
  /** Processes that only imported files to list their benchmarks. */
  collectProcesses: number
  collectWallMs: number
  /** Measuring processes: spawn-to-ready times (node start-up, loader, imports, `beforeAll`). */
  startupMs: number[]
  measureWallMs: number
}

/** The records of a run, keyed by file and benchmark. */
export class RunRecords {
  private readonly records = new Map<string, BenchRecord>()
  readonly fileErrors: { file: string; side: SideName; message: string }[] = []
  readonly warnings: string[] = []
  readonly overhead: Overhead = { collectProcesses: 0, collectWallMs: 0, startupMs: [], measureWallMs: 0 }

  /** The record of a benchmark, created on first use. */
  record(file: string, bench: { key: string; name: string; threshold?: number | undefined }): BenchRecord {
    const id = `${file}\u0000${bench.key}`
    let record = this.records.get(id)
    if (!record) {
      record = { file, key: bench.key, name: bench.name, head: [], base: [], runs: [], sides: new Set() }
      if (bench.threshold !== undefined) record.threshold = bench.threshold
      this.records.set(id, record)
    }
    return record
  }

  find(file: string, key: string): BenchRecord | undefined {
    return this.records.get(`${file}\u0000${key}`)
  }

  all(): BenchRecord[] {
    return [...this.records.values()]
  }

  fileError(file: string, side: SideName, message: string): void {
    if (!this.fileErrors.some((e) => e.file === file && e.side === side))
      this.fileErrors.push({ file, side, message })
  }
}
