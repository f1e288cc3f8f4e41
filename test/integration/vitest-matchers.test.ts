import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { fixturesDir, runVitest, scratchCopy } from './run.js'

interface JsonTest {
  fullName: string
  status: 'passed' | 'failed' | 'skipped' | 'pending'
  failureMessages: string[]
}

/** Runs the fixture with Vitest's JSON reporter next to the default one and returns per-test results. */
async function runMatchers(args: string[]) {
  const out = join(
    fixturesDir,
    'matchers',
    `.results-${process.pid}-${Math.random().toString(36).slice(2)}.json`,
  )
  try {
    const result = await runVitest('matchers', [
      'run',
      ...args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ])
    const json = JSON.parse(readFileSync(out, 'utf8')) as { testResults: { assertionResults: JsonTest[] }[] }
    const tests = new Map(
      json.testResults.flatMap((file) => file.assertionResults).map((t) => [t.fullName, t]),
    )
    return { ...result, tests }
  } finally {
    rmSync(out, { force: true })
  }
}

describe('matchers in a real Vitest run', () => {
  test('budgets that hold pass: sync without await, async, .not, options, cold path, garbage', async () => {
    const run = await runMatchers(['pass.test.ts'])
    expect(run.code, run.output).toBe(0)
    expect([...run.tests.values()].map((t) => t.status)).toEqual(Array(6).fill('passed'))
  })

  test('budgets that do not hold fail with the figures in the message', async () => {
    const run = await runMatchers(['fail.test.ts'])
    expect(run.code).toBe(1)
    const message = (name: string) => run.tests.get(name)?.failureMessages.join('\n') ?? ''
    expect(run.tests.size).toBe(5)
    expect([...run.tests.values()].every((t) => t.status === 'failed')).toBe(true)
    expect(message('sync over budget')).toMatch(
      /Expected median ≤ 500 µs per call\nReceived median = \d+(\.\d+)? ms/,
    )
    expect(message('sync over budget')).toMatch(/n = \d+ samples/)
    expect(message('sync over budget')).toMatch(/min .* · median .* · p95 .* · max /)
    expect(message('async over budget')).toMatch(
      /Expected median ≤ 1 ms per call\nReceived median = \d+(\.\d+)? ms/,
    )
    expect(message('negated but within')).toMatch(
      /expect\(fn\)\.not\.toCompleteWithin\(100\)\n\nExpected median > 100 ms/,
    )
    expect(message('a real leak')).toMatch(
      /Expected median ≤ 1 MB retained over the measured calls\nReceived median = ([5-9]|1[0-5])(\.\d+)? MB/,
    )
    expect(message('async never settles')).toContain('did not settle within 300 ms (the `timeout` option)')
  })

  test('bad arguments fail the assertion with a message naming the argument, and the worker lives on', async () => {
    const run = await runMatchers(['bad-args.test.ts'])
    expect(run.code).toBe(1)
    const message = (name: string) => run.tests.get(name)?.failureMessages.join('\n') ?? ''
    expect(message('not a function')).toContain(
      'toCompleteWithin: expect() must receive the function to measure, got 42',
    )
    expect(message('negative budget')).toContain(
      'toCompleteWithin: the budget must be a finite number of milliseconds ≥ 0, got -1',
    )
    expect(message('NaN budget')).toContain(
      'toGrowMemoryLessThan: the budget must be a finite number of megabytes ≥ 0, got NaN',
    )
    expect(message('unknown option')).toContain('unknown option `sample` (did you mean `samples`?)')
    expect(message('bad option value')).toContain(
      'option `stat` must be one of min, mean, median, p75, p95, p99, max, got "p50"',
    )
    expect(run.tests.get('the worker survives bad arguments')?.status).toBe('passed')
  })

  test.each(['threads', 'forks'])(
    'memory: a real leak is caught and garbage is not flagged in the %s pool',
    async (pool) => {
      const run = await runMatchers([`--pool=${pool}`, 'pass.test.ts', 'fail.test.ts', '-t', 'leak'])
      expect(run.tests.get('a real leak')?.status).toBe('failed')
      const garbage = await runMatchers([`--pool=${pool}`, 'pass.test.ts', '-t', 'garbage'])
      expect(garbage.code, garbage.output).toBe(0)
      expect(garbage.tests.get('passing budgets garbage is not a leak')?.status).toBe('passed')
    },
  )
})

describe('--reporter perf', () => {
  test('prints a table of every measurement after the normal output, composing with the default reporter', async () => {
    const run = await runVitest('matchers', [
      'run',
      'pass.test.ts',
      '--reporter',
      'default',
      '--reporter',
      'perf',
    ])
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('Tests  6 passed')
    const table = run.output.slice(run.output.indexOf('perfgate: 6 measurements'))
    expect(table).toMatch(/Test\s+Metric\s+Stat\s+Value\s+n\s+Budget\s+Result/)
    // Values are timings, whose unit follows the machine: a cold call once took 3 ms here.
    const value = String.raw`\S+ (?:ns|µs|ms)`
    expect(table).toMatch(
      new RegExp(
        String.raw`pass\.test\.ts > passing budgets > sync function without await\s+time\s+median\s+${value}\s+\d+\s+20 ms\s+within`,
      ),
    )
    expect(table).toMatch(new RegExp(String.raw`> options\s+time\s+p95\s+${value}\s+30\s+20 ms\s+within`))
    expect(table).toMatch(
      new RegExp(String.raw`> cold path\s+time\s+median\s+${value}\s+1 \(cold\)\s+50 ms\s+within`),
    )
    expect(table).toMatch(/> negated budget\s+time\s+median\s+\S+ ms\s+\d+\s+100 µs\s+over/)
    expect(table).toMatch(/> garbage is not a leak \[memory\]\s+memory\s+median/)
    expect(run.output).not.toContain(String.fromCharCode(27))
  })

  test('also resolves as perfgate/reporter, and stays silent when nothing was measured', async () => {
    const run = await runVitest('matchers', [
      'run',
      'bad-args.test.ts',
      '-t',
      'survives',
      '--reporter=perfgate/reporter',
    ])
    expect(run.code, run.output).toBe(0)
    expect(run.output).not.toContain('perfgate:')
  })
})

describe('--shard and --merge-reports', () => {
  test('measurements recorded in sharded blob reports all reach the merged perf table', async () => {
    const { dir, cleanup } = scratchCopy('matchers')
    try {
      for (const shard of ['1/2', '2/2']) {
        await runVitest(dir, ['run', 'pass.test.ts', 'fail.test.ts', `--shard=${shard}`, '--reporter=blob'])
      }
      const merged = await runVitest(dir, ['--merge-reports', '--reporter=perf'])
      expect(merged.output).toContain('perfgate: 10 measurements')
      expect(merged.output).toMatch(/pass\.test\.ts > passing budgets > cold path\s+time/)
      expect(merged.output).toMatch(
        /fail\.test\.ts > a real leak \[memory\]\s+memory\s+median\s+\S+ MB\s+10\s+1 MB\s+over/,
      )
    } finally {
      cleanup()
    }
  })
})
