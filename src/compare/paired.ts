import { adjustPValues } from '../stats/index.js'
import { comparedComparison } from './build.js'
import { calibrate, calibrationFactor, calibrationUnder } from './calibrate.js'
import type { ChangeEstimate } from './estimate.js'
import { pValue } from './estimate.js'
import { huberGroups } from './huber.js'
import { processNoise } from './noise.js'
import { checkPolicy } from './policy.js'
import { scaleOf } from './scale.js'
import { inItemOrder, triage } from './triage.js'
import type { CompareItem, ComparePolicy, DetailedComparison, Side } from './types.js'
import { DEFAULT_COMPARE_POLICY } from './types.js'
import { comparisonProblem } from './validate.js'
import { decide } from './verdict.js'

/**
 * Comparison of an A/B run measured as a crossover design: several processes each measure both
 * versions (alternating samples, or a pair of processes one after the other), half of them base
 * first and half head first. Each process gives its own estimate of ln(head/base), so the change
 * is judged from the spread between processes, not from samples within one. The method is
 * described in docs/bench.md.
 */

/** One process's (or process pair's) estimate of ln(head/base), and which version went first. */
export interface PairedRun {
  baseFirst: boolean
  logRatio: number
}

/** A benchmark to compare: both sides for display, and the paired runs behind the verdict. */
export interface PairedItem extends CompareItem {
  runs?: readonly PairedRun[]
}

/** The crossover estimate of one benchmark, on the log scale. */
export interface CrossoverEstimate {
  /** ln(head/base), the order effect averaged out. */
  d: number
  /**
   * Half the difference between base-first and head-first runs: how much going first shifts
   * ln(head/base). 0 when only one order was measured (it is then part of `d`).
   */
  order: number
  /** Evidence about the per-run variance: a sum of squares and its degrees of freedom. */
  ss: number
  df: number
  /** Var(d) = σ² × coefficient, σ² being the per-run variance. */
  coefficient: number
  runs: number
}

const mean = (xs: readonly number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length
const squares = (xs: readonly number[], m: number) => xs.reduce((sum, x) => sum + (x - m) ** 2, 0)

// Least squares: the groups' means and the residual sum of squares.
function classical(groups: readonly number[][]) {
  const centres = groups.map(mean)
  const ss = groups.reduce((sum, g, i) => sum + squares(g, centres[i]!), 0)
  const n = groups.reduce((sum, g) => sum + g.length, 0)
  return { centres, ss, df: n - groups.length }
}

/**
 * The effect with the order term of a two-period crossover: the mean of the two order groups'
 * locations, so an order effect cancels (exactly in a balanced design) and its spread does not
 * count as noise. The locations and the per-run variance are Huber M-estimates (see huber.ts):
 * a run whose JIT state went its own way counts as an outlier, not as noise that blocks every
 * conclusion. With too few runs for a robust scale, least squares. Undefined without a finite run.
 */
export function crossoverEstimate(runs: readonly PairedRun[]): CrossoverEstimate | undefined {
  const valid = runs.filter((r) => Number.isFinite(r.logRatio))
  if (valid.length === 0) return undefined
  const first = valid.filter((r) => r.baseFirst).map((r) => r.logRatio)
  const second = valid.filter((r) => !r.baseFirst).map((r) => r.logRatio)
  const groups = [first, second].filter((g) => g.length > 0)
  const robust = huberGroups(groups)
  const fit = robust
    ? { centres: robust.centres, ss: robust.variance * robust.df, df: robust.df }
    : classical(groups)
  const [a, b] = fit.centres
  const both = b !== undefined
  return {
    d: both ? (a! + b) / 2 : a!,
    order: both ? (a! - b) / 2 : 0,
    ss: fit.ss,
    df: fit.df,
    coefficient: both ? (1 / first.length + 1 / second.length) / 4 : 1 / valid.length,
    runs: valid.length,
  }
}

interface Estimated {
  index: number
  item: PairedItem
  base: Side
  head: Side
  threshold: number
  crossover: CrossoverEstimate
}

function problemOf(item: PairedItem, base: Side, head: Side, threshold: number): string | undefined {
  if (item.metric !== 'time') return 'paired comparisons are for time measurements'
  const problem = comparisonProblem(base, head, item.metric, item.stat, threshold)
  if (problem) return problem
  if (!item.runs?.some((r) => Number.isFinite(r.logRatio))) return 'no process measured both versions'
  return undefined
}

function judge(estimated: readonly Estimated[], policy: ComparePolicy): DetailedComparison[] {
  const scale = scaleOf('time')
  const floorSd = scale.floorSd(policy.noiseFloor, 1)
  const noises = processNoise(
    estimated.map((e) => ({ ss: e.crossover.ss, df: Math.max(0, e.crossover.df) })),
    estimated.map(() => floorSd * floorSd),
  )
  const raw: ChangeEstimate[] = estimated.map((e, i) => ({
    d: e.crossover.d,
    se: Math.sqrt(noises[i]!.variance * e.crossover.coefficient),
    df: noises[i]!.df,
  }))
  const calibration = calibrationUnder(policy.calibration, calibrationFactor(raw), raw)
  const estimates = raw.map((r) => calibrate(r, calibration))
  const correction = policy.correction ?? 'holm'
  const p = estimates.map(pValue)
  const adjusted = adjustPValues(p, correction)
  const m = estimated.length
  const rejected = adjusted.filter((x) => x <= policy.alpha).length
  // As in compareRun: Bonferroni-level intervals under Holm, false-coverage-rate ones under BH.
  const intervalAlpha = correction === 'holm' ? policy.alpha / m : (policy.alpha * Math.max(1, rejected)) / m
  return estimated.map((e, i) => {
    const significant = adjusted[i]! <= policy.alpha
    const band = scale.band(e.threshold, e.base.summary[e.item.stat])
    return comparedComparison({
      item: e.item,
      base: e.base.summary,
      head: e.head.summary,
      baseValue: e.base.summary[e.item.stat],
      threshold: e.threshold,
      scale,
      d: estimates[i]!.d,
      decision: decide(estimates[i]!, { band, significant, nominal: p[i]! <= policy.alpha, intervalAlpha }),
      level: 1 - intervalAlpha,
      p: p[i]!,
      pAdjusted: adjusted[i]!,
      noise: {
        source: noises[i]!.source,
        processSd: Math.sqrt(noises[i]!.variance),
        df: noises[i]!.df,
        inflation: calibration.inflation,
      },
    })
  })
}

/**
 * Compares the benchmarks of an A/B run, one verdict each in input order (items with neither
 * side are dropped). Per-run variances are moderated across the run and the change is judged
 * with the run-wide correction (Holm by default), as {@link compareRun} does for baselines.
 * A benchmark on one side only is `new` or `missing`. Pure and deterministic.
 */
export function comparePaired(
  items: readonly PairedItem[],
  policy: ComparePolicy = DEFAULT_COMPARE_POLICY,
): DetailedComparison[] {
  checkPolicy(policy)
  const { decided, compared: estimated } = triage(items, policy, (item, index, base, head, threshold) => {
    const problem = problemOf(item, base, head, threshold)
    if (problem) return problem
    // problemOf has checked that some process measured both versions.
    const crossover = crossoverEstimate(item.runs ?? [])!
    return { index, item, base, head, threshold, crossover }
  })
  return inItemOrder(
    decided,
    estimated.map((e) => e.index),
    judge(estimated, policy),
  )
}
