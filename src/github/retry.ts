/**
 * Bounded retries for GitHub's transient failures: server errors and rate limits, waiting as
 * GitHub asks (`retry-after`, the rate-limit reset) or backing off exponentially.
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately
 */
import { setTimeout as delay } from 'node:timers/promises'

export interface RetryOptions {
  /** Attempts in all, the first included (default 3). */
  tries?: number
  /** Wait before the first retry, doubled for each further one (default 1,000 ms). */
  baseDelay?: number
  /** Longest wait GitHub may ask for; a later `retry-after` or reset is not waited for (default 60 s). */
  maxDelay?: number
  /** Injected by tests, which do not wait. */
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

export const DEFAULT_TRIES = 3

const defaults = {
  tries: DEFAULT_TRIES,
  baseDelay: 1_000,
  maxDelay: 60_000,
  sleep: (ms: number) => delay(ms),
  now: () => Date.now(),
} satisfies Required<RetryOptions>

// The parts of an HTTP error (an Octokit `RequestError`) retries depend on.
interface HttpError {
  status?: unknown
  message?: unknown
  response?: { headers?: Record<string, unknown> }
}

function header(error: HttpError, name: string): string | undefined {
  const value = error.response?.headers?.[name]
  return value === undefined || value === null ? undefined : String(value)
}

// `retry-after` is seconds or an HTTP date.
function retryAfter(error: HttpError, now: number): number | undefined {
  const value = header(error, 'retry-after')
  if (value === undefined) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function rateLimitWait(error: HttpError, now: number): number | undefined {
  const after = retryAfter(error, now)
  if (after !== undefined) return after
  const reset = Number(header(error, 'x-ratelimit-reset'))
  if (header(error, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset)) {
    return Math.max(0, reset * 1000 - now) + 1000
  }
  // GitHub's advice for a secondary rate limit without headers: wait at least a minute.
  if (typeof error.message === 'string' && /secondary rate limit/i.test(error.message)) return 60_000
  return undefined
}

/**
 * How long to wait before retry number `attempt` (1 for the first retry), or undefined when the
 * error is not worth retrying: a client error, or a wait longer than `maxDelay`.
 */
export function retryDelay(error: unknown, attempt: number, options: RetryOptions = {}): number | undefined {
  const { baseDelay, maxDelay, now } = { ...defaults, ...options }
  const e = (typeof error === 'object' && error !== null ? error : {}) as HttpError
  const status = typeof e.status === 'number' ? e.status : undefined
  if (status === undefined) return undefined
  let wait: number | undefined
  if (status === 403 || status === 429) wait = rateLimitWait(e, now())
  if (wait === undefined && (status >= 500 || status === 429)) wait = baseDelay * 2 ** (attempt - 1)
  return wait !== undefined && wait <= maxDelay ? wait : undefined
}

/** Runs `attempt` up to `tries` times while it fails with a retryable error. */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { tries, sleep } = { ...defaults, ...options }
  for (let n = 1; ; n++) {
    try {
      return await attempt()
    } catch (error) {
      const wait = n < tries ? retryDelay(error, n, options) : undefined
      if (wait === undefined) throw error
      await sleep(wait)
    }
  }
}
