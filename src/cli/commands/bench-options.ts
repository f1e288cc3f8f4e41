import { parseArgs } from 'node:util'
import { AUTO_REF } from '../../bench/ab/against.js'
import { PerfgateError } from '../../errors.js'

export const BENCH_HELP = `Usage: perfgate bench [globs or paths…] [options]

Runs benchmark files (default **/*.perf.{ts,mts,cts,js,mjs,cjs}; node_modules, dist and .git are
never searched) that declare bench(name, fn) from 'perfgate'. Each file runs in fresh processes,
several rounds in shuffled order, with tinybench; TypeScript runs without a build step (tsx).
Results are compared with the stored baselines, or, with --against, with another git commit
measured in the same run.

Options:
  -t, --filter <regex>    run only benchmarks whose full name ("describe > name") matches
      --exclude <glob>    skip matching files (repeatable)
      --rounds <n>        processes per file (default 5; A/B: 8, half of them base first)
      --time <ms>         measuring time per benchmark and process (default 200; A/B: 100 per side)
      --warmup <ms>       warm-up per benchmark and process (default 50; A/B: 30)
      --timeout <ms>      a benchmark still running after this long in one process fails (default 30000)
      --against [ref]     A/B: check <ref> out into a temporary git worktree and measure both versions
                          alternately; without a ref, the merge base with the pull request's target
                          branch (GITHUB_BASE_REF)
      --allow-dirty       A/B: measure uncommitted changes as the head version
      --threshold <x>     practical threshold, relative (default 0.10: more than 10% slower)
  -u, --update            write the results as the baselines
      --report <path>     write the JSON run report to <path>
      --json              print machine-readable results on stdout (progress stays on stderr)
      --seed <n>          seed of the shuffled order (default: random)
  -h, --help              show this help

Exit code: 0 passed, 1 a benchmark failed or the gate found a regression, 2 bad usage or input
(no bench files, unknown ref, not a git repository, uncommitted changes), 130 interrupted.
`

/** The parsed command line of `perfgate bench`. */
export interface BenchArgs {
  help: boolean
  include: string[]
  exclude: string[]
  filter: RegExp | undefined
  rounds: number | undefined
  time: number | undefined
  warmupTime: number | undefined
  timeout: number | undefined
  against: string | undefined
  allowDirty: boolean
  threshold: number | undefined
  update: boolean
  report: string | undefined
  json: boolean
  seed: number | undefined
}

// `--against` may come without a ref: then it means the merge base (`auto`).
function withAgainstValue(argv: readonly string[]): string[] {
  return argv.flatMap((arg, i) => {
    const next = argv[i + 1]
    return arg === '--against' && (next === undefined || next.startsWith('-')) ? [arg, AUTO_REF] : [arg]
  })
}

function number(name: string, value: string | undefined, check: (n: number) => boolean, expected: string) {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !check(n))
    throw new PerfgateError('BAD_ARGUMENT', `--${name} must be ${expected}; got "${value}".`)
  return n
}

function regex(value: string | undefined): RegExp | undefined {
  if (value === undefined) return undefined
  try {
    return new RegExp(value)
  } catch (error) {
    throw new PerfgateError(
      'BAD_ARGUMENT',
      `--filter is not a valid regular expression: ${(error as Error).message}`,
    )
  }
}

/** Parses `perfgate bench` arguments; throws a `PerfgateError` or a node:util usage error. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values, positionals } = parseArgs({
    args: withAgainstValue(argv),
    allowPositionals: true,
    options: {
      filter: { type: 'string', short: 't' },
      exclude: { type: 'string', multiple: true },
      rounds: { type: 'string' },
      time: { type: 'string' },
      warmup: { type: 'string' },
      timeout: { type: 'string' },
      against: { type: 'string' },
      'allow-dirty': { type: 'boolean' },
      threshold: { type: 'string' },
      update: { type: 'boolean', short: 'u' },
      report: { type: 'string' },
      json: { type: 'boolean' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const positive = (n: number) => Number.isFinite(n) && n > 0
  const args: BenchArgs = {
    help: values.help === true,
    include: positionals,
    exclude: values.exclude ?? [],
    filter: regex(values.filter),
    rounds: number('rounds', values.rounds, (n) => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1'),
    time: number('time', values.time, positive, 'a number of milliseconds > 0'),
    warmupTime: number(
      'warmup',
      values.warmup,
      (n) => Number.isFinite(n) && n >= 0,
      'a number of milliseconds ≥ 0',
    ),
    timeout: number('timeout', values.timeout, positive, 'a number of milliseconds > 0'),
    against: values.against,
    allowDirty: values['allow-dirty'] === true,
    threshold: number(
      'threshold',
      values.threshold,
      (n) => Number.isFinite(n) && n >= 0,
      'a relative change ≥ 0, e.g. 0.1',
    ),
    update: values.update === true,
    report: values.report,
    json: values.json === true,
    seed: number('seed', values.seed, Number.isInteger, 'a whole number'),
  }
  if (args.update && args.against !== undefined)
    throw new PerfgateError(
      'BAD_ARGUMENT',
      '--update writes baselines from a plain run; drop --against to update them.',
    )
  return args
}
