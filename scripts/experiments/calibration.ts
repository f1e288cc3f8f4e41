/**
 * What the run-wide calibration costs where the comparator's model holds (docs/statistics.md,
 * "Run-wide calibration"): families of 20 measurements at a 3% process CV with normal samples,
 * a baseline of 5 or 10 rounds and one CI process, judged under each rule for the run's spread
 * (`ComparePolicy.calibration`). With no change: the share of families with any `slower` and
 * with any flag; with 2 of 20 measurements 1.2× slower: the share of them found, and the
 * calibration factor λ the comparisons carried. Fixed seed; about a minute.
 *
 *   npx tsx scripts/experiments/calibration.ts
 */
import type { CompareItem } from '../../src/compare/index.js'
import { compareRun, DEFAULT_COMPARE_POLICY } from '../../src/compare/index.js'
import { CALIBRATION_RULES, type CalibrationRule } from '../../src/compare/types.js'
import { createRng } from '../../src/stats/index.js'
import { steadyFamilies } from '../../test/unit/compare/synthetic.js'
import { table } from './shared.js'

const SEED = 20261202
const FAMILIES = 1000
const CHANGED = 2

function families(seed: number, baseRounds: number, ratio: number): CompareItem[][] {
  const rng = createRng(seed)
  return steadyFamilies(FAMILIES, { baseRounds, ratio, rngOf: () => rng })
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`

function judge(items: readonly CompareItem[][], calibration: CalibrationRule, changed: number) {
  let anySlower = 0
  let anyFlag = 0
  let found = 0
  const inflations: number[] = []
  for (const family of items) {
    const run = compareRun(family, { ...DEFAULT_COMPARE_POLICY, calibration })
    const others = run.slice(changed)
    if (others.some((c) => c.verdict === 'slower')) anySlower++
    if (others.some((c) => c.verdict === 'slower' || c.verdict === 'faster')) anyFlag++
    found += run.slice(0, changed).filter((c) => c.verdict === 'slower').length
    for (const c of run) if ('noise' in c) inflations.push(c.noise?.inflation ?? 1)
  }
  const mean = inflations.reduce((a, b) => a + b, 0) / inflations.length
  return {
    anySlower: anySlower / items.length,
    anyFlag: anyFlag / items.length,
    found: found / Math.max(1, items.length * changed),
    meanInflation: mean,
    maxInflation: Math.max(...inflations),
  }
}

const started = performance.now()
console.log(
  `perfgate calibration experiment — seed ${SEED}, ${FAMILIES} families of 20 measurements per cell, ` +
    '3% process CV, normal samples (40 per process), one CI process; policy alpha 0.01 (Holm), threshold 0.1\n',
)
const rows: string[][] = []
let seed = SEED
for (const baseRounds of [10, 5]) {
  const none = families(seed++, baseRounds, 1)
  const slowed = families(seed++, baseRounds, 1.2)
  for (const rule of CALIBRATION_RULES) {
    const aa = judge(none, rule, 0)
    const power = judge(slowed, rule, CHANGED)
    rows.push([
      String(baseRounds),
      rule,
      `${pct(aa.anySlower)} / ${pct(aa.anyFlag)}`,
      pct(power.found),
      `${power.meanInflation.toFixed(2)} (max ${power.maxInflation.toFixed(2)})`,
    ])
  }
}
console.log(
  table(
    [
      'base rounds',
      'rule',
      'no change: any slower / any flag',
      '+20% found (2 of 20 slowed)',
      'λ with +20%: mean (max)',
    ],
    rows,
  ),
)
console.log(`\nTotal time ${((performance.now() - started) / 1000).toFixed(0)} s`)
