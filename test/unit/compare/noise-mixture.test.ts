import { describe, expect, it } from 'vitest'
import { processNoise } from '../../../src/compare/noise.js'
import { fitNoiseMixture, logMarginalDensity, mixtureNoise } from '../../../src/compare/noise-mixture.js'

// Ten measurements with 4 degrees of freedom of rounds each: six steady (sd 1.6–2.5%), four
// noisy (15–30%). The reference numbers come from a SciPy transcription of the same fit
// (scipy.stats.f/chi2 log densities, scipy.special digamma/polygamma, brentq for ψ′⁻¹).
const SDS = [0.021, 0.018, 0.025, 0.02, 0.016, 0.023, 0.15, 0.22, 0.19, 0.3]
const EVIDENCE = SDS.map((sd) => ({ ss: 4 * sd * sd, df: 4 }))

describe('logMarginalDensity', () => {
  it('is the F(ν, d0) log density of s²/s0², less ln s0² (scipy.stats.f.logpdf)', () => {
    expect(logMarginalDensity(0.02, 4, { variance: 0.01, df: 5 })).toBeCloseTo(2.721282461665676, 10)
    expect(logMarginalDensity(0.0004, 3.8, { variance: 0.0009, df: 40 })).toBeCloseTo(6.677888658247332, 10)
    expect(logMarginalDensity(0.09, 3.8, { variance: 0.0009, df: 2.5 })).toBeCloseTo(-2.919381165937793, 10)
  })

  it('is the scaled χ² log density when the prior has infinite degrees of freedom (scipy.stats.chi2)', () => {
    const infinite = Number.POSITIVE_INFINITY
    expect(logMarginalDensity(0.02, 4, { variance: 0.01, df: infinite })).toBeCloseTo(2.684611727667927, 10)
    expect(logMarginalDensity(0.0004, 3.8, { variance: 0.0009, df: infinite })).toBeCloseTo(
      6.697340815251455,
      10,
    )
  })

  it('approaches the χ² limit as the prior degrees of freedom grow', () => {
    const limit = logMarginalDensity(0.02, 4, { variance: 0.01, df: Number.POSITIVE_INFINITY })
    expect(logMarginalDensity(0.02, 4, { variance: 0.01, df: 1e9 })).toBeCloseTo(limit, 6)
  })
})

describe('fitNoiseMixture', () => {
  it('separates steady from noisy measurements as the SciPy transcription does', () => {
    const mixture = fitNoiseMixture(EVIDENCE, 3)!
    const [steady, noisy] = mixture.components
    expect(steady!.weight).toBeCloseTo(0.5998060528572366, 8)
    expect(steady!.variance).toBeCloseTo(0.0005388925423714579, 12)
    expect(steady!.df).toBe(Number.POSITIVE_INFINITY)
    expect(noisy!.weight).toBeCloseTo(0.40019394714276346, 8)
    expect(noisy!.variance).toBeCloseTo(0.056709811039980865, 10)
    expect(noisy!.df).toBe(Number.POSITIVE_INFINITY)
    const steadyShare = mixture.memberships.map((m) => m[0]!)
    expect(steadyShare[0]).toBeCloseTo(0.999695304, 8)
    expect(steadyShare[5]).toBeCloseTo(0.999578976, 8)
    for (const share of steadyShare.slice(6)) expect(share).toBeLessThan(1e-30)
  })

  it('prefers two components only where they fit better than their extra parameters cost', () => {
    expect(fitNoiseMixture(EVIDENCE, 3)!.better).toBe(true)
    // Twenty alike measurements (sd 1.8–2.4%): a split into halves is sampling, not two kinds.
    const alike = Array.from({ length: 20 }, (_, i) => ({ ss: 4 * (0.018 + 0.0003 * i) ** 2, df: 4 }))
    expect(fitNoiseMixture(alike, 3)!.better).toBe(false)
  })

  it('needs the given number of measurements with rounds', () => {
    expect(fitNoiseMixture(EVIDENCE.slice(0, 2), 3)).toBeUndefined()
    expect(fitNoiseMixture([...EVIDENCE.slice(0, 2), { ss: 0, df: 0 }], 3)).toBeUndefined()
  })

  it('is deterministic', () => {
    expect(fitNoiseMixture(EVIDENCE, 3)).toEqual(fitNoiseMixture(EVIDENCE, 3))
  })
})

describe('mixtureNoise', () => {
  const noise = mixtureNoise(EVIDENCE, fitNoiseMixture(EVIDENCE, 3)!)

  it('moderates a steady measurement toward the steady component, with the others of it as prior', () => {
    // SciPy: weights .99969530, .00030470; variances .00052257267, .04545972711; df 23.9934609, 20.0065391
    const [steady, noisy] = noise[0]!.components!
    expect(steady!.weight).toBeCloseTo(0.9996953044197684, 8)
    expect(steady!.variance).toBeCloseTo(0.0005225726720879319, 12)
    expect(steady!.df).toBeCloseTo(23.993460896628534, 6)
    expect(noisy!.variance).toBeCloseTo(0.045459727105074094, 10)
    expect(noisy!.df).toBeCloseTo(20.006539103371463, 6)
    expect(noise[0]!.df).toBeCloseTo(23.993460896628534, 6)
    expect(noise[0]!.variance).toBeCloseTo(
      0.9996953044197684 * 0.00052257267 + 0.00030469558 * 0.0454597271,
      9,
    )
    expect(noise[0]!.source).toBe('rounds')
  })

  it('keeps a noisy measurement with its own kind', () => {
    // SciPy: measurement 6 belongs to the noisy component with weight 1 − 2e-32, which leaves
    // it one component (weights below 1e-12 are dropped).
    expect(noise[6]).toEqual({
      variance: expect.closeTo(0.04816150307973682, 10),
      df: expect.closeTo(16.00775788569239, 6),
      source: 'rounds',
    })
  })

  it('lends a measurement alone in its component nothing: it is judged on its own rounds', () => {
    const alone = [...SDS.slice(0, 6), 0.4].map((sd) => ({ ss: 4 * sd * sd, df: 4 }))
    const result = mixtureNoise(alone, fitNoiseMixture(alone, 3)!)
    const own = result[6]!.components?.reduce((a, b) => (b.weight > a.weight ? b : a)) ?? result[6]!
    // The steady ones' memberships in its component (0.2–0.7% each) lend it 0.1 df of 0.0115.
    expect(own.variance).toBeGreaterThan(0.155)
    expect(own.variance).toBeLessThanOrEqual(0.16)
    expect(own.df).toBeLessThan(4.2)
  })

  it('lets a measurement without rounds borrow the components, capped by what they hold', () => {
    const result = mixtureNoise([...EVIDENCE, { ss: 0, df: 0 }], fitNoiseMixture([...EVIDENCE], 3)!)
    const borrowed = result[10]!
    expect(borrowed.source).toBe('run')
    expect(borrowed.components?.map((c) => c.weight)).toEqual([
      expect.closeTo(0.5998060528572366, 8),
      expect.closeTo(0.40019394714276346, 8),
    ])
    // Neither component can lend more than its members' 4 degrees of freedom each.
    for (const c of borrowed.components!) expect(c.df).toBeLessThanOrEqual(40)
  })
})

describe('processNoise with the mixture prior', () => {
  it('gives a steady measurement the degrees of freedom of its kind, where the single prior lends few', () => {
    const single = processNoise(
      EVIDENCE,
      EVIDENCE.map(() => 0.01),
      'single',
    )
    const mixture = processNoise(
      EVIDENCE,
      EVIDENCE.map(() => 0.01),
      'mixture',
    )
    // One component fitted to both groups scatters too much to lend more than about one df.
    expect(single[0]!.df).toBeLessThan(5)
    expect(mixture[0]!.df).toBeGreaterThan(20)
    expect(Math.sqrt(mixture[0]!.variance)).toBeLessThan(0.025)
  })

  it('is limma’s single prior where one component describes the rounds', () => {
    const alike = Array.from({ length: 20 }, (_, i) => ({ ss: 4 * (0.018 + 0.0003 * i) ** 2, df: 4 }))
    const floors = alike.map(() => 0.01)
    expect(processNoise(alike, floors, 'mixture')).toEqual(processNoise(alike, floors, 'single'))
  })

  it('falls back to the floor without rounds, as the single prior does', () => {
    const floor = processNoise(
      [
        { ss: 0, df: 0 },
        { ss: 0, df: 0 },
        { ss: 0, df: 0 },
      ],
      [0.01, 0.01, 0.01],
      'mixture',
    )
    expect(floor.map((n) => n.source)).toEqual(['floor', 'floor', 'floor'])
  })
})
