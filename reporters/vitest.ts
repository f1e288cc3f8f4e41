/**
 * `perfgate/reporter` (also `--reporter perf` with the plugin): after the run, prints every
 * measurement against its budget and its baseline, writes the run report and applies the gate.
 * It only adds output, so it composes with other reporters.
 */
import type { Reporter, TestModule, Vitest } from 'vitest/node'
import type { PerfgateUserOptions } from '../src/config/index.js'
import { finishRun } from '../src/run/finish.js'
import { measureAgainWith } from '../src/run/measure-again.js'
import { suiteCommand } from '../src/run/suite-command.js'
import { collectMeasurements, collectTests } from './collect-vitest.js'
import { collectBenchMeasurements } from './collect-vitest-bench.js'
import '../matchers/task-meta.js'

/** Re-runs test files with `vitest run`, from the same root and config file, to confirm `slower`. */
function measureAgain(vitest: Vitest, root: string) {
  const configFile = vitest.vite.config.configFile
  const configArgs = configFile ? ['--config', configFile] : []
  return measureAgainWith(
    (files) => suiteCommand(root, 'vitest', [...configArgs, ...files]),
    root,
    process.env,
  )
}

export default class PerfgateReporter implements Reporter {
  private vitest: Vitest | undefined
  private readonly options: PerfgateUserOptions | undefined

  /** Options here (`reporters: [['perfgate/reporter', { … }]]`) override the plugin's. */
  constructor(options?: PerfgateUserOptions) {
    this.options = options
  }

  onInit(vitest: Vitest): void {
    this.vitest = vitest
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>): Promise<void> {
    const vitest = this.vitest
    if (!vitest) return
    const root = vitest.config.root
    const stream = vitest.logger.outputStream as { isTTY?: boolean; write(text: string): unknown }
    const provided = (vitest.config.provide as { perfgate?: { options?: PerfgateUserOptions } }).perfgate
    const options = { ...provided?.options, ...this.options }
    try {
      const result = await finishRun({
        // Matcher measurements, and `bench()` results when this is `vitest bench`.
        measurements: [...collectMeasurements(modules, root), ...collectBenchMeasurements(modules, root)],
        tests: collectTests(modules, root),
        root,
        env: process.env,
        options,
        // `vitest run -u` updates snapshots and, like them, performance baselines.
        update: vitest.config.snapshotOptions.updateSnapshot === 'all',
        // Confirmation re-runs test files here: not for `vitest bench`, not when merging reports
        // of shards that ran on other machines, and not on every save in watch mode.
        ...(vitest.config.mode === 'test' && !vitest.config.mergeReports && !vitest.config.watch
          ? { measureAgain: measureAgain(vitest, root) }
          : {}),
        stdout: { isTTY: stream.isTTY === true, write: (text) => vitest.logger.log(text.replace(/\n$/, '')) },
      })
      if (result.failed) process.exitCode = 1
    } catch (error) {
      // A problem perfgate can name (bad config, unwritable report) fails the run with one line;
      // the test results above stay readable.
      vitest.logger.error(`\nperfgate: ${error instanceof Error ? error.message : String(error)}`)
      process.exitCode = 1
    }
  }
}
