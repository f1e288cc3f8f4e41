/**
 * Type declarations for Vitest users. They are part of `perfgate/vitest`, so importing the plugin
 * in `vitest.config.ts` (or `/// <reference types="perfgate/vitest" />`) types the matchers.
 * `Matchers<T>` is augmented rather than `Assertion<T>`: Vitest's `Assertion` extends it, and
 * augmenting `Assertion` alone has been seen to fail in projects with `moduleResolution: node`.
 */
import type {} from '@vitest/runner'
import type {} from 'vitest'
import type { MemoryOptions, TimeOptions } from '../src/measure/options.js'
import type { Measurement } from '../src/types.js'

/** A promise for async functions (await it), nothing for sync ones. */
// biome-ignore lint/suspicious/noConfusingVoidType: a matcher on a sync function returns nothing, as Vitest's own do
export type TimeMatcherResult<T> = T extends (...args: never[]) => PromiseLike<unknown> ? Promise<void> : void

export interface PerfgateMatchers<T = unknown> {
  /** Asserts that a statistic (default: median) of `fn`'s per-call time is at most `ms` milliseconds. */
  toCompleteWithin(ms: number, options?: TimeOptions): TimeMatcherResult<T>
  /** Asserts that calling `fn` repeatedly retains less than `mb` megabytes of heap after GC. Await it. */
  toGrowMemoryLessThan(mb: number, options?: MemoryOptions): Promise<void>
}

/** What the plugin provides to workers through Vitest's `provide`/`inject`. */
export interface PerfgateProvided {
  timeBudget?: number
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: must match Vitest's own declaration
  interface Matchers<T = any> extends PerfgateMatchers<T> {}
  interface ProvidedContext {
    perfgate?: PerfgateProvided
  }
}

// Measurements travel to reporters in the test's `meta` (see vitest-register.ts).
declare module '@vitest/runner' {
  interface TaskMeta {
    perfgate?: Measurement[]
  }
}
