#!/usr/bin/env node
/**
 * Accuracy and overhead of perfgate's measurement core, against the targets in docs/measurement.md.
 * Run after `npm run example` (which builds and installs the example project):
 *   node scripts/bench/measure-accuracy.mjs   (about half a minute)
 * Each figure is a median over repeated runs; leak detection runs each trial in a fresh process.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { measureTimeOf } from '../../dist/index.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const RUNS = 20
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const pct = (x) => `${(x * 100).toFixed(1)} %`

function busy(ms) {
  const end = performance.now() + ms
  while (performance.now() < end) {}
}

/** A function of about `ns` nanoseconds, calibrated against one long timed loop. */
function calibratedWork(ns) {
  let sink = 0
  const work = (k) => () => {
    for (let i = 0; i < k; i++) sink = (sink + i * 31) % 1_000_003
    return sink
  }
  const perCall = (fn, calls) => {
    const start = performance.now()
    for (let i = 0; i < calls; i++) fn()
    return ((performance.now() - start) / calls) * 1e6
  }
  let k = 10
  for (let round = 0; round < 8; round++) {
    const t = perCall(work(k), 2_000_000)
    k = Math.max(1, Math.round((k * ns) / t))
  }
  const fn = work(k)
  const reference = median(Array.from({ length: 5 }, () => perCall(fn, 5_000_000)))
  return { fn, reference }
}

function timing() {
  console.log('## Timing accuracy (median of 20 runs, default options)\n')
  console.log('| true duration | reported (median of runs) | error | worst run |')
  console.log('|---|---|---|---|')
  for (const ms of [0.1, 1, 10]) {
    const reported = Array.from({ length: RUNS }, () => measureTimeOf(() => busy(ms)).value)
    const worst = reported.reduce((w, r) => (Math.abs(r - ms) > Math.abs(w - ms) ? r : w))
    console.log(
      `| ${ms} ms busy-wait | ${median(reported).toFixed(4)} ms | ${pct(median(reported) / ms - 1)} | ${pct(worst / ms - 1)} |`,
    )
  }
  const { fn, reference } = calibratedWork(50)
  const reported = Array.from({ length: RUNS }, () => measureTimeOf(fn).value * 1e6)
  console.log(
    `| ${reference.toFixed(1)} ns function (reference: one 5M-call loop) | ${median(reported).toFixed(1)} ns | ${pct(median(reported) / reference - 1)} | batch of ${measureTimeOf(fn).batch} calls |`,
  )
}

function leakTrials() {
  console.log('\n## Leak detection (20 trials each, a fresh process per trial, budget 1 MB)\n')
  const child = (kind) => `
    import { measureMemoryOf } from ${JSON.stringify(join(root, 'dist/index.js'))}
    const kept = []
    const fn = ${kind === 'leak' ? '() => { kept.push(new Array(12_800).fill(kept.length)) }' : '() => new Array(12_800).fill(1).length'}
    const r = await measureMemoryOf(fn)
    console.log(r.value)`
  for (const kind of ['leak', 'garbage']) {
    const values = Array.from({ length: RUNS }, () =>
      Number(
        execFileSync(process.execPath, ['--input-type=module', '-e', child(kind)], {
          encoding: 'utf8',
        }).trim(),
      ),
    )
    const flagged = values.filter((v) => v >= 1).length
    console.log(
      `- ${kind === 'leak' ? '100 KB/call leak' : '100 KB/call garbage'}: flagged in ${flagged}/${RUNS} trials; reported growth median ${median(values).toFixed(3)} MB, range ${Math.min(...values).toFixed(3)} … ${Math.max(...values).toFixed(3)} MB`,
    )
  }
}

function overhead() {
  console.log('\n## Overhead\n')
  // Inside the example project, whose node_modules hold a packed copy of perfgate and Vitest:
  // installed as users have it, so Vitest externalises it like any dependency.
  const example = join(root, 'examples', 'vitest-basic')
  if (!existsSync(join(example, 'node_modules', 'perfgate'))) throw new Error('run `npm run example` first')
  const dir = mkdtempSync(join(example, '.overhead-'))
  try {
    writeFileSync(
      join(dir, 'a.test.js'),
      "import { test, expect } from 'vitest'\ntest('t', () => expect(1).toBe(1))\n",
    )
    writeFileSync(
      join(dir, 'with.config.js'),
      "import perfgate from 'perfgate/vitest'\nexport default { plugins: [perfgate()] }\n",
    )
    writeFileSync(join(dir, 'without.config.js'), 'export default {}\n')
    const vitest = join(example, 'node_modules', 'vitest', 'vitest.mjs')
    const wall = (config) => {
      const start = performance.now()
      const r = spawnSync(process.execPath, [vitest, 'run', '--config', config], {
        cwd: dir,
        encoding: 'utf8',
      })
      if (r.status !== 0) throw new Error(r.stdout + r.stderr)
      return performance.now() - start
    }
    wall('with.config.js')
    const withPlugin = []
    const without = []
    for (let i = 0; i < 15; i++) {
      without.push(wall('without.config.js'))
      withPlugin.push(wall('with.config.js'))
    }
    console.log(
      `- vitest run of a one-test project: ${median(without).toFixed(0)} ms without the plugin, ${median(withPlugin).toFixed(0)} ms with it: +${(median(withPlugin) - median(without)).toFixed(0)} ms (median of 15 alternated runs; includes the matcher setup file in the worker)`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const walls = Array.from({ length: RUNS }, () => {
    const start = performance.now()
    measureTimeOf(() => Math.sqrt(2))
    return performance.now() - start
  })
  console.log(
    `- one toCompleteWithin measurement of a trivial function, default options: median ${median(walls).toFixed(0)} ms, max ${Math.max(...walls).toFixed(0)} ms of wall time`,
  )
}

const cpu = cpus()[0]?.model ?? 'unknown cpu'
console.log(
  `perfgate measurement accuracy — node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} × ${cpu}\n`,
)
timing()
leakTrials()
overhead()
