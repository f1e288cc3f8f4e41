import { expect, test } from 'vitest'
import { mergeRunReports } from '../../../src/report/merge.js'
import type { Measurement, RunReport } from '../../../src/types.js'
import { ENV, measurement } from '../baseline/make.js'

function report(measurements: Measurement[], extra: Partial<RunReport> = {}): RunReport {
  return {
    version: 1,
    tool: 'perfgate',
    env: ENV,
    advisory: false,
    measurements,
    comparisons: [],
    failed: false,
    ...extra,
  }
}

const a = measurement({ key: 'a' })
const b = measurement({ key: 'b', file: 'src/b.test.ts' })

test('concatenates the measurements and baselines of shards', () => {
  const merged = mergeRunReports([
    { path: 'shard-1.json', report: report([a], { baseline: [a], problems: ['p1', 'shared'] }) },
    { path: 'shard-2.json', report: report([b], { baseline: [b], problems: ['shared'] }) },
  ])
  expect(merged).toEqual({ measurements: [a, b], baseline: [a, b], problems: ['p1', 'shared'], env: ENV })
})

test('a measurement in two reports: the first is kept, the problem names both', () => {
  const again = { ...a, summary: { ...a.summary, median: 9 } }
  const merged = mergeRunReports([
    { path: 'one.json', report: report([a]) },
    { path: 'two.json', report: report([again, b]) },
  ])
  expect(merged.measurements).toEqual([a, b])
  expect(merged.problems).toEqual([
    'src/a.test.ts: "a" was measured in both one.json and two.json; the one from one.json is kept (do the shards overlap?)',
  ])
})

test('the same baseline entry in two reports is no problem; differing ones are', () => {
  const other = { ...a, summary: { ...a.summary, median: 9 } }
  const same = mergeRunReports([
    { path: 'one.json', report: report([], { baseline: [a] }) },
    { path: 'two.json', report: report([], { baseline: [{ ...a }] }) },
  ])
  expect(same).toMatchObject({ baseline: [a], problems: [] })
  const differ = mergeRunReports([
    { path: 'one.json', report: report([], { baseline: [a] }) },
    { path: 'two.json', report: report([], { baseline: [other] }) },
  ])
  expect(differ.baseline).toEqual([a])
  expect(differ.problems).toEqual([
    'src/a.test.ts: the baseline of "a" differs between one.json and two.json; the one from one.json is used',
  ])
})

test('reports from different environments: a problem listing them; the first env is kept', () => {
  const mac = { ...ENV, os: 'darwin 23.0.0', arch: 'arm64', cpu: 'Apple M2', cores: 8, ci: false }
  const merged = mergeRunReports([
    { path: 'linux-1.json', report: report([a]) },
    { path: 'mac.json', report: report([b], { env: mac }) },
    { path: 'linux-2.json', report: report([], { env: { ...ENV } }) },
  ])
  expect(merged.env).toBe(ENV)
  expect(merged.problems).toEqual([
    'the merged reports were measured in different environments: Node 22.11.0, linux 6.8.0 x64, AMD EPYC 7763 64-Core Processor (4 cores), CI (linux-1.json, linux-2.json); Node 22.11.0, darwin 23.0.0 arm64, Apple M2 (8 cores), local (mac.json); the merged report names the first',
  ])
})

test('immaterial environment differences (Node patch, kernel) are no problem', () => {
  const merged = mergeRunReports([
    { path: 'one.json', report: report([a]) },
    { path: 'two.json', report: report([b], { env: { ...ENV, node: '22.12.0', os: 'linux 6.9.1' } }) },
  ])
  expect(merged.problems).toEqual([])
})

test('no reports is an error', () => {
  expect(() => mergeRunReports([])).toThrow('no run reports to merge')
})
