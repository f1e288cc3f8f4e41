import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fixturesDir, scratchCopy } from '../run.js'
import { json, processesWithMarker, runBench } from './helpers.js'

const QUICK = ['--rounds', '2', '--time', '20', '--warmup', '5']
const cleanups: (() => void)[] = []
afterAll(() => {
  for (const cleanup of cleanups) cleanup()
})

describe('perfgate bench: a plain run', () => {
  it('runs TypeScript and JavaScript bench files in rounds, records time, CPU and memory, and writes baselines', async () => {
    const { dir, cleanup } = scratchCopy('bench-basic')
    cleanups.push(cleanup)
    const { result, marker } = runBench(dir, [...QUICK, '--json', '--update', '--report', 'out/report.json'])
    const run = await result
    expect(run.code, run.output).toBe(0)
    const output = json(run)
    expect(output.mode).toBe('plain')
    expect(output.benchmarks.map((b: { name: string }) => b.name).sort()).toEqual([
      'json > parse',
      'json > stringify',
      'sort 1000 numbers',
    ])
    for (const b of output.benchmarks) {
      expect(b.time.rounds).toHaveLength(2)
      expect(b.time.p50).toBeGreaterThan(0)
      expect(b.time.p99).toBeGreaterThanOrEqual(b.time.p95)
      expect(b.time.opsPerSecond).toBeCloseTo(1000 / b.time.p50, 6)
      expect(b.peakRssMb).toBeGreaterThan(10)
      expect(b.cpuMs).toBeGreaterThanOrEqual(0)
    }
    expect(output.overhead.processes).toBe(4)
    expect(output.overhead.startupMedianMs).toBeGreaterThan(0)
    // Progress goes to stderr, one plain line per process off a terminal.
    expect(run.stderr).toMatch(/perfgate bench: round 2\/2 · json\.perf\.ts \(2 benchmarks\) — \d\/6 done/)
    const baseline = JSON.parse(readFileSync(join(dir, 'baselines', 'json.perf.ts.json'), 'utf8'))
    expect(Object.keys(baseline.entries).sort()).toEqual(['json > parse', 'json > stringify'])
    expect(baseline.entries['json > parse']).toMatchObject({ source: 'bench', stat: 'median', unit: 'ms' })
    expect(existsSync(join(dir, 'out', 'report.json'))).toBe(true)
    expect(processesWithMarker(marker)).toEqual([])
  })

  it('prints a results table; paths on the command line select the files', async () => {
    const { dir, cleanup } = scratchCopy('bench-basic')
    cleanups.push(cleanup)
    const run = await runBench(dir, [...QUICK, 'sort.perf.mjs']).result
    expect(run.code, run.output).toBe(0)
    expect(run.stdout).toMatch(/benchmark\s+median\s+p95\s+p99\s+ops\/s\s+between processes\s+CPU\s+peak RSS/)
    expect(run.stdout).toContain('sort.perf.mjs > sort 1000 numbers')
    expect(run.stdout).not.toContain('json.perf.ts')
    expect(run.stdout).toMatch(/runner overhead: 2 processes, start-up .* each \(median\)/)
  })
})

describe('perfgate bench: bad input', () => {
  it('reports a file that throws at import and benchmarks that throw, hang or spin, and runs the rest', async () => {
    const { dir, cleanup } = scratchCopy('bench-bad')
    cleanups.push(cleanup)
    const { result, marker } = runBench(dir, [...QUICK, '--json'])
    const run = await result
    expect(run.code, run.output).toBe(1)
    expect(run.stderr).toContain('broken-import.perf.ts failed to import')
    expect(run.stderr).toContain('Error: boom at import')
    expect(run.stderr).toMatch(/mixed\.perf\.ts > throws failed:\n\s+Error: kaboom in the benchmark/)
    expect(run.stderr).toMatch(
      /never resolves failed:\n\s+did not finish within 1500 ms in one process \(timeout\)/,
    )
    expect(run.stderr).toMatch(/spins forever failed:\n\s+did not finish within 1500 ms/)
    expect(run.stderr).toMatch(/needs setup failed:\n\s+beforeAll failed: Error: no database/)
    expect(run.stderr).toContain('perfgate bench: 1 bench file could not be imported and 4 benchmarks failed')
    const byName = new Map(json(run).benchmarks.map((b: { name: string }) => [b.name, b]))
    expect(byName.get('fine')).toMatchObject({ time: { rounds: [expect.any(Number), expect.any(Number)] } })
    expect(byName.get('throws')).toMatchObject({ error: expect.stringContaining('kaboom') })
    expect(processesWithMarker(marker)).toEqual([])
  })

  it('says so when the globs match nothing (exit 2)', async () => {
    const run = await runBench(join(fixturesDir, 'bench-basic'), ['nothing/**/*.perf.ts']).result
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('perfgate bench: no bench files match "nothing/**/*.perf.ts" under')
  })

  it('needs a git repository for A/B (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perfgate-not-git-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    writeFileSync(join(dir, 'a.perf.mjs'), "import { bench } from 'perfgate'\nbench('x', () => 1)\n")
    symlinkSync(join(fixturesDir, 'node_modules'), join(dir, 'node_modules'), 'dir')
    const run = await runBench(dir, ['--against', 'main']).result
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/is not inside a git repository: A\/B mode \(--against\)/)
  })
})
