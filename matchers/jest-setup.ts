/**
 * `perfgate/jest`, for Jest's `setupFilesAfterEnv`: registers `toCompleteWithin` and
 * `toGrowMemoryLessThan` with the same logic as the Vitest matchers. `expect` comes from
 * `@jest/globals`, which Jest's module registry provides in CommonJS and ESM test files alike,
 * with or without `injectGlobals`.
 */
import { expect } from '@jest/globals'
import { completeWithin, growMemoryLessThan } from './core.js'
import type { JestMatcherContext } from './jest-host.js'
import { jestHost } from './jest-host.js'
import './jest-types.js'

export type { PerfgateMatchers, TimeMatcherResult } from './matcher-types.js'

expect.extend({
  toCompleteWithin(this: JestMatcherContext, received: unknown, budget: unknown, options?: unknown) {
    return completeWithin(jestHost(this), received, budget, options)
  },
  toGrowMemoryLessThan(this: JestMatcherContext, received: unknown, budget: unknown, options?: unknown) {
    return growMemoryLessThan(jestHost(this), received, budget, options)
  },
})
