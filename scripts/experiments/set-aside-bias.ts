/**
 * What setting a round aside does to steady measurements (src/compare/set-aside.ts), seeded:
 *
 * 1. One measurement at a time (the rule before the disturbed-round check: a far round beyond a
 *    deleted t of 4 is always set aside): how often steady normal rounds lose one by chance, and
 *    the variance then estimated, as a share of the true one — against the plain estimate of the
 *    same rounds.
 * 2. Whole baselines of m steady measurements: how often a round is named disturbed (beyond chance
 *    in several measurements at once), and how many measurements lose a round, by either rule.
 *
 *   npx tsx scripts/experiments/set-aside-bias.ts
 */
import { residualEvidence } from '../../src/compare/run-shift.js'
import { disturbedRounds, TRIM_DELETED_T, trimmedResidual } from '../../src/compare/set-aside.js'
import { createRng, median } from '../../src/stats/index.js'
import { table } from './shared.js'

const rng = createRng(20261125)
const ROWS = 200_000
const BASELINES = 20_000
// So many rows behind the factors that their cost in degrees of freedom vanishes: ss/df is then
// the plain variance estimate, comparable with σ² = 1.
const MANY = 1e12

const normalRow = (k: number) => Array.from({ length: k }, () => rng.normal())
const variance = (e: { ss: number; df: number }) => e.ss / e.df

const single = [5, 10].map((k) => {
  const factors = new Array<number>(k).fill(0)
  const always = new Set(Array.from({ length: k }, (_, j) => j))
  const trimmed: number[] = []
  const plain: number[] = []
  for (let r = 0; r < ROWS; r++) {
    const row = normalRow(k)
    const t = trimmedResidual(row, factors, MANY, always)
    if (t.pointShift === 0) continue
    trimmed.push(variance(t))
    plain.push(variance(residualEvidence(row, factors, MANY)))
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  return [
    String(k),
    `${((100 * trimmed.length) / ROWS).toFixed(1)}%`,
    mean(trimmed).toFixed(3),
    median(trimmed).toFixed(3),
    mean(plain).toFixed(3),
  ]
})
console.log(
  `1. Steady normal rounds (σ² = 1), ${ROWS} measurements per k; a far round beyond deleted t ${TRIM_DELETED_T} set aside:\n`,
)
console.log(
  table(
    [
      'rounds k',
      'measurements that lose a round',
      'their variance estimate: mean',
      'median',
      'plain estimate of the same rounds: mean',
    ],
    single,
  ),
)

const whole = [6, 20, 22, 100].map((m) => {
  const factors = [0, 0, 0, 0, 0]
  const always = new Set([0, 1, 2, 3, 4])
  let named = 0
  let lostNow = 0
  let lostBefore = 0
  for (let b = 0; b < BASELINES; b++) {
    const rows = Array.from({ length: m }, () => normalRow(5))
    const disturbed = disturbedRounds(rows, factors)
    named += disturbed.size
    for (const row of rows) {
      if (trimmedResidual(row, factors, m, disturbed).pointShift !== 0) lostNow++
      if (trimmedResidual(row, factors, m, always).pointShift !== 0) lostBefore++
    }
  }
  const pct = (x: number, of: number) => `${((100 * x) / of).toFixed(2)}%`
  return [String(m), pct(named, 5 * BASELINES), pct(lostNow, m * BASELINES), pct(lostBefore, m * BASELINES)]
})
console.log(`\n2. Baselines of m steady measurements × 5 normal rounds, ${BASELINES} per m:\n`)
console.log(
  table(
    ['m', 'rounds named disturbed', 'measurements that lose a round', 'before the check (any far round)'],
    whole,
  ),
)
