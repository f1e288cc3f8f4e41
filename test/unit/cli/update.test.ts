import { describe, expect, it } from 'vitest'
import { parsePause } from '../../../src/cli/commands/update.js'
import { isPerfgateError } from '../../../src/errors.js'

describe('parsePause', () => {
  it('reads seconds, or a number with s, m or h, as milliseconds', () => {
    expect(parsePause(undefined)).toBe(0)
    expect(parsePause('0')).toBe(0)
    expect(parsePause('90')).toBe(90_000)
    expect(parsePause('30s')).toBe(30_000)
    expect(parsePause('1.5m')).toBe(90_000)
    expect(parsePause('1h')).toBe(3_600_000)
  })

  it.each(['soon', '-5', '2d', '61m', '', '1e3'])('rejects "%s", naming the option and the value', (text) => {
    try {
      parsePause(text)
      expect.unreachable(`"${text}" was accepted`)
    } catch (error) {
      expect(isPerfgateError(error)).toBe(true)
      expect((error as Error).message).toBe(
        `--pause must be a duration from 0 to 1h, in seconds or with s, m or h (e.g. 90, 30s, 2m); got "${text}".`,
      )
    }
  })
})
