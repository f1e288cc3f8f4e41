import { describe, expect, test } from 'vitest'
import { checkOptions } from '../../../src/config/check.js'
import { closestName } from '../../../src/config/suggest.js'
import { DEFAULT_CONFIG } from '../../../src/config/types.js'
import { isPerfgateError } from '../../../src/errors.js'

function failure(input: unknown, source = 'perfgate.config.mjs'): string {
  try {
    checkOptions(input, source)
  } catch (error) {
    if (isPerfgateError(error) && error.code === 'BAD_CONFIG') return error.message
    throw error
  }
  throw new Error('expected BAD_CONFIG')
}

describe('checkOptions', () => {
  test('accepts every option at its default, and returns what was set', () => {
    expect(checkOptions({ ...DEFAULT_CONFIG }, 's')).toEqual(DEFAULT_CONFIG)
    expect(checkOptions({ threshold: 0.2, report: false }, 's')).toEqual({ threshold: 0.2, report: false })
  })

  test('nothing, and options set to undefined, are no options', () => {
    expect(checkOptions(undefined, 's')).toEqual({})
    expect(checkOptions(null, 's')).toEqual({})
    const checked = checkOptions({ threshold: undefined, alpha: 0.05 }, 's')
    expect(checked).toEqual({ alpha: 0.05 })
    expect(Object.hasOwn(checked, 'threshold')).toBe(false)
  })

  test.each([
    [0, true],
    [2, true],
    [-0.1, false],
    [Number.NaN, false],
  ])('threshold %s accepted: %s', (threshold, ok) => {
    if (ok) expect(checkOptions({ threshold }, 's')).toEqual({ threshold })
    else expect(failure({ threshold })).toMatch(/option "threshold" must be a fraction ≥ 0/)
  })

  test('unknown options are named, with a suggestion', () => {
    expect(failure({ treshold: 0.1 })).toBe(
      'perfgate.config.mjs: unknown option "treshold". Did you mean "threshold"? Known options: baselineDir, failOnRegression, threshold, alpha, timeBudget, report, github, environmentMismatch, correction, confirm.',
    )
    expect(failure({ baselinedir: 'b' }, 'perfgate() plugin options')).toMatch(
      /^perfgate\(\) plugin options: unknown option "baselinedir"\. Did you mean "baselineDir"\?/,
    )
    expect(failure({ colour: true })).toMatch(
      /^perfgate\.config\.mjs: unknown option "colour"\. Known options: /,
    )
  })

  test.each([
    [{ alpha: 0 }, 'option "alpha" must be a probability between 0 and 1, exclusive (e.g. 0.01), got 0'],
    [{ alpha: 1 }, 'option "alpha" must be a probability between 0 and 1, exclusive (e.g. 0.01), got 1'],
    [{ threshold: '10%' }, 'option "threshold" must be a fraction ≥ 0 (0.1 means 10%), got "10%"'],
    [{ timeBudget: 0 }, 'option "timeBudget" must be a number of milliseconds > 0, got 0'],
    [
      { timeBudget: Number.POSITIVE_INFINITY },
      'option "timeBudget" must be a number of milliseconds > 0, got Infinity',
    ],
    [{ failOnRegression: 'false' }, 'option "failOnRegression" must be true or false, got "false"'],
    [{ baselineDir: '' }, 'option "baselineDir" must be a directory path (a non-empty string), got ""'],
    [
      { baselineDir: ['a'] },
      'option "baselineDir" must be a directory path (a non-empty string), got an array',
    ],
    [{ report: true }, 'option "report" must be a file path, or false to write no report, got true'],
    [{ github: 'on' }, 'option "github" must be "auto" or "off", got "on"'],
    [
      { environmentMismatch: 'warn' },
      'option "environmentMismatch" must be "advisory" or "fail", got "warn"',
    ],
    [{ correction: 'bonferroni' }, 'option "correction" must be "holm" or "bh", got "bonferroni"'],
    [{ github: null }, 'option "github" must be "auto" or "off", got null'],
  ])('%j', (input, message) => {
    expect(failure(input)).toBe(`perfgate.config.mjs: ${message}.`)
  })

  test.each([
    ['baselines', '"baselines"'],
    [[], 'an empty array'],
    [() => ({}), 'a function'],
    [42, '42'],
  ])('options that are not an object (%j)', (input, got) => {
    expect(failure(input)).toBe(`perfgate.config.mjs: options must be an object, got ${got}.`)
  })

  test('inherited properties are not options; own "constructor" is unknown', () => {
    expect(checkOptions(Object.create({ threshold: 'bad' }), 's')).toEqual({})
    expect(failure({ constructor: 1 })).toMatch(/unknown option "constructor"/)
  })
})

describe('closestName', () => {
  const names = ['baselineDir', 'failOnRegression', 'threshold', 'alpha', 'report']
  test.each([
    ['treshold', 'threshold'],
    ['BASELINEDIR', 'baselineDir'],
    ['baselineDirectory', undefined],
    ['alfa', 'alpha'],
    ['reports', 'report'],
    ['xyz', undefined],
    ['failOnRegresion', 'failOnRegression'],
  ])('%s → %s', (name, expected) => {
    expect(closestName(name, names)).toBe(expected)
  })
})
