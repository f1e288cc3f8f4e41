import { describe, expect, it } from 'vitest'
import { decide } from '../../../src/compare/verdict.js'

const band = Math.log(1.1)
const Z995 = 2.5758293035489004 // scipy.stats.norm.ppf(0.995)
const Z80 = 0.8416212335729143 // scipy.stats.norm.ppf(0.8)
const inf = Number.POSITIVE_INFINITY

describe('decide', () => {
  it('is slower when significant and the estimate exceeds the threshold', () => {
    const d = decide({ d: Math.log(2), se: 0.05, df: inf }, { band, significant: true, intervalAlpha: 0.01 })
    expect(d.verdict).toBe('slower')
    expect(d.low).toBeCloseTo(Math.log(2) - Z995 * 0.05, 12)
    expect(d.high).toBeCloseTo(Math.log(2) + Z995 * 0.05, 12)
    expect(d.detectable).toBeUndefined()
  })

  it('is faster symmetrically', () => {
    expect(
      decide({ d: -0.3, se: 0.05, df: inf }, { band, significant: true, intervalAlpha: 0.01 }).verdict,
    ).toBe('faster')
  })

  it('is same when significant but inside the band (real but negligible)', () => {
    expect(
      decide({ d: 0.03, se: 0.005, df: inf }, { band, significant: true, intervalAlpha: 0.01 }).verdict,
    ).toBe('same')
  })

  it('is same when not significant and the interval lies inside the band (equivalence)', () => {
    expect(
      decide({ d: 0.01, se: 0.02, df: inf }, { band, significant: false, intervalAlpha: 0.01 }).verdict,
    ).toBe('same')
  })

  it('is inconclusive otherwise, with the change detectable at 80% power', () => {
    const d = decide({ d: 0.2, se: 0.1, df: inf }, { band, significant: false, intervalAlpha: 0.01 })
    expect(d.verdict).toBe('inconclusive')
    expect(d.detectable).toBeCloseTo((Z995 + Z80) * 0.1, 12)
  })

  it('is inconclusive when the estimate is beyond the band but not significant', () => {
    expect(
      decide({ d: 0.5, se: 0.3, df: 8 }, { band, significant: false, intervalAlpha: 0.001 }).verdict,
    ).toBe('inconclusive')
  })

  it('uses t quantiles for finite degrees of freedom', () => {
    // scipy.stats.t.ppf(0.995, 4.5) -> 4.272823993011293
    const d = decide({ d: 0, se: 0.1, df: 4.5 }, { band: 1, significant: false, intervalAlpha: 0.01 })
    expect(d.high).toBeCloseTo(0.4272823993011293, 9)
  })

  it('is inconclusive, not slower or faster, when the rank test disagrees', () => {
    const input = { band, significant: true, intervalAlpha: 0.01 }
    const slower = decide({ d: Math.log(2), se: 0.05, df: inf }, { ...input, rankAgrees: false })
    expect(slower).toMatchObject({ verdict: 'inconclusive', vetoed: true })
    expect(slower.detectable).toBeCloseTo((Z995 + Z80) * 0.05, 12)
    expect(decide({ d: -0.3, se: 0.05, df: inf }, { ...input, rankAgrees: false }).verdict).toBe(
      'inconclusive',
    )
    expect(decide({ d: Math.log(2), se: 0.05, df: inf }, { ...input, rankAgrees: true }).verdict).toBe(
      'slower',
    )
  })

  it('lets the rank test veto nothing else: a negligible change stays same', () => {
    const d = decide(
      { d: 0.03, se: 0.005, df: inf },
      { band, significant: true, intervalAlpha: 0.01, rankAgrees: false },
    )
    expect(d.verdict).toBe('same')
    expect(d.vetoed).toBeUndefined()
  })

  it('leans the way of an estimate beyond the band that is significant only before the correction', () => {
    const input = { band, significant: false, intervalAlpha: 0.0005 }
    const up = decide({ d: 0.15, se: 0.05, df: inf }, { ...input, nominal: true })
    expect(up).toMatchObject({ verdict: 'inconclusive', leans: 'slower' })
    expect(decide({ d: -0.15, se: 0.05, df: inf }, { ...input, nominal: true }).leans).toBe('faster')
  })

  it('does not lean without significance before the correction, inside the band, or once decided', () => {
    const input = { band, significant: false, intervalAlpha: 0.0005 }
    expect(decide({ d: 0.15, se: 0.05, df: inf }, input).leans).toBeUndefined()
    // Significant on its own but inside the band: a small real change, nothing to lean toward.
    expect(decide({ d: 0.08, se: 0.05, df: inf }, { ...input, nominal: true }).leans).toBeUndefined()
    const decided = decide({ d: 0.15, se: 0.02, df: inf }, { ...input, significant: true, nominal: true })
    expect(decided.verdict).toBe('slower')
    expect(decided.leans).toBeUndefined()
  })
})
