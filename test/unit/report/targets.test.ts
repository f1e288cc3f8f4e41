import { describe, expect, test } from 'vitest'
import { renderTargetsTable, targetStatus } from '../../../src/report/markdown/index.js'
import { fixtureReport } from './load.js'
import { comparisonOf, measurementOf } from './reports.js'

describe('targetStatus', () => {
  const file = 'a.test.ts'
  test.each([
    ['well within the budget', { base: 5, budget: 10 }, 'same', '✅'],
    ['within 10% of the budget', { base: 9.5, budget: 10 }, 'same', '⚠️ near target'],
    ['over the budget', { base: 11, budget: 10 }, 'same', '❌ over target'],
    ['slower than the baseline', { base: 5, budget: 10 }, 'slower', '❌ slower'],
    ['inconclusive', { base: 5, budget: 10 }, 'inconclusive', '⚠️ inconclusive'],
    ['a benchmark without budget', { base: 5 }, 'faster', '✅'],
  ] as const)('%s', (_, values, verdict, status) => {
    const spec = { file, key: 'x', verdict, ...values }
    expect(targetStatus(measurementOf(spec), comparisonOf(spec))).toBe(status)
  })

  test('the matcher’s own judgement of the budget wins', () => {
    const m = {
      ...measurementOf({ file, key: 'x', verdict: 'new', base: 5, budget: 10 }),
      withinBudget: false,
    }
    expect(targetStatus(m, undefined)).toBe('❌ over target')
  })
})

describe('renderTargetsTable', () => {
  test('all measurements, sorted by file and name, the file named when there are several', () => {
    expect(renderTargetsTable(fixtureReport('small'))).toMatchInlineSnapshot(`
      "| Metric | Target | Current | Status |
      | :-- | --: | --: | :-- |
      | cache &gt; set<br><sub>src/cache.test.ts</sub> | ≤ 2 MB (retained) | 1.49 MB | ✅ |
      | cli --help<br><sub>src/cli.test.ts</sub> | ≤ 500 ms (median) | 248 ms | ⚠️ inconclusive |
      | cli start-up<br><sub>src/cli.test.ts</sub> | ≤ 1.5 s (median) | 1.45 s | ⚠️ near target |
      | parse &gt; large document<br><sub>src/parse.test.ts</sub> | ≤ 20 ms (median) | 15.3 ms | ❌ slower |
      | parse &gt; small document<br><sub>src/parse.test.ts</sub> | ≤ 1 ms (median) | 969 µs | ❌ slower |
      | render list<br><sub>src/render.bench.ts</sub> | — | 40.6 µs | ✅ |
      | render tree<br><sub>src/render.bench.ts</sub> | — | 3.23 ms | ✅ |"
    `)
  })

  test('a selection from one file names only the tests', () => {
    const table = renderTargetsTable(fixtureReport('small'), (m) => m.file === 'src/cli.test.ts')
    expect(table.split('\n').slice(2)).toEqual([
      '| cli --help | ≤ 500 ms (median) | 248 ms | ⚠️ inconclusive |',
      '| cli start-up | ≤ 1.5 s (median) | 1.45 s | ⚠️ near target |',
    ])
  })

  test('does not depend on the order of the report', () => {
    const report = fixtureReport('small')
    const reversed = { ...report, measurements: [...report.measurements].reverse() }
    expect(renderTargetsTable(reversed)).toBe(renderTargetsTable(report))
  })
})
