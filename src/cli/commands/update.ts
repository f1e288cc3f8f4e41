import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { updateBaselines } from '../../baseline/store.js'
import { resolveConfig } from '../../config/index.js'
import { currentEnvironment } from '../../env/environment.js'
import { isPerfgateError, PerfgateError } from '../../errors.js'
import type { RoundFile } from '../../run/rounds.js'
import { combineRounds, readRoundFile, roundSpeedSpread, UNSTEADY_ROUNDS_SPREAD } from '../../run/rounds.js'
import type { TestRunner } from '../../run/suite-command.js'
import { detectRunner, runInherited, suiteCommand } from '../../run/suite-command.js'
import { updateLine } from '../../terminal/run-output.js'
import type { CliContext, Command } from '../context.js'
import { isUsageError } from './comment.js'

/** Rounds by default: enough for the comparator to estimate between-process noise (docs/statistics.md). */
export const DEFAULT_ROUNDS = 10

const HELP = `Usage: perfgate update [--rounds N] [--pause DURATION] [--runner vitest|jest] [-- <test runner arguments>]

Runs the test suite and rewrites the baselines of every measurement it takes. With --rounds N
(default ${DEFAULT_ROUNDS}) the suite runs N times, each in fresh processes, and each baseline keeps the
statistic of every round: how much a measurement moves between processes is what the
comparator needs to tell a regression from noise. Entries of tests that no longer exist are
pruned. When the rounds ran at different speeds (the machine changed speed while recording),
it says so: record again when the machine is quiet. With --pause, the rounds are spread over
time, so they see more of the speeds the machine runs at than rounds taken back to back (for a
nightly job on a shared runner; docs/baselines.md). \`vitest run -u\`, \`jest -u\` and
PERFGATE_UPDATE=1 record a single round.

Options:
  --rounds <n>        runs of the suite to record (1–50, default ${DEFAULT_ROUNDS})
  --pause <duration>  wait between rounds: seconds, or 30s, 2m, 1h (default 0, at most 1h)
  --runner <name>     vitest or jest (default: detected from the project)
  -h, --help          show this help
`

function parseRounds(text: string | undefined): number {
  if (text === undefined) return DEFAULT_ROUNDS
  const rounds = Number(text)
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 50) {
    throw new PerfgateError('BAD_OPTION', `--rounds must be a whole number from 1 to 50; got "${text}".`)
  }
  return rounds
}

/** Longest wait between rounds: an hour (ten rounds then span a working day's night). */
const MAX_PAUSE_SECONDS = 3600

/** `--pause`: seconds, or a number with s, m or h; returned in milliseconds. */
export function parsePause(text: string | undefined): number {
  if (text === undefined) return 0
  const match = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text.trim())
  const seconds = match ? Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] ?? 's']! : Number.NaN
  if (!(seconds >= 0 && seconds <= MAX_PAUSE_SECONDS)) {
    throw new PerfgateError(
      'BAD_OPTION',
      `--pause must be a duration from 0 to 1h, in seconds or with s, m or h (e.g. 90, 30s, 2m); got "${text}".`,
    )
  }
  return seconds * 1000
}

function parseRunner(text: string | undefined, root: string): TestRunner {
  if (text === undefined) return detectRunner(root)
  if (text !== 'vitest' && text !== 'jest') {
    throw new PerfgateError('BAD_OPTION', `--runner must be vitest or jest; got "${text}".`)
  }
  return text
}

async function runRounds(
  ctx: CliContext,
  command: string[],
  rounds: number,
  pauseMs: number,
): Promise<RoundFile[]> {
  const dir = await mkdtemp(join(tmpdir(), 'perfgate-rounds-'))
  try {
    const results: RoundFile[] = []
    for (let round = 1; round <= rounds; round++) {
      if (round > 1 && pauseMs > 0) {
        ctx.stderr.write(
          `perfgate update: waiting ${pauseMs / 1000} s before round ${round} of ${rounds} (--pause)\n`,
        )
        await delay(pauseMs)
      }
      ctx.stderr.write(`perfgate update: round ${round} of ${rounds}\n`)
      const file = join(dir, `round-${round}.json`)
      const code = await runInherited(command, {
        cwd: ctx.cwd,
        env: { ...ctx.env, PERFGATE_UPDATE: undefined, PERFGATE_ROUND_FILE: file },
      })
      if (code === 130) throw new PerfgateError('BAD_ARGUMENT', 'interrupted; no baseline was changed.')
      if (code !== 0) {
        ctx.stderr.write(
          `perfgate update: round ${round} exited with code ${code} (failing tests); its measurements still count.\n`,
        )
      }
      results.push(await readRoundFile(file))
    }
    return results
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function testsOf(rounds: readonly RoundFile[]): Map<string, Set<string>> {
  const tests = new Map<string, Set<string>>()
  for (const round of rounds) {
    for (const [file, names] of round.tests ?? []) {
      const set = tests.get(file) ?? new Set<string>()
      for (const [name] of names) set.add(name)
      tests.set(file, set)
    }
    for (const m of round.measurements) tests.set(m.file, (tests.get(m.file) ?? new Set()).add(m.name))
  }
  return tests
}

// Baselines recorded across a change of the machine's speed are valid but wide; say so.
function unsteadyRoundsLine(spread: number): string {
  return (
    `perfgate update: the rounds ran at different speeds (the slowest ${spread.toFixed(2)}× the fastest; ` +
    `a steady machine stays within ${UNSTEADY_ROUNDS_SPREAD}×), so the machine changed speed while recording. ` +
    'Comparisons against these baselines may be wider than they need be; record them again when the machine is quiet.\n'
  )
}

/** `perfgate update`: re-records the baselines, in several rounds by default. */
export const update: Command = async (ctx) => {
  try {
    const { values, positionals } = parseArgs({
      args: ctx.argv,
      allowPositionals: true,
      options: {
        rounds: { type: 'string' },
        pause: { type: 'string' },
        runner: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    if (values.help) {
      ctx.stdout.write(HELP)
      return 0
    }
    const rounds = parseRounds(values.rounds)
    const pauseMs = parsePause(values.pause)
    if (rounds === 1 && values.pause !== undefined) {
      throw new PerfgateError(
        'BAD_OPTION',
        '--pause waits between rounds, and --rounds 1 has none; use --rounds 2 or more.',
      )
    }
    const command = suiteCommand(ctx.cwd, parseRunner(values.runner, ctx.cwd), positionals)
    if (rounds === 1)
      return await runInherited(command, { cwd: ctx.cwd, env: { ...ctx.env, PERFGATE_UPDATE: '1' } })
    const recorded = await runRounds(ctx, command, rounds, pauseMs)
    const { config } = await resolveConfig({ root: ctx.cwd, env: ctx.env })
    const combined = combineRounds(recorded.map((r) => r.measurements))
    const outcome = await updateBaselines({
      root: ctx.cwd,
      baselineDir: config.baselineDir,
      env: currentEnvironment(ctx.env),
      measurements: combined,
      existingTests: testsOf(recorded),
      pruneDeletedFiles: true,
    })
    for (const problem of outcome.problems) ctx.stderr.write(`perfgate: ${problem}\n`)
    ctx.stdout.write(`${updateLine({ baselineDir: config.baselineDir, ...outcome })}\n`)
    const spread = roundSpeedSpread(combined, recorded.length)
    if (spread !== undefined && spread > UNSTEADY_ROUNDS_SPREAD) ctx.stderr.write(unsteadyRoundsLine(spread))
    return 0
  } catch (error) {
    if (!isPerfgateError(error) && !isUsageError(error)) throw error
    ctx.stderr.write(`perfgate update: ${error.message}\n`)
    return 2
  }
}
