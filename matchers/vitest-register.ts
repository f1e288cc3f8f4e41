/**
 * Registers the matchers in every worker and
 * records each measurement in the running test's `meta`, which Vitest sends to reporters (and
 * keeps in blob reports, so `--shard` + `--merge-reports` see every measurement).
 */

import type { RunnerTestCase as Test } from 'vitest'
import { chai, expect, inject } from 'vitest'
import type { Measurement } from '../src/types.js'
import type { MatcherHost } from './core.js'
import { completeWithin, growMemoryLessThan, measurementKey } from './core.js'
import './task-meta.js'
import './vitest-types.js'

interface MatcherContext {
  isNot: boolean
  currentTestName?: string
  testPath?: string
  assertion?: object
}

/**
 * The test this assertion belongs to. Vitest tags every assertion with it, which stays right for
 * concurrent tests, unlike a global "current test" read after an `await`.
 */
function currentTest(context: MatcherContext): Test | undefined {
  return context.assertion
    ? (chai.util.flag(context.assertion, 'vitest-test') as Test | undefined)
    : undefined
}

function host(context: MatcherContext): MatcherHost {
  const test = currentTest(context)
  const defaults = inject('perfgate')
  return {
    isNot: context.isNot,
    testName: context.currentTestName,
    testPath: context.testPath,
    defaults: { timeBudget: defaults?.timeBudget },
    record(measurement) {
      if (!test) return
      test.meta.perfgate ??= []
      const recorded: Measurement[] = test.meta.perfgate
      recorded.push({ key: measurementKey(measurement.name, measurement.metric, recorded), ...measurement })
    },
  }
}

expect.extend({
  toCompleteWithin(this: MatcherContext, received: unknown, budget: unknown, options?: unknown) {
    return completeWithin(host(this), received, budget, options)
  },
  toGrowMemoryLessThan(this: MatcherContext, received: unknown, budget: unknown, options?: unknown) {
    return growMemoryLessThan(host(this), received, budget, options)
  },
})
