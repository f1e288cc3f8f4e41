import { performance } from 'node:perf_hooks'
import type { BenchSettings } from '../protocol.js'
import type { BenchDefinition } from '../registry.js'

/** Each sample times enough calls to last about this long (ms), far above the timer's grain. */
export const BATCH_TARGET_MS = 1

/** A benchmark prepared for batched sampling: sync or async, and calls per sample. */
interface Prepared {
  bench: BenchDefinition
  async: boolean
  calls: number
}

// Results go somewhere observable, so the optimiser cannot drop a call whose value is unused.
let sink: unknown

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function'

/** A benchmark threw while sampled alongside others: `index` says which one. */
export class SampleError extends Error {
  readonly index: number
  constructor(index: number, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
    this.index = index
  }
}

/** Times one batch; returns ms per call. Per-call hooks run outside the timing. */
async function timeBatch(p: Prepared): Promise<number> {
  const { fn, options } = p.bench
  if (options.beforeEach) await options.beforeEach()
  const start = performance.now()
  if (p.async) for (let i = 0; i < p.calls; i++) sink = await fn()
  else for (let i = 0; i < p.calls; i++) sink = fn()
  const elapsed = performance.now() - start
  if (options.afterEach) await options.afterEach()
  return elapsed / p.calls
}

// Calls per sample for a per-call time: about BATCH_TARGET_MS, growing at most ×10 per step so a
// slow first call cannot overshoot. Per-call hooks need one call per sample.
function callsFor(p: Prepared, perCall: number): number {
  if (p.bench.options.beforeEach || p.bench.options.afterEach) return 1
  const wanted = perCall > 0 ? Math.ceil(BATCH_TARGET_MS / perCall) : p.calls * 10
  return Math.max(1, Math.min(wanted, p.calls * 10))
}

async function firstCall(bench: BenchDefinition): Promise<Prepared> {
  if (bench.options.beforeEach) await bench.options.beforeEach()
  const start = performance.now()
  const value = bench.fn()
  const async = isThenable(value)
  if (async) sink = await value
  const elapsed = performance.now() - start
  if (bench.options.afterEach) await bench.options.afterEach()
  const p: Prepared = { bench, async, calls: 1 }
  p.calls = callsFor(p, elapsed)
  return p
}

async function tagged<T>(index: number, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw new SampleError(index, error)
  }
}

/** Warms every side up, in turns, for the warm-up time, and sizes their batches alike. */
async function warmUp(benches: readonly BenchDefinition[], settings: BenchSettings): Promise<Prepared[]> {
  const prepared: Prepared[] = []
  for (const [i, bench] of benches.entries()) prepared.push(await tagged(i, () => firstCall(bench)))
  const end = performance.now() + settings.warmupTime
  while (performance.now() < end) {
    for (const [i, p] of prepared.entries()) p.calls = callsFor(p, await tagged(i, () => timeBatch(p)))
  }
  // Equal calls per sample on both sides: a pair then does the same work on each.
  const calls = Math.min(...prepared.map((p) => p.calls))
  for (const p of prepared) p.calls = calls
  return prepared
}

/**
 * Samples benchmarks in alternation (ms per call each): one sample of each per turn, the first
 * side swapping every turn (A B B A A B …) so neither always runs in the other's wake. With two
 * sides these are the paired samples of A/B mode; with one, plain batched sampling. Runs until
 * every side has had `time` ms and at least `iterations` samples. Throws a {@link SampleError}
 * naming the benchmark that threw.
 */
export async function sampleAlternately(
  benches: readonly BenchDefinition[],
  settings: BenchSettings,
): Promise<{ samples: number[][]; calls: number }> {
  ;(globalThis as { gc?: () => void }).gc?.()
  const prepared = await warmUp(benches, settings)
  const samples = prepared.map((): number[] => [])
  const budget = settings.time * prepared.length
  const start = performance.now()
  for (let turn = 0; turn < settings.iterations || performance.now() - start < budget; turn++) {
    const order = turn % 2 === 0 ? prepared.keys() : [...prepared.keys()].reverse()
    for (const i of order) samples[i]!.push(await tagged(i, () => timeBatch(prepared[i]!)))
  }
  return { samples, calls: prepared[0]!.calls }
}

/** Keeps `sink` observable so bundlers and engines treat writes to it as live. */
export function lastResult(): unknown {
  return sink
}
