/**
 * `perfgate/jest-reporter`, for Jest's `reporters` (next to `'default'`): after the run, prints
 * every measurement the `perfgate/jest` matchers recorded and applies perfgate's gate, failing
 * the Jest run when the gate fails. It only adds output, so it composes with other reporters.
 */
import type { Channel } from '../src/jest/channel.js'
import { closeChannel, openChannel, readRecords } from '../src/jest/channel.js'
import type { FinishInput } from '../src/run/finish.js'
import { finishRun } from '../src/run/finish.js'
import type { JestFileResult } from './jest-collect.js'
import { collectMeasurements, collectTests, testNames } from './jest-collect.js'
import { jestMeasureAgain } from './jest-measure-again.js'
import type { PerfgateJestOptions } from './jest-options.js'
import { parseReporterOptions } from './jest-options.js'

export type { PerfgateJestOptions } from './jest-options.js'

/** The parts of Jest's global config the reporter reads. */
export interface JestGlobalConfig {
  rootDir: string
  /** `'all'` with `jest -u`: perfgate then updates baselines too. */
  updateSnapshot?: string
}

/** The parts of Jest's aggregated results the reporter reads. */
export interface JestRunResults {
  testResults: readonly JestFileResult[]
}

export default class PerfgateJestReporter {
  private readonly globalConfig: JestGlobalConfig
  private readonly channel: Channel
  private readonly options: PerfgateJestOptions
  private failure: Error | undefined

  constructor(globalConfig: JestGlobalConfig, options?: PerfgateJestOptions) {
    this.globalConfig = globalConfig
    this.options = parseReporterOptions(options)
    // Jest builds its reporters before it starts any test worker, so workers inherit the channel.
    this.channel = openChannel(
      process.env,
      this.options.timeBudget === undefined ? {} : { timeBudget: this.options.timeBudget },
    )
  }

  async onRunComplete(_contexts: unknown, results: JestRunResults): Promise<void> {
    try {
      const root = this.globalConfig.rootDir
      const measurements = collectMeasurements(
        readRecords(this.channel.dir),
        testNames(results.testResults),
        root,
      )
      const stream = process.stderr
      const input: FinishInput = {
        measurements,
        tests: collectTests(results.testResults, root),
        options: this.options,
        root,
        env: process.env,
        // Jest reporters write to stderr, which keeps stdout clean for `jest --json`.
        stdout: { isTTY: stream.isTTY === true, write: (text) => stream.write(text) },
        ...(this.globalConfig.updateSnapshot === 'all' ? { update: true } : {}),
        measureAgain: jestMeasureAgain(root),
      }
      const result = await finishRun(input)
      this.failure = result.failed ? new Error('perfgate: the performance gate failed') : undefined
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error))
      process.stderr.write(`\nperfgate: ${this.failure.message}\n`)
    } finally {
      closeChannel(this.channel, process.env)
    }
  }

  /** Jest fails the run (non-zero exit code) when a reporter returns an error here. */
  getLastError(): Error | undefined {
    return this.failure
  }
}
