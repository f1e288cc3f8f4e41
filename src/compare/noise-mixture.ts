import { gammaln } from 'simple-statistics'
import { logGammaDifference, median } from '../stats/index.js'
import type { ProcessNoise, RoundsEvidence } from './noise.js'
import type { ScaledInverseChiSquare } from './prior-fit.js'
import { fitScaledInverseChiSquare, varianceEvidence } from './prior-fit.js'

/**
 * A prior for the per-process variances made of two scaled inverse-χ² components, fitted across
 * the run (docs/statistics.md, "Between-process noise"). limma's single component (Smyth 2004)
 * assumes the measurements' variances scatter around one centre; a suite of steady compute-bound
 * tests and JIT-prone ones does not: a few far noisier measurements leave one component few
 * degrees of freedom to lend, and a steady measurement is judged on little more than its own
 * rounds. Two components let each kind borrow from its own: the idea of VarMixt (Delmar, Robin &
 * Daudin 2005), with limma's components.
 */

/** One component of the prior: a scaled inverse-χ² distribution (centre, degrees of freedom). */
export interface NoiseComponent {
  weight: number
  variance: number
  /** Degrees of freedom; Infinity when the component's measurements agree beyond sampling. */
  df: number
}

/** Components in the mixture: the two kinds of measurement seen on the 2-core machine. */
const COMPONENTS = 2

/** Parameters two components have beyond one: a weight, a centre and degrees of freedom. */
const EXTRA_PARAMETERS = 3

/** EM steps at most; the fit usually settles within a few dozen. */
const MAX_STEPS = 200

/** Change in every membership below which the fit has settled. */
const SETTLED = 1e-10

/**
 * Degrees of freedom a component is taken to have while it decides memberships, when its own
 * measurements are too few to measure its spread: an F(ν, 1) marginal, wide enough that it
 * claims nothing it does not fit.
 */
const MIN_MEMBERSHIP_DF = 1

/**
 * The part of {@link logMarginalDensity} that depends only on the degrees of freedom (ν of the
 * sample variance, d0 of the prior): the normalising constant of F(ν, d0), or of the χ² limit.
 */
function logMarginalConstant(df: number, priorDf: number): number {
  const half = df / 2
  if (priorDf === Number.POSITIVE_INFINITY) return half * Math.log(half) - gammaln(half)
  return logGammaDifference(priorDf / 2, half) - gammaln(half) + half * Math.log(df / priorDf)
}

function logMarginalKernel(variance: number, df: number, prior: ScaledInverseChiSquare): number {
  const half = df / 2
  const x = variance / prior.variance
  const tail =
    prior.df === Number.POSITIVE_INFINITY ? half * x : ((df + prior.df) / 2) * Math.log1p((df * x) / prior.df)
  return (half - 1) * Math.log(x) - tail - Math.log(prior.variance)
}

/**
 * The log density of a sample variance s² on ν degrees of freedom when the true variance is drawn
 * from a scaled inverse-χ² prior (centre s0², d0 degrees of freedom): s²/s0² ~ F(ν, d0); the
 * χ² limit for d0 = ∞.
 */
export function logMarginalDensity(variance: number, df: number, prior: ScaledInverseChiSquare): number {
  return logMarginalConstant(df, prior.df) + logMarginalKernel(variance, df, prior)
}

// A component fitted to its members, weighted by membership; with no weight left it has none.
function fitComponent(
  z: readonly number[],
  dfs: readonly number[],
  weights: readonly number[],
): NoiseComponent {
  const fitted = fitScaledInverseChiSquare(z, dfs, weights)
  if (!fitted) return { weight: 0, variance: Number.NaN, df: 0 }
  return { weight: weights.reduce((a, b) => a + b, 0) / weights.length, ...fitted }
}

/** The fitted mixture, and each measurement's probability of belonging to each component. */
export interface NoiseMixture {
  components: NoiseComponent[]
  /** memberships[i][g]: measurement i (of those with rounds, in order) in component g. */
  memberships: number[][]
  /**
   * Whether two components describe the rounds better than limma's one by more than their three
   * extra parameters cost (Schwarz's criterion): otherwise the one component is used, so a suite
   * of alike measurements is not split into a quiet and a noisy half by sampling alone.
   */
  better: boolean
}

/**
 * Fits the two-component prior by EM to the measurements with rounds (at least `minimum`), from
 * a split at the median log variance. Deterministic. Undefined when too few have rounds.
 */
export function fitNoiseMixture(
  evidence: readonly RoundsEvidence[],
  minimum: number,
): NoiseMixture | undefined {
  if (evidence.filter((e) => e.df > 0).length < minimum) return undefined
  const data = varianceEvidence(evidence)
  if (!data) return undefined
  const { variances, dfs, z } = data
  const split = median(z)
  let memberships = z.map((x) => (x <= split ? [1, 0] : [0, 1]))
  let components: NoiseComponent[] = []
  let logLikelihood = 0
  for (let step = 0; step < MAX_STEPS; step++) {
    components = Array.from({ length: COMPONENTS }, (_, g) =>
      fitComponent(
        z,
        dfs,
        memberships.map((m) => m[g]!),
      ),
    )
    // The measurements' degrees of freedom are mostly one value (the same rounds): the gamma
    // functions of the density are computed once per value and component, not per measurement.
    const priors = components.map((c) => ({ variance: c.variance, df: Math.max(c.df, MIN_MEMBERSHIP_DF) }))
    const constants = new Map<number, number[]>()
    const constantsFor = (df: number) => {
      let known = constants.get(df)
      if (!known) {
        known = priors.map((prior) => logMarginalConstant(df, prior.df))
        constants.set(df, known)
      }
      return known
    }
    const next = variances.map((v, i) => {
      const constant = constantsFor(dfs[i]!)
      const logs = components.map((c, g) =>
        c.weight > 0
          ? Math.log(c.weight) + constant[g]! + logMarginalKernel(v, dfs[i]!, priors[g]!)
          : Number.NEGATIVE_INFINITY,
      )
      const top = Math.max(...logs)
      const scaled = logs.map((l) => Math.exp(l - top))
      const sum = scaled.reduce((a, b) => a + b, 0)
      return { log: top + Math.log(sum), shares: scaled.map((x) => x / sum) }
    })
    logLikelihood = next.reduce((total, m) => total + m.log, 0)
    const moved = Math.max(
      ...next.flatMap((m, i) => m.shares.map((x, g) => Math.abs(x - memberships[i]![g]!))),
    )
    memberships = next.map((m) => m.shares)
    if (moved < SETTLED) break
  }
  const one = fitComponent(
    z,
    dfs,
    z.map(() => 1),
  )
  // limma's single prior, fitted the same way, for Schwarz's comparison.
  const oneComponent = { variance: one.variance, df: Math.max(one.df, MIN_MEMBERSHIP_DF) }
  const oneLogLikelihood = variances.reduce(
    (sum, v, i) => sum + logMarginalDensity(v, dfs[i]!, oneComponent),
    0,
  )
  const better = logLikelihood - oneLogLikelihood > EXTRA_PARAMETERS * 0.5 * Math.log(variances.length)
  return { components, memberships, better }
}

/**
 * Each measurement's noise under the fitted mixture: one moderated variance per component
 * (limma's posterior, (d0·s0² + SS)/(d0 + ν) on d0 + ν degrees of freedom), weighted by its
 * membership. A component lends at most the degrees of freedom its other members hold, so a
 * measurement alone in its component is judged on its own rounds. A measurement without rounds
 * borrows the components themselves.
 */
export function mixtureNoise(evidence: readonly RoundsEvidence[], mixture: NoiseMixture): ProcessNoise[] {
  const { components, memberships } = mixture
  const withRounds = evidence.flatMap((e, i) => (e.df > 0 ? [i] : []))
  const lent = components.map((_, g) =>
    withRounds.reduce((sum, i, k) => sum + memberships[k]![g]! * evidence[i]!.df, 0),
  )
  const rowOf = new Map(withRounds.map((i, k) => [i, k]))
  return evidence.map((own, i) => {
    const k = rowOf.get(i)
    const parts = components.flatMap((c, g) => {
      const weight = k === undefined ? c.weight : memberships[k]![g]!
      if (!(weight > 1e-12)) return []
      const othersDf = lent[g]! - (k === undefined ? 0 : weight * own.df)
      const priorDf = Math.max(0, Math.min(c.df, othersDf))
      if (k === undefined) return [{ weight, variance: c.variance, df: priorDf }]
      const variance = (priorDf * c.variance + own.ss) / (priorDf + own.df)
      return [{ weight, variance, df: priorDf + own.df }]
    })
    const variance = parts.reduce((sum, c) => sum + c.weight * c.variance, 0)
    const heaviest = parts.reduce((a, b) => (b.weight > a.weight ? b : a))
    const source = k === undefined ? 'run' : 'rounds'
    if (parts.length === 1) return { variance: heaviest.variance, df: heaviest.df, source }
    return { variance, df: heaviest.df, source, components: parts }
  })
}
