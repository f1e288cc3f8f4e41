import { describe, expect, test } from 'vitest'
import { compareItems, gateFails, judgeRun } from '../../../src/run/judge.js'
import { colorsFor } from '../../../src/terminal/colors.js'
import { renameHints, renderRunOutput } from '../../../src/terminal/run-output.js'
import { env, policy, timeMeasurement } from './measurements.js'

const plain = colorsFor({ isTTY: false }, {})
const measurement = timeMeasurement

describe('compareItems', () => {
  test('pairs by file and key; a baseline entry not measured is missing only when expected', () => {
    const base = [measurement('a', 1), measurement('gone', 1), measurement('skipped', 1)]
    const items = compareItems(
      [measurement('a', 1.1), measurement('b', 2)],
      base,
      (m) => m.name !== 'skipped',
    )
    expect(items.map((i) => [i.key, Boolean(i.base), Boolean(i.head)])).toEqual([
      ['a', true, true],
      ['b', false, true],
      ['gone', true, false],
    ])
  })

  test('the threshold of the test wins over the baseline, which wins over the run', () => {
    const items = compareItems(
      [measurement('a', 1, { threshold: 0.3 }), measurement('b', 1)],
      [measurement('a', 1, { threshold: 0.2 }), measurement('b', 1, { threshold: 0.2 })],
    )
    expect(items.map((i) => i.threshold)).toEqual([0.3, 0.2])
  })
})

describe('judgeRun and the gate', () => {
  const base = ['a', 'b', 'c'].map((n) => measurement(n, 1))
  const head = [measurement('a', 2), measurement('b', 1), measurement('c', 1)]

  test('a doubled measurement is slower and fails the run', () => {
    const report = judgeRun({ measurements: head, baseline: base, env, environmentDifferences: [], policy })
    expect(report.comparisons.map((c) => c.verdict)[0]).toBe('slower')
    expect(report.comparisons.filter((c) => c.verdict === 'slower')).toHaveLength(1)
    expect(report.failed).toBe(true)
    expect(report.advisory).toBe(false)
    expect(report.baseline).toHaveLength(3)
  })

  test('an environment mismatch makes it advisory unless configured to fail', () => {
    const input = {
      measurements: head,
      baseline: base,
      env,
      environmentDifferences: ['Node 20 vs 22'],
      policy,
    }
    expect(judgeRun(input)).toMatchObject({ advisory: true, failed: false })
    expect(judgeRun({ ...input, policy: { ...policy, environmentMismatch: 'fail' } })).toMatchObject({
      advisory: false,
      failed: true,
    })
  })

  test('failOnRegression: false never fails', () => {
    const report = judgeRun({
      measurements: head,
      baseline: base,
      env,
      environmentDifferences: [],
      policy: { ...policy, failOnRegression: false },
    })
    expect(report.failed).toBe(false)
    expect(gateFails(report.comparisons, false, policy)).toBe(true)
  })

  test('the report keeps only the baseline entries it was judged against', () => {
    const report = judgeRun({
      measurements: [measurement('a', 1)],
      baseline: base,
      env,
      environmentDifferences: [],
      policy,
      expected: (m) => m.name === 'a',
    })
    expect(report.baseline?.map((m) => m.key)).toEqual(['a'])
    expect(report.comparisons).toHaveLength(1)
  })
})

describe('terminal output', () => {
  test('a renamed test is explained; the gate line says how to re-record for the tool used', () => {
    const report = judgeRun({
      measurements: [measurement('new name', 1), measurement('a', 2)],
      baseline: [measurement('old name', 1), measurement('a', 1)],
      env,
      environmentDifferences: [],
      policy,
    })
    expect(renameHints(report.comparisons, 'x')).toEqual([
      'a.test.ts: "old name" has a baseline but was not measured, and "new name" is new; if a test was renamed, re-record its baseline (x).',
    ])
    const text = renderRunOutput(report, plain)
    expect(text).toContain('the performance gate failed')
    expect(text).toContain('vitest run -u')
    const bench = judgeRun({
      ...{ env, environmentDifferences: [], policy },
      measurements: [measurement('a', 2, { source: 'bench' })],
      baseline: [measurement('a', 1, { source: 'bench' })],
    })
    expect(renderRunOutput(bench, plain)).toContain('perfgate bench --update')
  })

  test('a run measured again in a fresh process says whose figures it shows', () => {
    const report = judgeRun({
      measurements: [measurement('a', 1)],
      baseline: [measurement('a', 1)],
      env,
      environmentDifferences: [],
      policy,
    })
    const note =
      "perfgate: this run's speed changed partway through (a slow period of the machine), so a fresh"
    expect(renderRunOutput({ ...report, replacedUnsteady: true }, plain)).toContain(note)
    expect(renderRunOutput(report, plain)).not.toContain('speed changed partway')
  })

  test('an environment mismatch is said prominently', () => {
    const report = judgeRun({
      measurements: [measurement('a', 1)],
      baseline: [measurement('a', 1)],
      env,
      environmentDifferences: ['CPU "x" vs "y"'],
      policy,
    })
    expect(renderRunOutput(report, plain)).toContain(
      '⚠ baseline measured elsewhere: CPU "x" vs "y". verdicts are advisory',
    )
  })
})
