import { describe, expect, test } from 'vitest'
import type { ConfirmInput } from '../../../src/run/confirm-run.js'
import { confirmInFreshProcesses } from '../../../src/run/confirm-run.js'
import { judgeRun } from '../../../src/run/judge.js'
import type { Measurement, RunReport } from '../../../src/types.js'
import { env, policy, timeMeasurement } from './measurements.js'

// A time measurement at `value` (1% spread), with baseline rounds or in another file if given.
const measurement = (name: string, value: number, rounds?: number[], file?: string) =>
  timeMeasurement(name, value, {
    file: file ?? (name === 'e' ? 'b.test.ts' : 'a.test.ts'),
    ...(rounds ? { rounds } : {}),
  })

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
  judgeRun({ measurements: [...measurements], baseline, env, environmentDifferences: [], policy })

function output() {
  const lines: string[] = []
  return { lines, stream: { isTTY: false, write: (text: string) => void lines.push(text) } }
}

// Runs the fresh-process loop from `first`, each re-measurement answered by the next of
// `answers`: the report, the progress lines, and the answers nobody asked for.
async function replay(
  first: RunReport,
  answers: readonly Measurement[][],
  judgeWith: ConfirmInput['judge'] = judge,
) {
  const out = output()
  const left = [...answers]
  const report = await confirmInFreshProcesses({
    report: first,
    policy,
    judge: judgeWith,
    measureAgain: async () => left.shift()!,
    stdout: out.stream,
  })
  return { report, lines: out.lines, left }
}

describe('confirmInFreshProcesses', () => {
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
    const report = await confirmInFreshProcesses({
      report: judge(run(2)),
      policy,
      judge,
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
    const report = await confirmInFreshProcesses({
      report: judge(run(2)),
      policy,
      judge,
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
    const { report, left } = await replay(judge(run(2)), [run(1), run(2)])
    expect(left).toEqual([])
    expect(report.failed).toBe(true)
    expect(report.comparisons[0]).toMatchObject({
      verdict: 'slower',
      confirmation: [{ verdict: 'same' }, { verdict: 'slower' }],
    })
  })

  test('a third process is asked, and said to be asked, only about what the second left open', async () => {
    // `a` and `b` both 2× slower in the first run; the second confirms `a` only.
    const both = () => names.map((n, i) => measurement(n, (1 + i) * (n === 'a' || n === 'b' ? 2 : 1)))
    const { lines } = await replay(judge(both()), [run(2), run(1)])
    expect(lines).toEqual([
      'perfgate: 2 measurements slower than the baseline; measuring 2 test files again in a fresh process to confirm (1 of at most 2)…\n',
      'perfgate: 1 measurement slower than the baseline; measuring 2 test files again in a fresh process to confirm (2 of at most 2)…\n',
    ])
  })

  // A first run whose `a` was 1.2× its baseline, beyond the threshold but significant only
  // before the correction: an `inconclusive` that leans toward `slower`.
  const leaningFirst = (): RunReport => {
    const first = judge(run(1))
    const [a, ...rest] = first.comparisons
    if (a?.verdict !== 'same') throw new Error('the fixture changed')
    const leaning = {
      ...a,
      verdict: 'inconclusive' as const,
      change: { ...a.change, ratio: 1.2 },
      leans: 'slower' as const,
    }
    return { ...first, comparisons: [leaning, ...rest], failed: false }
  }

  test('a lean toward `slower` is decided by one fresh process, which then gives the verdict', async () => {
    const { report, lines, left } = await replay(leaningFirst(), [run(2), run(2)])
    expect(left).toHaveLength(1)
    expect(lines).toEqual([
      'perfgate: 1 measurement beyond the threshold but not yet significant; measuring 2 test files again in a fresh process to decide (1 of at most 2)…\n',
    ])
    expect(report.failed).toBe(true)
    expect(report.comparisons[0]).toMatchObject({ verdict: 'slower', pointedBy: { ratio: 1.2 } })
    expect(report.comparisons[0]?.verdict === 'slower' && report.comparisons[0].change.ratio).toBeCloseTo(
      2,
      1,
    )
  })

  test('a lean the fresh process does not find `slower` stays `inconclusive`; a failed re-run says so', async () => {
    const { report } = await replay(leaningFirst(), [run(1)])
    expect(report.failed).toBe(false)
    expect(report.comparisons[0]).toMatchObject({
      verdict: 'inconclusive',
      confirmation: [{ verdict: 'same' }],
    })
    const broken = await confirmInFreshProcesses({
      report: leaningFirst(),
      policy,
      judge,
      measureAgain: async () => {
        throw new Error('vitest is not installed')
      },
      stdout: output().stream,
    })
    expect(broken.problems).toEqual([
      'could not measure again to decide 1 verdict leaning `slower` (vitest is not installed); it stays `inconclusive`.',
    ])
  })

  test('a re-run that cannot run leaves the verdict as it was and says why', async () => {
    const report = await confirmInFreshProcesses({
      report: judge(run(2)),
      policy,
      judge,
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
    const report = await confirmInFreshProcesses({
      report: first,
      policy,
      judge,
      measureAgain: async () => run(2),
      stdout: output().stream,
    })
    expect(report.advisory).toBe(true)
    expect(report.failed).toBe(false)
  })
})

// Sixteen measurements of one file, for runs whose speed changes partway through: a slow period
// moves measurements 7–15 about 1.45× (each by its own amount), and `u10` may be slowed on top.
// The baseline's rounds differ by about 2% per measurement.
const many = Array.from({ length: 16 }, (_, i) => `u${i}`)
const manyBaseline = many.map((n, i) =>
  measurement(
    n,
    1 + i / 4,
    [0, 1, 2, 3, 4].map((j) => (1 + i / 4) * (1 + 0.02 * Math.sin(i * 1.3 + j * 2.1))),
    'c.test.ts',
  ),
)
const speedOf = (i: number, partway: boolean) =>
  partway && i >= 7 ? 1.45 * (1 + 0.02 * Math.sin(i * 2.3)) : 1
const manyRun = (partway: boolean, slowed = 1) =>
  many.map((n, i) =>
    measurement(n, (1 + i / 4) * speedOf(i, partway) * (n === 'u10' ? slowed : 1), undefined, 'c.test.ts'),
  )
const judgeMany = (measurements: readonly Measurement[]) =>
  judgeRun({
    measurements: [...measurements],
    baseline: manyBaseline,
    env,
    environmentDifferences: [],
    policy,
  })

describe('confirmInFreshProcesses: runs whose speed changed partway', () => {
  test('the fixture: the partway run is flagged unsteady, the steady one is not', () => {
    expect(judgeMany(manyRun(true)).comparisons.every((c) => 'noise' in c && c.noise?.unsteady)).toBe(true)
    expect(judgeMany(manyRun(false)).comparisons.some((c) => 'noise' in c && c.noise?.unsteady)).toBe(false)
  })

  test('an unsteady run is measured again; the fresh process gives the verdicts and the measurements', async () => {
    const fresh = manyRun(false, 2)
    const { report, lines, left } = await replay(
      judgeMany(manyRun(true, 2)),
      [fresh, manyRun(false, 2)],
      judgeMany,
    )
    expect(left).toEqual([])
    expect(report.measurements).toEqual(fresh)
    expect(report.replacedUnsteady).toBe(true)
    expect(report.failed).toBe(true)
    expect(report.comparisons.find((c) => c.key === 'u10')).toMatchObject({
      verdict: 'slower',
      confirmation: [{ verdict: 'slower' }],
    })
    expect(lines).toEqual([
      "perfgate: this run's speed changed partway through (a slow period of the machine covered part of it), so its intervals are wide; measuring 1 test file again in a fresh process…\n",
      'perfgate: 1 measurement slower than the baseline; measuring 1 test file again in a fresh process to confirm (1 of at most 2)…\n',
    ])
  })

  test('an unsteady re-measurement that does not confirm is set aside, and another is taken', async () => {
    const { report, lines, left } = await replay(
      judgeMany(manyRun(false, 2)),
      [manyRun(true, 1), manyRun(false, 2)],
      judgeMany,
    )
    expect(left).toEqual([])
    expect(report.comparisons.find((c) => c.key === 'u10')).toMatchObject({
      verdict: 'slower',
      confirmation: [{ verdict: 'slower' }],
    })
    expect(report.replacedUnsteady).toBeUndefined()
    expect(lines).toEqual([
      'perfgate: 1 measurement slower than the baseline; measuring 1 test file again in a fresh process to confirm (1 of at most 2)…\n',
      "perfgate: that process's speed changed partway through; it does not count.\n" +
        'perfgate: 1 measurement slower than the baseline; measuring 1 test file again in a fresh process to confirm (1 of at most 2)…\n',
    ])
  })

  test('an unsteady run that cannot be measured again keeps its own verdicts, and says why', async () => {
    const first = judgeMany(manyRun(true))
    const report = await confirmInFreshProcesses({
      report: first,
      policy,
      judge: judgeMany,
      measureAgain: async () => {
        throw new Error('vitest is not installed')
      },
      stdout: output().stream,
    })
    expect(report.comparisons).toEqual(first.comparisons)
    expect(report.replacedUnsteady).toBeUndefined()
    expect(report.problems).toEqual([
      "could not measure again after a run whose speed changed partway (vitest is not installed); its verdicts stand, read with the run's wide intervals.",
    ])
  })
})
