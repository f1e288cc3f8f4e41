import { executeJob } from './execute.js'
import type { PlannedFile } from './plan.js'
import type { RunContext } from './run-context.js'
import { benchOf, execContext, liveKeys, recordProblems } from './run-context.js'
import { shuffled } from './schedule.js'
import { benchJob } from './settings.js'

/** Benchmark runs (one benchmark in one process) a plain run of `files` takes. */
export const plainUnits = (files: readonly PlannedFile[], rounds: number) =>
  rounds * files.reduce((sum, f) => sum + f.benches.length, 0)

async function runFile(ctx: RunContext, file: PlannedFile, label: string): Promise<void> {
  const keys = shuffled(liveKeys(ctx, file), ctx.rng)
  if (keys.length === 0) return
  ctx.progress.process(label, keys.length)
  const job = {
    kind: 'plain' as const,
    file: { side: 'head' as const, path: file.paths.head! },
    benches: keys.map((key) => benchJob(key, file.settings.get(key)!)),
  }
  const result = await executeJob(job, execContext(ctx, file))
  recordProblems(ctx, file, result)
  for (const [key, message] of result.results) {
    const record = ctx.records.record(file.file, benchOf(file, key))
    record.sides.add('head')
    if (message.head)
      record.head.push({ ...message.head, ...(message.resources ? { resources: message.resources } : {}) })
  }
}

/**
 * A plain run: `rounds` rounds; in each, every file runs in a fresh process, the files and the
 * benchmarks within each file in a new random order. Each process gives one median per
 * benchmark, so the spread between processes is measured, not assumed.
 */
export async function runPlain(
  ctx: RunContext,
  files: readonly PlannedFile[],
  rounds: number,
): Promise<void> {
  ctx.progress.plan(plainUnits(files, rounds))
  const live = (list: readonly PlannedFile[]) => list.reduce((sum, f) => sum + liveKeys(ctx, f).length, 0)
  for (let round = 1; round <= rounds; round++) {
    const order = shuffled(files, ctx.rng)
    for (const [i, file] of order.entries()) {
      await runFile(ctx, file, `round ${round}/${rounds} · ${file.file}`)
      // Failed benchmarks are not run again: what is left shrinks with them.
      ctx.progress.remaining(live(order.slice(i + 1)) + (rounds - round) * live(files))
    }
  }
}
