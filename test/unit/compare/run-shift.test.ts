import { describe, expect, it } from 'vitest'
import {
  commonShift,
  DRIFT_FLOOR_SD,
  residualEvidence,
  roundFactors,
  seenShifts,
  shiftTest,
  shiftVariance,
  typicalOffset,
} from '../../../src/compare/run-shift.js'
import { withRunShift } from '../../../src/compare/verdict.js'

// Three measurements (log scale) over four rounds; round 2 ran 0.4 slower for all of them.
const rows = [
  [0.0, 0.01, 0.4, -0.01],
  [1.0, 0.99, 1.41, 1.0],
  [2.0, 2.02, 2.4, 1.98],
]

describe('roundFactors', () => {
  it('recovers the factor every measurement of a round shares', () => {
    const factors = roundFactors(rows)!
    expect(factors).toHaveLength(4)
    // Each row's mean is about 0.1 above its calm rounds: the slow round stands 0.3 above it.
    expect(factors[2]! - factors[0]!).toBeCloseTo(0.4, 1)
    expect(Math.abs(factors[1]! - factors[3]!)).toBeLessThan(0.03)
  })

  it('needs three rows of the same length to say anything', () => {
    expect(roundFactors(rows.slice(0, 2))).toBeUndefined()
    expect(roundFactors([[1], [2], [3]])).toBeUndefined()
    expect(roundFactors([...rows, [1, 2]])).toHaveLength(4)
  })
})

describe('typicalOffset', () => {
  it('moves a side from the mean of its rounds to its typical (median) round', () => {
    // Two of five rounds 0.3 slow: the mean sits 0.12 above the typical round.
    expect(typicalOffset([0, 0, 0.3, 0, 0.3])).toBeCloseTo(-0.12, 12)
    expect(typicalOffset([0.1, -0.1])).toBeCloseTo(0, 12)
    expect(typicalOffset(undefined)).toBe(0)
    expect(typicalOffset([0.2])).toBe(0)
  })
})

describe('residualEvidence', () => {
  it('takes the common factors out of a row, and charges their degrees of freedom', () => {
    const factors = roundFactors(rows)!
    const raw = residualEvidence(rows[0]!, undefined, 0)
    const residual = residualEvidence(rows[0]!, factors, 3)
    expect(raw.df).toBe(3)
    expect(raw.ss).toBeGreaterThan(0.1)
    expect(residual.ss).toBeLessThan(0.002)
    expect(residual.df).toBeCloseTo(2, 10)
  })

  it('keeps the whole spread of a row that does not line up with the factors', () => {
    const factors = roundFactors(rows)!
    expect(residualEvidence([1, 1.2], factors, 3)).toEqual({ ss: expect.closeTo(0.02, 10), df: 1 })
    expect(residualEvidence([1], factors, 3)).toEqual({ ss: 0, df: 0 })
  })
})

describe('commonShift and shiftVariance', () => {
  it('is the median change, which a minority of real changes does not move', () => {
    expect(commonShift([0.4, 0.41, 0.39, 0.42, 1.1, 0.38])).toBeCloseTo(0.405, 10)
  })

  it('is π/2 · (median variance) / m', () => {
    expect(shiftVariance([0.01, 0.04, 0.02, 0.02])).toBeCloseTo(((Math.PI / 2) * 0.02) / 4, 12)
    expect(shiftVariance([])).toBe(0)
  })
})

describe('shiftTest', () => {
  it('never assumes less than the drift between two sessions', () => {
    const calm = [0.001, -0.001, 0.002, -0.002, 0]
    const test = shiftTest(0.3, { factors: calm, processes: 5 }, { factors: undefined, processes: 1 })
    expect(test.se).toBeCloseTo(Math.SQRT2 * DRIFT_FLOOR_SD, 12)
    expect(test.df).toBe(Number.POSITIVE_INFINITY)
  })

  it('uses the rounds’ factors when they spread wider than that', () => {
    const wild = [0.5, -0.5, 0.4, -0.4, 0]
    const test = shiftTest(0.3, { factors: wild, processes: 5 }, { factors: undefined, processes: 1 })
    // Variance of the factors 0.205 (4 df), one draw for the head and 1/5 for the base.
    expect(test.se).toBeCloseTo(Math.sqrt(0.205 * 1.2), 12)
    expect(test.df).toBe(4)
  })
})

describe('seenShifts', () => {
  it("spans the baseline's round states about its typical round, less the current side's", () => {
    // Typical round (median) 0.1; states from −0.5 to +0.2 about it.
    const seen = seenShifts([-0.4, 0.1, 0.1, 0.3, 0.1], undefined)
    expect(seen.low).toBeCloseTo(-0.5, 12)
    expect(seen.high).toBeCloseTo(0.2, 12)
    // A current side with rounds at −0.1 and +0.1 about its typical round widens it both ways.
    const both = seenShifts([-0.4, 0.1, 0.1, 0.3, 0.1], [-0.1, 0, 0.1])
    expect(both.low).toBeCloseTo(-0.6, 12)
    expect(both.high).toBeCloseTo(0.3, 12)
    expect(seenShifts(undefined, undefined)).toEqual({ low: 0, high: 0 })
  })
})

describe('withRunShift', () => {
  const band = Math.log(1.1)
  const decision = (verdict: 'slower' | 'faster' | 'same' | 'inconclusive') => ({
    verdict,
    low: -0.05,
    high: 0.05,
  })

  it('moves the interval by the shift', () => {
    const out = withRunShift(decision('same'), { d: 0.02, shift: 0.03, band, shiftSignificant: false })
    expect(out).toEqual({ verdict: 'same', low: expect.closeTo(-0.02, 12), high: expect.closeTo(0.08, 12) })
  })

  it('keeps slower only when the change against the baseline is beyond the band too', () => {
    expect(
      withRunShift(decision('slower'), { d: 0.5, shift: -0.2, band, shiftSignificant: false }).verdict,
    ).toBe('slower')
    const held = withRunShift(decision('slower'), { d: 0.05, shift: -0.2, band, shiftSignificant: false })
    expect(held.verdict).toBe('inconclusive')
    expect(held.reason).toMatch(/slower than the rest of the run \(1\.28×\).*the whole run moved 0\.819×/)
  })

  it("takes the part of the shift inside the rounds' states for the machine's", () => {
    // 1.28× slower than the run, 1.05× against the typical round; a baseline round ran 0.82×.
    const held = { d: 0.05, shift: -0.2, band, shiftSignificant: false }
    expect(withRunShift(decision('slower'), { ...held, seen: { low: -0.25, high: 0 } }).verdict).toBe(
      'slower',
    )
    // Rounds that ran only 0.9×: 1.16× against them, still beyond the band.
    expect(withRunShift(decision('slower'), { ...held, seen: { low: -0.1, high: 0 } }).verdict).toBe('slower')
    // Rounds that ran only 0.97×: 1.08× against them, inside the band.
    expect(withRunShift(decision('slower'), { ...held, seen: { low: -0.03, high: 0 } }).verdict).toBe(
      'inconclusive',
    )
    // Faster likewise, the other way.
    const quick = { d: -0.05, shift: 0.2, band, shiftSignificant: false }
    expect(withRunShift(decision('faster'), { ...quick, seen: { low: 0, high: 0.25 } }).verdict).toBe(
      'faster',
    )
    expect(withRunShift(decision('faster'), quick).verdict).toBe('inconclusive')
  })

  it('makes a measurement that moved with the run inconclusive, unless the run moved beyond drift', () => {
    const withRun = { d: 0.4, shift: 0.4, band }
    const out = withRunShift(decision('same'), { ...withRun, shiftSignificant: false })
    expect(out.verdict).toBe('inconclusive')
    expect(out.reason).toMatch(/moved with the whole run \(1\.49×\)/)
    expect(withRunShift(decision('same'), { ...withRun, shiftSignificant: true }).verdict).toBe('slower')
    expect(
      withRunShift(decision('same'), { d: -0.4, shift: -0.4, band, shiftSignificant: true }).verdict,
    ).toBe('faster')
  })

  it('is not same when the run stayed inside the band but the test, in step with it, did not', () => {
    const out = withRunShift(decision('same'), { d: 0.14, shift: 0.09, band, shiftSignificant: false })
    expect(out.verdict).toBe('inconclusive')
    expect(out.reason).toMatch(
      /in step with the rest of the run, but 1\.15× against the baseline: the whole run moved 1\.09×/,
    )
  })

  it('leaves inconclusive as it is', () => {
    expect(
      withRunShift(decision('inconclusive'), { d: 0.4, shift: 0.4, band, shiftSignificant: true }).verdict,
    ).toBe('inconclusive')
  })

  it('keeps a lean only where the change against the baseline is beyond the band that way too', () => {
    const leaning = { ...decision('inconclusive'), leans: 'slower' as const }
    // 1.28× slower than the run and 1.28× against the baseline: the lean stands, moved.
    const kept = withRunShift(leaning, { d: 0.25, shift: 0, band, shiftSignificant: false })
    expect(kept).toMatchObject({ verdict: 'inconclusive', leans: 'slower' })
    // 1.28× slower than a run that got 0.82× faster: 1.05× against the baseline, no lean.
    const dropped = withRunShift(leaning, { d: 0.05, shift: -0.2, band, shiftSignificant: false })
    expect(dropped.verdict).toBe('inconclusive')
    expect(dropped).not.toHaveProperty('leans')
    // Unless the baseline's rounds ran in that fast state too (as for `slower`).
    const seen = { low: -0.25, high: 0 }
    expect(withRunShift(leaning, { d: 0.05, shift: -0.2, band, shiftSignificant: false, seen }).leans).toBe(
      'slower',
    )
  })
})
