/**
 * The benchmark worker: a fresh process per job, started by the runner with the job in its
 * environment. It imports the bench file(s), runs what it is told, and reports over IPC.
 */
import { performance } from 'node:perf_hooks'
import type { BenchJob, SideFile, SideName, WorkerJob, WorkerMessage } from '../protocol.js'
import { JOB_ENV } from '../protocol.js'
import type { BenchDefinition, Collection } from '../registry.js'
import { runnable } from '../registry.js'
import { collectedFile } from './collected.js'
import { SuiteHooks } from './hooks.js'
import { describeError, loadBenchFile } from './load.js'
import { runAbBench } from './run-ab.js'
import { runWithTinybench } from './tinybench-run.js'

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve()
    process.send(message, undefined, {}, () => resolve())
  })
}

/** A loaded side: its benchmarks by key and the hooks around them. */
export interface LoadedSide {
  side: SideName
  benches: Map<string, BenchDefinition>
  hooks: SuiteHooks
}

async function load(file: SideFile, wanted: readonly BenchJob[]): Promise<LoadedSide | undefined> {
  const loaded = await loadBenchFile(file.path)
  if ('error' in loaded) {
    await send({ type: 'file-error', side: file.side, message: loaded.error })
    return undefined
  }
  const keys = new Set(wanted.map((b) => b.key))
  const benches = new Map(runnable(loaded.collection).map((b) => [b.key, b]))
  const hooks = new SuiteHooks([...benches.values()].filter((b) => keys.has(b.key)))
  return { side: file.side, benches, hooks }
}

async function loadAll(files: readonly SideFile[], wanted: readonly BenchJob[]): Promise<LoadedSide[]> {
  const start = performance.now()
  const sides: LoadedSide[] = []
  for (const file of files) {
    const side = await load(file, wanted)
    if (side) sides.push(side)
  }
  for (const side of sides) await side.hooks.setUp()
  await send({ type: 'ready', importMs: performance.now() - start, uptimeMs: process.uptime() * 1000 })
  return sides
}

async function collect(file: SideFile): Promise<void> {
  const loaded = await loadBenchFile(file.path)
  if ('error' in loaded) return send({ type: 'file-error', side: file.side, message: loaded.error })
  await send({ type: 'collected', file: collectedFile(loaded.collection as Collection) })
}

async function runPlain(side: LoadedSide, job: BenchJob): Promise<void> {
  const bench = side.benches.get(job.key)
  const failure = bench ? side.hooks.failureOf(bench) : `"${job.key}" is no longer declared`
  if (failure || !bench) return send({ type: 'bench-error', key: job.key, message: failure ?? '' })
  try {
    const samples = await runWithTinybench(bench, job.settings)
    await send({ type: 'result', key: job.key, [side.side]: samples })
  } catch (error) {
    await send({ type: 'bench-error', key: job.key, message: describeError(error) })
  }
}

async function run(job: WorkerJob): Promise<void> {
  if (job.kind === 'collect') return collect(job.file)
  const files = job.kind === 'plain' ? [job.file] : job.files
  const sides = await loadAll(files, job.benches)
  // Without the head file (when there is one) there is nothing to compare; the runner says why.
  const headWanted = files.some((f) => f.side === 'head')
  if (sides.length === 0 || (headWanted && !sides.some((s) => s.side === 'head'))) return
  for (const bench of job.benches) {
    await send({ type: 'start', key: bench.key })
    if (job.kind === 'plain') await (sides[0] ? runPlain(sides[0], bench) : Promise.resolve())
    else for (const message of await runAbBench(sides, bench)) await send(message)
  }
  for (const side of sides) {
    for (const problem of await side.hooks.tearDown()) await send({ type: 'warning', message: problem })
  }
}

// Without its runner (Ctrl-C, a crash) a worker has no one to report to: it must not linger.
process.on('disconnect', () => process.exit(1))

const job = JSON.parse(process.env[JOB_ENV] ?? 'null') as WorkerJob | null
if (!job) {
  process.stderr.write('perfgate bench worker: started without a job; it is run by `perfgate bench`.\n')
  process.exit(2)
}
run(job)
  .then(() => send({ type: 'done' }))
  .then(
    // Exit even when the benchmarks left timers or sockets open.
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${describeError(error)}\n`)
      process.exit(1)
    },
  )
