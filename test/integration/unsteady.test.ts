import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { roundFactors } from '../../src/compare/run-shift.js'
import type { BaselineFile, RunReport } from '../../src/types.js'
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

// How far apart a step's baseline rounds are once the rounds' common speed is taken out.
function ownSpread(file: BaselineFile, key: string): number {
  const entries = Object.values(file.entries)
  const factors = roundFactors(entries.map((e) => (e.rounds ?? []).map(Math.log))) ?? []
  const own = (file.entries[key]?.rounds ?? []).map((x, j) => Math.log(x) - (factors[j] ?? 0))
  return Math.exp(Math.max(...own) - Math.min(...own))
}

// The regression test below needs step 10's three baseline rounds to agree. On a busy machine one
// round of a test sometimes runs ~15% off the others (seen in CI); with three rounds that alone
// widens its intervals past 2× (honestly: two degrees of freedom), so such a baseline is recorded
// again rather than judged.
const STEADY_ROUNDS = 1.08

beforeAll(async () => {
  project = scratchCopy('unsteady')
  let file: BaselineFile | undefined
  for (let attempt = 1; attempt <= 3; attempt++) {
    // Three rounds, as `perfgate update --rounds 3` records them: the noise is estimated, not assumed.
    const run = await runProcess(process.execPath, [cli, 'update', '--rounds', '3'], { cwd: project.dir })
    expect(run.code, run.output).toBe(0)
    expect(run.output).not.toContain('different speeds')
    file = JSON.parse(
      readFileSync(join(project.dir, 'baselines', 'steps.test.ts.json'), 'utf8'),
    ) as BaselineFile
    if (ownSpread(file, 'step 10') <= STEADY_ROUNDS) break
  }
  expect(ownSpread(file!, 'step 10'), 'step 10 baseline rounds, recorded three times').toBeLessThanOrEqual(
    STEADY_ROUNDS,
  )
  baselineMedian = new Map(Object.entries(file!.entries).map(([key, entry]) => [key, entry.summary.median]))
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
