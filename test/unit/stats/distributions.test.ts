import { describe, expect, it } from 'vitest'
import {
  incompleteBeta,
  logGammaDifference,
  normalCdf,
  normalQuantile,
  tCdf,
  tQuantile,
  tUpperTail,
} from '../../../src/stats/index.js'

// Relative closeness, for values spanning many orders of magnitude.
const close = (actual: number, expected: number, relative = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected))

describe('normalCdf (SciPy 1.17 scipy.stats.norm.cdf = R pnorm)', () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1.959963984540054, 0.025],
    [-5, 2.866515718791933e-7],
    [-10, 7.61985302416047e-24],
    [-20, 2.7536241186061556e-89],
    [3.3, 0.9995165758576162],
    [8, 0.9999999999999993],
  ])('Φ(%d) = %d', (x, expected) => close(normalCdf(x), expected, 1e-12))

  it('underflows to 0 far in the tail and passes NaN through', () => {
    expect(normalCdf(-40)).toBe(0)
    expect(normalCdf(Number.NaN)).toBeNaN()
  })
})

describe('normalQuantile (scipy.stats.norm.ppf = R qnorm)', () => {
  it.each([
    [1e-12, -7.034483825301131],
    [1e-6, -4.753424308822899],
    [0.001, -3.090232306167813],
    [0.02, -2.053748910631823],
    [0.025, -1.9599639845400545],
    [0.3, -0.5244005127080409],
    [0.8, 0.8416212335729143],
    [0.975, 1.959963984540054],
    [0.9995, 3.2905267314919255],
    [1 - 1e-9, 5.997807019601637],
  ])('z(%d) = %d', (p, expected) => close(normalQuantile(p), expected, 1e-10))

  it('is 0 at one half, infinite at 0 and 1, NaN outside', () => {
    expect(normalQuantile(0.5)).toBe(0)
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY)
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY)
    expect(normalQuantile(1.5)).toBeNaN()
  })
})

describe('incompleteBeta (scipy.special.betainc(a, b, x) = R pbeta(x, a, b))', () => {
  it.each([
    [0.3, 2, 5, 0.5798250000000003],
    [0.9, 0.5, 0.5, 0.7951672353008665],
    [0.01, 10, 1.5, 3.683280560496163e-20],
    [0.7, 50, 60, 0.9999999530579958],
  ])('I_%d(%d, %d) = %d', (x, a, b, expected) => close(incompleteBeta(x, a, b), expected, 1e-11))

  it('is 0 and 1 at the ends and NaN for bad shapes', () => {
    expect(incompleteBeta(0, 2, 3)).toBe(0)
    expect(incompleteBeta(1, 2, 3)).toBe(1)
    expect(incompleteBeta(0.5, 0, 3)).toBeNaN()
  })
})

describe("Student's t (scipy.stats.t.sf / t.ppf = R pt(lower.tail = FALSE) / qt)", () => {
  it.each([
    [2.0, 3, 0.06966298427942152],
    [-1.5, 10, 0.9177463367772799],
    [10, 2.5, 0.0022207478836537117],
    [30, 40, 2.4254538302951023e-29],
    [0.3, 1, 0.4072264209222577],
    [5, 1e5, 2.8713508393208397e-7],
    // Near-normal: continued fraction up to 1e7 degrees of freedom, the normalising transform above.
    [8, 1e5, 6.286959938128173e-16],
    [4.4, 1e6, 5.413102541063954e-6],
    [3, 2e7, 0.0013498996935737914],
    [4.4, 3.7e8, 5.412545417465053e-6],
  ])('P(T > %d | df %d) = %d', (t, df, expected) => close(tUpperTail(t, df), expected, 1e-9))

  it.each([
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.302652729749462],
    [0.975, 3, 3.1824463052837078],
    [0.995, 4.5, 4.272823993011293],
    [0.9995, 12, 4.3177912836062475],
    [0.8, 7, 0.8960296443137653],
    [0.99975, 30, 3.9016426777434168],
    [0.975, 1000, 1.9623390808264083],
    [1e-6, 5, -24.771029720515948],
    [0.9999995, 2.7, 202.81378403914533],
    [0.975, 1e5, 1.9599877075346095],
    [1 - 5e-6, 1e5, 4.417399929934893],
    [0.995, 2.5e7, 2.5758295002108187],
    [1 - 5e-6, 3.7e8, 4.417173474685514],
  ])('qt(%d, %d) = %d', (p, df, expected) => close(tQuantile(p, df), expected, 1e-9))

  it('takes ln Γ(a + b) − ln Γ(a) without cancellation (mpmath, 30 digits)', () => {
    // mpmath: loggamma(a + b) - loggamma(a) at mp.dps = 30, rounded to the nearest double
    close(logGammaDifference(20, 7.25), 22.742294002428938, 1e-14)
    close(logGammaDifference(12.5, 0.5), 1.2528669837254405, 1e-14)
    close(logGammaDifference(5000, 0.5), 4.25857159570816, 1e-14)
    close(logGammaDifference(5e8, 0.5), 10.015059327943233, 1e-14)
  })

  it('is the normal at infinite degrees of freedom', () => {
    expect(tQuantile(0.975, Number.POSITIVE_INFINITY)).toBeCloseTo(1.959963984540054, 12)
    expect(tCdf(1, Number.POSITIVE_INFINITY)).toBeCloseTo(0.8413447460685429, 12)
  })

  it('is symmetric and inverts its CDF', () => {
    expect(tQuantile(0.5, 7)).toBe(0)
    expect(tQuantile(0.1, 6.3)).toBeCloseTo(-tQuantile(0.9, 6.3), 12)
    expect(tCdf(tQuantile(0.999, 3.7), 3.7)).toBeCloseTo(0.999, 12)
  })

  it('rejects impossible arguments with NaN', () => {
    expect(tQuantile(0.5, 0)).toBeNaN()
    expect(tQuantile(-0.1, 5)).toBeNaN()
    expect(tUpperTail(Number.NaN, 5)).toBeNaN()
  })
})
