import { expect, test } from 'vitest'
import { optionsFromEnv } from '../../../src/config/env.js'
import { isPerfgateError } from '../../../src/errors.js'

test('no variables: no options, no update', () => {
  expect(optionsFromEnv({})).toEqual({ options: {}, update: false })
})

test.each([
  ['1', true],
  ['true', true],
  ['TRUE', true],
  [' yes ', true],
  ['0', false],
  ['false', false],
  ['no', false],
  ['', false],
])('PERFGATE_UPDATE=%j → update %s', (value, update) => {
  expect(optionsFromEnv({ PERFGATE_UPDATE: value }).update).toBe(update)
})

test('any other PERFGATE_UPDATE value is an error naming the variable', () => {
  let thrown: unknown
  try {
    optionsFromEnv({ PERFGATE_UPDATE: 'please' })
  } catch (error) {
    thrown = error
  }
  expect(isPerfgateError(thrown) && thrown.code).toBe('BAD_CONFIG')
  expect((thrown as Error).message).toBe(
    'PERFGATE_UPDATE must be 1, true or yes to update the baselines (0, false or empty not to), got "please".',
  )
})

test('PERFGATE_BASELINE_DIR and PERFGATE_REPORT set options; empty ones are unset', () => {
  expect(
    optionsFromEnv({ PERFGATE_BASELINE_DIR: 'perf/base', PERFGATE_REPORT: 'out/r.json' }).options,
  ).toEqual({
    baselineDir: 'perf/base',
    report: 'out/r.json',
  })
  expect(optionsFromEnv({ PERFGATE_BASELINE_DIR: '', PERFGATE_REPORT: ' ' }).options).toEqual({})
})

test.each(['false', 'off', 'OFF'])('PERFGATE_REPORT=%s writes no report', (value) => {
  expect(optionsFromEnv({ PERFGATE_REPORT: value }).options).toEqual({ report: false })
})
