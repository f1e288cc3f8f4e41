import { performance } from 'node:perf_hooks'

/** A monotonic clock in milliseconds. Injected everywhere time is read, so tests can drive it. */
export interface Clock {
  now(): number
}

// Read from node:perf_hooks, not the global: Jest's and Vitest's fake timers replace the global
// `performance.now()`, and a measurement under fake timers would then never finish.
export const performanceClock: Clock = { now: () => performance.now() }
