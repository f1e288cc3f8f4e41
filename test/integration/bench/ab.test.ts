import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scratchCopy } from '../run.js'
import { cli, git, gitInit, json, processesWithMarker, runBench, worktrees } from './helpers.js'

const QUICK = ['--rounds', '2', '--time', '20', '--warmup', '5']

let dir: string
let cleanup: () => void

// A repository whose HEAD renamed one benchmark: `json > stringify` became `json > stringify v2`.
// sort.perf.mjs runs its versions in separate processes (`benchConfig({ ab: 'separate' })`).
beforeAll(() => {
  ;({ dir, cleanup } = scratchCopy('bench-basic'))
  writeFileSync(join(dir, '.gitignore'), '.perfgate\nbaselines\n')
  const sort = join(dir, 'sort.perf.mjs')
  writeFileSync(
    sort,
    readFileSync(sort, 'utf8')
      .replace(
        "import { beforeAll, bench } from 'perfgate'",
        "import { beforeAll, bench, benchConfig } from 'perfgate'",
      )
      .concat("\nbenchConfig({ ab: 'separate' })\n"),
  )
  gitInit(dir)
  const file = join(dir, 'json.perf.ts')
  writeFileSync(file, readFileSync(file, 'utf8').replace("bench('stringify'", "bench('stringify v2'"))
  git(dir, 'commit', '-q', '-am', 'rename a benchmark')
})
afterAll(() => cleanup())

describe('perfgate bench --against', () => {
  it('measures both versions in the same processes and compares them; one-sided benchmarks are new or missing', async () => {
    // QUICK sampling (2 rounds, a few ms) cannot resolve small changes, so a wide threshold keeps
    // this structural test about new/missing; A/B accuracy is measured in scripts/experiments.
    const { result, marker } = runBench(dir, [...QUICK, '--threshold', '1', '--against', 'HEAD~1', '--json'])
    const run = await result
    expect(run.code, run.output).toBe(0)
    const output = json(run)
    expect(output.mode).toBe('ab')
    expect(output.against.commit).toBe(git(dir, 'rev-parse', 'HEAD~1'))
    const verdicts = Object.fromEntries(
      output.benchmarks.map((b: { name: string; verdict: string }) => [b.name, b.verdict]),
    )
    expect(verdicts['json > stringify']).toBe('missing')
    expect(verdicts['json > stringify v2']).toBe('new')
    expect(['same', 'inconclusive', 'faster', 'slower']).toContain(verdicts['json > parse'])
    const parse = output.benchmarks.find((b: { name: string }) => b.name === 'json > parse')
    expect(parse.runs.map((r: { baseFirst: boolean }) => r.baseFirst)).toEqual([true, false])
    expect(parse.baseTime.rounds).toHaveLength(2)
    // The separate-process file: one paired estimate per pair of processes.
    const sort = output.benchmarks.find((b: { name: string }) => b.name === 'sort 1000 numbers')
    expect(sort.runs).toHaveLength(2)
    expect(sort.comparison.change.ratio).toBeGreaterThan(0)
    expect(worktrees(dir)).toHaveLength(1)
    expect(processesWithMarker(marker)).toEqual([])
  })

  it.each([
    [['--against', 'no-such-ref'], /unknown git ref "no-such-ref"\. Fetch it first/],
    [['--against'], /--against without a ref means the merge base .* GITHUB_BASE_REF/],
  ])('%j: a clear message, exit 2, nothing left behind', async (args, message) => {
    const run = await runBench(dir, args).result
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(worktrees(dir)).toHaveLength(1)
  })

  it('refuses uncommitted changes unless --allow-dirty', async () => {
    const file = join(dir, 'sort.perf.mjs')
    const original = readFileSync(file, 'utf8')
    writeFileSync(file, `${original}\n// edited\n`)
    try {
      const run = await runBench(dir, ['--against', 'HEAD']).result
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/uncommitted changes \(sort\.perf\.mjs\).*--allow-dirty/s)
      expect(worktrees(dir)).toHaveLength(1)
    } finally {
      writeFileSync(file, original)
    }
  })

  it('stops on Ctrl-C: workers killed, worktree removed, nothing written, exit 130', async () => {
    rmSync(join(dir, '.perfgate'), { recursive: true, force: true })
    const marker = `ctrl-c-${Date.now()}`
    const child = spawn(process.execPath, [cli, 'bench', '--against', 'HEAD', '--time', '5000'], {
      cwd: dir,
      env: { ...process.env, PERFGATE_TEST_MARKER: marker, CI: 'true', GITHUB_ACTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no progress line:\n${stderr}`)), 30_000)
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk
        if (/A\/B 1\/8/.test(stderr)) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
    // Let the first worker start measuring before interrupting it.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(processesWithMarker(marker).length).toBeGreaterThanOrEqual(2)
    child.kill('SIGINT')
    expect(await closed).toBe(130)
    expect(stderr).toContain('perfgate bench: interrupted; benchmark processes stopped, nothing written.')
    expect(processesWithMarker(marker)).toEqual([])
    expect(worktrees(dir)).toHaveLength(1)
    expect(existsSync(join(dir, '.perfgate', 'report.json'))).toBe(false)
  })
})
