/**
 * `perfgate/reporter` (also `--reporter perf` with the plugin): after the run, prints every
 * measurement against its budget. It only adds output, so it composes with other reporters.
 */
import type { Reporter, TestModule, Vitest } from 'vitest/node'
import { renderBudgetTable } from '../src/terminal/budgets.js'
import { colorsFor } from '../src/terminal/colors.js'
import { collectMeasurements } from './collect-vitest.js'
import '../matchers/vitest-types.js'

export default class PerfgateReporter implements Reporter {
  private vitest: Vitest | undefined

  onInit(vitest: Vitest): void {
    this.vitest = vitest
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const vitest = this.vitest
    if (!vitest) return
    const measurements = collectMeasurements(modules, vitest.config.root)
    if (measurements.length === 0) return
    const colors = colorsFor(vitest.logger.outputStream as { isTTY?: boolean }, process.env)
    vitest.logger.log(`\n${renderBudgetTable(measurements, colors)}\n`)
  }
}
