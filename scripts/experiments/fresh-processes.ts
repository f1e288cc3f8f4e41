/**
 * What the fresh processes of a Vitest or Jest run buy where the comparator's model holds
 * (docs/statistics.md, "Confirmation in fresh processes"): families of 20 measurements at a 3%
 * process CV, normal samples, a baseline of 10 or 5 rounds, each family measured in three
 * independent CI processes against that baseline; the first two measurements slowed by each
 * factor. Each family is judged as the reporters judge a run (`planFreshProcesses`: the first
 * process, then the fresh processes the plan asks for) under three rules: the first process
 * alone; fresh processes for `slower` verdicts only (the rule before an `inconclusive` that leans
 * toward `slower` was measured again: the leans taken out); and the plan as it is. Fixed seed;
 * about a minute.
 *
 *   npx tsx scripts/experiments/fresh-processes.ts
 */
import { compareRun } from '../../src/compare/index.js'
import { createRng } from '../../src/stats/index.js'
import type { Comparison } from '../../src/types.js'
import { plannedOver, steadyProcesses } from '../../test/unit/compare/synthetic.js'
import { table, withoutLeaning } from './shared.js'

const SEED = 20261205
const FAMILIES = 1000
const PROCESSES = 3
const CHANGED = 2
const FACTORS = [1, 1.1, 1.2, 1.5] as const

type Rule = 'first process alone' | '`slower` confirmed (before)' | 'leans decided too (now)'
const RULES: readonly Rule[] = [
  'first process alone',
  '`slower` confirmed (before)',
  'leans decided too (now)',
]

// One family under a rule: its verdicts and how many processes it took.
function planned(processes: readonly Comparison[][], rule: Rule) {
  if (rule === 'first process alone') return { verdicts: processes[0]!, taken: 1 }
  return plannedOver(rule === 'leans decided too (now)' ? processes : processes.map(withoutLeaning))
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`

const started = performance.now()
console.log(
  `perfgate fresh-process experiment — seed ${SEED}, ${FAMILIES} families of 20 measurements per cell, ` +
    `3% process CV, normal samples (40 per process), ${PROCESSES} independent CI processes per family; ` +
    'default policy (alpha 0.01, Holm, threshold 0.1)\n',
)
const rows: string[][] = []
let seed = SEED
for (const baseRounds of [10, 5]) {
  for (const factor of FACTORS) {
    const rng = createRng(seed++)
    const families = steadyProcesses(FAMILIES, {
      baseRounds,
      ratio: factor,
      processes: PROCESSES,
      rngOf: () => rng,
    }).map((family) => family.map((items) => compareRun(items)))
    for (const rule of RULES) {
      const plans = families.map((family) => planned(family, rule))
      const slower = (c: Comparison) => c.verdict === 'slower'
      const found = plans.reduce((n, p) => n + p.verdicts.slice(0, CHANGED).filter(slower).length, 0)
      const falseRuns = plans.filter((p) => p.verdicts.slice(factor === 1 ? 0 : CHANGED).some(slower)).length
      const extra = plans.reduce((n, p) => n + p.taken - 1, 0)
      const again = plans.filter((p) => p.taken > 1).length
      rows.push([
        String(baseRounds),
        factor === 1 ? 'none' : `+${Math.round((factor - 1) * 100)}%`,
        rule,
        factor === 1 ? '–' : pct(found / (FAMILIES * CHANGED)),
        pct(falseRuns / FAMILIES),
        `${pct(again / FAMILIES)} (${(extra / FAMILIES).toFixed(2)})`,
      ])
    }
  }
}
console.log(
  table(
    [
      'base rounds',
      'slowdown',
      'rule',
      'slowed found',
      'runs with a false `slower`',
      'runs measured again (extra processes per run)',
    ],
    rows,
  ),
)
console.log(`\nTotal time ${((performance.now() - started) / 1000).toFixed(0)} s`)
