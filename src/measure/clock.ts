/** A monotonic clock in milliseconds. Injected everywhere time is read, so tests can drive it. */
export interface Clock {
  now(): number
}

export const performanceClock: Clock = { now: () => performance.now() }
