import type { WorkerJob, WorkerMessage } from './protocol.js'
import type { Resources } from './resources.js'
import { runWorker } from './spawn.js'

type ResultMessage = WorkerMessage & { type: 'result' }

/** Where and how workers run, shared by every job of a run. */
export interface ExecContext {
  cwd: string
  env: Record<string, string | undefined>
  signal: AbortSignal
  /** Per benchmark key of the job's file: its timeout (ms). */
  timeouts: ReadonlyMap<string, number>
  /** How long imports and `beforeAll` hooks may take (ms). */
  loadTimeout: number
  onMessage?: (message: WorkerMessage) => void
  /** Called when a process ends: its start-up (spawn to ready) and whole wall time, ms. */
  onProcess?: (process: { startupMs: number | undefined; wallMs: number }) => void
}

/** What a job produced, over however many processes it took. */
export interface JobResult {
  results: Map<string, ResultMessage & { resources?: Resources }>
  /** Benchmarks that failed (threw, timed out, crashed the process), with why. */
  errors: Map<string, string>
  /** A/B: benchmarks whose base side threw (their head side was measured alone). */
  baseErrors: Map<string, string>
  /** Files that threw at import, by side. */
  fileErrors: { side: 'base' | 'head'; message: string }[]
  warnings: string[]
}

/** Thrown when the run is interrupted (Ctrl-C): nothing more runs and nothing is written. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted'
}

/** A job that runs benchmarks (not a `collect`). */
export type RunJob = Exclude<WorkerJob, { kind: 'collect' }>

const withBenches = (job: RunJob, keys: readonly string[]): RunJob => ({
  ...job,
  benches: job.benches.filter((b) => keys.includes(b.key)),
})

function absorb(result: JobResult, messages: readonly WorkerMessage[], resources: Map<string, Resources>) {
  for (const m of messages) {
    if (m.type === 'result') {
      const r = resources.get(m.key)
      result.results.set(m.key, r ? { ...m, resources: r } : m)
    } else if (m.type === 'bench-error') result.errors.set(m.key, m.message)
    else if (m.type === 'base-error') result.baseErrors.set(m.key, m.message)
    else if (m.type === 'file-error') result.fileErrors.push({ side: m.side, message: m.message })
    else if (m.type === 'warning') result.warnings.push(m.message)
  }
}

/**
 * Runs a job's benchmarks in a fresh worker, and when one hangs or crashes the process, goes on
 * with the rest in another: one bad benchmark costs its own result, not the file's.
 */
export async function executeJob(job: RunJob, ctx: ExecContext): Promise<JobResult> {
  const result: JobResult = {
    results: new Map(),
    errors: new Map(),
    baseErrors: new Map(),
    fileErrors: [],
    warnings: [],
  }
  let remaining = job.benches.map((b) => b.key)
  while (remaining.length > 0) {
    if (ctx.signal.aborted) throw new Interrupted('interrupted')
    const outcome = await runWorker({ ...ctx, job: withBenches(job, remaining) })
    ctx.onProcess?.({ startupMs: outcome.startupMs, wallMs: outcome.wallMs })
    if (ctx.signal.aborted) throw new Interrupted('interrupted')
    absorb(result, outcome.messages, outcome.resources)
    const { failure } = outcome
    if (failure?.key !== undefined) result.errors.set(failure.key, failure.message)
    const headFailed = result.fileErrors.some((e) => e.side === 'head')
    // Without a benchmark to blame (the import hung, the process died between benchmarks),
    // another process would most likely do the same.
    if (headFailed || (failure && failure.key === undefined)) {
      const why = headFailed ? 'its bench file failed to import' : failure!.message
      for (const key of outcome.unfinished) if (!result.errors.has(key)) result.errors.set(key, why)
      break
    }
    if (!failure) {
      for (const key of outcome.unfinished)
        result.errors.set(key, 'the benchmark process ended without running it')
      break
    }
    remaining = outcome.unfinished
  }
  return result
}
