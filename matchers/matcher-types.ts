/** The matchers' public types, shared by the Vitest 4, Vitest 5 and Jest declarations. */
import type { MemoryOptions, TimeOptions } from '../src/measure/options.js'

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
  /** The plugin's options, for the reporter (which runs in the main process). */
  options?: Record<string, unknown>
}
