import type { JobResult } from '../execute.js'
import { executeJob } from '../execute.js'
import type { PlannedFile } from '../plan.js'
import type { SideFile, SideName } from '../protocol.js'
import type { RunContext } from '../run-context.js'
import { benchOf, execContext, liveKeys, recordProblems } from '../run-context.js'
import { baseFirst, shuffled } from '../schedule.js'
import { benchJob } from '../settings.js'
import { separateLogRatio } from './log-ratio.js'

/** Benchmark runs an A/B run takes (a `separate` file runs each benchmark in two processes). */
export const abUnits = (files: readonly PlannedFile[], rounds: number) =>
  rounds * files.reduce((sum, f) => sum + f.benches.length * (f.ab === 'separate' ? 2 : 1), 0)

function sideFiles(file: PlannedFile, first: boolean): SideFile[] {
  const order: SideName[] = first ? ['base', 'head'] : ['head', 'base']
  return order.flatMap((side) => (file.paths[side] ? [{ side, path: file.paths[side]! }] : []))
}

function store(ctx: RunContext, file: PlannedFile, result: JobResult) {
  recordProblems(ctx, file, result)
  for (const [key, message] of result.results) {
    const record = ctx.records.record(file.file, benchOf(file, key))
    const resources = message.resources ? { resources: message.resources } : {}
    // The process's cost goes with the head side, or with the base side of a base-only process.
    if (message.base) record.base.push(message.head ? message.base : { ...message.base, ...resources })
    if (message.head) record.head.push({ ...message.head, ...resources })
  }
}

const jobFor = (file: PlannedFile, files: SideFile[], keys: readonly string[]) => ({
  kind: 'ab' as const,
  files,
  benches: keys.map((key) => benchJob(key, file.settings.get(key)!)),
})

/** Both versions in one process, samples alternated; the worker returns ln(head/base) per benchmark. */
async function sameProcess(ctx: RunContext, file: PlannedFile, index: number, keys: string[]) {
  const first = baseFirst(index)
  const result = await executeJob(jobFor(file, sideFiles(file, first), keys), execContext(ctx, file))
  store(ctx, file, result)
  for (const [key, message] of result.results) {
    if (message.logRatio === undefined) continue
    ctx.records
      .record(file.file, benchOf(file, key))
      .runs.push({ baseFirst: first, logRatio: message.logRatio })
  }
}

/** Each version in its own process, one after the other; a pair gives one ln(head/base). */
async function separateProcesses(ctx: RunContext, file: PlannedFile, index: number, keys: string[]) {
  const first = baseFirst(index)
  const results: Partial<Record<SideName, JobResult>> = {}
  for (const side of sideFiles(file, first)) {
    const own = keys.filter((key) => file.sides.get(key)?.has(side.side))
    if (own.length === 0) continue
    const cwd = side.side === 'base' ? (ctx.baseRoot ?? ctx.cwd) : ctx.cwd
    results[side.side] = await executeJob(jobFor(file, [side], own), { ...execContext(ctx, file), cwd })
    store(ctx, file, results[side.side]!)
  }
  for (const key of keys) {
    const base = results.base?.results.get(key)?.base
    const head = results.head?.results.get(key)?.head
    if (!base || !head) continue
    const logRatio = separateLogRatio(base.samples, head.samples)
    ctx.records.record(file.file, benchOf(file, key)).runs.push({ baseFirst: first, logRatio })
  }
}

/**
 * An A/B run as a crossover design: `rounds` times over the files (in a new random order each
 * time), each file runs in a fresh process, or pair of processes for `separate` files, half the
 * times base first and half head first.
 */
export async function runCrossover(
  ctx: RunContext,
  files: readonly PlannedFile[],
  rounds: number,
): Promise<void> {
  ctx.progress.plan(abUnits(files, rounds))
  const units = (f: PlannedFile) => liveKeys(ctx, f).length * (f.ab === 'separate' ? 2 : 1)
  const live = (list: readonly PlannedFile[]) => list.reduce((sum, f) => sum + units(f), 0)
  for (let index = 0; index < rounds; index++) {
    const order = shuffled(files, ctx.rng)
    for (const [i, file] of order.entries()) {
      const keys = shuffled(liveKeys(ctx, file), ctx.rng)
      if (keys.length > 0) {
        const label = `A/B ${index + 1}/${rounds} (${baseFirst(index) ? 'base' : 'head'} first) · ${file.file}`
        ctx.progress.process(label, keys.length)
        if (file.ab === 'separate') await separateProcesses(ctx, file, index, keys)
        else await sameProcess(ctx, file, index, keys)
      }
      ctx.progress.remaining(live(order.slice(i + 1)) + (rounds - index - 1) * live(files))
    }
  }
}
