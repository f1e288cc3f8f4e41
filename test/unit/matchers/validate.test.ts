import { describe, expect, test } from 'vitest'
import { validateMemoryArguments, validateTimeArguments } from '../../../matchers/validate.js'

const fn = () => 1

describe('validateTimeArguments', () => {
  test('accepts a function, a budget and known options', () => {
    expect(validateTimeArguments(fn, 10, undefined)).toEqual({})
    expect(
      validateTimeArguments(fn, 0, { stat: 'p99', samples: 3, warmup: 0, timeBudget: 5, timeout: 9 }),
    ).toEqual({
      stat: 'p99',
      samples: 3,
      warmup: 0,
      timeBudget: 5,
      timeout: 9,
    })
  })

  test.each([
    [42, 10, undefined, 'toCompleteWithin: expect() must receive the function to measure, got 42'],
    ['x', 10, undefined, 'got "x"'],
    [fn, -1, undefined, 'the budget must be a finite number of milliseconds ≥ 0, got -1'],
    [fn, Number.NaN, undefined, 'got NaN'],
    [fn, Number.POSITIVE_INFINITY, undefined, 'got Infinity'],
    [fn, '10', undefined, 'got "10"'],
    [fn, 10, 5, 'options must be an object, got 5'],
    [fn, 10, [1], 'options must be an object, got an array'],
    [fn, 10, { sample: 3 }, 'unknown option `sample` (did you mean `samples`?)'],
    [fn, 10, { foo: 3 }, 'unknown option `foo`; known options: stat, samples'],
    [
      fn,
      10,
      { stat: 'avg' },
      'option `stat` must be one of min, mean, median, p75, p95, p99, max, got "avg"',
    ],
    [fn, 10, { samples: 0 }, 'option `samples` must be'],
    [fn, 10, { samples: 2.5 }, 'option `samples` must be'],
    [fn, 10, { timeBudget: -5 }, 'option `timeBudget` must be'],
    [fn, 10, { warmup: null }, 'option `warmup` must be'],
  ])('rejects %j, %j, %j', (received, budget, options, message) => {
    expect(() => validateTimeArguments(received, budget, options)).toThrow(message)
    expect(() => validateTimeArguments(received, budget, options)).toThrow(TypeError)
  })
})

describe('validateMemoryArguments', () => {
  test('has its own options and names its own matcher', () => {
    expect(validateMemoryArguments(fn, 1, { calls: 10, checkpoints: 5 })).toEqual({
      calls: 10,
      checkpoints: 5,
    })
    expect(() => validateMemoryArguments(fn, 1, { samples: 3 })).toThrow(
      'toGrowMemoryLessThan: unknown option `samples`',
    )
    expect(() => validateMemoryArguments(fn, 1, { checkpoints: 2 })).toThrow('option `checkpoints` must be')
    expect(() => validateMemoryArguments(fn, -2, {})).toThrow('megabytes ≥ 0, got -2')
  })
})
