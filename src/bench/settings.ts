import type { BenchJob, CollectedBench, CollectedFile } from './protocol.js'

/** Measuring settings with the per-benchmark timeout. Times in ms. */
export interface ResolvedSettings {
  time: number
  warmupTime: number
  iterations: number
  timeout: number
}

/**
 * Defaults of a plain run: five processes of 200 ms per benchmark give a median per process and a
 * spread between processes; tinybench times every call, so it needs no long warm-up.
 */
export const PLAIN_DEFAULTS: ResolvedSettings = { time: 200, warmupTime: 50, iterations: 10, timeout: 30_000 }

/**
 * Defaults of an A/B run, per side and process. Between-process noise, not sampling, limits an
 * A/B comparison, so many short processes beat a few long ones; see docs/bench.md for the
 * measurements behind these numbers.
 */
export const AB_DEFAULTS: ResolvedSettings = { time: 100, warmupTime: 30, iterations: 10, timeout: 30_000 }

export const PLAIN_ROUNDS = 5
export const AB_ROUNDS = 8

/** Settings given on the command line; they apply where the bench file does not say otherwise. */
export type CliSettings = Partial<ResolvedSettings>

/** A benchmark's settings: its own options, then the file's `benchConfig`, the CLI, the defaults. */
export function resolveSettings(
  bench: CollectedBench,
  file: CollectedFile,
  cli: CliSettings,
  defaults: ResolvedSettings,
): ResolvedSettings {
  const pick = (name: keyof ResolvedSettings): number => {
    const fromFile = name === 'iterations' ? undefined : file[name]
    return bench[name] ?? fromFile ?? cli[name] ?? defaults[name]
  }
  return {
    time: pick('time'),
    warmupTime: pick('warmupTime'),
    iterations: Math.max(1, Math.round(pick('iterations'))),
    timeout: pick('timeout'),
  }
}

/** The job entry of a benchmark: its key and measuring settings. */
export function benchJob(key: string, settings: ResolvedSettings): BenchJob {
  const { time, warmupTime, iterations } = settings
  return { key, settings: { time, warmupTime, iterations } }
}
