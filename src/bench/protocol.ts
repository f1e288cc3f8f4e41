/**
 * What the runner and its worker processes say to each other over the IPC channel. A job goes
 * to the worker in its environment (`PERFGATE_BENCH_JOB`); messages come back with
 * `process.send`. Plain JSON: both ends may be different builds of perfgate.
 */
import type { AbMode } from './registry.js'

/** Which version of the code a file belongs to in A/B mode; `head` is the only side otherwise. */
export type SideName = 'base' | 'head'

/** Measuring settings of one benchmark, resolved by the runner. Times in ms. */
export interface BenchSettings {
  time: number
  warmupTime: number
  iterations: number
}

/** One benchmark to run, with its settings. */
export interface BenchJob {
  key: string
  settings: BenchSettings
}

/** A file to import, and which side it is. */
export interface SideFile {
  side: SideName
  /** Absolute path. */
  path: string
}

export type WorkerJob =
  /** Import the file and report what it declares; run nothing. */
  | { kind: 'collect'; file: SideFile }
  /** Run benchmarks with tinybench, one after another, in the given order. */
  | { kind: 'plain'; file: SideFile; benches: BenchJob[] }
  /**
   * Import the files in the given order (base first or head first) and sample each benchmark's
   * sides alternately; a benchmark on one side only is sampled alone. One file: one side only,
   * in the same batched sampler (A/B `separate` mode).
   */
  | { kind: 'ab'; files: SideFile[]; benches: BenchJob[] }

/** A declared benchmark as collected: its identity and the options the runner resolves. */
export interface CollectedBench {
  key: string
  name: string
  time?: number | undefined
  warmupTime?: number | undefined
  iterations?: number | undefined
  timeout?: number | undefined
  threshold?: number | undefined
}

/** What a file declared. */
export interface CollectedFile {
  benches: CollectedBench[]
  ab?: AbMode | undefined
  time?: number | undefined
  warmupTime?: number | undefined
  timeout?: number | undefined
  threshold?: number | undefined
}

/** Samples of one side of one benchmark in one process: ms per call, thinned when many. */
export interface SideSamples {
  samples: number[]
  /** How many samples were taken (before thinning). */
  count: number
  /** Calls timed (a sample may time a batch of calls). */
  calls: number
}

export type WorkerMessage =
  | { type: 'ready'; importMs: number; uptimeMs: number }
  | { type: 'collected'; file: CollectedFile }
  | { type: 'file-error'; side: SideName; message: string }
  | { type: 'start'; key: string }
  | {
      type: 'result'
      key: string
      base?: SideSamples
      head?: SideSamples
      /** A/B with both sides in this process: ln(head/base) estimated from the paired samples. */
      logRatio?: number
    }
  | { type: 'bench-error'; key: string; message: string }
  /** A/B: the base side threw; the head side was measured alone (and is `new`). */
  | { type: 'base-error'; key: string; message: string }
  /** Something the user should see that fails nothing (a failing `afterAll`). */
  | { type: 'warning'; message: string }
  | { type: 'done' }

/** Environment variable carrying the job to a worker. */
export const JOB_ENV = 'PERFGATE_BENCH_JOB'
