/**
 * Wall time of an A/B run of a 50-benchmark suite (5 files × 10 benchmarks) with default
 * settings, on identical code, repeated (default 3 times): total time, the runner's overhead apart
 * from benchmark time, false `slower` verdicts, and the smallest change the run could detect.
 * Recorded output in docs/bench.md. Run after `npm run build`:
 *
 *   npx tsx scripts/experiments/ab-suite-time.ts [repetitions]
 */
import { arch, cpus, platform } from 'node:os'
import { createRepo, removeRepo, runBench } from './ab-repo.js'

const repetitions = Number(process.argv[2] ?? 3)
const FILES = 5
const PER_FILE = 10

// Ten benchmarks of different kinds and sizes (µs to a few ms), so the suite looks like a real one.
const benchFile = (f: number) => `import { bench, describe } from 'perfgate'

const doc = { rows: Array.from({ length: ${50 * (f + 1)} }, (_, i) => ({ id: i, name: \`row \${i}\`, tags: ['x', 'y'] })) }
const text: string = JSON.stringify(doc)
const numbers = Array.from({ length: ${1000 * (f + 1)} }, (_, i) => (i * 7919) % 10007)
const words = text.split(/\\W+/)
const ident = /row (\\d+)/g
const map = new Map(words.map((w, i) => [w, i]))

describe('file ${f}', () => {
${Array.from({ length: PER_FILE }, (_, i) => {
  const bodies = [
    'JSON.parse(text)',
    'JSON.stringify(doc)',
    '[...numbers].sort((a, b) => a - b)',
    'text.match(ident)',
    'words.filter((w) => w.length > 3).length',
    'numbers.reduce((s, x) => s + x, 0)',
    'words.map((w) => w.toUpperCase()).join(" ")',
    'map.get(words[words.length >> 1]!)',
    'structuredClone(doc)',
    'text.replaceAll("row", "line").length',
  ]
  return `  bench('b${i}', () => ${bodies[i % bodies.length]})`
}).join('\n')}
})
`

async function main(): Promise<void> {
  const files = Object.fromEntries(
    Array.from({ length: FILES }, (_, f) => [`suite/f${f}.perf.ts`, benchFile(f)]),
  )
  const dir = createRepo(files)
  const lines = [
    `perfgate A/B wall time — node ${process.version}, ${platform()}/${arch()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    `${FILES * PER_FILE} benchmarks in ${FILES} files, identical code (HEAD against itself), default settings`,
    '',
    '| run | wall time | benchmark time | start-up (processes × median) | listing | slower | same | inconclusive | detectable change |',
    '|---|---|---|---|---|---|---|---|---|',
  ]
  try {
    for (let i = 0; i < repetitions; i++) {
      const { run, wallMs } = await runBench(dir, ['--against', 'HEAD'])
      const count = (v: string) => run.benchmarks.filter((b) => b.verdict === v).length
      const o = run.overhead
      lines.push(
        `| ${i + 1} | ${(wallMs / 1000).toFixed(1)} s | ${(o.benchmarkMs / 1000).toFixed(1)} s | ${o.processes} × ${o.startupMedianMs.toFixed(0)} ms = ${(o.startupTotalMs / 1000).toFixed(1)} s | ${(o.collectMs / 1000).toFixed(1)} s | ${count('slower')} | ${count('same')} | ${count('inconclusive')} | ${((run.detectableChange ?? Number.NaN) * 100).toFixed(1)}% |`,
      )
      process.stderr.write(`suite: ${i + 1}/${repetitions} (${(wallMs / 1000).toFixed(1)} s)\n`)
    }
    process.stdout.write(`${lines.join('\n')}\n`)
  } finally {
    removeRepo(dir)
  }
}

await main()
