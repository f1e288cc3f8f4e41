import { resolve } from 'node:path'
import { measurementFromEntry } from '../baseline/serialize.js'
import { findDuplicateKeys, listBaselineFiles, readBaselines, updateBaselines } from '../baseline/store.js'
import type { OutputStream } from '../cli/context.js'
import { planFreshProcesses } from '../compare/confirm.js'
import type { PerfgateConfig, PerfgateUserOptions } from '../config/index.js'
import { resolveConfig } from '../config/index.js'
import { currentEnvironment, environmentDifferences, summarizeEnvironments } from '../env/environment.js'
import { writeRunReport } from '../report/io.js'
import { colorsFor } from '../terminal/colors.js'
import type { UpdateOutcome } from '../terminal/run-output.js'
import { renderRunOutput } from '../terminal/run-output.js'
import type { Comparison, Environment, GatePolicy, Measurement, RunReport } from '../types.js'
import type { MeasureAgain } from './confirm-run.js'
import { confirmInFreshProcesses } from './confirm-run.js'
import type { JudgeInput } from './judge.js'
import { judgeRun } from './judge.js'
import { writeRoundFile } from './rounds.js'

/** What a reporter (Vitest, Jest or the bench runner) hands over when a run ends. */
export interface FinishInput {
  measurements: Measurement[]
  /** Project root: baselines and the report are resolved from it. */
  root: string
  env: Record<string, string | undefined>
  stdout: OutputStream
  /** Write baselines instead of comparing (`vitest run -u`, `jest -u`, `--update`). */
  update?: boolean
  /**
   * Per test file that ran (project-relative): the full name of every test in it and whether it
   * ran. Tests that exist but did not run keep their baselines and are not `missing`.
   */
  tests?: Map<string, Map<string, boolean>>
  /** Options from the plugin, the reporter or the command line (over the config file). */
  options?: PerfgateUserOptions
  /** The baseline side, when it is not the stored baselines (A/B runs, report comparison). */
  baseline?: Measurement[]
  baselineEnv?: Environment
  /** The environment the measurements were taken on, when not this process's (report comparison). */
  headEnv?: Environment
  /** Problems found before the run was judged (e.g. while merging reports). */
  problems?: string[]
  /** Comparisons computed elsewhere (the A/B runner's paired design). */
  comparisons?: Comparison[]
  /**
   * Runs test files again in a fresh process (Vitest and Jest reporters): with it, `slower`
   * verdicts are confirmed before they fail the run (option `confirm`).
   */
  measureAgain?: MeasureAgain
}

export interface FinishResult {
  /** True when the gate fails the run: the caller sets a non-zero exit code. */
  failed: boolean
  report?: RunReport
}

function gatePolicy(config: PerfgateConfig): GatePolicy {
  return {
    alpha: config.alpha,
    threshold: config.threshold,
    correction: config.correction,
    failOnRegression: config.failOnRegression,
    environmentMismatch: config.environmentMismatch,
  }
}

function existingTests(tests: Map<string, Map<string, boolean>> | undefined, measurements: Measurement[]) {
  const existing = new Map<string, Set<string>>()
  for (const [file, names] of tests ?? []) existing.set(file, new Set(names.keys()))
  // Without test lists (the bench runner), every measured file counts as complete.
  for (const m of measurements)
    if (!tests) existing.set(m.file, (existing.get(m.file) ?? new Set()).add(m.name))
  return existing
}

/** Whether a baseline entry should have been measured by this run (else it is left alone). */
function expectation(tests: Map<string, Map<string, boolean>> | undefined, measuredFiles: Set<string>) {
  return (entry: Measurement) => {
    const names = tests?.get(entry.file)
    if (!names) return !tests && measuredFiles.has(entry.file)
    // A test that no longer exists (deleted or renamed) or that ran without measuring this.
    return names.get(entry.name) !== false
  }
}

async function storedBaseline(input: FinishInput, config: PerfgateConfig, files: string[]) {
  const read = await readBaselines(input.root, config.baselineDir, files)
  const baseline: Measurement[] = []
  const envs: Environment[] = []
  for (const [file, content] of read.files) {
    for (const [key, entry] of Object.entries(content.entries)) {
      baseline.push(measurementFromEntry(file, key, entry))
      envs.push(entry.env)
    }
  }
  return { baseline, env: summarizeEnvironments(envs), problems: read.problems }
}

async function record(
  input: FinishInput,
  config: PerfgateConfig,
  env: Environment,
  measurements: Measurement[],
) {
  const outcome = await updateBaselines({
    root: input.root,
    baselineDir: config.baselineDir,
    env,
    measurements,
    existingTests: existingTests(input.tests, measurements),
    pruneDeletedFiles: true,
  })
  const update: UpdateOutcome = { baselineDir: config.baselineDir, ...outcome }
  return { update, problems: outcome.problems }
}

async function testFilesWithBaselines(
  input: FinishInput,
  config: PerfgateConfig,
  measurements: Measurement[],
) {
  const files = new Set([...measurements.map((m) => m.file), ...(input.tests?.keys() ?? [])])
  // Only files that ran: a baseline of a file outside this run (filtered, other shard) is not read.
  const stored = new Set(await listBaselineFiles(input.root, config.baselineDir))
  return [...files].filter((file) => stored.has(file))
}

/**
 * The one place a run's measurements become baselines, a verdict, a report and output, shared by
 * every reporter and the bench runner so Vitest and Jest users get the same table, files and gate.
 * Problems with baseline files become lines of output, never a crash of the run.
 */
export async function finishRun(input: FinishInput): Promise<FinishResult> {
  const { config, update } = await resolveConfig({
    root: input.root,
    ...(input.options ? { pluginOptions: input.options } : {}),
    env: input.env,
  })
  if (input.env.PERFGATE_ROUND_FILE) {
    await writeRoundFile(input.env.PERFGATE_ROUND_FILE, input.measurements, input.tests)
    return { failed: false }
  }
  if (input.measurements.length === 0 && !input.baseline && !(update || input.update))
    return { failed: false }
  const env = input.headEnv ?? currentEnvironment(input.env)
  const duplicates = findDuplicateKeys(input.measurements)
  const measurements = duplicates.unique
  const problems = [...(input.problems ?? []), ...duplicates.problems]
  let outcome: UpdateOutcome | undefined
  let baseline = input.baseline ?? []
  let baselineEnv = input.baselineEnv
  if (update || input.update) {
    const recorded = await record(input, config, env, measurements)
    outcome = recorded.update
    problems.push(...recorded.problems)
  } else if (!input.baseline) {
    const stored = await storedBaseline(
      input,
      config,
      await testFilesWithBaselines(input, config, measurements),
    )
    baseline = stored.baseline
    baselineEnv = stored.env
    problems.push(...stored.problems)
  }
  const measuredFiles = new Set(measurements.map((m) => m.file))
  const judgeInput: JudgeInput = {
    measurements,
    baseline: outcome ? [] : baseline,
    env,
    baselineEnv,
    environmentDifferences: baselineEnv && !outcome ? environmentDifferences(baselineEnv, env) : [],
    policy: gatePolicy(config),
    expected: expectation(input.tests, measuredFiles),
    ...(input.comparisons ? { comparisons: input.comparisons } : {}),
    problems,
  }
  let report = judgeRun(judgeInput)
  if (input.measureAgain && config.confirm && !input.comparisons && needsFreshProcess(report.comparisons)) {
    report = await confirmInFreshProcesses({
      report,
      policy: judgeInput.policy,
      // The whole re-run is judged, so it has its own run shift.
      judge: (again) => {
        const unique = findDuplicateKeys(again).unique
        return {
          measurements: unique,
          comparisons: judgeRun({ ...judgeInput, measurements: unique, problems: [] }).comparisons,
        }
      },
      measureAgain: input.measureAgain,
      stdout: input.stdout,
    })
  }
  const colors = colorsFor(input.stdout, input.env)
  input.stdout.write(renderRunOutput(report, colors, outcome))
  if (config.report !== false) {
    const path = resolve(input.root, config.report)
    await writeRunReport(path, report)
  }
  if (!outcome && config.github === 'auto' && input.env.GITHUB_ACTIONS === 'true') {
    await postToGitHub(report, input)
  }
  return { failed: report.failed, report }
}

// A `slower` verdict to confirm, a lean toward it to decide, or a run whose speed changed partway.
const needsFreshProcess = (comparisons: readonly Comparison[]) =>
  planFreshProcesses([comparisons]).next !== undefined

// Loaded only on GitHub Actions, so other runs never load Octokit.
async function postToGitHub(report: RunReport, input: FinishInput): Promise<void> {
  const { postReport } = await import('../github/post.js')
  const stream = input.stdout
  await postReport({ report, env: input.env, stdout: stream, stderr: stream })
}
