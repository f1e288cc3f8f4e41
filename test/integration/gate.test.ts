import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { BaselineFile, RunReport } from '../../src/types.js'
import { repoRoot, runProcess, runVitest, scratchCopy } from './run.js'

// Real Vitest runs of a fixture project against committed baselines: recording, an A/A run, an
// injected regression failing the gate, the gate's switches, bad baseline files, and sharding.

const cli = join(repoRoot, 'dist', 'cli.js')
const perf = ['run', '--reporter=default', '--reporter=perf']
const baselineOf = (dir: string, file = 'gate.test.ts') => join(dir, 'baselines', `${file}.json`)
const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T
const reportOf = (dir: string) => readJson<RunReport>(join(dir, '.perfgate', 'report.json'))
const verdictOf = (report: RunReport, key: string) =>
  report.comparisons.find((c) => c.key === key && c.file === 'gate.test.ts')?.verdict

/** Runs `body` with a perfgate.config.json holding `options` in `dir`, removed afterwards. */
async function withConfig(dir: string, options: object, body: () => Promise<void>): Promise<void> {
  const config = join(dir, 'perfgate.config.json')
  writeFileSync(config, `${JSON.stringify(options)}\n`)
  try {
    await body()
  } finally {
    rmSync(config)
  }
}

let project: { dir: string; cleanup: () => void }
let recorded: string

beforeAll(async () => {
  project = scratchCopy('gate')
  const run = await runVitest(project.dir, [...perf, '-u'])
  expect(run.code, run.output).toBe(0)
  recorded = readFileSync(baselineOf(project.dir), 'utf8')
})
afterAll(() => project.cleanup())

describe('recording baselines', () => {
  test('vitest run -u writes one deterministic file per test file, mirroring its path', () => {
    const file = JSON.parse(recorded) as BaselineFile
    expect(file.version).toBe(1)
    expect(file.file).toBe('gate.test.ts')
    expect(Object.keys(file.entries)).toEqual([
      'pipeline > layout',
      'pipeline > paint',
      'pipeline > parse',
      'pipeline > render',
    ])
    const entry = file.entries['pipeline > parse']
    expect(entry?.env.node).toBe(process.versions.node)
    expect(entry?.samples.length).toBeGreaterThan(1)
    expect(recorded.endsWith('}\n')).toBe(true)
    expect(recorded).toContain('\n  "entries": {\n')
    expect(existsSync(baselineOf(project.dir, 'other.test.ts'))).toBe(true)
  })
})

describe('the gate against committed baselines', () => {
  test('unchanged code (A/A): no slower verdict, exit 0, a typed report', async () => {
    const run = await runVitest(project.dir, perf)
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('perfgate: comparison with baselines')
    const report = reportOf(project.dir)
    expect(report.version).toBe(1)
    expect(report.comparisons).toHaveLength(6)
    expect(report.comparisons.filter((c) => c.verdict === 'slower')).toEqual([])
    expect(report.failed).toBe(false)
    // Comparing never rewrites a baseline.
    expect(readFileSync(baselineOf(project.dir), 'utf8')).toBe(recorded)
  })

  test('a 3x slowdown in one test is `slower` and fails the run; the others are not', async () => {
    const run = await runVitest(project.dir, perf, { FIXTURE_SLOWDOWN: '3' })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toMatch(/pipeline > render .*slower/)
    expect(run.output).toContain('the performance gate failed')
    // Measured again in a fresh run of both measured files, which agreed.
    expect(run.output).toContain(
      'perfgate: 1 measurement slower than the baseline; measuring 2 test files again in a fresh process to confirm (1 of at most 2)',
    )
    const report = reportOf(project.dir)
    const render = report.comparisons.find((c) => c.key === 'pipeline > render')
    expect(render).toMatchObject({ verdict: 'slower', confirmation: [{ verdict: 'slower' }] })
    expect(report.comparisons.filter((c) => c.verdict === 'slower')).toHaveLength(1)
    expect(report.failed).toBe(true)
  })

  test('a one-off jump that fresh runs do not repeat is `inconclusive`, and the run passes', async () => {
    const run = await runVitest(project.dir, perf, { FIXTURE_SLOWDOWN_ONCE: '3' })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('(2 of at most 2)')
    const render = reportOf(project.dir).comparisons.find((c) => c.key === 'pipeline > render')
    expect(render?.verdict).toBe('inconclusive')
    const again = render && 'confirmation' in render ? render.confirmation : undefined
    expect(again).toHaveLength(2)
    expect(again?.map((step) => step.verdict)).not.toContain('slower')
    expect(render && 'reason' in render && render.reason).toMatch(
      /slower in this process, but measured again in 2 fresh processes: .*, then .*; a regression shows every time/,
    )
  })

  test('confirm: false gates on the first run alone', async () => {
    await withConfig(project.dir, { confirm: false }, async () => {
      const run = await runVitest(project.dir, perf, { FIXTURE_SLOWDOWN_ONCE: '3' })
      expect(run.code, run.output).toBe(1)
      expect(run.output).not.toContain('to confirm')
      expect(verdictOf(reportOf(project.dir), 'pipeline > render')).toBe('slower')
    })
  })

  test('failOnRegression: false in perfgate.config.json reports the regression without failing', async () => {
    await withConfig(project.dir, { failOnRegression: false }, async () => {
      const run = await runVitest(project.dir, perf, { FIXTURE_SLOWDOWN: '3' })
      expect(run.code, run.output).toBe(0)
      expect(verdictOf(reportOf(project.dir), 'pipeline > render')).toBe('slower')
      expect(run.output).toContain('advisory only')
    })
  })

  test('a baseline from another CPU makes verdicts advisory and says so', async () => {
    const other = scratchCopy('gate')
    try {
      const original = readJson<BaselineFile>(baselineOf(project.dir))
      for (const entry of Object.values(original.entries)) entry.env.cpu = 'Imaginary CPU 9000'
      mkdirSync(join(other.dir, 'baselines'), { recursive: true })
      writeFileSync(baselineOf(other.dir), `${JSON.stringify(original, null, 2)}\n`)
      const run = await runVitest(other.dir, perf, { FIXTURE_SLOWDOWN: '3' })
      expect(run.code, run.output).toBe(0)
      expect(run.output).toContain('baseline measured elsewhere: CPU')
      const report = reportOf(other.dir)
      expect(report.advisory).toBe(true)
      expect(report.environmentDifferences?.[0]).toContain('Imaginary CPU 9000')
    } finally {
      other.cleanup()
    }
  })
})

describe('bad baseline files', () => {
  test.each([
    ['truncated JSON', (text: string) => text.slice(0, text.length / 2), /invalid JSON: unexpected end/],
    ['a future schema version', (text: string) => text.replace('"version": 1', '"version": 9'), /newer/],
    [
      'a hand-edited value',
      (text: string) => text.replace(/"median": [0-9.e-]+/, '"median": "fast"'),
      /median/,
    ],
  ])('%s: the run goes on, names the file, and leaves it untouched', async (_name, edit, message) => {
    const copy = scratchCopy('gate')
    try {
      mkdirSync(join(copy.dir, 'baselines'), { recursive: true })
      const broken = edit(recorded)
      writeFileSync(baselineOf(copy.dir), broken)
      const run = await runVitest(copy.dir, perf)
      expect(run.code, run.output).toBe(0)
      expect(run.output).toContain('baselines/gate.test.ts.json')
      expect(run.output).toMatch(message)
      expect(readFileSync(baselineOf(copy.dir), 'utf8')).toBe(broken)
    } finally {
      copy.cleanup()
    }
  })

  test('updating over a corrupt file keeps the old one aside and says where', async () => {
    const copy = scratchCopy('gate')
    try {
      mkdirSync(join(copy.dir, 'baselines'), { recursive: true })
      writeFileSync(baselineOf(copy.dir), '{ "version": 1, "entr')
      const run = await runVitest(copy.dir, [...perf, '-u'])
      expect(run.code, run.output).toBe(0)
      expect(run.output).toContain('.corrupt')
      expect(readFileSync(`${baselineOf(copy.dir)}.corrupt`, 'utf8')).toBe('{ "version": 1, "entr')
      expect(readJson<BaselineFile>(baselineOf(copy.dir)).version).toBe(1)
    } finally {
      copy.cleanup()
    }
  })
})

describe('renamed and removed tests', () => {
  test('a renamed test is missing + new with a hint until an update prunes the old entry', async () => {
    const copy = scratchCopy('gate')
    try {
      cpSync(join(project.dir, 'baselines'), join(copy.dir, 'baselines'), { recursive: true })
      const testFile = join(copy.dir, 'gate.test.ts')
      writeFileSync(testFile, readFileSync(testFile, 'utf8').replace("test('paint'", "test('paint all'"))
      const run = await runVitest(copy.dir, perf)
      expect(run.code, run.output).toBe(0)
      const report = reportOf(copy.dir)
      expect(verdictOf(report, 'pipeline > paint')).toBe('missing')
      expect(verdictOf(report, 'pipeline > paint all')).toBe('new')
      expect(run.output).toContain('if a test was renamed')
      // Comparing does not prune; updating does.
      expect(readJson<BaselineFile>(baselineOf(copy.dir)).entries['pipeline > paint']).toBeDefined()
      const update = await runVitest(copy.dir, perf, { PERFGATE_UPDATE: '1' })
      expect(update.code, update.output).toBe(0)
      expect(update.output).toContain('1 entry pruned')
      const entries = readJson<BaselineFile>(baselineOf(copy.dir)).entries
      expect(entries['pipeline > paint']).toBeUndefined()
      expect(entries['pipeline > paint all']).toBeDefined()
    } finally {
      copy.cleanup()
    }
  })

  test('two tests with the same name: the run says which, keeps the first, and does not crash', async () => {
    const copy = scratchCopy('gate')
    try {
      const testFile = join(copy.dir, 'other.test.ts')
      writeFileSync(
        testFile,
        `${readFileSync(testFile, 'utf8')}\ntest('hash', () => {\n  expect(() => work(130)).toCompleteWithin(100)\n})\n`,
      )
      const run = await runVitest(copy.dir, [...perf, '-u'])
      expect(run.code, run.output).toBe(0)
      expect(run.output).toMatch(/other\.test\.ts: two tests are named "hash"/)
      expect(Object.keys(readJson<BaselineFile>(baselineOf(copy.dir, 'other.test.ts')).entries)).toEqual([
        'hash',
        'tokenize',
      ])
    } finally {
      copy.cleanup()
    }
  })

  test('tests filtered out of a run keep their baselines and are not missing', async () => {
    const run = await runVitest(project.dir, [...perf, '-t', 'parse'])
    expect(run.code, run.output).toBe(0)
    const report = reportOf(project.dir)
    expect(report.comparisons.map((c) => c.key)).toEqual(['pipeline > parse'])
    const update = await runVitest(project.dir, [...perf, '-u', '-t', 'parse'])
    expect(update.code, update.output).toBe(0)
    expect(Object.keys(readJson<BaselineFile>(baselineOf(project.dir)).entries)).toHaveLength(4)
  })
})

describe('scale-out: shards, merged reports and report comparison', () => {
  test('--shard + --merge-reports gives one run with every measurement and one gate decision', async () => {
    const blobs = join(project.dir, '.vitest-reports')
    for (const shard of ['1/2', '2/2']) {
      const run = await runVitest(project.dir, ['run', `--shard=${shard}`, '--reporter=blob'], {
        FIXTURE_SLOWDOWN: '3',
      })
      expect(run.code, run.output).toBe(0)
    }
    expect(existsSync(blobs)).toBe(true)
    const merged = await runVitest(project.dir, ['--merge-reports', '--reporter=default', '--reporter=perf'])
    expect(merged.code, merged.output).toBe(1)
    // The shards ran elsewhere: merging does not re-run their files to confirm.
    expect(merged.output).not.toContain('to confirm')
    const report = reportOf(project.dir)
    expect(report.measurements).toHaveLength(6)
    expect(verdictOf(report, 'pipeline > render')).toBe('slower')
  })

  test('perfgate merge judges the reports of several jobs as one run', async () => {
    const reports: string[] = []
    for (const [i, file] of ['gate.test.ts', 'other.test.ts'].entries()) {
      const path = join(project.dir, `.perfgate/job-${i}.json`)
      const run = await runVitest(project.dir, [...perf, file], {
        PERFGATE_REPORT: path,
        FIXTURE_SLOWDOWN: '3',
      })
      expect(run.code).toBe(i === 0 ? 1 : 0)
      reports.push(path)
    }
    const out = join(project.dir, '.perfgate/merged.json')
    const merged = await runProcess(process.execPath, [cli, 'merge', ...reports, '--report', out], {
      cwd: project.dir,
    })
    expect(merged.code, merged.output).toBe(1)
    const report = readJson<RunReport>(out)
    expect(report.measurements).toHaveLength(6)
    expect(report.comparisons.filter((c) => c.verdict === 'slower').map((c) => c.key)).toEqual([
      'pipeline > render',
    ])
  })

  test('perfgate compare judges a head report against a base report', async () => {
    const base = join(project.dir, '.perfgate/base.json')
    const head = join(project.dir, '.perfgate/head.json')
    expect((await runVitest(project.dir, perf, { PERFGATE_REPORT: base })).code).toBe(0)
    expect((await runVitest(project.dir, perf, { PERFGATE_REPORT: head, FIXTURE_SLOWDOWN: '3' })).code).toBe(
      1,
    )
    const out = join(project.dir, '.perfgate/compared.json')
    const run = await runProcess(process.execPath, [cli, 'compare', base, head, '--report', out], {
      cwd: project.dir,
    })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toMatch(/pipeline > render .*slower/)
    const same = await runProcess(process.execPath, [cli, 'compare', base, base], { cwd: project.dir })
    expect(same.code, same.output).toBe(0)
    const missing = await runProcess(process.execPath, [cli, 'compare', base, 'nope.json'], {
      cwd: project.dir,
    })
    expect(missing.code).toBe(2)
    expect(missing.output).toContain('nope.json')
  })
})

describe('perfgate update', () => {
  test('--rounds 2 runs the suite twice and keeps each round in the baseline; --pause waits between', async () => {
    const copy = scratchCopy('gate')
    try {
      const run = await runProcess(process.execPath, [cli, 'update', '--rounds', '2', '--pause', '1s'], {
        cwd: copy.dir,
      })
      expect(run.code, run.output).toBe(0)
      expect(run.output).toContain('perfgate update: waiting 1 s before round 2 of 2 (--pause)')
      expect(run.output).toContain('round 2 of 2')
      expect(run.output).toContain('perfgate: baselines updated in baselines/ (2 files written)')
      const entry = readJson<BaselineFile>(baselineOf(copy.dir)).entries['pipeline > parse']
      expect(entry?.rounds).toHaveLength(2)
      expect(existsSync(join(copy.dir, '.perfgate', 'report.json'))).toBe(false)
    } finally {
      copy.cleanup()
    }
  })

  test('bad options name the option and change nothing', async () => {
    const run = await runProcess(process.execPath, [cli, 'update', '--rounds', '0'], { cwd: project.dir })
    expect(run.code).toBe(2)
    expect(run.output).toContain('--rounds must be a whole number from 1 to 50; got "0"')
    const runner = await runProcess(process.execPath, [cli, 'update', '--runner', 'mocha'], {
      cwd: project.dir,
    })
    expect(runner.code).toBe(2)
    expect(runner.output).toContain('--runner must be vitest or jest; got "mocha"')
    const pause = await runProcess(process.execPath, [cli, 'update', '--pause', 'soon'], { cwd: project.dir })
    expect(pause.code).toBe(2)
    expect(pause.output).toContain('--pause must be a duration from 0 to 1h')
    const single = await runProcess(process.execPath, [cli, 'update', '--rounds', '1', '--pause', '5s'], {
      cwd: project.dir,
    })
    expect(single.code).toBe(2)
    expect(single.output).toContain('--pause waits between rounds, and --rounds 1 has none')
  })
})
