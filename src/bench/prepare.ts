import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import type { Collected } from './collect.js'
import { collectedKey, collectFiles } from './collect.js'
import type { DiscoverOptions } from './discover.js'
import { discoverBenchFiles } from './discover.js'
import type { PlannedFile } from './plan.js'
import { planFile } from './plan.js'
import type { CollectedFile, SideName } from './protocol.js'
import type { RunContext } from './run-context.js'
import { execContext } from './run-context.js'
import type { CliSettings, ResolvedSettings } from './settings.js'

/** What to find and how to plan it. */
export interface PrepareOptions {
  /** Project roots per side: `head` is the working tree; `base` the A/B worktree, if any. */
  roots: Partial<Record<SideName, string>>
  discover: DiscoverOptions
  filter: RegExp | undefined
  cli: CliSettings
  defaults: ResolvedSettings
}

/** Bench files per side, and the union of their project-relative names. */
async function discoverSides(options: PrepareOptions) {
  const found: Partial<Record<SideName, string[]>> = {}
  for (const side of ['base', 'head'] as const) {
    const root = options.roots[side]
    if (root) found[side] = await discoverBenchFiles(root, options.discover)
  }
  const names = [...new Set([...(found.base ?? []), ...(found.head ?? [])])].sort()
  return { found, names }
}

function declaredSides(
  ctx: RunContext,
  file: string,
  found: Partial<Record<SideName, string[]>>,
  options: PrepareOptions,
  collected: Map<string, Collected>,
) {
  const declared: Partial<Record<SideName, { path: string; collected: CollectedFile }>> = {}
  for (const side of ['base', 'head'] as const) {
    if (!found[side]?.includes(file)) continue
    const result = collected.get(collectedKey(side, file))!
    if (result.ok) declared[side] = { path: join(options.roots[side]!, file), collected: result.file }
    else {
      ctx.records.fileError(file, side, result.message)
      const what = side === 'base' ? 'the base version of ' : ''
      ctx.progress.log(
        `perfgate bench: ${what}${file} failed to import:\n  ${result.message.split('\n').join('\n  ')}`,
      )
    }
  }
  return declared
}

/**
 * Finds the bench files, imports each (each side's copy in A/B mode) in a throw-away process to
 * learn its benchmarks, and plans them. Returns the files with something to run, and how many
 * were found at all (0 means the globs matched nothing).
 */
export async function prepareFiles(
  ctx: RunContext,
  options: PrepareOptions,
): Promise<{ planned: PlannedFile[]; found: number; declared: Map<string, Set<string>> }> {
  const { found, names } = await discoverSides(options)
  const targets = (['base', 'head'] as const).flatMap((side) =>
    (found[side] ?? []).map((file) => ({
      file,
      side,
      path: join(options.roots[side]!, file),
      cwd: options.roots[side]!,
    })),
  )
  const exec = execContext(ctx, {
    file: '',
    paths: {},
    benches: [],
    settings: new Map(),
    sides: new Map(),
    ab: 'same-process',
  })
  const collectCtx = {
    ...exec,
    onProcess: ({ wallMs }: { wallMs: number }) => {
      ctx.records.overhead.collectProcesses++
      ctx.records.overhead.collectWallMs += wallMs
    },
  }
  const collected = await collectFiles(targets, collectCtx, availableParallelism())
  const planned = names
    .map((file) => planFile(file, declaredSides(ctx, file, found, options, collected), options))
    // A head file that cannot be imported is an error already reported, not a `missing` file.
    .filter(
      (file) =>
        file.benches.length > 0 &&
        !ctx.records.fileErrors.some((e) => e.file === file.file && e.side === 'head'),
    )
  return { planned, found: names.length, declared: declaredKeys(found.head ?? [], collected) }
}

/** The full name of every benchmark the head side declares, filtered or not, by file. */
function declaredKeys(files: readonly string[], collected: Map<string, Collected>): Map<string, Set<string>> {
  const declared = new Map<string, Set<string>>()
  for (const file of files) {
    const result = collected.get(collectedKey('head', file))
    if (result?.ok) declared.set(file, new Set(result.file.benches.map((b) => b.name)))
  }
  return declared
}
