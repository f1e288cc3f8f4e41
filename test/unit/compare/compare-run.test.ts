import { describe, expect, it } from 'vitest'
import type { CompareItem, ComparePolicy, Side } from '../../../src/compare/index.js'
import { compareRun, countVerdicts, DEFAULT_COMPARE_POLICY } from '../../../src/compare/index.js'
import type { CalibrationRule } from '../../../src/compare/types.js'
import { isPerfgateError } from '../../../src/errors.js'
import { createRng, summarize, thin } from '../../../src/stats/index.js'
import { SHAPES, simulateFamily, simulateSide, steadyFamilies, timeItem } from './synthetic.js'

const side = (samples: number[], rounds?: number[]): Side =>
  rounds ? { samples, summary: summarize(samples), rounds } : { samples, summary: summarize(samples) }

function lognormal(seed: number, n: number, median: number, sd = 0.1): number[] {
  const rng = createRng(seed)
  return Array.from({ length: n }, () => median * Math.exp(sd * rng.normal()))
}

const memoryItem = (base: Side, head: Side): CompareItem => ({
  key: 'leak',
  file: 'cache.test.ts',
  name: 'cache > retains',
  metric: 'memory',
  unit: 'MB',
  stat: 'median',
  base,
  head,
})

describe('compareRun: presence', () => {
  it('reports new and missing measurements, keeps input order and drops empty items', () => {
    const a = side([1, 2, 3])
    const results = compareRun([
      timeItem(0, undefined, a),
      timeItem(1, undefined, undefined),
      timeItem(2, a, undefined),
    ])
    expect(results.map((r) => [r.key, r.verdict])).toEqual([
      ['m0', 'new'],
      ['m2', 'missing'],
    ])
    expect(results[0]).toEqual({
      verdict: 'new',
      key: 'm0',
      file: 'bench.perf.ts',
      name: 'm0',
      metric: 'time',
      unit: 'ms',
      stat: 'median',
      head: a.summary,
    })
  })
})

/**
 * `count` measurements (medians 1, 2, …) whose baseline rounds ran at the machine's speed
 * `factors` (0.5% apart otherwise, 0.4% within a round), and a current process at the usual
 * speed in which the first measurement became 1.25× slower.
 */
function inRoundStates(spec: { seed: number; count: number; factors: number[]; samplesPerRound: number }) {
  const rng = createRng(spec.seed)
  const around = (value: number, n: number) =>
    Array.from({ length: n }, () => value * (1 + 0.004 * rng.normal()))
  return Array.from({ length: spec.count }, (_, i) => {
    const value = 1 + i
    const rounds = spec.factors.map((f) => value * f * (1 + 0.005 * rng.normal()))
    const baseSamples = rounds.flatMap((r) => around(r, spec.samplesPerRound)).sort((a, b) => a - b)
    const head = around(value * (i === 0 ? 1.25 : 1), 40).sort((a, b) => a - b)
    return timeItem(i, side(baseSamples, rounds), side(head))
  })
}

describe('compareRun: verdicts on synthetic data', () => {
  it('calls a 2× slowdown slower, with a ratio interval around 2', () => {
    const [r] = compareRun([timeItem(0, side(lognormal(1, 100, 1)), side(lognormal(2, 100, 2)))])
    if (r?.verdict !== 'slower') throw new Error(`expected slower, got ${r?.verdict}`)
    expect(r.change.ratio).toBeCloseTo(2, 1)
    expect(r.change.low).toBeLessThan(2)
    expect(r.change.high).toBeGreaterThan(2)
    expect(r.change.level).toBeCloseTo(0.99, 14)
    expect(r.p).toBeLessThan(1e-4)
    expect(r.pAdjusted).toBe(r.p)
    expect(r.noise).toMatchObject({ source: 'floor', df: Number.POSITIVE_INFINITY, inflation: 1 })
  })

  it('calls a halving faster', () => {
    const [r] = compareRun([timeItem(0, side(lognormal(3, 100, 2)), side(lognormal(4, 100, 1)))])
    expect(r?.verdict).toBe('faster')
  })

  it('finds no slowdown in an A/A family of 50 noisy measurements', () => {
    const rng = createRng(50)
    const items = simulateFamily(rng, {
      size: 50,
      ratio: 1,
      shape: 'lognormal',
      processCv: 0.1,
      baseRounds: 5,
      headRounds: 1,
      samplesPerRound: 40,
    })
    const counts = countVerdicts(compareRun(items))
    expect(counts.slower).toBe(0)
    expect(counts.faster).toBe(0)
    expect(counts.inconclusive + counts.same).toBe(50)
  })

  it('calls a 3% change measured very precisely same, not slower', () => {
    const rng = createRng(7)
    const spec = { shape: 'normal' as const, processCv: 0.003, rounds: 5, samplesPerRound: 400 }
    const base = simulateSide(rng, { ...spec, value: 1 })
    const head = simulateSide(rng, { ...spec, value: 1.03 })
    const [r] = compareRun([timeItem(0, base, head)])
    if (r?.verdict !== 'same') throw new Error(`expected same, got ${r?.verdict}`)
    expect(r.change.ratio).toBeCloseTo(1.03, 2)
    expect(r.noise?.source).toBe('rounds')
  })

  const family = (rng: ReturnType<typeof createRng>, shape: (typeof SHAPES)[number], extra: object) =>
    simulateFamily(rng, {
      size: 20,
      ratio: 1.5,
      shape,
      processCv: 0.02,
      baseRounds: 5,
      headRounds: 5,
      samplesPerRound: 40,
      ...extra,
    })

  it.each(SHAPES)('recovers 1.5× slowdowns of 3 of 20 measurements with %s within-process noise', (shape) => {
    const results = compareRun(family(createRng(15), shape, { changed: 3 }))
    results.forEach((r, i) => {
      if (i < 3) {
        if (r.verdict !== 'slower') throw new Error(`expected slower, got ${r.verdict}`)
        expect(r.change.low).toBeLessThan(1.5)
        expect(r.change.high).toBeGreaterThan(1.5)
        expect(r.change.level).toBeCloseTo(1 - 0.01 / 20, 14)
      } else expect(['same', 'inconclusive']).toContain(r.verdict)
    })
  })

  it('calls a 1.5× change of every measurement inconclusive: the whole run moved, as a slower machine does', () => {
    const results = compareRun(family(createRng(16), 'normal', {}))
    let moved = 0
    for (const r of results) {
      if (r.verdict !== 'inconclusive') throw new Error(`expected inconclusive, got ${r.verdict}`)
      expect(r.noise?.runShift).toBeCloseTo(1.5, 1)
      // The rest are inconclusive on their own noise.
      if (r.reason && /moved with the whole run \(1\.[45]\d×\)/.test(r.reason)) moved++
    }
    expect(moved).toBeGreaterThanOrEqual(18)
  })

  it('calls a 3× change of every measurement slower: beyond any drift of the machine', () => {
    const verdicts = compareRun(family(createRng(17), 'normal', { ratio: 3 })).map((r) => r.verdict)
    expect(verdicts.filter((v) => v === 'slower').length).toBeGreaterThanOrEqual(18)
    expect(verdicts.filter((v) => v !== 'slower' && v !== 'inconclusive')).toEqual([])
  })

  it.each([
    [1.5, 'a slower machine'],
    [0.8, 'a faster machine'],
  ])('finds the one 2× slowdown and nothing else on %s× (%s)', (drift) => {
    const results = compareRun(family(createRng(18), 'lognormal', { ratio: 2, changed: 1, headDrift: drift }))
    expect(results[0]?.verdict).toBe('slower')
    for (const r of results.slice(1)) expect(['same', 'inconclusive']).toContain(r.verdict)
    const other = results[1]
    if (other?.verdict !== 'same' && other?.verdict !== 'inconclusive') throw new Error('compared expected')
    expect(other.noise?.runShift).toBeCloseTo(drift, 1)
  })

  it("judges a change against the baseline's typical round when some of its rounds hit a slow period", () => {
    // Eight measurements; baseline rounds 3 and 5 ran 1.3× slow for all of them (a slow period of
    // the machine), the current single process ran at the usual speed, and the first measurement
    // became 1.25× slower. Against the mean of the rounds it would read about 1.08×.
    const items = inRoundStates({ seed: 31, count: 8, factors: [1, 1, 1.3, 1, 1.3], samplesPerRound: 20 })
    const [slowed, ...others] = compareRun(items)
    if (slowed?.verdict !== 'slower') throw new Error(`expected slower, got ${slowed?.verdict}`)
    expect(slowed.change.ratio).toBeCloseTo(1.25, 1)
    expect(slowed.noise?.runShift).toBeCloseTo(1, 1)
    for (const r of others) expect(['same', 'inconclusive']).toContain(r.verdict)
  })

  it('judges a run in a state some baseline rounds ran in against those rounds, not the typical one', () => {
    // Ten measurements; the baseline's rounds ran mostly in a slow state (1.5×) and its last two
    // at the usual speed, so its typical round is the slow one. The current process ran at the
    // usual speed and the first measurement became 1.25× slower: 0.83× against the typical
    // round, 1.25× against the rounds in the state the run was measured in.
    const factors = [1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1, 1]
    const [slowed, ...others] = compareRun(
      inRoundStates({ seed: 32, count: 10, factors, samplesPerRound: 10 }),
    )
    if (slowed?.verdict !== 'slower')
      throw new Error(
        `expected slower, got ${slowed?.verdict}: ${slowed && 'reason' in slowed ? slowed.reason : ''}`,
      )
    expect(slowed.change.ratio).toBeCloseTo(1.25 / 1.5, 1)
    expect(slowed.noise?.runShift).toBeCloseTo(1 / 1.5, 1)
    // Its samples moved relative to the run as its median did: the rank test agreed.
    expect(slowed.rank?.ratio).toBeLessThan(1)
    for (const r of others) expect(['same', 'inconclusive']).toContain(r.verdict)
  })

  it('keeps a test that stayed put while the rest of the run got faster from slower, when no round ran that fast', () => {
    // The same, but every baseline round in one state: nothing shows the machine running 0.67×.
    const factors = Array.from({ length: 10 }, () => 1.5)
    const [slowed] = compareRun(inRoundStates({ seed: 33, count: 10, factors, samplesPerRound: 10 }))
    expect(slowed?.verdict).toBe('inconclusive')
    if (slowed?.verdict === 'inconclusive') expect(slowed.reason).toMatch(/slower than the rest of the run/)
  })

  // Twenty measurements with five baseline rounds (1% apart) and a current process at the usual
  // speed; `far(i)` gives measurement i's rounds that ran slower, and by how much.
  function withFarRounds(far: (i: number) => Record<number, number>, changed: Record<number, number>) {
    const rng = createRng(41)
    const around = (value: number, n: number) =>
      Array.from({ length: n }, () => value * (1 + 0.003 * rng.normal())).sort((a, b) => a - b)
    return Array.from({ length: 20 }, (_, i) => {
      const value = 1 + i / 4
      const slow = far(i)
      const rounds = [0, 1, 2, 3, 4].map((j) => value * (slow[j] ?? 1) * (1 + 0.01 * rng.normal()))
      const base = rounds.flatMap((r) => around(r, 20)).sort((a, b) => a - b)
      return timeItem(i, side(base, rounds), side(around(value * (changed[i] ?? 1), 40)))
    })
  }

  it('sets aside a round that a slow period hit in the second half of the suite, and finds 1.5× there', () => {
    const items = withFarRounds((i) => (i >= 10 ? { 1: 1.3 } : {}), { 15: 1.5 })
    const results = compareRun(items)
    expect(results[15]?.verdict).toBe('slower')
    expect(results.filter((r) => r.verdict === 'slower')).toHaveLength(1)
  })

  it('keeps a round that stood apart in one measurement alone: its noise is not read from the rest', () => {
    // Measurement 3's round 4 ran 1.3× slow, no other measurement's did. Set aside, its other
    // rounds (1% apart) would call a 1.12× change `slower`; kept, the spread includes the jump.
    const results = compareRun(withFarRounds((i) => (i === 3 ? { 4: 1.3 } : {}), { 3: 1.12 * 1.06 }))
    expect(results[3]?.verdict).toBe('inconclusive')
    expect(results.filter((r) => r.verdict === 'slower')).toEqual([])
  })

  // Twenty-two measurements of one file with a steady five-round baseline (1% between rounds); the
  // current single process runs each at `speed(i)` × the baseline (times `changed[i]`).
  function runAt(
    seed: number,
    speed: (i: number, rng: ReturnType<typeof createRng>) => number,
    changed: Record<number, number>,
  ) {
    const rng = createRng(seed)
    const around = (value: number, n: number) =>
      Array.from({ length: n }, () => value * (1 + 0.01 * rng.normal())).sort((a, b) => a - b)
    return Array.from({ length: 22 }, (_, i) => {
      const value = 1 + i / 4
      const rounds = Array.from({ length: 5 }, () => value * (1 + 0.01 * rng.normal()))
      const base = rounds.flatMap((r) => around(r, 20)).sort((a, b) => a - b)
      return timeItem(i, side(base, rounds), side(around(value * speed(i, rng) * (changed[i] ?? 1), 40)))
    })
  }

  it('says when the run’s speed changed partway through, and reads it with wide intervals', () => {
    // Modelled on a recorded process: the first six measurements ran at the baseline's speed,
    // then a slow period moved the rest about 1.45× (each by its own amount), except two native
    // ones it did not touch; measurement 16 is 2× slower on top.
    const speed = (i: number, rng: ReturnType<typeof createRng>) =>
      i < 6 || i === 19 || i === 21 ? 1 : 1.45 * Math.exp(0.06 * rng.normal())
    const results = compareRun(runAt(45, speed, { 16: 2 }))
    for (const r of results) {
      if (r.verdict === 'new' || r.verdict === 'missing') throw new Error('compared expected')
      expect(r.noise?.unsteady).toBe(true)
    }
    const slowed = results[16]
    if (slowed?.verdict === 'new' || slowed?.verdict === 'missing') throw new Error('compared expected')
    expect(slowed?.change.ratio).toBeGreaterThan(2.5)
    // The common shift fits neither part: the calibration widens every interval several times.
    expect(slowed?.noise?.inflation).toBeGreaterThan(3)
  })

  it('does not call a run of one speed unsteady, even with a slowed block of neighbouring tests', () => {
    const results = compareRun(runAt(42, () => 1.1, { 8: 1.3, 9: 1.3, 10: 1.3, 11: 1.3, 12: 1.3 }))
    for (const r of results) {
      if (r.verdict === 'new' || r.verdict === 'missing') throw new Error('compared expected')
      expect(r.noise?.unsteady).toBeUndefined()
    }
    expect(results.slice(8, 13).map((r) => r.verdict)).toEqual(Array(5).fill('slower'))
    expect(results.filter((r) => r.verdict === 'slower')).toHaveLength(5)
  })

  it('is inconclusive for a 15% change in single processes, saying what it could detect', () => {
    const [r] = compareRun([timeItem(0, side(lognormal(5, 100, 1)), side(lognormal(6, 100, 1.15)))])
    if (r?.verdict !== 'inconclusive') throw new Error(`expected inconclusive, got ${r?.verdict}`)
    // The assumed 10% between-process CV on each side dominates: se ≈ 0.14 on the log scale,
    // so 80% power at α = 0.01 needs exp((2.576 + 0.842) · 0.14) − 1 ≈ 62%.
    expect(r.detectable).toBeGreaterThan(0.55)
    expect(r.detectable).toBeLessThan(0.7)
  })

  it('honours a per-measurement threshold', () => {
    const rng = createRng(9)
    const spec = { shape: 'normal' as const, processCv: 0.01, rounds: 5, samplesPerRound: 100 }
    const base = simulateSide(rng, { ...spec, value: 1 })
    const head = simulateSide(rng, { ...spec, value: 1.3 })
    expect(compareRun([timeItem(0, base, head)])[0]?.verdict).toBe('slower')
    expect(compareRun([{ ...timeItem(0, base, head), threshold: 0.5 }])[0]?.verdict).toBe('same')
  })

  it('is deterministic', () => {
    const items = simulateFamily(createRng(4), {
      size: 12,
      ratio: 1.2,
      shape: 'outliers',
      processCv: 0.1,
      baseRounds: 3,
      headRounds: 1,
      samplesPerRound: 30,
    })
    expect(compareRun(items)).toEqual(compareRun(items))
  })
})

describe('compareRun: steady and noisy measurements (the noise prior)', () => {
  // Families of 20: the last 6 vary by 30% between processes, the rest by 3%; the first two are
  // slowed 20%. Seeded, so the counts are exact.
  const families = (baseRounds: number) =>
    steadyFamilies(30, {
      baseRounds,
      ratio: 1.2,
      rngOf: (f) => createRng(500 + f),
      noisy: { count: 6, processCv: 0.3 },
    })
  const slowerTargets = (items: readonly CompareItem[][], policy: ComparePolicy) =>
    items.reduce(
      (count, family) =>
        count +
        compareRun(family, policy)
          .slice(0, 2)
          .filter((c) => c.verdict === 'slower').length,
      0,
    )
  const mixture = { ...DEFAULT_COMPARE_POLICY, noisePrior: 'mixture' as const }

  it('with the mixture prior and ten rounds, a steady measurement borrows from its own kind', () => {
    const tenRounds = families(10)
    const withMixture = slowerTargets(tenRounds, mixture)
    const withSingle = slowerTargets(tenRounds, DEFAULT_COMPARE_POLICY)
    expect(withMixture).toBeGreaterThan(withSingle + 5)
    const steady = compareRun(tenRounds[0]!, mixture)[5]!
    // A steady measurement's reported noise is near its 3% (the weighted variance), not the run's.
    expect('noise' in steady && steady.noise?.processSd).toBeLessThan(0.05)
  })

  it('uses the single prior by default', () => {
    for (const family of families(10).slice(0, 5)) {
      expect(compareRun(family)).toEqual(
        compareRun(family, { ...DEFAULT_COMPARE_POLICY, noisePrior: 'single' }),
      )
    }
  })

  it('never calls the unchanged measurements slower in these families, with either prior', () => {
    for (const policy of [DEFAULT_COMPARE_POLICY, mixture]) {
      for (const family of families(10)) {
        expect(
          compareRun(family, policy)
            .slice(2)
            .filter((c) => c.verdict === 'slower'),
        ).toEqual([])
      }
    }
  })
})

describe('compareRun: cold single samples', () => {
  it('is inconclusive for a 15% change and slower for 3×, judged on the noise floor', () => {
    const [small] = compareRun([timeItem(0, side([10]), side([11.5]))])
    expect(small?.verdict).toBe('inconclusive')
    const [large] = compareRun([timeItem(0, side([10]), side([30]))])
    expect(large?.verdict).toBe('slower')
  })
})

describe('compareRun: memory (absolute differences)', () => {
  const noisy = (seed: number, mean: number) => {
    const rng = createRng(seed)
    return Array.from({ length: 10 }, () => mean + 0.02 * rng.normal())
  }

  it('calls a 5 MB leak from a baseline near zero slower, with the difference in MB', () => {
    const [r] = compareRun([memoryItem(side(noisy(1, 0.01)), side(noisy(2, 5)))])
    if (r?.verdict !== 'slower') throw new Error(`expected slower, got ${r?.verdict}`)
    expect(r.difference?.difference).toBeCloseTo(5, 1)
    expect(r.difference?.low).toBeLessThan(5)
    // Relative to max(|base|, 0.5 MB): 1 + 5 / 0.5.
    expect(r.change.ratio).toBeCloseTo(11, 0)
  })

  it('does not call a 0.3 MB change slower, nor a change from -0.01 to 0.02 MB', () => {
    expect(compareRun([memoryItem(side(noisy(3, 0)), side(noisy(4, 0.3)))])[0]?.verdict).not.toBe('slower')
    const [r] = compareRun([memoryItem(side(noisy(5, -0.01)), side(noisy(6, 0.02)))])
    expect(r?.verdict).toBe('same')
    expect(Number.isFinite(r?.verdict === 'same' ? r.change.ratio : Number.NaN)).toBe(true)
  })
})

describe('compareRun: bad data never crashes', () => {
  const good = side(lognormal(1, 20, 1))

  it.each([
    ['NaN samples', side([1, Number.NaN, 2]), /current (samples contain NaN|median is not a finite number)/],
    ['an empty side', { samples: [], summary: summarize([]) }, /current has no samples/],
    ['a zero time', side([0, 0, 0]), /current median is 0 ms/],
    ['infinite rounds', side([1, 2, 3], [1, Number.POSITIVE_INFINITY]), /rounds contain NaN or Infinity/],
  ])('gives inconclusive with a reason for %s', (_label, head, reason) => {
    const results = compareRun([
      timeItem(0, good, head as Side),
      timeItem(1, good, side(lognormal(2, 20, 3))),
    ])
    const [bad, other] = results
    if (bad?.verdict !== 'inconclusive') throw new Error(`expected inconclusive, got ${bad?.verdict}`)
    expect(bad.reason).toMatch(reason)
    expect(bad.p).toBeNaN()
    expect(bad.change.ratio).toBeNaN()
    // The bad measurement stays out of the family: the other is judged as the only one.
    if (other?.verdict !== 'slower') throw new Error(`expected slower, got ${other?.verdict}`)
    expect(other.change.level).toBeCloseTo(0.99, 14)
  })

  it('rejects an invalid policy with a PerfgateError naming the option', () => {
    const policy: ComparePolicy = { ...DEFAULT_COMPARE_POLICY, alpha: 2 }
    let caught: unknown
    try {
      compareRun([], policy)
    } catch (error) {
      caught = error
    }
    expect(isPerfgateError(caught) && caught.code).toBe('BAD_OPTION')
    expect((caught as Error).message).toMatch(/"alpha"/)
  })
})

describe('compareRun: run-wide calibration', () => {
  // Families where the model holds.
  const families = (baseRounds: number, count: number) => {
    const rng = createRng(20261202)
    return steadyFamilies(count, { baseRounds, ratio: 1.2, rngOf: () => rng })
  }
  const judged = (items: CompareItem[][], calibration: CalibrationRule) => {
    const runs = items.map((family) => compareRun(family, { ...DEFAULT_COMPARE_POLICY, calibration }))
    const inflations = runs.flatMap((run) => run.map((c) => ('noise' in c ? (c.noise?.inflation ?? 1) : 1)))
    const found = runs.flatMap((run) => run.slice(0, 2)).filter((c) => c.verdict === 'slower').length
    return { found, meanInflation: inflations.reduce((a, b) => a + b, 0) / inflations.length }
  }

  it('takes only the spread beyond chance from runs whose noise came from rounds', () => {
    const items = families(10, 40)
    const [beyond, whole, off] = (['beyond-chance', 'whole', 'off'] as const).map((rule) =>
      judged(items, rule),
    )
    expect(off!.meanInflation).toBe(1)
    expect(beyond!.meanInflation).toBeLessThan(whole!.meanInflation)
    expect(beyond!.meanInflation).toBeGreaterThanOrEqual(1)
    expect(beyond!.found).toBeGreaterThan(whole!.found)
    expect(beyond!.found).toBeLessThanOrEqual(off!.found)
  })

  it('keeps the whole spread over the assumed floor (no rounds)', () => {
    const items = families(1, 20)
    expect(judged(items, 'beyond-chance')).toEqual(judged(items, 'whole'))
  })

  it('rejects an unknown rule', () => {
    expect(() => compareRun([], { ...DEFAULT_COMPARE_POLICY, calibration: 'half' as 'off' })).toThrow(
      /"calibration" must be beyond-chance, whole, off/,
    )
  })
})

describe('compareRun: leaning inconclusive', () => {
  it('leans where the change is beyond the threshold and significant only before the correction', () => {
    const rng = createRng(20261203)
    const runs = steadyFamilies(60, { baseRounds: 10, ratio: 1.2, rngOf: () => rng }).map((family) =>
      compareRun(family),
    )
    const leaning = runs.flat().filter((c) => c.verdict === 'inconclusive' && c.leans !== undefined)
    expect(leaning.filter((c) => c.key === 'm0' || c.key === 'm1').length).toBeGreaterThan(0)
    for (const c of leaning) {
      if (c.verdict !== 'inconclusive') continue
      expect(c.p).toBeLessThanOrEqual(DEFAULT_COMPARE_POLICY.alpha)
      expect(c.pAdjusted).toBeGreaterThan(DEFAULT_COMPARE_POLICY.alpha)
      if (c.leans === 'slower') expect(c.change.ratio).toBeGreaterThan(1.1)
      else expect(c.change.ratio).toBeLessThan(1 / 1.1)
    }
    // Nothing else leans: a decided verdict, or one not significant on its own.
    for (const c of runs.flat()) {
      if (c.verdict === 'new' || c.verdict === 'missing' || c.leans === undefined) continue
      expect(c.verdict).toBe('inconclusive')
    }
  })
})

describe('compareRun: corrections', () => {
  it('widens intervals with the family (Holm: Bonferroni level) and offers BH', () => {
    const items = [0, 1, 2, 3].map((i) =>
      timeItem(i, side(lognormal(10 + i, 100, 1)), side(lognormal(20 + i, 100, 3))),
    )
    const holm = compareRun(items)
    const bh = compareRun(items, { ...DEFAULT_COMPARE_POLICY, correction: 'bh' })
    for (const r of holm) expect(r.verdict === 'slower' && r.change.level).toBeCloseTo(1 - 0.01 / 4, 14)
    // All four rejected under BH: false-coverage-rate level 1 − α·R/m = 1 − 0.01.
    for (const r of bh) expect(r.verdict === 'slower' && r.change.level).toBeCloseTo(0.99, 14)
  })
})

describe('compareRun: the rank test', () => {
  // Rounds of 100 samples from two modes (1 and 1.6, ±1%), `slow` of them in the slow mode.
  function bimodalSide(rng: ReturnType<typeof createRng>, slow: number): Side {
    const all: number[] = []
    const rounds: number[] = []
    for (let r = 0; r < 5; r++) {
      const samples = Array.from({ length: 100 }, (_, i) => (i < slow ? 1.6 : 1) * (1 + 0.01 * rng.normal()))
      rounds.push(summarize(samples).median)
      all.push(...samples)
    }
    return { samples: thin(all, 200), summary: summarize(all), rounds }
  }

  it('reports the rank test and the Hodges–Lehmann ratio with a real slowdown', () => {
    const [r] = compareRun([timeItem(0, side(lognormal(1, 100, 1)), side(lognormal(2, 100, 2)))])
    if (r?.verdict !== 'slower') throw new Error(`expected slower, got ${r?.verdict}`)
    expect(r.rank?.required).toBe(true)
    expect(r.rank?.pAdjusted).toBeLessThan(1e-10)
    expect(r.rank?.ratio).toBeCloseTo(2, 1)
  })

  it('vetoes a median that jumped between modes while the samples barely moved', () => {
    // 48% → 52% of calls in the slow mode: the median moves 1.6×, consistently in every round,
    // but only 4% of the calls changed.
    const rng = createRng(31)
    const base = bimodalSide(rng, 48)
    const head = bimodalSide(rng, 52)
    const [r] = compareRun([timeItem(0, base, head)])
    if (r?.verdict !== 'inconclusive') throw new Error(`expected inconclusive, got ${r?.verdict}`)
    expect(r.change.ratio).toBeGreaterThan(1.5)
    expect(r.change.low).toBeGreaterThan(1.1)
    expect(r.rank?.required).toBe(true)
    expect(r.rank?.pAdjusted).toBeGreaterThan(0.01)
    expect(r.reason).toMatch(/samples as a whole did not/)
    // Without the rank test the statistic's own test would have called it slower.
    const [without] = compareRun([timeItem(0, base, head)], { ...DEFAULT_COMPARE_POLICY, rankTest: false })
    expect(without?.verdict).toBe('slower')
  })

  it('does not require the rank test for tail statistics, few samples or memory', () => {
    const rng = createRng(32)
    const base = bimodalSide(rng, 48)
    const head = bimodalSide(rng, 52)
    const [tail] = compareRun([{ ...timeItem(0, base, head), stat: 'p95' }])
    expect(tail?.verdict !== 'new' && tail?.verdict !== 'missing' && tail?.rank?.required).toBe(false)
    const [few] = compareRun([timeItem(0, side([1, 1.1, 1.2]), side([3, 3.1, 3.2]))])
    expect(few?.verdict !== 'new' && few?.verdict !== 'missing' && few?.rank?.required).toBe(false)
    const [memory] = compareRun([memoryItem(side([1, 1.1, 1.2]), side([3, 3.1, 3.2]))])
    expect(memory?.verdict !== 'new' && memory?.verdict !== 'missing' && memory?.rank).toBeUndefined()
  })
})
