import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { RunReport } from '../../src/types.js'
import { repoRoot, runProcess, runVitest, scratchCopy } from './run.js'

// Real Vitest runs of a fixture whose first process imitates a slow period of the machine that
// covered only its later tests (FIXTURE_SLOW_PERIOD_ONCE): such a run is recognised and measured
// again in a fresh process, whose verdicts count.

const cli = join(repoRoot, 'dist', 'cli.js')
const perf = ['run', '--reporter=default', '--reporter=perf']
const slowPeriod = { FIXTURE_SLOW_PERIOD_ONCE: '1' }
const reportOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, '.perfgate', 'report.json'), 'utf8')) as RunReport
// Current median of a step over its baseline median.
const ratioOf = (report: RunReport, key: string) =>
  (report.measurements.find((m) => m.key === key)?.summary.median ?? Number.NaN) /
  (baselineMedian.get(key) ?? Number.NaN)
const unsteadyIn = (report: RunReport) =>
  report.comparisons.filter((c) => 'noise' in c && c.noise?.unsteady === true).length

let project: { dir: string; cleanup: () => void }
let baselineMedian: Map<string, number>

beforeAll(async () => {
  project = scratchCopy('unsteady')
  // Three rounds, as `perfgate update --rounds 3` records them: the noise is estimated, not assumed.
  const run = await runProcess(process.execPath, [cli, 'update', '--rounds', '3'], { cwd: project.dir })
  expect(run.code, run.output).toBe(0)
  expect(run.output).not.toContain('different speeds')
  const file = JSON.parse(readFileSync(join(project.dir, 'baselines', 'steps.test.ts.json'), 'utf8'))
  const entries = file.entries as Record<string, { summary: { median: number } }>
  baselineMedian = new Map(Object.entries(entries).map(([key, entry]) => [key, entry.summary.median]))
})
afterAll(() => project.cleanup())

describe('a run whose speed changed partway through', () => {
  test('is measured again in a fresh process, whose measurements and verdicts the report holds', async () => {
    const run = await runVitest(project.dir, perf, slowPeriod)
    expect(run.output).toContain("perfgate: this run's speed changed partway through")
    expect(run.output).toContain('the measurements and verdicts above are that process’s')
    const report = reportOf(project.dir)
    expect(report.replacedUnsteady).toBe(true)
    expect(unsteadyIn(report)).toBe(0)
    // The first process ran step 12 about 1.45× its baseline; the fresh process did not.
    expect(ratioOf(report, 'step 12')).toBeLessThan(1.25)
    expect(report.comparisons).toHaveLength(16)
  })

  test('a real 2× regression inside the slow period is found in the fresh process and confirmed', async () => {
    const run = await runVitest(project.dir, perf, { ...slowPeriod, FIXTURE_SLOWDOWN: '2' })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain("perfgate: this run's speed changed partway through")
    const step10 = reportOf(project.dir).comparisons.find((c) => c.key === 'step 10')
    expect(step10?.verdict).toBe('slower')
    // The first confirming process found it too. A third process may follow when another test
    // jumped in the fresh process (seen once in CI); it then adds its own view of step 10.
    const confirmation = step10 && 'confirmation' in step10 ? step10.confirmation : undefined
    expect(confirmation?.[0]).toMatchObject({ verdict: 'slower' })
    expect(confirmation?.[0]?.ratio).toBeGreaterThan(1.5)
  })

  test('with confirm: false the run keeps its own process, flagged unsteady', async () => {
    const config = join(project.dir, 'perfgate.config.json')
    writeFileSync(config, `${JSON.stringify({ confirm: false })}\n`)
    try {
      const run = await runVitest(project.dir, perf, slowPeriod)
      expect(run.output).not.toContain('partway')
      const report = reportOf(project.dir)
      expect(unsteadyIn(report)).toBe(16)
      expect(ratioOf(report, 'step 12')).toBeGreaterThan(1.3)
    } finally {
      rmSync(config)
    }
  })
})

describe('perfgate update', () => {
  test('says when its rounds ran at different speeds, and still records them', async () => {
    const other = scratchCopy('unsteady')
    try {
      const run = await runProcess(process.execPath, [cli, 'update', '--rounds', '3'], {
        cwd: other.dir,
        env: { FIXTURE_SLOW_ROUND: '2' },
      })
      expect(run.code, run.output).toBe(0)
      expect(run.stderr).toMatch(
        /perfgate update: the rounds ran at different speeds \(the slowest 1\.[4-6]\d× the fastest; a steady machine stays within 1\.2×\)/,
      )
      expect(run.stdout).toContain('baselines updated')
    } finally {
      other.cleanup()
    }
  })
})
