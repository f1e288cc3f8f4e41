import { describe, expect, it } from 'vitest'
import { beyondChance, calibrate, calibrationFactor } from '../../../src/compare/calibrate.js'
import { combineSides, halfWidth, pValue, upperTail } from '../../../src/compare/estimate.js'
import type { SideEstimate } from '../../../src/compare/side.js'
import { normalQuantile, tQuantile } from '../../../src/stats/index.js'

const single = (point: number, withinVariance: number, sampleSpread = 0.1): SideEstimate => ({
  value: Math.exp(point),
  point,
  processes: 1,
  withinVariance,
  roundWithinVariance: 0,
  sampleSpread,
  roundsSS: 0,
  roundsDf: 0,
  scaledRounds: [],
})

const rounds = (point: number, k: number, roundWithinVariance: number): SideEstimate => ({
  value: Math.exp(point),
  point,
  processes: k,
  withinVariance: 0,
  roundWithinVariance,
  sampleSpread: 0.1,
  roundsSS: 0.04,
  roundsDf: k - 1,
  scaledRounds: [],
})

describe('combineSides', () => {
  it('charges 1/k of τ² to a side of k rounds and τ² plus extra sampling error to a single process', () => {
    // τ² = 0.01 (12 df); base 5 rounds; head one process with sampling variance 0.0004, of which
    // a round's 0.0001 is already inside τ²: 0.01·(1/5 + 1) + 0.0003 = 0.0123;
    // df = 0.0123² / ((0.012)² / 12) = 12.6075.
    const change = combineSides(
      rounds(0, 5, 0.0001),
      single(0.3, 0.0004),
      { variance: 0.01, df: 12, source: 'rounds' },
      0.1,
    )
    expect(change.d).toBeCloseTo(0.3, 14)
    expect(change.se).toBeCloseTo(Math.sqrt(0.0123), 14)
    expect(change.df).toBeCloseTo(12.6075, 10)
  })

  it('adds both sampling errors to the assumed floor, with infinite degrees of freedom', () => {
    const change = combineSides(
      single(0, 0.0004),
      single(0.1, 0.0009),
      {
        variance: 0.01,
        df: Number.POSITIVE_INFINITY,
        source: 'floor',
      },
      0.1,
    )
    expect(change.se).toBeCloseTo(Math.sqrt(0.0213), 14)
    expect(change.df).toBe(Number.POSITIVE_INFINITY)
  })

  it('lets a one-sample side borrow the other side’s spread, or the floor for two cold calls', () => {
    const floor = { variance: 0.01, df: Number.POSITIVE_INFINITY, source: 'floor' as const }
    const borrowed = combineSides(single(0, 0.0001, 0.2), single(0.1, Number.NaN, Number.NaN), floor, 0.1)
    expect(borrowed.se).toBeCloseTo(Math.sqrt(0.02 + 0.0001 + 0.04), 14)
    const cold = combineSides(
      single(0, Number.NaN, Number.NaN),
      single(0.1, Number.NaN, Number.NaN),
      floor,
      0.1,
    )
    expect(cold.se).toBeCloseTo(Math.sqrt(0.02 + 0.01 + 0.01), 14)
  })
})

describe('pValue', () => {
  it('is two-sided', () => {
    // 2 * scipy.stats.norm.sf(2) -> 0.04550026389635839
    expect(pValue({ d: -0.2, se: 0.1, df: Number.POSITIVE_INFINITY })).toBeCloseTo(0.04550026389635839, 12)
  })

  it('treats a zero standard error as certainty', () => {
    expect(pValue({ d: 0, se: 0, df: 5 })).toBe(1)
    expect(pValue({ d: 0.1, se: 0, df: 5 })).toBe(0)
  })
})

describe('calibration', () => {
  const grid = (scale: number, n = 41) =>
    Array.from({ length: n }, (_, i) => ({
      d: scale * normalQuantile((i + 0.5) / n),
      se: 1,
      df: Number.POSITIVE_INFINITY,
    }))

  it('widens standard errors by the spread the run shows', () => {
    // A 41-point grid of normal quantiles has a MAD slightly under the population's.
    expect(Math.abs(calibrationFactor(grid(3)).inflation / 3 - 1)).toBeLessThan(0.05)
    expect(calibrationFactor(grid(3)).df).toBeCloseTo(0.3675 * 40, 10)
  })

  it('never narrows them, and needs ten comparisons', () => {
    expect(calibrationFactor(grid(0.5))).toEqual({ inflation: 1, df: Number.POSITIVE_INFINITY })
    expect(calibrationFactor(grid(3, 9)).inflation).toBe(1)
  })

  it('ignores a minority of real changes', () => {
    const estimates = [...grid(1), ...Array.from({ length: 5 }, () => ({ d: 40, se: 1, df: 10 }))]
    expect(calibrationFactor(estimates).inflation).toBeLessThan(1.3)
  })

  it('takes only the spread beyond chance where the noise came from rounds', () => {
    const fromRounds = grid(1).map((e) => ({ ...e, df: 40 }))
    // λ̂ = 1.5 on 8 df: λ² = 1 + (2.25 − 1 − √(2/8)) = 1.75.
    expect(beyondChance({ inflation: 1.5, df: 8 }, fromRounds)).toEqual({
      inflation: expect.closeTo(Math.sqrt(1.75), 12),
      df: 8,
    })
    // λ̂ = 1.2 on 8 df is within one chance standard deviation (1.44 − 1 < 0.5): no widening.
    expect(beyondChance({ inflation: 1.2, df: 8 }, fromRounds)).toEqual({
      inflation: 1,
      df: Number.POSITIVE_INFINITY,
    })
    // The assumed floor (infinite df) is a guess: the run's spread counts whole.
    expect(beyondChance({ inflation: 1.5, df: 8 }, grid(1))).toEqual({ inflation: 1.5, df: 8 })
    expect(beyondChance({ inflation: 1, df: Number.POSITIVE_INFINITY }, fromRounds).inflation).toBe(1)
  })

  it('lowers the degrees of freedom by Welch–Satterthwaite', () => {
    // se 0.1 → 0.2; df = 2⁴ / (1/20 + (2² − 1)² / 7) = 11.978609625668447
    const out = calibrate({ d: 1, se: 0.1, df: 20 }, { inflation: 2, df: 7 })
    expect(out).toEqual({ d: 1, se: expect.closeTo(0.2, 14), df: expect.closeTo(11.978609625668447, 10) })
  })
})

describe('a change whose noise is a mixture of components', () => {
  const mixed = (d: number, parts: [number, number, number][]) => ({
    d,
    se: Math.sqrt(parts.reduce((sum, [w, se]) => sum + w * se * se, 0)),
    df: parts[0]![2],
    components: parts.map(([weight, se, df]) => ({ weight, se, df })),
  })

  it('takes its p-value from the weighted tails (SciPy: 0.5·2·norm.sf(3) + 0.5·2·norm.sf(1.5))', () => {
    const e = mixed(3, [
      [0.5, 1, Number.POSITIVE_INFINITY],
      [0.5, 2, Number.POSITIVE_INFINITY],
    ])
    expect(pValue(e)).toBeCloseTo(0.06815709930048816, 10)
  })

  it('mixes Student t components (SciPy: 0.9·2·t.sf(9.1, 24) + 0.1·2·t.sf(0.91, 16))', () => {
    const e = mixed(0.182, [
      [0.9, 0.02, 24],
      [0.1, 0.2, 16],
    ])
    expect(pValue(e)).toBeCloseTo(0.037632784965079505, 9)
    expect(upperTail(e, 0.182)).toBeCloseTo(0.037632784965079505 / 2, 9)
  })

  it('has the half-width at which the mixture’s two tails hold alpha (SciPy brentq: 3.2991469)', () => {
    const e = mixed(0, [
      [0.5, 1, Number.POSITIVE_INFINITY],
      [0.5, 2, Number.POSITIVE_INFINITY],
    ])
    expect(halfWidth(e, 0.05, tQuantile)).toBeCloseTo(3.2991469042756094, 8)
    // One component: the Student t half-width.
    expect(halfWidth({ d: 0, se: 2, df: 10 }, 0.05, tQuantile)).toBeCloseTo(2 * tQuantile(0.975, 10), 12)
  })

  it('is combined per component from the sides, and calibrated per component', () => {
    const noise = {
      variance: 0.5 * 0.01 + 0.5 * 0.04,
      df: 8,
      source: 'rounds' as const,
      components: [
        { weight: 0.5, variance: 0.01, df: 8 },
        { weight: 0.5, variance: 0.04, df: 20 },
      ],
    }
    const e = combineSides(rounds(0, 5, 0), single(0.1, 0), noise, 0.1)
    expect(e.components?.map((c) => c.se)).toEqual([
      expect.closeTo(Math.sqrt(0.01 * 1.2), 12),
      expect.closeTo(Math.sqrt(0.04 * 1.2), 12),
    ])
    expect(e.components?.map((c) => c.df)).toEqual([8, 20])
    const widened = calibrate(e, { inflation: 2, df: 10 })
    expect(widened.components?.map((c) => c.se)).toEqual([
      expect.closeTo(2 * Math.sqrt(0.012), 12),
      expect.closeTo(2 * Math.sqrt(0.048), 12),
    ])
    expect(widened.components?.[0]?.df).toBeCloseTo(16 / (1 / 8 + 9 / 10), 10)
  })
})
