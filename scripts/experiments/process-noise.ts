import { readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { shuffled } from '../../src/bench/schedule.js'
import { measureTimeOf } from '../../src/measure/measure.js'
import { planSettings, SamplingPlan } from '../../src/measure/sampling-plan.js'
import { createRng, median } from '../../src/stats/index.js'
import { cv, option, runChildScript, table } from './shared.js'
import { buildSuite } from './suite.js'

const SCRIPT = fileURLToPath(import.meta.url)
const VARIANTS = [
  'default',
  'fresh-loop',
  'long-warmup',
  'fresh+warmup',
  'reversed',
  'settle',
  'prewarm',
] as const
/** Run when --variants is not given (the recorded first table). */
const DEFAULT_VARIANTS: readonly Variant[] = ['default', 'fresh-loop', 'long-warmup', 'fresh+warmup']
type Variant = (typeof VARIANTS)[number]

// ---------------------------------------------------------------------------------------------
// The child: one run of the suite under one variant; prints each measurement's median (ms).

let sink: unknown

/** A batch loop of its own: a fresh function literal has its own type feedback. */
function freshLoop(): (fn: () => unknown, calls: number) => unknown {
  return new Function('fn', 'calls', 'let r; for (let i = 0; i < calls; i++) r = fn(); return r') as (
    fn: () => unknown,
    calls: number,
  ) => unknown
}

function medianWithFreshLoop(fn: () => unknown, warmup: number | undefined): number {
  const plan = new SamplingPlan(planSettings({ warmup }))
  const loop = freshLoop()
  for (let calls = plan.next(); calls !== undefined; calls = plan.next()) {
    const start = performance.now()
    sink = loop(fn, calls)
    plan.record(calls, performance.now() - start)
  }
  return median(plan.result().samples)
}

function childMain(variant: Variant, seed: number): void {
  const medians: Record<string, number> = {}
  const warmup = variant === 'long-warmup' || variant === 'fresh+warmup' ? 100 : undefined
  const fresh = variant === 'fresh-loop' || variant === 'fresh+warmup'
  if (variant === 'settle') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000)
  if (variant === 'prewarm') {
    for (const n of [10, 1000, 100_000])
      sink = measureTimeOf(() => Array.from({ length: n }, (_, i) => i * 2))
  }
  const suite = buildSuite(seed)
  if (variant === 'reversed') suite.reverse()
  const started = performance.now()
  for (const { name, fn } of suite) {
    if (fresh) medians[name] = medianWithFreshLoop(fn, warmup)
    else {
      const result = measureTimeOf(fn, warmup === undefined ? {} : { warmup })
      if (result instanceof Promise) throw new Error(`${name} is asynchronous`)
      medians[name] = result.value
    }
  }
  const elapsed = performance.now() - started
  process.stdout.write(`${JSON.stringify({ medians, elapsed, sink: typeof sink })}\n`)
}

// ---------------------------------------------------------------------------------------------
// The parent.

interface ChildResult {
  medians: Record<string, number>
  elapsed: number
}

async function runChild(variant: Variant, seed: number): Promise<ChildResult> {
  return JSON.parse(await runChildScript(SCRIPT, ['--child', variant, String(seed)])) as ChildResult
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`

/** Each process's common factor: the median of its log ratios to the measurements' medians. */
function processFactors(runs: readonly ChildResult[], names: readonly string[]): number[] {
  const centre = Object.fromEntries(names.map((n) => [n, Math.log(median(runs.map((r) => r.medians[n]!)))]))
  return runs.map((r) => median(names.map((n) => Math.log(r.medians[n]!) - centre[n]!)))
}

/**
 * Processes whose first four measurements (in the order measured) ran more than 22% above the
 * process's common factor, on the median: a slow start.
 */
function slowStarts(runs: readonly ChildResult[], measuredOrder: readonly string[]): number {
  const factors = processFactors(runs, measuredOrder)
  const centre = Object.fromEntries(
    measuredOrder.map((n) => [n, Math.log(median(runs.map((r) => r.medians[n]!)))]),
  )
  return runs.filter((r, i) => {
    const first = measuredOrder.slice(0, 4).map((n) => Math.log(r.medians[n]!) - centre[n]! - factors[i]!)
    return median(first) > Math.log(1.22)
  }).length
}

function report(results: Map<Variant, ChildResult[]>, variants: readonly Variant[]): void {
  const names = Object.keys(results.get(variants[0]!)![0]!.medians)
  const spread = (variant: Variant, name: string) => {
    const runs = results.get(variant)!
    const values = runs.map((r) => r.medians[name]!)
    const factors = processFactors(runs, names)
    const residual = runs.map((r, i) => Math.log(r.medians[name]!) - factors[i]!)
    const mean = residual.reduce((a, b) => a + b, 0) / residual.length
    const residualSd = Math.sqrt(residual.reduce((a, b) => a + (b - mean) ** 2, 0) / (residual.length - 1))
    return { cv: cv(values), residualSd }
  }
  const first = variants.includes('default') ? 'default' : variants[0]!
  console.log(
    `\nTable P1 — per process (columns, in the order run) of the \`${first}\` variant: each measurement`,
  )
  console.log("over its median across processes; last row: the process's common factor.\n")
  const runs = results.get(first)!
  const factors = processFactors(runs, names)
  const matrix = names.map((name) => {
    const centre = median(runs.map((r) => r.medians[name]!))
    return [name, ...runs.map((r) => (r.medians[name]! / centre).toFixed(2))]
  })
  matrix.push(['common factor', ...factors.map((f) => Math.exp(f).toFixed(2))])
  console.log(table(['measurement', ...runs.map((_, i) => String(i + 1))], matrix))
  console.log('\nTable P2 — process-to-process CV of the median, and in brackets the log-sd left once each')
  console.log("process's common factor is taken out, per measurement and variant.\n")
  const rows = names.map((name) => [
    name,
    ...variants.map((v) => {
      const s = spread(v, name)
      return `${percent(s.cv)} (${percent(s.residualSd)})`
    }),
  ])
  console.log(table(['measurement', ...variants], rows))
  console.log('\nSummary per variant (medians over the measurements).\n')
  const header = [
    'variant',
    'CV',
    'without the common factor',
    '≤ 3% / ≤ 5% without it',
    'processes off > 20%',
    'slow start',
    'suite time',
  ]
  const summary = variants.map((v) => {
    const s = names.map((name) => spread(v, name))
    const residual = s.map((x) => x.residualSd)
    const all = results.get(v)!
    const off = processFactors(all, names).filter((f) => Math.abs(f) > Math.log(1.2)).length
    return [
      v,
      percent(median(s.map((x) => x.cv))),
      percent(median(residual)),
      `${residual.filter((x) => x <= 0.03).length} / ${residual.filter((x) => x <= 0.05).length} of ${names.length}`,
      `${off} of ${all.length}`,
      `${slowStarts(all, v === 'reversed' ? [...names].reverse() : names)} of ${all.length}`,
      `${(median(all.map((r) => r.elapsed)) / 1000).toFixed(1)} s`,
    ]
  })
  console.log(table(header, summary))
}

async function parentMain(): Promise<void> {
  const from = option('from')
  if (from) {
    const recorded = JSON.parse(readFileSync(from, 'utf8')) as Record<Variant, ChildResult[]>
    const variants = Object.keys(recorded) as Variant[]
    report(new Map(variants.map((v) => [v, recorded[v]])), variants)
    return
  }
  const runs = Number(option('runs') ?? 16)
  const seed = Number(option('seed') ?? 20240917)
  const variants = (option('variants')?.split(',') ?? [...DEFAULT_VARIANTS]) as Variant[]
  for (const v of variants) if (!VARIANTS.includes(v)) throw new Error(`unknown variant ${v}`)
  const cpu = cpus()
  console.log(
    `perfgate process-noise experiment — ${new Date().toISOString().slice(0, 10)}, seed ${seed}, ` +
      `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim()}; ${runs} processes per variant, interleaved`,
  )
  const rng = createRng(seed + 7)
  const results = new Map<Variant, ChildResult[]>(variants.map((v) => [v, []]))
  const started = Date.now()
  for (let round = 0; round < runs; round++) {
    for (const variant of shuffled(variants, rng)) results.get(variant)!.push(await runChild(variant, seed))
    process.stderr.write(`round ${round + 1}/${runs} after ${((Date.now() - started) / 1000).toFixed(0)} s\n`)
    const json = option('json')
    if (json) writeFileSync(json, `${JSON.stringify(Object.fromEntries(results))}\n`)
  }
  report(results, variants)
  console.log(`\nWall time ${((Date.now() - started) / 60000).toFixed(1)} min.`)
}

if (process.argv.includes('--child')) {
  const at = process.argv.indexOf('--child')
  childMain(process.argv[at + 1] as Variant, Number(process.argv[at + 2]))
} else {
  await parentMain()
}
