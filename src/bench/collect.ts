import type { ExecContext } from './execute.js'
import { Interrupted } from './execute.js'
import type { CollectedFile, SideName } from './protocol.js'
import { runWorker } from './spawn.js'

/** A bench file to collect: project-relative name, side, absolute path. */
export interface CollectTarget {
  file: string
  side: SideName
  path: string
  /** Project root of the file's version: the worker's working directory. */
  cwd: string
}

export type Collected = { ok: true; file: CollectedFile } | { ok: false; message: string }

/** Key of a collected file in the map {@link collectFiles} returns. */
export const collectedKey = (side: SideName, file: string) => `${side}:${file}`

async function collectOne(target: CollectTarget, ctx: ExecContext): Promise<Collected> {
  const job = { kind: 'collect' as const, file: { side: target.side, path: target.path } }
  const outcome = await runWorker({ ...ctx, cwd: target.cwd, job })
  if (ctx.signal.aborted) throw new Interrupted('interrupted')
  ctx.onProcess?.({ startupMs: outcome.wallMs, wallMs: outcome.wallMs })
  for (const message of outcome.messages) {
    if (message.type === 'collected') return { ok: true, file: message.file }
    if (message.type === 'file-error') return { ok: false, message: message.message }
  }
  return {
    ok: false,
    message: outcome.failure?.message ?? 'the worker ended without reporting its benchmarks',
  }
}

/**
 * Imports every bench file once, each in its own process, to learn what it declares before
 * anything is measured: the totals for the progress line, `--filter`, and import errors early.
 * Nothing is timed here, so files are collected in parallel.
 */
export async function collectFiles(
  targets: readonly CollectTarget[],
  ctx: ExecContext,
  concurrency: number,
): Promise<Map<string, Collected>> {
  const collected = new Map<string, Collected>()
  let next = 0
  const lane = async () => {
    while (next < targets.length) {
      const target = targets[next++]!
      collected.set(collectedKey(target.side, target.file), await collectOne(target, ctx))
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, targets.length)) }, lane))
  return collected
}
