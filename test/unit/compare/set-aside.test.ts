import { describe, expect, it } from 'vitest'
import { residualEvidence } from '../../../src/compare/run-shift.js'
import {
  disturbedRounds,
  minSharedFarRounds,
  trimConsistency,
  trimmedResidual,
} from '../../../src/compare/set-aside.js'
import { createRng } from '../../../src/stats/index.js'

// Rounds of one measurement on the log scale, with the rounds' factors already 0.
const NO_FACTORS = [0, 0, 0, 0, 0]
const ROUND_1_SLOW = [0.01, 0.25, -0.01, 0.0, 0.0]
const STEADY = [0.01, 0.02, -0.01, 0.0, -0.02]

describe('trimmedResidual', () => {
  it("sets a disturbed far round aside: the spread and the point are the other rounds'", () => {
    const trimmed = trimmedResidual(ROUND_1_SLOW, NO_FACTORS, 22, new Set([1]))
    const keptSs = 0.01 ** 2 + 0.01 ** 2 // about their mean 0
    expect(trimmed.ss).toBeCloseTo(keptSs / trimConsistency(5), 12)
    expect(trimmed.df).toBeCloseTo(3 * (1 - 1 / 22), 12)
    expect(trimmed.pointShift).toBeCloseTo(0 - 0.05, 12)
  })

  it('keeps a far round that stood apart in this measurement alone (not among the disturbed)', () => {
    expect(trimmedResidual(ROUND_1_SLOW, NO_FACTORS, 22, new Set([3]))).toEqual({
      ...residualEvidence(ROUND_1_SLOW, NO_FACTORS, 22),
      pointShift: 0,
    })
  })

  it('keeps every round when none stands apart, even in a disturbed round', () => {
    expect(trimmedResidual(STEADY, NO_FACTORS, 22, new Set([0, 1, 2, 3, 4]))).toEqual({
      ...residualEvidence(STEADY, NO_FACTORS, 22),
      pointShift: 0,
    })
  })

  it('is the plain residual evidence with fewer than 5 rounds or without factors', () => {
    expect(trimmedResidual([0, 0.2, 0.1, 0.0], [0, 0, 0, 0], 10, new Set([1]))).toEqual({
      ...residualEvidence([0, 0.2, 0.1, 0.0], [0, 0, 0, 0], 10),
      pointShift: 0,
    })
    expect(trimmedResidual([0, 0.2, 0.1, 0.0, 0.1], undefined, 10, new Set([1])).pointShift).toBe(0)
  })

  it('scales back to a normal variance as simulated (0.455 of it kept for 5 rounds, 0.660 for 10)', () => {
    expect(trimConsistency(5)).toBeCloseTo(0.455, 2)
    expect(trimConsistency(10)).toBeCloseTo(0.66, 1)
    expect(trimConsistency(50)).toBeCloseTo(0.896, 2)
  })
})

describe('minSharedFarRounds', () => {
  // p = 2 · scipy.stats.t.sf(4, 3) = 0.028008456010146152 for 5 rounds; then
  // scipy.stats.binom.sf(c − 1, m, p): m = 22: P(X ≥ 2) = 0.1254, P(X ≥ 3) = 0.02273;
  // m = 6: P(X ≥ 2) = 0.01092; m = 100: P(X ≥ 6) = 0.06246, P(X ≥ 7) = 0.02262.
  it('is the smallest count beyond chance at 2.5% per round (SciPy binomial tails)', () => {
    expect(minSharedFarRounds(22, 5)).toBe(3)
    expect(minSharedFarRounds(6, 5)).toBe(2)
    expect(minSharedFarRounds(100, 5)).toBe(7)
  })

  it('never accepts a round far in one measurement alone', () => {
    expect(minSharedFarRounds(1, 5)).toBe(2)
    expect(minSharedFarRounds(3, 10)).toBe(2)
  })
})

describe('disturbedRounds', () => {
  it('names a round that stood apart in three of twenty measurements, not one that did in one', () => {
    const rows = Array.from({ length: 20 }, () => STEADY)
    rows[2] = rows[5] = rows[9] = ROUND_1_SLOW
    rows[12] = [0.01, 0.0, -0.01, 0.3, 0.0]
    expect(disturbedRounds(rows, NO_FACTORS)).toEqual(new Set([1]))
  })

  it('is empty without factors', () => {
    expect(disturbedRounds([ROUND_1_SLOW, ROUND_1_SLOW, ROUND_1_SLOW], undefined)).toEqual(new Set())
  })

  it('rarely names a round of steady normal measurements (seeded: 20 measurements, 5 rounds)', () => {
    const rng = createRng(20261125)
    let named = 0
    const baselines = 2000
    for (let b = 0; b < baselines; b++) {
      const rows = Array.from({ length: 20 }, () => Array.from({ length: 5 }, () => 0.02 * rng.normal()))
      named += disturbedRounds(rows, NO_FACTORS).size
    }
    // At most 2.5% per round by construction (1.9% exactly for m = 20): 5 rounds × 2000 × 0.025.
    expect(named / (5 * baselines)).toBeLessThan(0.025)
  })
})
