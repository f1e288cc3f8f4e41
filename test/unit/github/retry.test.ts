import { describe, expect, test } from 'vitest'
import { retryDelay, withRetry } from '../../../src/github/retry.js'

const now = () => 1_700_000_000_000
const http = (status: number, headers: Record<string, string> = {}, message = '') => ({
  status,
  message,
  response: { headers },
})

describe('retryDelay', () => {
  test.each([
    ['500, first retry', http(500), 1, 1000],
    ['502, second retry', http(502), 2, 2000],
    ['429 without headers', http(429), 1, 1000],
    ['403 with retry-after', http(403, { 'retry-after': '7' }), 1, 7000],
    [
      '429 with an HTTP-date retry-after',
      http(429, { 'retry-after': new Date(now() + 5000).toUTCString() }),
      1,
      5000,
    ],
    [
      '403 rate limit exhausted, resets in 10 s',
      http(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now() / 1000 + 10) }),
      1,
      11_000,
    ],
    [
      '403 secondary rate limit, no headers',
      http(403, {}, 'You have exceeded a secondary rate limit'),
      1,
      60_000,
    ],
  ])('%s', (_, error, attempt, wait) => {
    expect(retryDelay(error, attempt, { now })).toBe(wait)
  })

  test.each([
    ['403 permission', http(403)],
    ['404', http(404)],
    ['422', http(422)],
    ['401', http(401)],
    ['retry-after beyond the limit', http(429, { 'retry-after': '3600' })],
    ['not an HTTP error', new TypeError('bug')],
    ['not an error', 'oops'],
  ])('%s is not retried', (_, error) => {
    expect(retryDelay(error, 1, { now })).toBeUndefined()
  })
})

describe('withRetry', () => {
  test('stops after `tries` attempts and rethrows the last error', async () => {
    const sleeps: number[] = []
    let calls = 0
    const failing = async () => {
      calls++
      throw http(503)
    }
    await expect(
      withRetry(failing, { tries: 4, sleep: async (ms) => void sleeps.push(ms) }),
    ).rejects.toMatchObject({ status: 503 })
    expect(calls).toBe(4)
    expect(sleeps).toEqual([1000, 2000, 4000])
  })

  test('returns as soon as an attempt succeeds', async () => {
    let calls = 0
    const flaky = async () => {
      if (++calls < 2) throw http(500)
      return 'ok'
    }
    expect(await withRetry(flaky, { sleep: async () => {} })).toBe('ok')
    expect(calls).toBe(2)
  })
})
