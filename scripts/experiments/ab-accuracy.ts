/**
 * A/B accuracy on real processes: `perfgate bench --against` on identical code, and with one
 * benchmark made 5% and 10% slower, each repeated (default 20 times). Prints a markdown report;
 * the recorded output is in docs/bench.md. Run after `npm run build`:
 *
 *   npx tsx scripts/experiments/ab-accuracy.ts [repetitions] [--threshold 0.03]
 */
import { arch, cpus, platform } from 'node:os'
import type { JsonBench } from './ab-repo.js'
import { branch, checkout, commit, createRepo, removeRepo, runBench } from './ab-repo.js'

const repetitions = Number(process.argv[2] ?? 20)
const thresholdIndex = process.argv.indexOf('--threshold')
const threshold = thresholdIndex > 0 ? process.argv[thresholdIndex + 1]! : '0.03'

/** Loop iterations of the target benchmark: base, and 5% and 10% more work. */
const WORK = { base: 20_000, slower5: 21_000, slower10: 22_000 }

const benchFile = (work: number) => `import { bench } from 'perfgate'

// The benchmark whose cost the experiment changes: a loop whose time is proportional to WORK.
const WORK = ${work}
function target(n: number): number {
  let x = 0
  for (let i = 0; i < n; i++) x = (x * 31 + i) | 0
  return x
}

const doc = { users: Array.from({ length: 100 }, (_, i) => ({ id: i, email: \`user\${i}@example.com\`, tags: ['a', 'b'] })) }
const text: string = JSON.stringify(doc)
const email = /(\\w+)@(\\w+)\\.com/g
const numbers = Array.from({ length: 2000 }, (_, i) => (i * 7919) % 2003)

bench('target loop', () => target(WORK))
bench('JSON.parse 100 users', () => JSON.parse(text))
bench('regex: emails in 100 users', () => text.match(email))
bench('sort 2000 numbers', () => [...numbers].sort((a, b) => a - b))
`

interface Tally {
  verdicts: Map<string, Map<string, number>>
  ratios: Map<string, number[]>
  order: Map<string, number[]>
  wall: number[]
  detectable: number[]
}

function tally(t: Tally, benches: readonly JsonBench[]): void {
  for (const b of benches) {
    const verdict = b.error ? 'error' : (b.verdict ?? 'none')
    const counts = t.verdicts.get(b.name) ?? new Map<string, number>()
    counts.set(verdict, (counts.get(verdict) ?? 0) + 1)
    t.verdicts.set(b.name, counts)
    if (b.comparison?.change)
      t.ratios.set(b.name, [...(t.ratios.get(b.name) ?? []), b.comparison.change.ratio])
    if (b.orderEffect !== undefined) t.order.set(b.name, [...(t.order.get(b.name) ?? []), b.orderEffect])
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
const pct = (x: number) => `${(x * 100).toFixed(1)}%`

async function scenario(dir: string, name: string, against: string): Promise<Tally> {
  const t: Tally = { verdicts: new Map(), ratios: new Map(), order: new Map(), wall: [], detectable: [] }
  for (let i = 0; i < repetitions; i++) {
    const { run, wallMs } = await runBench(dir, ['--against', against, '--threshold', threshold])
    tally(t, run.benchmarks)
    t.wall.push(wallMs)
    if (run.detectableChange !== undefined) t.detectable.push(run.detectableChange)
    process.stderr.write(`${name}: ${i + 1}/${repetitions} (${(wallMs / 1000).toFixed(1)} s)\n`)
  }
  return t
}

function report(name: string, t: Tally): string {
  const lines = [
    `### ${name}`,
    '',
    '| benchmark | slower | same | faster | inconclusive | median ratio | order effect (median) |',
    '|---|---|---|---|---|---|---|',
  ]
  for (const [bench, counts] of t.verdicts) {
    const n = (v: string) => counts.get(v) ?? 0
    const order = median(t.order.get(bench) ?? [])
    lines.push(
      `| ${bench} | ${n('slower')} | ${n('same')} | ${n('faster')} | ${n('inconclusive')} | ${median(t.ratios.get(bench) ?? []).toFixed(4)} | ${Number.isFinite(order) ? pct(Math.expm1(order)) : ''} |`,
    )
  }
  lines.push(
    '',
    `Wall time per run: median ${(median(t.wall) / 1000).toFixed(1)} s; smallest detectable change (median): ${pct(median(t.detectable))}.`,
    '',
  )
  return lines.join('\n')
}

async function main(): Promise<void> {
  const dir = createRepo({ 'target.perf.ts': benchFile(WORK.base) })
  try {
    const base = 'main'
    branch(dir, 'slower5', base)
    commit(dir, { 'target.perf.ts': benchFile(WORK.slower5) }, '5% more work')
    branch(dir, 'slower10', base)
    commit(dir, { 'target.perf.ts': benchFile(WORK.slower10) }, '10% more work')
    const out = [
      `perfgate A/B accuracy — node ${process.version}, ${platform()}/${arch()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
      `${repetitions} repetitions per scenario, default settings, --threshold ${threshold}`,
      '',
    ]
    checkout(dir, base)
    out.push(report('Identical code (HEAD against itself)', await scenario(dir, 'identical', 'HEAD')))
    checkout(dir, 'slower5')
    out.push(report('target loop 5% slower', await scenario(dir, 'slower5', base)))
    checkout(dir, 'slower10')
    out.push(report('target loop 10% slower', await scenario(dir, 'slower10', base)))
    process.stdout.write(`${out.join('\n')}\n`)
  } finally {
    removeRepo(dir)
  }
}

await main()
