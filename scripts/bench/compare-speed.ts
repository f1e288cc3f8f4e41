/**
 * How long the comparator takes for a large run: 1,000 measurements of 100 samples each, with
 * and without rounds, and with full stored samples (200 per side). Prints the first (cold) call
 * and the median of the next calls: a quick look while working on the comparator. The figure
 * perfgate gates itself on is test/perf/compare.perf.test.ts, with its baseline in baselines/
 * (`npm run perf`). Command and recorded figures: docs/statistics.md, "Comparator speed".
 */
import { cpus } from 'node:os'
import type { CompareItem } from '../../src/compare/index.js'
import { compareRun, DEFAULT_COMPARE_POLICY } from '../../src/compare/index.js'
import { createRng, median } from '../../src/stats/index.js'
import { simulateFamily } from '../../test/unit/compare/synthetic.js'

const MEASUREMENTS = 1000
const SAMPLES = 100
const REPEATS = 15

function time(items: readonly CompareItem[]): { cold: number; warm: number } {
  const elapsed = () => {
    const started = performance.now()
    compareRun(items, DEFAULT_COMPARE_POLICY)
    return performance.now() - started
  }
  const cold = elapsed()
  const warm = median(Array.from({ length: REPEATS }, elapsed))
  return { cold, warm }
}

const scenarios = [
  { name: 'no rounds (1 + 1 process)', baseRounds: 1, headRounds: 1, samplesPerRound: SAMPLES },
  { name: '5 base rounds + 1 head', baseRounds: 5, headRounds: 1, samplesPerRound: SAMPLES / 5 },
  // Stored samples are capped at 200: the most a comparison ever sees per side.
  { name: '200 stored samples per side', baseRounds: 5, headRounds: 1, samplesPerRound: 200 },
]
const cpu = cpus()
console.log(
  `compareRun over ${MEASUREMENTS} measurements (Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim()})`,
)
for (const scenario of scenarios) {
  const items = simulateFamily(createRng(1), {
    size: MEASUREMENTS,
    ratio: 1.1,
    shape: 'lognormal',
    processCv: 0.1,
    ...scenario,
  })
  const { cold, warm } = time(items)
  console.log(
    `${scenario.name.padEnd(30)} first call ${cold.toFixed(1)} ms, then median ${warm.toFixed(1)} ms`,
  )
}
