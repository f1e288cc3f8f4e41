import type { BaseCheckout } from '../../bench/ab/against.js'
import { checkOutBase } from '../../bench/ab/against.js'
import { Interrupted } from '../../bench/execute.js'
import type { Interruption } from '../../bench/interrupt.js'
import { INTERRUPTED_EXIT_CODE, watchInterrupts } from '../../bench/interrupt.js'
import { jsonOutput, stringifyJson } from '../../bench/output/json.js'
import { renderFooter, renderResults } from '../../bench/output/table.js'
import { Progress } from '../../bench/progress.js'
import type { BenchOutcome } from '../../bench/run.js'
import { runBenchmarks } from '../../bench/run.js'
import type { ComparePolicy } from '../../compare/types.js'
import { DEFAULT_COMPARE_POLICY } from '../../compare/types.js'
import type { PerfgateUserOptions } from '../../config/index.js'
import { resolveConfig } from '../../config/index.js'
import { isPerfgateError } from '../../errors.js'
import { finishRun } from '../../run/finish.js'
import { createRng } from '../../stats/index.js'
import { colorsFor } from '../../terminal/colors.js'
import type { CliContext, Command } from '../context.js'
import type { BenchArgs } from './bench-options.js'
import { BENCH_HELP, parseBenchArgs } from './bench-options.js'
import { isUsageError } from './comment.js'

/** How long a worker may take to import its files and run `beforeAll` hooks (ms). */
const LOAD_TIMEOUT_MS = 60_000

/** Options from the command line that are perfgate settings (over the config file). */
function userOptions(args: BenchArgs): PerfgateUserOptions {
  return {
    ...(args.report === undefined ? {} : { report: args.report }),
    ...(args.threshold === undefined ? {} : { threshold: args.threshold }),
  }
}

/** The gate's rules for an A/B run's paired comparisons, from the project's configuration. */
async function comparePolicy(ctx: CliContext, args: BenchArgs): Promise<ComparePolicy> {
  const { config } = await resolveConfig({
    root: ctx.cwd,
    env: ctx.env,
    pluginOptions: userOptions(args),
    pluginSource: 'command line',
  })
  return {
    ...DEFAULT_COMPARE_POLICY,
    alpha: config.alpha,
    threshold: config.threshold,
    correction: config.correction,
  }
}

async function run(
  ctx: CliContext,
  args: BenchArgs,
  interruption: Interruption,
  checkout: BaseCheckout | undefined,
) {
  return runBenchmarks({
    root: ctx.cwd,
    ...(checkout ? { baseRoot: checkout.worktree.root } : {}),
    env: ctx.env,
    signal: interruption.signal,
    progress: new Progress(ctx.stderr),
    rng: createRng(args.seed ?? Math.floor(Math.random() * 2 ** 31)),
    discover: { include: args.include, exclude: args.exclude },
    filter: args.filter,
    rounds: args.rounds,
    cli: {
      ...(args.time === undefined ? {} : { time: args.time }),
      ...(args.warmupTime === undefined ? {} : { warmupTime: args.warmupTime }),
      ...(args.timeout === undefined ? {} : { timeout: args.timeout }),
    },
    loadTimeout: Math.max(LOAD_TIMEOUT_MS, args.timeout ?? 0),
    policy: await comparePolicy(ctx, args),
  })
}

/** Per bench file: every declared benchmark's name, and whether it ran (else `--filter` left it out). */
function testsOf(outcome: BenchOutcome): Map<string, Map<string, boolean>> {
  const tests = new Map<string, Map<string, boolean>>()
  for (const [file, names] of outcome.declared) {
    const ran = new Set(outcome.measurements.filter((m) => m.file === file).map((m) => m.name))
    tests.set(file, new Map([...names].map((name) => [name, ran.has(name)])))
  }
  return tests
}

function problems(outcome: BenchOutcome): string | undefined {
  const failed = outcome.records.all().filter((r) => r.error).length
  const files = outcome.records.fileErrors.filter((e) => e.side === 'head').length
  if (failed === 0 && files === 0) return undefined
  const parts = [
    ...(files > 0 ? [`${files} bench file${files === 1 ? '' : 's'} could not be imported`] : []),
    ...(failed > 0 ? [`${failed} benchmark${failed === 1 ? '' : 's'} failed`] : []),
  ]
  return `perfgate bench: ${parts.join(' and ')} (see above); the others ran.`
}

async function report(
  ctx: CliContext,
  args: BenchArgs,
  outcome: BenchOutcome,
  checkout: BaseCheckout | undefined,
) {
  const colors = colorsFor(ctx.stdout, ctx.env)
  if (!args.json) {
    const against = checkout
      ? `A/B against ${checkout.ref} (${checkout.commit.slice(0, 12)}); head is the working tree.\n`
      : ''
    ctx.stdout.write(`\n${renderResults(outcome, colors)}\n\n${against}${renderFooter(outcome)}\n`)
  }
  const finished = await finishRun({
    measurements: outcome.measurements,
    root: ctx.cwd,
    env: ctx.env,
    stdout: args.json ? ctx.stderr : ctx.stdout,
    update: args.update,
    tests: testsOf(outcome),
    options: userOptions(args),
    ...(outcome.baseline ? { baseline: outcome.baseline } : {}),
    ...(outcome.comparisons ? { comparisons: outcome.comparisons } : {}),
  })
  const failed = finished.failed
  const problem = problems(outcome)
  if (args.json) {
    const against = checkout ? { against: { ref: checkout.ref, commit: checkout.commit } } : {}
    ctx.stdout.write(
      stringifyJson(jsonOutput(outcome, { ...against, failed: failed || problem !== undefined })),
    )
  }
  if (problem) ctx.stderr.write(`${problem}\n`)
  return failed || problem ? 1 : 0
}

async function execute(ctx: CliContext, args: BenchArgs): Promise<number> {
  const interruption = watchInterrupts()
  let checkout: BaseCheckout | undefined
  try {
    if (args.against !== undefined) {
      checkout = await checkOutBase(ctx.cwd, { ref: args.against, allowDirty: args.allowDirty, env: ctx.env })
      const worktree = checkout.worktree
      interruption.onForcedExit(() => worktree.removeSync())
    }
    const outcome = await run(ctx, args, interruption, checkout)
    return await report(ctx, args, outcome, checkout)
  } catch (error) {
    if (error instanceof Interrupted || interruption.signal.aborted) {
      ctx.stderr.write('\nperfgate bench: interrupted; benchmark processes stopped, nothing written.\n')
      return INTERRUPTED_EXIT_CODE
    }
    throw error
  } finally {
    await checkout?.worktree.remove()
    interruption.dispose()
  }
}

/** `perfgate bench [globs…]`: runs benchmark files, plain or A/B against a git ref. */
export const bench: Command = async (ctx) => {
  try {
    const args = parseBenchArgs(ctx.argv)
    if (args.help) {
      ctx.stdout.write(BENCH_HELP)
      return 0
    }
    return await execute(ctx, args)
  } catch (error) {
    if (!isPerfgateError(error) && !isUsageError(error)) throw error
    ctx.stderr.write(`perfgate bench: ${error.message}\n`)
    return 2
  }
}
