/**
 * `perfgate/reporter` (also `--reporter perf` with the plugin): after the run, prints every
 * measurement against its budget. It only adds output, so it composes with other reporters.
 */
import type { Reporter, TestModule, Vitest } from 'vitest/node'
import { finishRun } from '../src/run/finish.js'
import { collectMeasurements } from './collect-vitest.js'
import '../matchers/task-meta.js'

export default class PerfgateReporter implements Reporter {
  private vitest: Vitest | undefined

  onInit(vitest: Vitest): void {
    this.vitest = vitest
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>): Promise<void> {
    const vitest = this.vitest
    if (!vitest) return
    const stream = vitest.logger.outputStream as { isTTY?: boolean; write(text: string): unknown }
    const result = await finishRun({
      measurements: collectMeasurements(modules, vitest.config.root),
      root: vitest.config.root,
      env: process.env,
      stdout: { isTTY: stream.isTTY === true, write: (text) => vitest.logger.log(text.replace(/\n$/, '')) },
    })
    if (result.failed) process.exitCode = 1
  }
}
