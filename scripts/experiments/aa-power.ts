/**
 * Real-process A/A and power experiment of the comparator (docs/statistics.md, "Real processes").
 *
 * A suite of 22 small functions is timed with perfgate's measurement core (`measureTimeOf`,
 * default options, exactly what the matchers call), each suite run in a fresh Node process.
 * A baseline is recorded as `perfgate update` records it (ten processes by default, pooled with
 * `combineRounds`); then each "CI run" is one more process, compared with the baseline by
 * `compareRun(DEFAULT_COMPARE_POLICY)`:
 *
 * - A/A: the unchanged suite, 20 runs: how many runs have any false `slower`?
 * - Power: the same suite with one measurement made slower by 5%, 10%, 20%, 50% and 100%,
 *   20 runs each: how often is it `slower`, and do the others stay `same`?
 *
 * A run is measured again as the reporters do it (`planFreshProcesses`): a run whose speed
 * changed partway through is replaced by a fresh process of the same arm, and `slower` verdicts
 * are confirmed by one more fresh process, and a third when the second disagrees (two of three);
 * an `inconclusive` that leans toward `slower` is decided by one more.
 *
 * The runs are interleaved (each round: one A/A run and one run per slowdown, in a seeded
 * order), so drift of the machine over the experiment touches every arm alike.
 *
 * Usage (not part of CI; about 10 minutes per condition on 2 cores):
 *   npx tsx scripts/experiments/aa-power.ts                 # idle machine
 *   npx tsx scripts/experiments/aa-power.ts --burners 1     # one CPU-burning process alongside
 * Options: --runs N (default 20), --seed S (default 20240917), --json FILE (every process's
 * measurements), --record-rounds N (baseline processes to record, default and at least 10, the
 * baseline the runs are judged against live), --from FILE (judge the processes of such a file
 * again, running none; with --stand-ins, runs recorded without confirmations use the next runs
 * of their arm instead; with --use-rounds K, the baseline is the first K recorded rounds),
 * --baseline-pause S (seconds between baseline processes, as `perfgate update --pause S`),
 * --calibration RULE (beyond-chance, the default, whole or off: ComparePolicy.calibration),
 * --no-leaning (fresh processes for `slower` verdicts only, as before leaning `inconclusive`s
 * were measured again).
 */
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { shuffled } from '../../src/bench/schedule.js'
import { DEFAULT_ROUNDS } from '../../src/cli/commands/update.js'
import {
  type ComparePolicy,
  compareRun,
  DEFAULT_COMPARE_POLICY,
  planFreshProcesses,
  plannedVerdicts,
} from '../../src/compare/index.js'
import { CALIBRATION_RULES } from '../../src/compare/types.js'
import { measureTimeOf } from '../../src/measure/measure.js'
import { compareItems } from '../../src/run/judge.js'
import { combineRounds } from '../../src/run/rounds.js'
import { createRng, median } from '../../src/stats/index.js'
import type { Comparison, Measurement } from '../../src/types.js'
import { cv, option, runChildScript, table, withoutLeaning } from './shared.js'
import { buildSuite, TARGET } from './suite.js'

const SCRIPT = fileURLToPath(import.meta.url)
const FILE = 'scripts/experiments/aa-power.ts'
/** As `perfgate update` records a baseline by default. */
const BASELINE_ROUNDS = DEFAULT_ROUNDS
const FACTORS = [1.05, 1.1, 1.2, 1.5, 2] as const

/**
 * The comparator's policy: the default, or with `--noise-prior mixture` the two-component prior,
 * or with `--calibration whole|off` another rule for the run's spread.
 */
const POLICY: ComparePolicy = { ...DEFAULT_COMPARE_POLICY, ...noisePriorOption(), ...calibrationOption() }

function calibrationOption(): Pick<ComparePolicy, 'calibration'> {
  const value = option('calibration')
  if (value === undefined) return {}
  const rule = CALIBRATION_RULES.find((r) => r === value)
  if (rule) return { calibration: rule }
  throw new Error(`--calibration must be one of ${CALIBRATION_RULES.join(', ')}; got "${value}"`)
}

function noisePriorOption(): Pick<ComparePolicy, 'noisePrior'> {
  const value = option('noise-prior')
  if (value === undefined) return {}
  if (value === 'single' || value === 'mixture') return { noisePrior: value }
  throw new Error(`--noise-prior must be single or mixture; got "${value}"`)
}

// ---------------------------------------------------------------------------------------------
// The child: one run of the suite in this process.

/** Sunk results of the filler work, so the optimiser cannot drop it. */
let fillerSink = 0

/**
 * Deterministic extra work: `iterations` steps of a linear congruential generator, each
 * depending on the last (no vectorising, no skipping), about a nanosecond a step.
 */
function filler(iterations: number): number {
  let x = iterations | 0
  for (let i = 0; i < iterations; i++) x = (Math.imul(x, 1103515245) + 12345) | 0
  return x
}

interface ChildConfig {
  seed: number
  /** Filler iterations added to each call of the target (0: unchanged suite). */
  extra: number
  /** Measure the filler alone instead of the suite (calibration). */
  calibrate?: boolean
}

function childMain(config: ChildConfig): void {
  if (config.calibrate) {
    const iterations = 100_000
    const result = measureTimeOf(() => filler(iterations))
    if (result instanceof Promise) throw new Error('the filler is synchronous')
    process.stdout.write(`${JSON.stringify({ perIteration: result.value / iterations })}\n`)
    return
  }
  const measurements: Measurement[] = []
  for (const { name, fn } of buildSuite(config.seed)) {
    const timed =
      name === TARGET && config.extra > 0
        ? () => {
            const result = fn()
            fillerSink ^= filler(config.extra)
            return result
          }
        : fn
    const result = measureTimeOf(timed)
    if (result instanceof Promise) throw new Error(`${name} is asynchronous`)
    measurements.push({
      key: name,
      file: FILE,
      name,
      metric: 'time',
      unit: 'ms',
      source: 'matcher',
      stat: result.stat,
      summary: result.summary,
      samples: result.samples,
      batch: result.batch,
    })
  }
  process.stdout.write(`${JSON.stringify({ measurements, sink: fillerSink })}\n`)
}

// ---------------------------------------------------------------------------------------------
// The parent: baseline, interleaved runs, verdicts, tables.

/**
 * A CPU burner: spins on one core, and every few hundred million steps checks that the
 * experiment (its parent) is still alive, so even a killed experiment cannot leave it behind.
 */
const BURNER =
  'const parent = Number(process.argv[1]); let i = 0; for (;;) { if (++i % 3e8 === 0) { try { process.kill(parent, 0) } catch { process.exit(0) } } }'

function runChild(config: ChildConfig): Promise<string> {
  return runChildScript(SCRIPT, ['--child', JSON.stringify(config)])
}

/** 1-minute load averages seen before each process, to show how idle "idle" was. */
const loads: number[] = []

function sampleLoad(): void {
  try {
    loads.push(Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]))
  } catch {
    // Not on Linux: no load average to report.
  }
}

async function suiteRun(seed: number, extra: number): Promise<Measurement[]> {
  sampleLoad()
  return (JSON.parse(await runChild({ seed, extra })) as { measurements: Measurement[] }).measurements
}

const micro = (ms: number) => (ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toPrecision(3)} µs`)

type Arm = 'A/A' | `×${number}`
interface RunResult {
  arm: Arm
  round: number
  /** Verdicts after confirmation. */
  comparisons: Comparison[]
  /** The re-measurements a `slower` verdict asked for (fresh processes of the same arm). */
  confirmations?: Measurement[][]
  medians: Record<string, number>
  /** The run's measurements, for the two-process analysis (table C). */
  measurements: Measurement[]
}

async function parentMain(): Promise<void> {
  const runs = Number(option('runs') ?? 20)
  const seed = Number(option('seed') ?? 20240917)
  const burners = Number(option('burners') ?? 0)
  const jsonAt = process.argv.indexOf('--json')
  const recordRounds = Math.max(BASELINE_ROUNDS, Number(option('record-rounds') ?? BASELINE_ROUNDS))
  const baselinePause = Number(option('baseline-pause') ?? 0)
  if (!(baselinePause >= 0))
    throw new Error(`--baseline-pause must be seconds ≥ 0; got ${option('baseline-pause')}`)
  const started = Date.now()
  const burning = Array.from({ length: burners }, () =>
    spawn(process.execPath, ['-e', BURNER, String(process.pid)], { stdio: 'ignore' }),
  )
  // Killed from outside, the experiment must not leave its burners spinning.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      for (const burner of burning) burner.kill()
      process.exit(1)
    })
  }
  try {
    const cpu = cpus()
    console.log(
      `perfgate real-process A/A and power experiment — ${new Date().toISOString().slice(0, 10)}, seed ${seed}, ` +
        `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim()}, ` +
        `${burners === 0 ? 'idle (nothing else started)' : `${burners} CPU-burning process${burners > 1 ? 'es' : ''} alongside`}`,
    )
    console.log(
      `Baseline: ${BASELINE_ROUNDS} processes pooled as \`perfgate update --rounds ${BASELINE_ROUNDS}\` does; ${runs} single-process runs per arm; ` +
        `policy alpha ${POLICY.alpha} (${POLICY.correction}), threshold ${POLICY.threshold}, noise prior ${POLICY.noisePrior ?? 'single'}, calibration ${POLICY.calibration ?? 'beyond-chance'}` +
        `${baselinePause > 0 ? `; ${baselinePause} s between baseline processes (\`--pause ${baselinePause}s\`)` : ''}.`,
    )
    // Rounds beyond BASELINE_ROUNDS are recorded for `--from --use-rounds` only.
    const baselineRounds: Measurement[][] = []
    for (let r = 0; r < recordRounds; r++) {
      if (r > 0 && baselinePause > 0) await delay(baselinePause * 1000)
      baselineRounds.push(await suiteRun(seed, 0))
    }
    const baseline = combineRounds(baselineRounds.slice(0, BASELINE_ROUNDS))
    const target = baseline.find((m) => m.key === TARGET)!
    const targetMs = Math.exp(target.rounds!.reduce((a, x) => a + Math.log(x), 0) / target.rounds!.length)
    const { perIteration } = JSON.parse(await runChild({ seed, extra: 0, calibrate: true })) as {
      perIteration: number
    }
    const extraFor = (factor: number) => Math.round(((factor - 1) * targetMs) / perIteration)
    console.log(
      `Slowdown: after each call of "${TARGET}" (baseline ${micro(targetMs)}), a dependent integer loop of ` +
        `(factor − 1) × ${micro(targetMs)} / ${(perIteration * 1e6).toFixed(3)} ns iterations (calibrated in its own process).`,
    )

    const order = createRng(seed + 1)
    const arms: { arm: Arm; extra: number }[] = [
      { arm: 'A/A', extra: 0 },
      ...FACTORS.map((f) => ({ arm: `×${f}` as Arm, extra: extraFor(f) })),
    ]
    const results: RunResult[] = []
    for (let round = 0; round < runs; round++) {
      for (const { arm, extra } of shuffled(arms, order)) {
        const run = await suiteRun(seed, extra)
        // The fresh processes the reporters would take: one in place of an unsteady run, then
        // confirmations of its `slower` verdicts.
        const judged = [judge(run, baseline)]
        const confirmations: Measurement[][] = []
        while (planFreshProcesses(judged).next) {
          const again = await suiteRun(seed, extra)
          confirmations.push(again)
          judged.push(judge(again, baseline))
        }
        results.push({
          arm,
          round,
          comparisons: plannedVerdicts(judged),
          confirmations,
          medians: Object.fromEntries(run.map((m) => [m.key, m.summary.median])),
          measurements: run,
        })
      }
      process.stderr.write(
        `round ${round + 1}/${runs} done after ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
      )
      // Saved after every round, so an interrupted experiment keeps what it measured.
      if (jsonAt >= 0) {
        const partial: Recorded = { seed, burners, loads, baseline, baselineRounds, results }
        writeFileSync(process.argv[jsonAt + 1]!, `${JSON.stringify(partial)}\n`)
      }
    }
    report(baseline, results, runs)
    reportFirstProcess(baseline, results)
    reportPairs(baseline, results)
    reportMoreRounds(results, 10)
    reportWithoutShift(baseline, results)
    if (jsonAt >= 0) {
      const record: Recorded = { seed, burners, loads, baseline, baselineRounds, results }
      writeFileSync(process.argv[jsonAt + 1]!, `${JSON.stringify(record)}\n`)
    }
    reportLoads(loads)
    console.log(`Wall time ${((Date.now() - started) / 60000).toFixed(1)} min.`)
  } finally {
    for (const burner of burning) burner.kill()
  }
}

// With --no-leaning, the fresh processes are planned as before an `inconclusive` that leans
// toward `slower` was measured again (the leans taken out), to show what that rule does.
const LEANING = !process.argv.includes('--no-leaning')

const judge = (run: readonly Measurement[], baseline: readonly Measurement[]) => {
  const comparisons = compareRun(compareItems(run, baseline), POLICY)
  return LEANING ? comparisons : withoutLeaning(comparisons)
}

/** What `--json` writes: every process's measurements, so `--from` can judge them again. */
interface Recorded {
  seed: number
  burners: number
  loads: number[]
  baseline: Measurement[]
  /** Every baseline process, in the order run (absent in recordings before 2026-12-02). */
  baselineRounds?: Measurement[][]
  results: RunResult[]
}

function reportLoads(values: readonly number[]): void {
  if (values.length === 0) return
  console.log(
    `\n1-minute load average before each process (the experiment itself counts about 1, each burner 1): ` +
      `median ${median(values).toFixed(2)}, max ${Math.max(...values).toFixed(2)}.`,
  )
}

/**
 * `--from FILE`: the processes recorded by an earlier `--json` run, judged again by the current
 * comparator (after a change to it, the same data show what the change does).
 */
function reanalyse(file: string): void {
  // Recordings kept in docs/experiments/ are gzipped.
  const bytes = readFileSync(file)
  const recorded = JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as Recorded
  const useRounds = option('use-rounds')
  if (useRounds !== undefined && !recorded.baselineRounds)
    throw new Error(
      `${file} has no recorded baseline rounds: --use-rounds needs a recording from 2026-12-02 on`,
    )
  const baseline =
    useRounds === undefined
      ? recorded.baseline
      : combineRounds(recorded.baselineRounds!.slice(0, Number(useRounds)))
  // Runs recorded before confirmation existed have none of their own, and a changed comparator
  // may ask for more than a run took; with --stand-ins, the next runs of the same arm (other
  // processes of the same session, in order, wrapping around) stand in for the fresh processes.
  const standIns = process.argv.includes('--stand-ins')
  const results = recorded.results.map((r) => {
    const arm = recorded.results.filter((other) => other.arm === r.arm)
    const at = arm.indexOf(r)
    const next = (k: number) => arm[(at + k) % arm.length]!.measurements
    // Recorded fresh processes first, as many as the current comparator asks for; it may ask for
    // more than the run took.
    const taken = r.confirmations ?? []
    const confirmations: Measurement[][] = []
    const judged = [judge(r.measurements, baseline)]
    while (planFreshProcesses(judged).next) {
      const k = confirmations.length
      if (k >= taken.length && !standIns) break
      const again = k < taken.length ? taken[k]! : next(k - taken.length + 1)
      confirmations.push(again)
      judged.push(judge(again, baseline))
    }
    return { ...r, confirmations, comparisons: plannedVerdicts(judged) }
  })
  console.log(
    `perfgate real-process A/A and power experiment, judged again from ${file}: seed ${recorded.seed}, ` +
      `${recorded.burners} burner(s), ${results.length} runs` +
      `${useRounds === undefined ? '' : `; baseline: the first ${useRounds} recorded rounds`}` +
      `${standIns ? '; confirmations: the next runs of the same arm stand in for fresh processes' : ''}` +
      `${POLICY.calibration === undefined ? '' : `; calibration: ${POLICY.calibration}`}` +
      `${LEANING ? '' : '; fresh processes for `slower` only (--no-leaning)'}.`,
  )
  report(baseline, results, Math.max(...results.map((r) => r.round)) + 1)
  reportFirstProcess(baseline, results)
  reportPairs(baseline, results)
  reportMoreRounds(results, 10)
  reportWithoutShift(baseline, results)
  reportLoads(recorded.loads ?? [])
}

function report(baseline: Measurement[], results: RunResult[], runs: number): void {
  const aa = results.filter((r) => r.arm === 'A/A')
  const keys = baseline.map((m) => m.key)

  // Measured noise: the median in each process (baseline rounds and A/A runs).
  console.log(
    '\nTable A — the suite and its measured noise (per-process medians: baseline rounds and A/A runs).\n',
  )
  const noiseRows = keys.map((key) => {
    const m = baseline.find((b) => b.key === key)!
    // The baseline's rounds are the medians of its five processes.
    const perProcess = [...m.rounds!]
    for (const r of aa) perProcess.push(r.medians[key]!)
    const spread = Math.max(...perProcess) / Math.min(...perProcess)
    const verdicts = aa.map((r) => r.comparisons.find((c) => c.key === key)!.verdict)
    const count = (v: string) => verdicts.filter((x) => x === v).length
    return [
      key,
      micro(median(perProcess)),
      String(m.batch),
      `${(100 * cv(perProcess)).toFixed(1)}%`,
      `${spread.toFixed(2)}×`,
      `${count('same')}/${count('inconclusive')}/${count('slower')}/${count('faster')}`,
    ]
  })
  console.log(
    table(
      [
        'measurement',
        'median',
        'batch',
        'process CV',
        'max/min',
        `A/A same/inconcl./slower/faster (of ${aa.length})`,
      ],
      noiseRows,
    ),
  )

  const falseSlowerRuns = aa.filter((r) => r.comparisons.some((c) => c.verdict === 'slower')).length
  const falseFasterRuns = aa.filter((r) => r.comparisons.some((c) => c.verdict === 'faster')).length
  const inconclusive = aa.map((r) => r.comparisons.filter((c) => c.verdict === 'inconclusive').length)
  console.log(
    `\nA/A: ${falseSlowerRuns}/${aa.length} runs with any false \`slower\`, ${falseFasterRuns}/${aa.length} with any false \`faster\`; ` +
      `inconclusive ${inconclusive.reduce((a, b) => a + b, 0)} of ${aa.length * keys.length} verdicts ` +
      `(per run: median ${median(inconclusive)}, max ${Math.max(...inconclusive)}).`,
  )

  console.log(`\nTable B — power: "${TARGET}" slowed by each factor, ${runs} runs each.\n`)
  const powerRows = FACTORS.map((factor) => {
    const arm = results.filter((r) => r.arm === `×${factor}`)
    const targetVerdicts = arm.map((r) => r.comparisons.find((c) => c.key === TARGET)!)
    const count = (v: string) => targetVerdicts.filter((c) => c.verdict === v).length
    const ratios = targetVerdicts.map((c) =>
      c.verdict === 'new' || c.verdict === 'missing' ? Number.NaN : c.change.ratio,
    )
    const others = arm.flatMap((r) => r.comparisons.filter((c) => c.key !== TARGET).map((c) => c.verdict))
    const otherCount = (v: string) => others.filter((x) => x === v).length
    return [
      `+${Math.round((factor - 1) * 100)}%`,
      `${count('slower')}/${arm.length}`,
      `${count('same')}/${count('inconclusive')}/${count('faster')}`,
      `${median(ratios).toFixed(3)}×`,
      `${otherCount('same')}/${otherCount('inconclusive')}/${otherCount('slower')}/${otherCount('faster')}`,
      String(arm.filter((r) => r.comparisons.some((c) => c.key !== TARGET && c.verdict === 'slower')).length),
    ]
  })
  console.log(
    table(
      [
        'slowdown',
        'target slower',
        'target same/inconcl./faster',
        'median ratio seen',
        `others same/inconcl./slower/faster (of ${runs * (keys.length - 1)})`,
        'runs with another slower',
      ],
      powerRows,
    ),
  )
}

/**
 * Table F: each run judged on its first process alone, as without confirmation, and how many
 * re-measurements the confirmation took.
 */
function reportFirstProcess(baseline: Measurement[], results: RunResult[]): void {
  console.log(
    '\nTable F — without fresh processes: each run judged on its first process alone, and the fresh processes the reporters would take.\n',
  )
  const rows = (['A/A', ...FACTORS.map((f) => `×${f}`)] as Arm[]).map((arm) => {
    const runs = results.filter((r) => r.arm === arm)
    const verdicts = runs.map((r) => judge(r.measurements, baseline))
    const isTarget = (c: Comparison) => arm !== 'A/A' && c.key === TARGET
    const falseSlower = verdicts.filter((v) => v.some((c) => !isTarget(c) && c.verdict === 'slower')).length
    const target = verdicts.filter((v) => v.some((c) => c.key === TARGET && c.verdict === 'slower')).length
    const extra = runs.map((r) => r.confirmations?.length ?? 0)
    return [
      arm === 'A/A' ? 'none (A/A)' : `+${Math.round((Number(arm.slice(1)) - 1) * 100)}%`,
      arm === 'A/A' ? '–' : `${target}/${runs.length}`,
      `${falseSlower}/${runs.length}`,
      `${extra.filter((n) => n > 0).length}/${runs.length}`,
      String(extra.reduce((a, b) => a + b, 0)),
    ]
  })
  console.log(
    table(
      [
        'slowdown',
        'target slower (first process)',
        'runs with a false slower (first process)',
        'runs that measured again',
        'extra processes',
      ],
      rows,
    ),
  )
}

/**
 * Table C: the same data, had each CI run been two processes — consecutive runs of an arm
 * pooled with `combineRounds`, so the current side has two rounds. No extra process is run.
 */
function reportPairs(baseline: Measurement[], results: RunResult[]): void {
  console.log(
    '\nTable C — the same runs paired: what a second CI process buys (consecutive runs of an arm pooled).\n',
  )
  const rows = (['A/A', ...FACTORS.map((f) => `×${f}`)] as Arm[]).map((arm) => {
    const runs = results.filter((r) => r.arm === arm)
    const verdicts: Comparison[][] = []
    for (let i = 0; i + 1 < runs.length; i += 2) {
      const head = combineRounds([runs[i]!.measurements, runs[i + 1]!.measurements])
      verdicts.push(compareRun(compareItems(head, baseline), POLICY))
    }
    const isTarget = (c: Comparison) => arm !== 'A/A' && c.key === TARGET
    const falseSlower = verdicts.filter((v) => v.some((c) => !isTarget(c) && c.verdict === 'slower')).length
    const target = verdicts.map((v) => v.find((c) => c.key === TARGET)!.verdict)
    const inconclusive = verdicts.flat().filter((c) => !isTarget(c) && c.verdict === 'inconclusive').length
    const others = verdicts.flat().filter((c) => !isTarget(c)).length
    return [
      arm === 'A/A' ? 'none (A/A)' : `+${Math.round((Number(arm.slice(1)) - 1) * 100)}%`,
      String(verdicts.length),
      arm === 'A/A' ? '–' : `${target.filter((v) => v === 'slower').length}/${verdicts.length}`,
      `${falseSlower}/${verdicts.length}`,
      `${inconclusive}/${others}`,
    ]
  })
  console.log(
    table(
      ['slowdown', 'paired runs', 'target slower', 'runs with a false slower', 'other verdicts inconclusive'],
      rows,
    ),
  )
}

/**
 * Table D: a baseline of more rounds, taken at other moments: the first `count` A/A runs pooled
 * as the rounds of a baseline, and every other run (A/A and power) judged against it.
 */
function reportMoreRounds(results: RunResult[], count: number): void {
  const aa = results.filter((r) => r.arm === 'A/A')
  if (aa.length <= count) return
  const baseline = combineRounds(aa.slice(0, count).map((r) => r.measurements))
  console.log(
    `\nTable D — a baseline of ${count} rounds spread over the experiment (its first ${count} A/A runs), judged on every other run.\n`,
  )
  const rows = (['A/A', ...FACTORS.map((f) => `×${f}`)] as Arm[]).map((arm) => {
    const runs = results.filter((r) => r.arm === arm && !(arm === 'A/A' && r.round < count))
    const verdicts = runs.map((r) => compareRun(compareItems(r.measurements, baseline), POLICY))
    const isTarget = (c: Comparison) => arm !== 'A/A' && c.key === TARGET
    const falseSlower = verdicts.filter((v) => v.some((c) => !isTarget(c) && c.verdict === 'slower')).length
    const target = verdicts.filter((v) => v.some((c) => c.key === TARGET && c.verdict === 'slower')).length
    const others = verdicts.flat().filter((c) => !isTarget(c))
    return [
      arm === 'A/A' ? 'none (A/A)' : `+${Math.round((Number(arm.slice(1)) - 1) * 100)}%`,
      String(runs.length),
      arm === 'A/A' ? '–' : `${target}/${runs.length}`,
      `${falseSlower}/${runs.length}`,
      `${others.filter((c) => c.verdict === 'inconclusive').length}/${others.length}`,
    ]
  })
  console.log(
    table(
      ['slowdown', 'runs', 'target slower', 'runs with a false slower', 'other verdicts inconclusive'],
      rows,
    ),
  )
}

/**
 * Table E: the same processes judged with `runShift: false`, every change against the baseline
 * alone, as the comparator did before the run's common shift was taken out.
 */
function reportWithoutShift(baseline: Measurement[], results: RunResult[]): void {
  const policy = { ...POLICY, runShift: false }
  console.log('\nTable E — the same runs judged without the run shift (policy `runShift: false`).\n')
  const rows = (['A/A', ...FACTORS.map((f) => `×${f}`)] as Arm[]).map((arm) => {
    const runs = results.filter((r) => r.arm === arm)
    const verdicts = runs.map((r) => compareRun(compareItems(r.measurements, baseline), policy))
    const isTarget = (c: Comparison) => arm !== 'A/A' && c.key === TARGET
    const any = (verdict: string) =>
      verdicts.filter((v) => v.some((c) => !isTarget(c) && c.verdict === verdict)).length
    const target = verdicts.filter((v) => v.some((c) => c.key === TARGET && c.verdict === 'slower')).length
    return [
      arm === 'A/A' ? 'none (A/A)' : `+${Math.round((Number(arm.slice(1)) - 1) * 100)}%`,
      arm === 'A/A' ? '–' : `${target}/${runs.length}`,
      `${any('slower')}/${runs.length}`,
      `${any('faster')}/${runs.length}`,
    ]
  })
  console.log(
    table(['slowdown', 'target slower', 'runs with a false slower', 'runs with a false faster'], rows),
  )
}

if (process.argv.includes('--child')) {
  childMain(JSON.parse(process.argv[process.argv.indexOf('--child') + 1]!) as ChildConfig)
} else if (process.argv.includes('--from')) {
  reanalyse(process.argv[process.argv.indexOf('--from') + 1]!)
} else {
  await parentMain()
}
