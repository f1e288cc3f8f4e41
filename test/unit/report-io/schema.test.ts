import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { isPerfgateError } from '../../../src/errors.js'
import { parseRunReport } from '../../../src/report/schema.js'
import type { Comparison, RunReport } from '../../../src/types.js'
import { ENV, edit, measurement } from '../baseline/make.js'

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/reports/${name}`, import.meta.url), 'utf8'))

function failure(json: unknown, path = 'r.json'): string {
  try {
    parseRunReport(json, path)
  } catch (error) {
    if (isPerfgateError(error) && error.code === 'BAD_REPORT') return error.message
    throw error
  }
  throw new Error('expected BAD_REPORT')
}

const summary = measurement({ key: 'x' }).summary

const invalid: Comparison = {
  verdict: 'inconclusive',
  key: 'x',
  file: 'src/a.test.ts',
  name: 'x',
  metric: 'time',
  unit: 'ms',
  stat: 'median',
  base: summary,
  head: { ...summary, median: Number.NaN },
  change: { ratio: Number.NaN, low: Number.NaN, high: Number.NaN, level: Number.NaN },
  p: Number.NaN,
  pAdjusted: Number.NaN,
  threshold: 0.1,
  reason: 'the current samples contain NaN or Infinity',
}

const compared: Comparison = {
  verdict: 'slower',
  key: 'm',
  file: 'src/a.test.ts',
  name: 'm',
  metric: 'memory',
  unit: 'MB',
  stat: 'median',
  base: summary,
  head: summary,
  change: { ratio: 1.3, low: 1.2, high: 1.4, level: 0.99 },
  p: 0.001,
  pAdjusted: 0.004,
  threshold: 0.1,
  noise: { source: 'floor', processSd: 0.1, df: Number.POSITIVE_INFINITY, inflation: 1 },
  difference: { difference: 0.5, low: 0.2, high: 0.8, level: 0.99 },
  rank: { p: Number.NaN, pAdjusted: 0.02, ratio: 1.25, required: true },
}

function report(extra: Partial<RunReport> = {}): RunReport {
  return {
    version: 1,
    tool: 'perfgate',
    env: ENV,
    advisory: false,
    policy: {
      alpha: 0.01,
      threshold: 0.1,
      correction: 'holm',
      failOnRegression: true,
      environmentMismatch: 'advisory',
    },
    measurements: [measurement({ key: 'x', rounds: [1, 2], negated: true, cold: true })],
    baseline: [measurement({ key: 'x' })],
    comparisons: [invalid, compared, { ...compared, verdict: 'new', key: 'n' } as Comparison],
    problems: ['p'],
    failed: true,
    ...extra,
  }
}

// What a report looks like after being written and read back as JSON.
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

describe('parseRunReport', () => {
  test.each(['small.json', 'advisory.json', 'evil-names.json'])(
    'the fixture %s is a valid report',
    (name) => {
      const json = fixture(name)
      expect(parseRunReport(json, name)).toEqual(json)
    },
  )

  test('replacedUnsteady is true or absent', () => {
    const replaced = { ...(throughJson(report()) as object), replacedUnsteady: true }
    expect(parseRunReport(replaced, 'r.json').replacedUnsteady).toBe(true)
    expect(() => parseRunReport({ ...replaced, replacedUnsteady: 'yes' }, 'r.json')).toThrow(
      /replacedUnsteady/,
    )
  })

  test("a lean, a fresh process's steps and the ratio a `slower` was pointed to by read back", () => {
    const leaning: Comparison = {
      ...compared,
      verdict: 'inconclusive',
      leans: 'slower',
      confirmation: [{ verdict: 'inconclusive', ratio: 1.16, leans: 'slower' }],
    }
    const pointed: Comparison = { ...compared, pointedBy: { ratio: 1.18 } }
    const parsed = parseRunReport(throughJson(report({ comparisons: [leaning, pointed] })), 'r.json')
    expect(parsed.comparisons).toEqual([leaning, pointed])
    const sideways = throughJson(report({ comparisons: [leaning] }))
    edit(sideways, ['comparisons', 0, 'leans'], 'up')
    expect(failure(sideways)).toMatch(/comparisons\[0\]\.leans: expected "slower" or "faster", got "up"/)
  })

  test('NaN written as null reads back as NaN; an infinite df as Infinity', () => {
    const parsed = parseRunReport(throughJson(report()), 'r.json')
    const [bad, good, added] = parsed.comparisons
    expect(bad).toEqual(invalid)
    expect(good).toEqual(compared)
    expect(added).toEqual({
      verdict: 'new',
      key: 'n',
      file: 'src/a.test.ts',
      name: 'm',
      metric: 'memory',
      unit: 'MB',
      stat: 'median',
      head: summary,
    })
    expect(parsed).toEqual({ ...report(), comparisons: [invalid, compared, added] })
  })

  test('not a report at all', () => {
    expect(failure([])).toBe(
      'r.json is not a perfgate run report (expected a JSON object, got an empty array).',
    )
    expect(failure({ version: 1 })).toBe('r.json is not a perfgate run report ("tool" is nothing).')
  })

  test('an unknown version says which versions are understood', () => {
    expect(failure({ ...report(), version: 2 })).toBe(
      'r.json: report version 2 is not understood; this perfgate reads version 1. Use the perfgate that wrote it, or re-run the suite.',
    )
  })

  test('problems are named with their field paths', () => {
    const json = throughJson(report())
    edit(json, ['measurements', 0, 'summary', 'median'], 'fast')
    edit(json, ['comparisons', 1, 'p'], '0.5')
    edit(json, ['comparisons', 2, 'verdict'], 'worse')
    edit(json, ['failed'], undefined)
    expect(failure(json, 'reports/head.json')).toBe(
      [
        'reports/head.json is not a valid perfgate run report:',
        '  measurements[0].summary.median: expected a finite number, got "fast"',
        '  comparisons[1].p: expected a finite number, got "0.5"',
        '  comparisons[2].verdict: expected one of "faster", "same", "slower", "inconclusive", "new", "missing", got "worse"',
        '  failed: expected true or false, got nothing',
      ].join('\n'),
    )
  })

  test('only the first five problems, then a count', () => {
    const json = throughJson(report())
    for (const field of ['min', 'max', 'mean', 'median', 'sd', 'mad', 'p75'])
      edit(json, ['measurements', 0, 'summary', field], 'x')
    const message = failure(json)
    expect(message.split('\n')).toHaveLength(7)
    expect(message).toMatch(/\n {2}… and 2 more$/)
  })

  test('policy values must be real numbers', () => {
    const json = throughJson(report())
    edit(json, ['policy', 'alpha'], null)
    expect(failure(json)).toContain('policy.alpha: expected a finite number, got null')
  })
})
