import { describe, expect, test } from 'vitest'
import { percent, verdictCell } from '../../../src/report/markdown/cells.js'
import {
  COMMENT_MARKER,
  COMMENT_MAX_LENGTH,
  escapeMarkdown,
  renderMarkdown,
  renderStepSummary,
  SUMMARY_MAX_LENGTH,
} from '../../../src/report/markdown/index.js'
import type { RunReport } from '../../../src/types.js'
import { fixtureReport } from './load.js'
import { problems } from './markdown-validity.js'
import { EVIL_NAMES, largeReport, reportOf } from './reports.js'

describe('renderMarkdown', () => {
  test('a small mixed report', async () => {
    const markdown = renderMarkdown(fixtureReport('small'))
    expect(problems(markdown)).toEqual([])
    await expect(markdown).toMatchFileSnapshot('__snapshots__/small.md')
  })

  test('baselines from another environment: a prominent warning, verdicts advisory', async () => {
    const markdown = renderMarkdown(fixtureReport('advisory'))
    expect(problems(markdown)).toEqual([])
    expect(markdown).toContain('> [!WARNING]\n> **The baselines were recorded in a different environment**')
    expect(markdown).toContain('Node 20.11.0 → 22.11.0; OS darwin → linux')
    expect(markdown).toContain('the verdicts are advisory')
    await expect(markdown).toMatchFileSnapshot('__snapshots__/advisory.md')
  })

  test('advisory without an environment change: the gate is off', () => {
    const report = { ...fixtureReport('small'), advisory: true, failed: false }
    expect(renderMarkdown(report)).toContain('> [!NOTE]\n> The verdicts are advisory: the gate is off')
  })

  test('a run measured again because its speed changed partway says so above the table', () => {
    const note = "> [!NOTE]\n> This run's speed changed partway through (a slow period of the machine)"
    expect(renderMarkdown({ ...fixtureReport('small'), replacedUnsteady: true })).toContain(note)
    expect(renderMarkdown(fixtureReport('small'))).not.toContain('speed changed partway')
  })

  test('evil test names can break nothing, inject nothing and ping no one', async () => {
    const report = fixtureReport('evil-names')
    const markdown = renderMarkdown(report)
    expect(problems(markdown)).toEqual([])
    const rows = markdown
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Name') && !line.startsWith('| :--'))
    expect(rows).toHaveLength(EVIL_NAMES.length)
    expect(markdown).not.toMatch(/<script|<b>|<\/details><details open>|\]\(http/)
    await expect(markdown).toMatchFileSnapshot('__snapshots__/evil-names.md')
  })

  test('a lean and a `slower` decided in a fresh process read in the verdict cell', () => {
    const [pointed, leaning] = reportOf([
      { file: 'a.test.ts', key: 'x', verdict: 'slower', base: 1, ratio: 1.21 },
      { file: 'a.test.ts', key: 'y', verdict: 'inconclusive', base: 1, ratio: 1.15, detectable: 0.2 },
    ]).comparisons
    if (pointed?.verdict !== 'slower' || leaning?.verdict !== 'inconclusive') throw new Error('fixture')
    expect(verdictCell({ ...pointed, pointedBy: { ratio: 1.15 } })).toBe(
      '🔴 **slower** (in a fresh process; first 1.15×)',
    )
    expect(verdictCell({ ...leaning, leans: 'slower' })).toBe(
      '🟡 inconclusive (leans slower, could detect ±20%)',
    )
  })

  test('a headline with the counts and the geometric mean of the ratios', () => {
    const report = reportOf([
      { file: 'a.test.ts', key: 'x', verdict: 'slower', base: 1, ratio: 1.21 },
      { file: 'a.test.ts', key: 'y', verdict: 'faster', base: 1, ratio: 1 / 1.1 },
      { file: 'a.test.ts', key: 'z', verdict: 'same', base: 1, ratio: 1 },
    ])
    expect(renderMarkdown(report).split('\n')[4]).toBe(
      '❌ **1 slower**, 1 faster, 1 unchanged — geometric mean +3.2%',
    )
  })

  test('the headline says when the whole run moved, which each test was judged against', () => {
    const report = reportOf([
      { file: 'a.test.ts', key: 'x', verdict: 'inconclusive', base: 1, ratio: 1.4 },
      { file: 'a.test.ts', key: 'y', verdict: 'slower', base: 1, ratio: 2.8 },
    ])
    for (const c of report.comparisons) {
      if (c.verdict === 'inconclusive' || c.verdict === 'slower')
        c.noise = { source: 'rounds', processSd: 0.03, df: 12, inflation: 1, runShift: 1.42 }
    }
    expect(renderMarkdown(report).split('\n')[4]).toBe(
      '❌ **1 slower**, 1 inconclusive — geometric mean +98%; the whole run moved 1.42×, and each test was judged against that',
    )
  })

  test('an empty report still makes a valid comment', () => {
    const report: RunReport = { ...fixtureReport('small'), comparisons: [], measurements: [], failed: false }
    const markdown = renderMarkdown(report)
    expect(problems(markdown)).toEqual([])
    expect(markdown).toContain('✅ No measurements to compare')
    expect(markdown).not.toContain('<details>')
  })

  test('starts with the hidden marker and ends with one newline', () => {
    const markdown = renderMarkdown(fixtureReport('small'), { title: 'Bench @team <b>' })
    expect(markdown.startsWith(`${COMMENT_MARKER}\n`)).toBe(true)
    expect(markdown).toContain('### Bench @\u200dteam &lt;b&gt;\n')
    expect(markdown.endsWith('</sub>\n')).toBe(true)
  })

  test('a limit below what a headline needs is a programming error', () => {
    expect(() => renderMarkdown(fixtureReport('small'), { maxLength: 100 })).toThrow(RangeError)
  })
})

describe('a 2,000-measurement report', () => {
  const report = largeReport(2000)

  test('stays under GitHub’s limit, leaves out folded rows first, and stays valid', () => {
    const started = performance.now()
    const markdown = renderMarkdown(report)
    const elapsed = performance.now() - started
    expect(markdown.length).toBeLessThanOrEqual(COMMENT_MAX_LENGTH)
    expect(markdown.length).toBeGreaterThan(COMMENT_MAX_LENGTH - 2_000)
    expect(problems(markdown)).toEqual([])
    // Every regression and improvement fits; only the folded rest is cut.
    const shown = report.comparisons.filter((c) => c.verdict === 'slower' || c.verdict === 'faster')
    for (const c of shown) expect(markdown).toContain(escapeMarkdown(c.key))
    expect(markdown).toMatch(
      /_… [\d,]+ more not shown \(see the job summary \/ report artifact\)\._\n\n<\/details>/,
    )
    expect(elapsed).toBeLessThan(1000)
    console.info(`2,000 measurements: ${markdown.length} characters in ${elapsed.toFixed(1)} ms`)
  })

  test('when regressions alone overflow, the main table is cut too, whole rows, worst first', () => {
    const heavy = largeReport(2000, 3, 0.15)
    const markdown = renderMarkdown(heavy)
    expect(markdown.length).toBeLessThanOrEqual(COMMENT_MAX_LENGTH)
    expect(problems(markdown)).toEqual([])
    expect(markdown).not.toContain('<details>')
    const worst = heavy.comparisons
      .flatMap((c) => (c.verdict === 'slower' ? [c] : []))
      .sort((a, b) => b.change.ratio - a.change.ratio)[0]!
    expect(markdown.indexOf(escapeMarkdown(worst.key))).toBeGreaterThan(0)
    expect(markdown).toMatch(
      /\|\n\n_… [\d,]+ more not shown \(see the job summary \/ report artifact\)\._\n\n```mermaid/,
    )
  })

  test.each([2_000, 5_000, 20_000, 40_000])(
    'a limit of %i characters holds, and the comment stays valid',
    (maxLength) => {
      const markdown = renderMarkdown(report, { maxLength })
      expect(markdown.length).toBeLessThanOrEqual(maxLength)
      expect(problems(markdown)).toEqual([])
      expect(markdown).toContain('more not shown')
    },
  )

  test('the step summary holds far more', () => {
    const summary = renderStepSummary(report)
    expect(summary.length).toBeGreaterThan(COMMENT_MAX_LENGTH)
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH)
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024)
    expect(problems(summary)).toEqual([])
    expect(largeReport(20_000).comparisons.length).toBe(20_000)
    const huge = renderStepSummary(largeReport(20_000))
    expect(huge.length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH)
    expect(huge).toContain('(see the report artifact)')
  })

  test('even 20,000 measurements fit', () => {
    const huge = largeReport(20_000, 7)
    const started = performance.now()
    const markdown = renderMarkdown(huge)
    expect(performance.now() - started).toBeLessThan(3000)
    expect(markdown.length).toBeLessThanOrEqual(COMMENT_MAX_LENGTH)
    expect(problems(markdown)).toEqual([])
  })
})

describe('a quiet run', () => {
  test('nothing changed: no table above the fold, no chart', () => {
    const report = reportOf([
      { file: 'a.test.ts', key: 'x', verdict: 'same', base: 1, ratio: 1.01 },
      { file: 'a.test.ts', key: 'y', verdict: 'same', base: 2, ratio: 0.99 },
    ])
    const markdown = renderMarkdown(report)
    expect(problems(markdown)).toEqual([])
    expect(markdown).toContain(
      '✅ 2 unchanged — geometric mean 0%\n\n<details><summary>Details: 2 unchanged</summary>',
    )
    expect(markdown).not.toContain('mermaid')
  })
})

describe('percent', () => {
  test.each([
    [1.23, '+23%'],
    [0.988, '−1.2%'],
    [1.0074, '+0.7%'],
    [0.99995, '0%'],
    [1, '0%'],
    [2.094, '+109%'],
    [0.5, '−50%'],
  ])('%d → %s', (ratio, text) => {
    expect(percent(ratio)).toBe(text)
  })
})

describe('very small limits', () => {
  test('drop the chart, the footer and the alerts before the headline', () => {
    const report = {
      ...largeReport(200, 5, 0.2),
      baselineEnv: { ...fixtureReport('advisory').baselineEnv!, cpu: 'x'.repeat(300) },
    }
    const markdown = renderMarkdown(report, { maxLength: 2_000 })
    expect(markdown.length).toBeLessThanOrEqual(2_000)
    expect(problems(markdown)).toEqual([])
    expect(markdown).toMatch(/^<!-- perfgate -->\n\n### perfgate\n\n❌ \*\*\d+ slower\*\*/)
    expect(markdown).toContain('more not shown')
  })
})
