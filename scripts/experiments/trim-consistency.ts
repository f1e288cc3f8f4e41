/**
 * The consistency factor of `trimConsistency` (src/compare/run-shift.ts): for k normal values,
 * the expected spread of the k − 1 left after the one farthest from the mean is set aside
 * (re-centred, divided by k − 2), as a share of the variance. 200,000 samples per k, seeded.
 *
 *   npx tsx scripts/experiments/trim-consistency.ts
 */
import { trimConsistency } from '../../src/compare/set-aside.js'
import { createRng } from '../../src/stats/index.js'
import { table } from './shared.js'

const SAMPLES = 200_000
const rng = createRng(20241125)
const rows = [4, 5, 6, 7, 8, 10, 12, 15, 20, 30, 50].map((k) => {
  let total = 0
  for (let t = 0; t < SAMPLES; t++) {
    const x = Array.from({ length: k }, () => rng.normal())
    const mean = x.reduce((a, b) => a + b, 0) / k
    let far = 0
    for (let j = 1; j < k; j++) if (Math.abs(x[j]! - mean) > Math.abs(x[far]! - mean)) far = j
    const kept = x.filter((_, j) => j !== far)
    const keptMean = kept.reduce((a, b) => a + b, 0) / kept.length
    total += kept.reduce((a, b) => a + (b - keptMean) ** 2, 0) / (k - 2)
  }
  const simulated = total / SAMPLES
  return [
    String(k),
    simulated.toFixed(4),
    trimConsistency(k).toFixed(4),
    `${((trimConsistency(k) / simulated - 1) * 100).toFixed(1)}%`,
  ]
})
console.log(table(['k', 'simulated', 'trimConsistency(k)', 'fit error'], rows))
