/**
 * Measurements from Vitest's own benchmarks, so `vitest bench --reporter perf` records and
 * compares them like any other measurement. Vitest 4 keeps each `bench()` result (tinybench 2
 * statistics) on the test's task; Vitest 5 lists the benchmarks a test ran (`bench` fixture,
 * tinybench 6 statistics) through `testCase.benchmarks()`. Pure: it only reads the modules.
 */
import type { TestCase, TestModule } from 'vitest/node'
import { summarize, thin } from '../src/stats/summarize.js'
import type { Measurement, Summary } from '../src/types.js'
import { MAX_STORED_SAMPLES } from '../src/types.js'
import { projectPath } from './collect-vitest.js'

/** The statistics both tinybench generations report, in ms (the fields perfgate reads). */
export interface BenchStatistics {
  samples?: readonly number[] | undefined
  /** Samples taken (Vitest 4: `sampleCount`; tinybench 6: `samplesCount`). */
  sampleCount?: number
  samplesCount?: number
  min: number
  max: number
  mean: number
  sd: number
  /** Vitest 4 adds `median`; tinybench 6 has `p50`. */
  median?: number
  p50?: number
  mad?: number
  p75: number
  p99: number
}

// Normal quantiles of 0.75, 0.95 and 0.99, for placing p95 between p75 and p99.
const Z75 = 0.6744897501960817
const Z95 = 1.6448536269514722
const Z99 = 2.3263478740408408

function interpolateP95(p75: number, p99: number): number {
  const share = (Z95 - Z75) / (Z99 - Z75)
  if (p75 > 0 && p99 > 0) return Math.exp(Math.log(p75) + share * (Math.log(p99) - Math.log(p75)))
  return p75 + share * (p99 - p75)
}

/**
 * A summary from tinybench statistics: exact from the samples when Vitest kept them
 * (`benchmark.includeSamples`), else from the reported statistics, with p95 interpolated between
 * p75 and p99 (log times against normal quantiles: timing data is closer to lognormal) and, where tinybench 2 reports no MAD, p75 − median
 * (the MAD of a symmetric distribution; unlike one derived from the standard deviation, it is
 * not inflated by the outliers timing data has).
 */
export function summaryFromStatistics(stats: BenchStatistics): Summary {
  const n = stats.sampleCount ?? stats.samplesCount ?? stats.samples?.length ?? 0
  if (stats.samples && stats.samples.length > 0) return { ...summarize(stats.samples), n }
  const median = stats.median ?? stats.p50 ?? Number.NaN
  return {
    n,
    min: stats.min,
    max: stats.max,
    mean: stats.mean,
    median,
    sd: stats.sd,
    mad: stats.mad ?? Math.max(0, stats.p75 - median),
    p75: stats.p75,
    p95: interpolateP95(stats.p75, stats.p99),
    p99: stats.p99,
  }
}

function measurement(file: string, name: string, stats: BenchStatistics): Measurement {
  const summary = summaryFromStatistics(stats)
  return {
    key: name,
    file,
    name,
    metric: 'time',
    unit: 'ms',
    source: 'bench',
    stat: 'median',
    summary,
    samples: stats.samples && stats.samples.length > 0 ? thin(stats.samples, MAX_STORED_SAMPLES) : [],
    batch: 1,
  }
}

/** Vitest 4: a `bench()` is a test whose (internal) task carries the tinybench result. */
function vitest4Result(test: TestCase): BenchStatistics | undefined {
  const task = (
    test as unknown as { task?: { meta?: { benchmark?: boolean }; result?: { benchmark?: unknown } } }
  ).task
  if (!task?.meta?.benchmark) return undefined
  const result = task.result?.benchmark as BenchStatistics | undefined
  return result && Number.isFinite(result.mean) ? result : undefined
}

interface Vitest5Benchmark {
  name: string
  tasks: readonly { name: string; latency: BenchStatistics; fromStore?: boolean }[]
}

// `test > group > task`, without repeating the test's name (a lone `bench()` is named after its test).
function vitest5Name(test: TestCase, group: string, task: string): string {
  const parts = [test.fullName]
  if (group !== '' && group !== test.fullName && group !== task) parts.push(group)
  if (task !== test.name) parts.push(task)
  return parts.join(' > ')
}

/** Vitest 5: the benchmarks a test ran, one measurement per task (stored `bench.from()` rows skipped). */
function vitest5Measurements(test: TestCase, file: string): Measurement[] {
  const list = (test as unknown as { benchmarks?: () => readonly Vitest5Benchmark[] }).benchmarks
  if (typeof list !== 'function') return []
  return list
    .call(test)
    .flatMap((benchmark) =>
      benchmark.tasks
        .filter((task) => !task.fromStore)
        .map((task) => measurement(file, vitest5Name(test, benchmark.name, task.name), task.latency)),
    )
}

/** Every benchmark result in these modules, as measurements (ms per call), in run order. */
export function collectBenchMeasurements(modules: readonly TestModule[], root: string): Measurement[] {
  const measurements: Measurement[] = []
  for (const module of modules) {
    const file = projectPath(root, module.moduleId)
    for (const test of module.children.allTests()) {
      const v4 = vitest4Result(test)
      if (v4) measurements.push(measurement(file, test.fullName, v4))
      else measurements.push(...vitest5Measurements(test, file))
    }
  }
  return measurements
}
