import { thin } from '../../stats/summarize.js'
import { pairedLogRatio } from '../ab/log-ratio.js'
import type { BenchJob, SideName, SideSamples, WorkerMessage } from '../protocol.js'
import type { BenchDefinition } from '../registry.js'
import { describeError } from './load.js'
import type { LoadedSide } from './main.js'
import { SampleError, sampleAlternately } from './sampler.js'
import { MAX_SENT_SAMPLES } from './tinybench-run.js'

interface Present {
  side: SideName
  bench: BenchDefinition
}

const sideSamples = (samples: number[], calls: number): SideSamples => ({
  samples: thin(samples, MAX_SENT_SAMPLES),
  count: samples.length,
  calls: samples.length * calls,
})

async function sample(present: readonly Present[], job: BenchJob): Promise<WorkerMessage> {
  const { samples, calls } = await sampleAlternately(
    present.map((p) => p.bench),
    job.settings,
  )
  const message: WorkerMessage & { type: 'result' } = { type: 'result', key: job.key }
  present.forEach((p, i) => {
    message[p.side] = sideSamples(samples[i]!, calls)
  })
  if (present.length === 2) {
    const base = samples[present.findIndex((p) => p.side === 'base')]!
    const head = samples[present.findIndex((p) => p.side === 'head')]!
    message.logRatio = pairedLogRatio(base, head)
  }
  return message
}

/**
 * Runs one benchmark of an A/B job: both sides alternately when this process has both, else the
 * one it has. When the base side throws, the head side is measured alone (it will be `new`):
 * a benchmark the head fixed is not an error of the head.
 */
export async function runAbBench(sides: readonly LoadedSide[], job: BenchJob): Promise<WorkerMessage[]> {
  const present: Present[] = []
  const messages: WorkerMessage[] = []
  for (const side of sides) {
    const bench = side.benches.get(job.key)
    if (!bench) continue
    const failure = side.hooks.failureOf(bench)
    if (!failure) present.push({ side: side.side, bench })
    else if (side.side === 'base') messages.push({ type: 'base-error', key: job.key, message: failure })
    else return [{ type: 'bench-error', key: job.key, message: failure }]
  }
  if (present.length === 0)
    return [...messages, { type: 'bench-error', key: job.key, message: 'not declared' }]
  try {
    return [...messages, await sample(present, job)]
  } catch (error) {
    const failed = error instanceof SampleError ? present[error.index] : undefined
    const message = describeError(error instanceof SampleError ? error.cause : error)
    if (failed?.side !== 'base') return [...messages, { type: 'bench-error', key: job.key, message }]
    const head = present.filter((p) => p.side === 'head')
    const baseError: WorkerMessage = { type: 'base-error', key: job.key, message }
    if (head.length === 0) return [...messages, baseError]
    return [...messages, baseError, await sample(head, job).catch(headError(job))]
  }
}

const headError =
  (job: BenchJob) =>
  (error: unknown): WorkerMessage => ({
    type: 'bench-error',
    key: job.key,
    message: describeError(error instanceof SampleError ? error.cause : error),
  })
