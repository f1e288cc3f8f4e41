import type { CollectedBench, CollectedFile, SideName } from './protocol.js'
import type { AbMode } from './registry.js'
import type { CliSettings, ResolvedSettings } from './settings.js'
import { resolveSettings } from './settings.js'

/** A bench file to measure: where each side's copy is, what runs and how. */
export interface PlannedFile {
  /** Project-relative path with `/`. */
  file: string
  /** Absolute paths of the file's versions; a plain run has only `head`. */
  paths: Partial<Record<SideName, string>>
  benches: CollectedBench[]
  settings: Map<string, ResolvedSettings>
  /** Which sides declare each benchmark. */
  sides: Map<string, Set<SideName>>
  ab: AbMode
}

/** Keeps the benchmarks whose full name matches `filter` (a regular expression, as Vitest's `-t`). */
export function matchesFilter(name: string, filter: RegExp | undefined): boolean {
  return filter === undefined || filter.test(name)
}

/**
 * Plans a file from what its sides declare: the union of their benchmarks (the head's options
 * win), filtered, each with its settings resolved; `separate` when either side asks for it.
 */
export function planFile(
  file: string,
  declared: Partial<Record<SideName, { path: string; collected: CollectedFile }>>,
  options: { filter: RegExp | undefined; cli: CliSettings; defaults: ResolvedSettings },
): PlannedFile {
  const benches = new Map<string, CollectedBench>()
  const sides = new Map<string, Set<SideName>>()
  const settings = new Map<string, ResolvedSettings>()
  const paths: Partial<Record<SideName, string>> = {}
  for (const side of ['base', 'head'] as const) {
    const entry = declared[side]
    if (!entry) continue
    paths[side] = entry.path
    for (const bench of entry.collected.benches) {
      if (!matchesFilter(bench.name, options.filter)) continue
      if (side === 'head' || !benches.has(bench.key)) {
        benches.set(bench.key, bench)
        settings.set(bench.key, resolveSettings(bench, entry.collected, options.cli, options.defaults))
      }
      sides.set(bench.key, (sides.get(bench.key) ?? new Set()).add(side))
    }
  }
  const separate = declared.base?.collected.ab === 'separate' || declared.head?.collected.ab === 'separate'
  return {
    file,
    paths,
    benches: [...benches.values()],
    settings,
    sides,
    ab: separate ? 'separate' : 'same-process',
  }
}
