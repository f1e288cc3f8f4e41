import { describe, expect, test } from 'vitest'
import { failureOf, runJest } from './run-jest.js'

describe('perfgate/jest matchers in a real Jest run (CommonJS project)', () => {
  test('budgets that hold pass: sync without await, async, .not, options, cold path, garbage', async () => {
    const run = await runJest('jest-cjs', ['--runInBand', 'pass.test.js'])
    expect(run.code, run.output).toBe(0)
    expect([...run.tests.values()].map((t) => t.status)).toEqual(Array(6).fill('passed'))
  })

  test('budgets that do not hold fail with the figures in the message; a real leak is caught', async () => {
    const run = await runJest('jest-cjs', ['--runInBand', 'fail.test.js'])
    expect(run.code).toBe(1)
    expect(run.tests.size).toBe(5)
    expect([...run.tests.values()].every((t) => t.status === 'failed')).toBe(true)
    const sync = failureOf(run, 'sync over budget')
    expect(sync).toMatch(/Expected median ≤ 500 µs per call\nReceived median = \d+(\.\d+)? ms/)
    expect(sync).toMatch(/n = \d+ samples/)
    expect(sync).toMatch(/min .* · median .* · p95 .* · max /)
    expect(failureOf(run, 'async over budget')).toMatch(
      /Expected median ≤ 1 ms per call\nReceived median = \d+(\.\d+)? ms/,
    )
    expect(failureOf(run, 'negated but within')).toMatch(
      /expect\(fn\)\.not\.toCompleteWithin\(100\)\n\nExpected median > 100 ms/,
    )
    expect(failureOf(run, 'a real leak')).toMatch(
      /Expected median ≤ 1 MB retained over the measured calls\nReceived median = ([5-9]|1[0-5])(\.\d+)? MB/,
    )
    expect(failureOf(run, 'async never settles')).toContain(
      'did not settle within 300 ms (the `timeout` option)',
    )
  })

  test('bad arguments fail the assertion with a message naming the argument, and the worker lives on', async () => {
    const run = await runJest('jest-cjs', ['--runInBand', 'bad-args.test.js'])
    expect(run.code).toBe(1)
    expect(failureOf(run, 'not a function')).toContain(
      'toCompleteWithin: expect() must receive the function to measure, got 42',
    )
    expect(failureOf(run, 'negative budget')).toContain(
      'toCompleteWithin: the budget must be a finite number of milliseconds ≥ 0, got -1',
    )
    expect(failureOf(run, 'NaN budget')).toContain(
      'toGrowMemoryLessThan: the budget must be a finite number of megabytes ≥ 0, got NaN',
    )
    expect(failureOf(run, 'unknown option')).toContain('unknown option `sample` (did you mean `samples`?)')
    expect(failureOf(run, 'bad option value')).toContain(
      'option `stat` must be one of min, mean, median, p75, p95, p99, max, got "p50"',
    )
    expect(run.tests.get('the worker survives bad arguments')?.status).toBe('passed')
    expect(run.table).toBe('')
  })

  test('names: suites joined by " > ", repeated measurements keyed #2, concurrent tests and retries', async () => {
    const run = await runJest('jest-cjs', ['--runInBand', 'names.test.js'])
    expect(run.code, run.output).toBe(0)
    expect(run.table).toContain('perfgate: 5 measurements')
    for (const row of [
      'measures twice',
      'measures twice #2',
      'concurrent a',
      'concurrent b',
      'retried once',
    ]) {
      expect(run.table).toMatch(new RegExp(`names\\.test\\.js > suite > ${row}\\s+time`))
    }
    // Each concurrent test's measurement is its own: a sleeps 30 ms, b 1 ms, at the same time.
    expect(run.table).toMatch(/> concurrent a\s+time\s+median\s+[3-9]\d(\.\d+)? ms/)
    expect(run.table).toMatch(/> concurrent b\s+time\s+median\s+\d(\.\d+)? ms/)
  })

  // Jest's fake timers freeze the global `performance.now()` and hold back the global `setTimeout`;
  // the measurement reads `node:perf_hooks` and `node:timers`, which fake timers leave alone.
  test('measuring works under jest.useFakeTimers()', async () => {
    const run = await runJest('jest-cjs', ['--runInBand', 'faketimers.test.js'])
    expect(run.code, run.output).toBe(0)
    expect(run.table).toContain('perfgate: 2 measurements')
  })
})

describe('perfgate/jest in a native ESM project', () => {
  test('the matchers work with @jest/globals and injectGlobals: false, whichever build is loaded', async () => {
    // `perfgate/jest` in the config loads the CommonJS build; a setup file that imports it, the ESM build.
    for (const args of [[], ['--setupFilesAfterEnv', './setup.js']]) {
      const run = await runJest('jest-esm', ['--runInBand', ...args], { esm: true })
      expect(run.code, run.output).toBe(0)
      expect(run.tests.size).toBe(4)
      expect(run.table).toContain('perfgate: 4 measurements')
      expect(run.table).toMatch(/esm\.test\.js > native ESM > sync budget\s+time\s+median/)
      expect(run.table).toMatch(
        /> a real leak is caught \[memory\]\s+memory\s+median\s+\S+ MB\s+\d+\s+1 MB\s+over/,
      )
      expect(run.table).toMatch(
        /> garbage is not a leak \[memory\]\s+memory\s+median\s+\S+ \S*B\s+\d+\s+1 MB\s+within/,
      )
    }
  })
})
