import { describe, expect, it } from 'vitest'
import { fitNoisePrior, processNoise } from '../../../src/compare/noise.js'

describe('processNoise', () => {
  it('assumes the floor, with infinite degrees of freedom, when no measurement has rounds', () => {
    const noise = processNoise(
      [
        { ss: 0, df: 0 },
        { ss: 0, df: 0 },
      ],
      [0.01, 0.02],
    )
    expect(noise).toEqual([
      { variance: 0.01, df: Number.POSITIVE_INFINITY, source: 'floor' },
      { variance: 0.02, df: Number.POSITIVE_INFINITY, source: 'floor' },
    ])
  })

  it('with two measurements with rounds, shrinks each toward the other (leave-one-out)', () => {
    // Others of #0: 0.02 / 2 = 0.01 on 2 df → (2·0.01 + 0.08) / (2 + 4) = 1/60.
    // Others of #1: 0.08 / 4 = 0.02 on 4 df → (4·0.02 + 0.02) / (4 + 2) = 1/60.
    // #2 has no rounds: it borrows the pool, 0.10 / 6, on min(6, 4) df.
    const noise = processNoise(
      [
        { ss: 0.08, df: 4 },
        { ss: 0.02, df: 2 },
        { ss: 0, df: 0 },
      ],
      [0.01, 0.01, 0.01],
    )
    expect(noise[0]).toEqual({ variance: expect.closeTo(1 / 60, 14), df: 6, source: 'rounds' })
    expect(noise[1]).toEqual({ variance: expect.closeTo(1 / 60, 14), df: 6, source: 'rounds' })
    expect(noise[2]).toEqual({ variance: expect.closeTo(0.1 / 6, 14), df: 4, source: 'run' })
  })

  it('lets a measurement that alone has rounds speak for itself, on its own degrees of freedom', () => {
    const [noise, other] = processNoise(
      [
        { ss: 0.04, df: 4 },
        { ss: 0, df: 0 },
      ],
      [0.01, 0.01],
    )
    expect(noise).toEqual({ variance: expect.closeTo(0.01, 14), df: 4, source: 'rounds' })
    expect(other).toEqual({ variance: expect.closeTo(0.01, 14), df: 4, source: 'run' })
  })

  it('moderates with the fitted prior once three measurements have rounds', () => {
    const evidence = [0.01, 0.04, 0.02, 0.09, 0.005].map((v) => ({ ss: 4 * v, df: 4 }))
    const noise = processNoise(evidence, [0, 0, 0, 0, 0])
    // Prior from the reference below: s0² = 0.0205085028, d0 = 4.02152099.
    const expected = (4.021520989170441 * 0.020508502802715985 + 4 * 0.09) / (4.021520989170441 + 4)
    expect(noise[3]!.variance).toBeCloseTo(expected, 8)
    expect(noise[3]!.df).toBeCloseTo(8.02152098917044, 7)
  })
})

describe('fitNoisePrior (limma fitFDist)', () => {
  it('matches a SciPy transcription of limma::fitFDist', () => {
    // x = [.01, .04, .02, .09, .005], d = 4: e = log(x) − ψ(d/2) + log(d/2);
    // evar = var(e) − mean(ψ′(d/2)); df2 = 2·trigammaInverse(evar) (brentq on polygamma(1, y));
    // s20 = exp(mean(e) + ψ(df2/2) − log(df2/2)) → df2 = 4.021520989170441, s20 = 0.020508502802715985
    const prior = fitNoisePrior([0.01, 0.04, 0.02, 0.09, 0.005].map((v) => ({ ss: 4 * v, df: 4 })))
    expect(prior!.df).toBeCloseTo(4.021520989170441, 7)
    expect(prior!.variance).toBeCloseTo(0.020508502802715985, 10)
  })

  it('lends infinite degrees of freedom when the variances agree more than sampling allows', () => {
    // exp(e) for x = 0.01, d = 4: 0.01 · 2 · exp(−ψ(2)) = 0.01 · 1.310439851632207
    const prior = fitNoisePrior([1, 2, 3].map(() => ({ ss: 0.04, df: 4 })))
    expect(prior).toEqual({ variance: expect.closeTo(0.01310439851632207, 12), df: Number.POSITIVE_INFINITY })
  })

  it('needs three measurements with rounds', () => {
    expect(
      fitNoisePrior([
        { ss: 1, df: 2 },
        { ss: 1, df: 2 },
        { ss: 0, df: 0 },
      ]),
    ).toBeUndefined()
  })
})
