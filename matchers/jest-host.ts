/**
 * The Jest side of the shared matcher logic: what `this` inside a Jest matcher tells perfgate,
 * and where measurements go (the channel the perfgate Jest reporter opened, if it is in the run).
 */
import type { Channel } from '../src/jest/channel.js'
import { appendRecord, channelFromEnv } from '../src/jest/channel.js'
import type { MatcherHost } from './core.js'

/** The parts of Jest's matcher context (`this` inside a matcher) perfgate reads. */
export interface JestMatcherContext {
  isNot?: boolean | undefined
  currentTestName?: string | undefined
  testPath?: string | undefined
  /** The running test's name, right for concurrent tests too. */
  currentConcurrentTestName?: (() => string | undefined) | undefined
  /** Jest Circus's running test, the same object across its retries (recent Jest 30 versions). */
  currentTestIdentity?: (() => object | undefined) | undefined
}

// Read once per test file: the reporter sets the variable before Jest starts any worker.
const channel: Channel | undefined = channelFromEnv(process.env)

/** Which attempt of a retried test this is; 1 where Jest does not say. */
function attemptOf(context: JestMatcherContext): number {
  const invocations = (context.currentTestIdentity?.() as { invocations?: unknown } | undefined)?.invocations
  return typeof invocations === 'number' && invocations > 0 ? invocations : 1
}

/** A {@link MatcherHost} for one Jest assertion. */
export function jestHost(context: JestMatcherContext): MatcherHost {
  const testName = context.currentConcurrentTestName?.() ?? context.currentTestName
  return {
    isNot: context.isNot === true,
    testName,
    testPath: context.testPath,
    defaults: { timeBudget: channel?.timeBudget },
    record(measurement) {
      // Outside a test (e.g. in `beforeAll`) there is no test to attribute the measurement to.
      if (!channel || testName === undefined) return
      appendRecord(channel, { attempt: attemptOf(context), measurement })
    },
  }
}
