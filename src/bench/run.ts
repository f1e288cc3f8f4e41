import { performance } from 'node:perf_hooks'
import { comparePaired } from '../compare/paired.js'
import type { ComparePolicy } from '../compare/types.js'
import { PerfgateError } from '../errors.js'
import type { Rng } from '../stats/index.js'
import type { Comparison, Measurement } from '../types.js'
import { runCrossover } from './ab/crossover-run.js'
import type { DiscoverOptions } from './discover.js'
import { DEFAULT_INCLUDE } from './discover.js'
import type { PlannedFile } from './plan.js'
import { prepareFiles } from './prepare.js'
import type { Progress } from './progress.js'
import { RunRecords } from './records.js'
import { releaseResourceSampling } from './resources.js'
import { pairedItem, sideMeasurement } from './results.js'
import type { RunContext } from './run-context.js'
import { runPlain } from './run-plain.js'
import type { CliSettings } from './settings.js'
import { AB_DEFAULTS, AB_ROUNDS, PLAIN_DEFAULTS, PLAIN_ROUNDS } from './settings.js'

/** How a bench run is set up. */
export interface BenchRunOptions {
  root: string
  /** A/B: the base version's project root (a worktree). */
  baseRoot?: string
  env: Record<string, string | undefined>
  signal: AbortSignal
  progress: Progress
  rng: Rng
  discover: DiscoverOptions
  filter: RegExp | undefined
  rounds: number | undefined
  cli: CliSettings
  loadTimeout: number
  /** A/B: the gate policy for the paired comparisons. */
  policy: ComparePolicy
}

/** What a bench run produced. */
export interface BenchOutcome {
  mode: 'plain' | 'ab'
  records: RunRecords
  files: PlannedFile[]
  rounds: number
  /** The current (head) side's measurements. */
  measurements: Measurement[]
  /** A/B: the base side's measurements and the paired comparisons. */
  baseline?: Measurement[]
  comparisons?: Comparison[]
  /** The full name of every benchmark the bench files declare (filtered out or not), by file. */
  declared: Map<string, Set<string>>
  wallMs: number
}

function noFiles(options: BenchRunOptions): PerfgateError {
  const globs = options.discover.include?.length ? options.discover.include : DEFAULT_INCLUDE
  return new PerfgateError(
    'NOT_FOUND',
    `no bench files match ${globs.map((g) => `"${g}"`).join(', ')} under ${options.root} ` +
      '(node_modules, dist and .git are never searched).',
  )
}

// A benchmark that failed in any process has no result: a partial one could become a baseline.
function measurementsOf(records: RunRecords, side: 'base' | 'head'): Measurement[] {
  return records.all().flatMap((r) => {
    if (r.error) return []
    const m = sideMeasurement(r, side)
    return m ? [m] : []
  })
}

/**
 * Finds, collects and runs the benchmarks: plain rounds, or an A/B crossover when a base root is
 * given. Throws `NOT_FOUND` when nothing matches; benchmark failures are in the records.
 */
export async function runBenchmarks(options: BenchRunOptions): Promise<BenchOutcome> {
  const began = performance.now()
  const ab = options.baseRoot !== undefined
  const records = new RunRecords()
  const ctx: RunContext = { ...options, cwd: options.root, records }
  const roots = ab ? { base: options.baseRoot!, head: options.root } : { head: options.root }
  const defaults = ab ? AB_DEFAULTS : PLAIN_DEFAULTS
  try {
    const { planned, found, declared } = await prepareFiles(ctx, { ...options, roots, defaults })
    if (found === 0) throw noFiles(options)
    const rounds = options.rounds ?? (ab ? AB_ROUNDS : PLAIN_ROUNDS)
    if (ab) await runCrossover(ctx, planned, rounds)
    else await runPlain(ctx, planned, rounds)
    options.progress.clear()
    const measurements = measurementsOf(records, 'head')
    const outcome: BenchOutcome = {
      mode: ab ? 'ab' : 'plain',
      records,
      files: planned,
      rounds,
      measurements,
      declared,
      wallMs: 0,
    }
    if (ab) {
      outcome.baseline = measurementsOf(records, 'base')
      outcome.comparisons = comparePaired(
        records
          .all()
          .filter((r) => !r.error)
          .map(pairedItem),
        options.policy,
      )
    }
    outcome.wallMs = performance.now() - began
    return outcome
  } finally {
    options.progress.clear()
    releaseResourceSampling()
  }
}
