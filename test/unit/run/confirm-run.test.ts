import { describe, expect, test } from 'vitest'
import { confirmSlower } from '../../../src/run/confirm-run.js'
import { judgeRun } from '../../../src/run/judge.js'
import { summarize } from '../../../src/stats/index.js'
import type { Environment, GatePolicy, Measurement } from '../../../src/types.js'

const env: Environment = { node: '20.20.2', os: 'linux', arch: 'x64', cpu: 'cpu', cores: 2, ci: true }
const policy: GatePolicy = {
  alpha: 0.01,
  threshold: 0.1,
  correction: 'holm',
  failOnRegression: true,
  environmentMismatch: 'advisory',
}

// Deterministic samples around `value` with a 1% spread; the baseline has five tight rounds.
function measurement(name: string, value: number, rounds?: number[]): Measurement {
  const samples = Array.from({ length: 60 }, (_, i) => value * (1 + 0.01 * Math.sin(i * 1.7)))
  return {
    key: name,
    file: name === 'e' ? 'b.test.ts' : 'a.test.ts',
    name,
    metric: 'time',
    unit: 'ms',
    source: 'matcher',
    stat: 'median',
    summary: summarize(samples),
    samples: [...samples].sort((a, b) => a - b),
    batch: 1,
    ...(rounds ? { rounds } : {}),
  }
}

const names = ['a', 'b', 'c', 'd', 'e', 'f']
const baseline = names.map((n, i) =>
  measurement(
    n,
    1 + i,
    [0.99, 1.01, 1, 1.005, 0.995].map((r) => r * (1 + i)),
  ),
)
// A run in which `a` takes `factor` times its baseline and the rest are unchanged.
const run = (factor: number) => names.map((n, i) => measurement(n, (1 + i) * (n === 'a' ? factor : 1)))

const judge = (measurements: readonly Measurement[]) =>
  judgeRun({ measurements, baseline, env, environmentDifferences: [], policy })

function output() {
  const lines: string[] = []
  return { lines, stream: { isTTY: false, write: (text: string) => void lines.push(text) } }
}

describe('confirmSlower', () => {
  test('the fixture: `a` at 2× is slower, the others same', () => {
    expect(judge(run(2)).comparisons.map((c) => c.verdict)).toEqual([
      'slower',
      'same',
      'same',
      'same',
      'same',
      'same',
    ])
  })

  test('a regression that repeats: one re-run of every measured file, and the run still fails', async () => {
    const calls: (readonly string[])[] = []
    const out = output()
    const report = await confirmSlower({
      report: judge(run(2)),
      policy,
      judge: (m) => judge(m).comparisons,
      measureAgain: async (files) => {
        calls.push(files)
        return run(2)
      },
      stdout: out.stream,
    })
    expect(calls).toEqual([['a.test.ts', 'b.test.ts']])
    expect(report.failed).toBe(true)
    expect(report.comparisons[0]).toMatchObject({ verdict: 'slower', confirmation: [{ verdict: 'slower' }] })
    expect(out.lines).toEqual([
      'perfgate: 1 measurement slower than the baseline; measuring 2 test files again in a fresh process to confirm (1 of at most 2)…\n',
    ])
  })

  test('a jump of one process: two re-runs disagree, the verdict is inconclusive and the run passes', async () => {
    let calls = 0
    const report = await confirmSlower({
      report: judge(run(2)),
      policy,
      judge: (m) => judge(m).comparisons,
      measureAgain: async () => {
        calls++
        return run(1)
      },
      stdout: output().stream,
    })
    expect(calls).toBe(2)
    expect(report.failed).toBe(false)
    expect(report.comparisons[0]?.verdict).toBe('inconclusive')
    expect(report.comparisons.slice(1).map((c) => c.verdict)).toEqual([
      'same',
      'same',
      'same',
      'same',
      'same',
    ])
  })

  test('two of three: the second re-run disagrees, the third agrees', async () => {
    const answers = [run(1), run(2)]
    const report = await confirmSlower({
      report: judge(run(2)),
      policy,
      judge: (m) => judge(m).comparisons,
      measureAgain: async () => answers.shift()!,
      stdout: output().stream,
    })
    expect(answers).toEqual([])
    expect(report.failed).toBe(true)
    expect(report.comparisons[0]).toMatchObject({
      verdict: 'slower',
      confirmation: [{ verdict: 'same' }, { verdict: 'slower' }],
    })
  })

  test('a re-run that cannot run leaves the verdict as it was and says why', async () => {
    const report = await confirmSlower({
      report: judge(run(2)),
      policy,
      judge: (m) => judge(m).comparisons,
      measureAgain: async () => {
        throw new Error('vitest is not installed')
      },
      stdout: output().stream,
    })
    expect(report.failed).toBe(true)
    expect(report.comparisons[0]?.verdict).toBe('slower')
    expect(report.problems).toEqual([
      'could not measure again to confirm 1 `slower` verdict (vitest is not installed); it stands unconfirmed.',
    ])
  })

  test('an advisory run stays advisory: confirmed or not, it does not fail', async () => {
    const first = judgeRun({
      measurements: run(2),
      baseline,
      env,
      environmentDifferences: ['cpu: other → cpu'],
      policy,
    })
    const report = await confirmSlower({
      report: first,
      policy,
      judge: (m) => judge(m).comparisons,
      measureAgain: async () => run(2),
      stdout: output().stream,
    })
    expect(report.advisory).toBe(true)
    expect(report.failed).toBe(false)
  })
})
