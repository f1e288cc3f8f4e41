import { thin } from '../../stats/summarize.js'
import type { BenchSettings, SideSamples } from '../protocol.js'
import type { BenchDefinition } from '../registry.js'

/** Samples sent back per benchmark and process; evenly thinned order statistics beyond that. */
export const MAX_SENT_SAMPLES = 1000

/**
 * Runs one benchmark with tinybench (each call timed on its own, after a warm-up) and returns its
 * samples in ms per call. Throws what the benchmark threw.
 */
export async function runWithTinybench(
  bench: BenchDefinition,
  settings: BenchSettings,
): Promise<SideSamples> {
  // Loaded here: A/B workers never need it.
  const { Bench } = await import('tinybench')
  const runner = new Bench({
    time: settings.time,
    warmupTime: settings.warmupTime,
    iterations: settings.iterations,
    warmupIterations: Math.min(16, settings.iterations),
    retainSamples: true,
    throws: true,
  })
  const { beforeEach, afterEach } = bench.options
  runner.add(bench.key, bench.fn, {
    ...(beforeEach ? { beforeEach: async () => void (await beforeEach()) } : {}),
    ...(afterEach ? { afterEach: async () => void (await afterEach()) } : {}),
  })
  const [task] = await runner.run()
  const result = task!.result
  if (result.state === 'errored') throw result.error
  if (result.state !== 'completed') throw new Error(`tinybench ended the benchmark in state ${result.state}`)
  const samples = [...(result.latency.samples ?? [])]
  return { samples: thin(samples, MAX_SENT_SAMPLES), count: samples.length, calls: samples.length }
}
