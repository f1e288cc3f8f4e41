/**
 * How long the comparator takes for a large run: 1,000 measurements of 100 samples each, with
 * and without rounds. Prints the first (cold) call and the median of the next calls.
 * Command: see docs/statistics.md, "Comparator speed".
 */
import type { CompareItem } from '../../src/compare/index.js'
import { compareRun, DEFAULT_COMPARE_POLICY } from '../../src/compare/index.js'
import { createRng, quantile, sortAscending } from '../../src/stats/index.js'
import { simulateFamily } from '../../test/unit/compare/synthetic.js'

const MEASUREMENTS = 1000
const SAMPLES = 100
const REPEATS = 9

function time(items: readonly CompareItem[]): { cold: number; warm: number } {
  const elapsed = () => {
    const started = performance.now()
    compareRun(items, DEFAULT_COMPARE_POLICY)
    return performance.now() - started
  }
  const cold = elapsed()
  const warm = quantile(sortAscending(Array.from({ length: REPEATS }, elapsed)), 0.5)
  return { cold, warm }
}

const scenarios = [
  { name: 'no rounds (1 + 1 process)', baseRounds: 1, headRounds: 1, samplesPerRound: SAMPLES },
  { name: '5 base rounds + 1 head', baseRounds: 5, headRounds: 1, samplesPerRound: SAMPLES / 5 },
]
console.log(
  `compareRun over ${MEASUREMENTS} measurements of ${SAMPLES} samples per side (Node ${process.version})`,
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
    `${scenario.name.padEnd(28)} first call ${cold.toFixed(1)} ms, then median ${warm.toFixed(1)} ms`,
  )
}
