import { describe, expect, it } from 'vitest'
import { pairedLogRatio } from '../../../src/bench/ab/log-ratio.js'
import type { PairedItem, PairedRun } from '../../../src/compare/paired.js'
import { comparePaired, crossoverEstimate } from '../../../src/compare/paired.js'
import { DEFAULT_COMPARE_POLICY } from '../../../src/compare/types.js'
import type { Rng } from '../../../src/stats/index.js'
import { createRng, summarize } from '../../../src/stats/index.js'

interface Scenario {
  /** True ln(head/base). */
  effect: number
  /** How much faster the module imported second runs (ln), in every process. */
  order: number
  processes: number
  /** Which processes load the base first; default: the balanced B H H B pattern. */
  baseFirst?: (index: number) => boolean
}

const balanced = (i: number) => i % 4 === 0 || i % 4 === 3

/**
 * One benchmark measured in `processes` duet processes: each process has its own speed (shared by
 * both sides, 20% between processes), a small per-side process effect (1%), the order effect on
 * whichever side was imported second, and 50 alternated pairs of samples with 5% noise each.
 */
function simulateRuns(rng: Rng, s: Scenario): { runs: PairedRun[]; base: number[]; head: number[] } {
  const runs: PairedRun[] = []
  const base: number[] = []
  const head: number[] = []
  for (let p = 0; p < s.processes; p++) {
    const first = (s.baseFirst ?? balanced)(p)
    const speed = Math.exp(0.2 * rng.normal())
    const logBase = 0.01 * rng.normal() - (first ? 0 : s.order)
    const logHead = s.effect + 0.01 * rng.normal() - (first ? s.order : 0)
    const b = Array.from({ length: 50 }, () => speed * Math.exp(logBase + 0.05 * rng.normal()))
    const h = Array.from({ length: 50 }, () => speed * Math.exp(logHead + 0.05 * rng.normal()))
    runs.push({ baseFirst: first, logRatio: pairedLogRatio(b, h) })
    base.push(...b)
    head.push(...h)
  }
  return { runs, base, head }
}

function item(index: number, sim: ReturnType<typeof simulateRuns>): PairedItem {
  return {
    key: `b${index}`,
    file: 'x.perf.ts',
    name: `b${index}`,
    metric: 'time',
    unit: 'ms',
    stat: 'median',
    base: { samples: sim.base, summary: summarize(sim.base) },
    head: { samples: sim.head, summary: summarize(sim.head) },
    runs: sim.runs,
  }
}

function family(seed: number, scenarios: readonly Scenario[]): PairedItem[] {
  const rng = createRng(seed)
  return scenarios.map((s, i) => item(i, simulateRuns(rng, s)))
}

describe('crossoverEstimate', () => {
  it('averages the two order groups and reports half their difference as the order effect', () => {
    // Two runs per group: Huber's estimates equal the classical ones (means, pooled variance
    // 0.0002), with half the degrees of freedom credited to the robust scale.
    const runs = [
      { baseFirst: true, logRatio: -0.1 },
      { baseFirst: true, logRatio: -0.08 },
      { baseFirst: false, logRatio: 0.1 },
      { baseFirst: false, logRatio: 0.12 },
    ]
    const e = crossoverEstimate(runs)!
    expect(e.d).toBeCloseTo(0.01, 12)
    expect(e.order).toBeCloseTo(-0.1, 12)
    expect(e.ss / e.df).toBeCloseTo(0.0002, 12)
    expect(e.df).toBe(1)
    expect(e.coefficient).toBeCloseTo(0.25, 12)
  })

  it('falls back to the plain mean with one order only, and ignores non-finite runs', () => {
    const e = crossoverEstimate([
      { baseFirst: true, logRatio: 0.02 },
      { baseFirst: true, logRatio: 0.04 },
      { baseFirst: false, logRatio: Number.NaN },
    ])!
    expect(e).toMatchObject({ order: 0, df: 0.5, runs: 2 })
    expect(e.d).toBeCloseTo(0.03, 12)
    expect(crossoverEstimate([{ baseFirst: true, logRatio: Number.NaN }])).toBeUndefined()
  })
})

describe('comparePaired: the order effect cancels', () => {
  const noChange = Array.from({ length: 12 }, () => ({ effect: 0, order: 0.09, processes: 8 }))

  it('finds no change on identical code with a 9% order effect in every process', () => {
    const results = comparePaired(family(1, noChange))
    expect(results.map((r) => r.verdict)).toEqual(noChange.map(() => 'same'))
    for (const r of results) {
      if (r.verdict !== 'same') throw new Error('unreachable')
      expect(Math.abs(Math.log(r.change.ratio))).toBeLessThan(0.015)
    }
  })

  it('without the order term the same data would look noisy: the crossover interval is far narrower', () => {
    const items = family(1, noChange)
    const collapsed = items.map((i) => ({ ...i, runs: i.runs!.map((r) => ({ ...r, baseFirst: true })) }))
    const width = (r: ReturnType<typeof comparePaired>[number]) =>
      r.verdict === 'new' || r.verdict === 'missing' ? Number.NaN : Math.log(r.change.high / r.change.low)
    const crossover = comparePaired(items).map(width)
    const naive = comparePaired(collapsed).map(width)
    crossover.forEach((w, i) => {
      expect(w * 3).toBeLessThan(naive[i]!)
    })
    expect(comparePaired(collapsed).filter((r) => r.verdict === 'same')).toHaveLength(0)
  })

  it('stays unbiased when the orders are unbalanced (6 base first, 2 head first)', () => {
    const unbalanced = { effect: 0, order: 0.09, processes: 8, baseFirst: (i: number) => i < 6 }
    const items = family(
      2,
      Array.from({ length: 12 }, () => unbalanced),
    )
    const results = comparePaired(items)
    expect(results.every((r) => r.verdict === 'same')).toBe(true)
    // A plain mean of the runs would be pulled toward the base-first processes' −9%.
    const plainMean = items.map((i) => i.runs!.reduce((s, r) => s + r.logRatio, 0) / i.runs!.length)
    expect(Math.min(...plainMean.map((m) => Math.abs(m)))).toBeGreaterThan(0.02)
    const estimates = items.map((i) => crossoverEstimate(i.runs!)!.d)
    expect(Math.max(...estimates.map((d) => Math.abs(d)))).toBeLessThan(0.02)
    expect(Math.abs(estimates.reduce((sum, d) => sum + d, 0) / estimates.length)).toBeLessThan(0.006)
  })
})

describe('comparePaired: verdicts', () => {
  it('flags a 15% slowdown among unchanged benchmarks, and only it', () => {
    const scenarios = [
      { effect: Math.log(1.15), order: 0.09, processes: 8 },
      ...Array.from({ length: 9 }, () => ({ effect: 0, order: 0.05, processes: 8 })),
    ]
    const results = comparePaired(family(3, scenarios))
    expect(results[0]?.verdict).toBe('slower')
    expect(results.slice(1).map((r) => r.verdict)).toEqual(scenarios.slice(1).map(() => 'same'))
    const first = results[0]!
    if (first.verdict !== 'slower') throw new Error('unreachable')
    expect(first.change.ratio).toBeCloseTo(1.15, 1)
    expect(first.change.low).toBeLessThan(1.15)
    expect(first.change.high).toBeGreaterThan(1.15)
    expect(first.pAdjusted).toBeGreaterThanOrEqual(first.p)
  })

  it('calls a 5% slowdown slower with a 3% threshold, and faster the other way', () => {
    const scenarios = [
      { effect: Math.log(1.05), order: 0.09, processes: 8 },
      { effect: Math.log(0.95), order: 0.09, processes: 8 },
      ...Array.from({ length: 8 }, () => ({ effect: 0, order: 0.09, processes: 8 })),
    ]
    const results = comparePaired(family(4, scenarios), { ...DEFAULT_COMPARE_POLICY, threshold: 0.03 })
    expect(results.slice(0, 2).map((r) => r.verdict)).toEqual(['slower', 'faster'])
  })

  it('reports a benchmark on one side only as new or missing, not as an error', () => {
    const [full] = family(5, [{ effect: 0, order: 0, processes: 4 }])
    const { base, head, ...identity } = full!
    const results = comparePaired([
      { ...identity, key: 'added', head: head! },
      { ...identity, key: 'removed', base: base! },
    ])
    expect(results.map((r) => [r.key, r.verdict])).toEqual([
      ['added', 'new'],
      ['removed', 'missing'],
    ])
  })

  it('is inconclusive, with the reason, when no process measured both sides', () => {
    const [full] = family(6, [{ effect: 0, order: 0, processes: 4 }])
    const [result] = comparePaired([{ ...full!, runs: [] }])
    expect(result).toMatchObject({ verdict: 'inconclusive', reason: 'no process measured both versions' })
  })

  it('is deterministic and keeps the input order', () => {
    const items = family(
      7,
      Array.from({ length: 5 }, () => ({ effect: 0, order: 0.02, processes: 6 })),
    )
    expect(comparePaired(items)).toEqual(comparePaired(items))
    expect(comparePaired(items).map((r) => r.key)).toEqual(items.map((i) => i.key))
  })

  it('rejects an invalid policy', () => {
    expect(() => comparePaired([], { ...DEFAULT_COMPARE_POLICY, alpha: 2 })).toThrow(/alpha/)
  })
})

describe('comparePaired: a process that went its own way', () => {
  it('does not let one wild process block the verdict (robust estimates)', () => {
    // Seven processes agree within 0.1%; in one, the base copy's JIT state made it 4× slower.
    const runs = [0.001, -0.001, 0.0005, -0.0005, 0.0008, -0.0002, 0.0003, -1.4].map((logRatio, i) => ({
      baseFirst: i % 4 === 0 || i % 4 === 3,
      logRatio,
    }))
    const [full] = family(8, [{ effect: 0, order: 0, processes: 8 }])
    const [result] = comparePaired([{ ...full!, runs }], { ...DEFAULT_COMPARE_POLICY, threshold: 0.03 })
    expect(result?.verdict).toBe('same')
    if (result?.verdict !== 'same') throw new Error('unreachable')
    expect(result.change.high).toBeLessThan(1.03)
    expect(result.change.low).toBeGreaterThan(0.97)
  })
})
