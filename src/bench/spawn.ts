import type { ChildProcess } from 'node:child_process'
import { fork } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import type { WorkerJob, WorkerMessage } from './protocol.js'
import { JOB_ENV } from './protocol.js'
import type { Resources } from './resources.js'
import { ResourceSampler } from './resources.js'
import { workerPath } from './worker-path.js'

/** How one worker process is started and watched. */
export interface ProcessRequest {
  job: WorkerJob
  cwd: string
  env: Record<string, string | undefined>
  /** Per benchmark key: how long it may run in this process (ms). */
  timeouts: ReadonlyMap<string, number>
  /** How long importing the files may take (ms). */
  loadTimeout: number
  signal: AbortSignal
  /** Called with each message as it arrives (progress). */
  onMessage?: (message: WorkerMessage) => void
}

/** What happened in one worker process. */
export interface ProcessOutcome {
  messages: WorkerMessage[]
  /** Per benchmark key that finished: what it cost the process. */
  resources: Map<string, Resources>
  /** A benchmark (or the import, without key) that hung or crashed the process. */
  failure?: { key?: string; message: string }
  /** Benchmarks of the job that did not get to run. */
  unfinished: string[]
  /** From spawning the process to its `ready` (imports and setup done), ms. */
  startupMs?: number
  /** The whole life of the process, ms. */
  wallMs: number
}

const STDERR_TAIL = 2000

function startWorker(request: ProcessRequest): ChildProcess {
  return fork(workerPath(), [], {
    cwd: request.cwd,
    env: { ...request.env, [JOB_ENV]: JSON.stringify(request.job) },
    // Only what the benchmarks need: the runner's own flags (a test runner's loader) stay out.
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'json',
  })
}

const jobKeys = (job: WorkerJob) => (job.kind === 'collect' ? [] : job.benches.map((b) => b.key))

const ends = (message: WorkerMessage) =>
  message.type === 'result' || message.type === 'bench-error' ? message.key : undefined

/** Runs one worker to its end: watches each benchmark's time, samples its resources, kills on hang. */
export function runWorker(request: ProcessRequest): Promise<ProcessOutcome> {
  const began = performance.now()
  const child = startWorker(request)
  const outcome: ProcessOutcome = { messages: [], resources: new Map(), unfinished: [], wallMs: 0 }
  const sampler = new ResourceSampler(child.pid ?? 0)
  const finished = new Set<string>()
  const pending: Promise<unknown>[] = []
  let stderr = ''
  let running: string | undefined
  let done = false
  let timer: ReturnType<typeof setTimeout> | undefined

  const watch = (ms: number, failure: { key?: string; message: string }) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      outcome.failure = failure
      child.kill('SIGKILL')
    }, ms)
  }
  watch(request.loadTimeout, { message: `importing did not finish within ${request.loadTimeout} ms` })
  const abort = () => child.kill('SIGKILL')
  request.signal.addEventListener('abort', abort)
  if (request.signal.aborted) abort()
  child.stdout?.resume()
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL)
  })

  child.on('message', (message: WorkerMessage) => {
    outcome.messages.push(message)
    if (message.type === 'ready') outcome.startupMs = performance.now() - began
    if (message.type === 'start') {
      running = message.key
      const ms = request.timeouts.get(message.key) ?? request.loadTimeout
      watch(ms, { key: message.key, message: timeoutMessage(ms) })
      sampler.begin()
    }
    const ended = ends(message)
    if (ended !== undefined) {
      finished.add(ended)
      if (ended === running) {
        clearTimeout(timer)
        running = undefined
        pending.push(sampler.end().then((r) => r && outcome.resources.set(ended, r)))
      }
    }
    if (message.type === 'done') done = true
    request.onMessage?.(message)
  })

  return new Promise((resolve) => {
    child.on('close', async (code, signal) => {
      clearTimeout(timer)
      request.signal.removeEventListener('abort', abort)
      await Promise.all(pending)
      if (!done && !outcome.failure && !request.signal.aborted) {
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`
        outcome.failure = { ...(running ? { key: running } : {}), message: crashMessage(how, stderr) }
      }
      const failed = outcome.failure?.key
      outcome.unfinished = jobKeys(request.job).filter((k) => !finished.has(k) && k !== failed)
      outcome.wallMs = performance.now() - began
      resolve(outcome)
    })
  })
}

function crashMessage(how: string, stderr: string): string {
  const tail = stderr.trim().split('\n').slice(-8).join('\n')
  return `the benchmark process ${how}${tail ? `:\n${tail}` : ''}`
}

const timeoutMessage = (ms: number) =>
  `did not finish within ${ms} ms in one process (timeout); if it is meant to take this long, raise ` +
  'it with bench(name, fn, { timeout }) or --timeout'
