import { adjustPValues, ascending, tQuantile } from '../stats/index.js'
import type { Metric } from '../types.js'
import { comparedComparison, invalidComparison, missingComparison, newComparison } from './build.js'
import { calibrate, calibrationFactor } from './calibrate.js'
import type { ChangeEstimate } from './estimate.js'
import { combineSides, pValue } from './estimate.js'
import type { ProcessNoise } from './noise.js'
import { processNoise } from './noise.js'
import { checkPolicy } from './policy.js'
import type { RankEvidence } from './rank.js'
import { rankEvidence, rankRequired } from './rank.js'
import type { Scale } from './scale.js'
import { scaleOf } from './scale.js'
import type { SideEstimate } from './side.js'
import { estimateSide } from './side.js'
import type { CompareItem, ComparePolicy, DetailedComparison, Side } from './types.js'
import { DEFAULT_COMPARE_POLICY } from './types.js'
import { comparisonProblem } from './validate.js'
import { decide } from './verdict.js'

/** A measurement both sides have, with valid data, reduced for the statistics. */
interface Prepared {
  index: number
  item: CompareItem
  base: Side
  head: Side
  threshold: number
  scale: Scale
  baseEstimate: SideEstimate
  headEstimate: SideEstimate
  /** Within-process rank test of the samples (time only, both sides with samples). */
  rank?: RankEvidence
}

/** A prepared measurement with its change estimate and between-process noise. */
interface Estimated extends Prepared {
  noise: ProcessNoise
  estimate: ChangeEstimate
  inflation: number
}

function prepare(item: CompareItem, index: number, base: Side, head: Side, threshold: number): Prepared {
  const scale = scaleOf(item.metric)
  // Sorted once, for both the standard error of the statistic and the rank test.
  const baseSorted = ascending(base.samples)
  const headSorted = ascending(head.samples)
  const baseEstimate = estimateSide(base, baseSorted, item.stat, scale)
  const headEstimate = estimateSide(head, headSorted, item.stat, scale)
  const prepared: Prepared = { index, item, base, head, threshold, scale, baseEstimate, headEstimate }
  if (item.metric === 'time' && baseSorted.length > 0 && headSorted.length > 0) {
    prepared.rank = rankEvidence(baseSorted, headSorted)
  }
  return prepared
}

// Every comparison of a run with the same degrees of freedom needs the same t quantiles (all of
// them when the noise is the assumed floor); each costs a root search, so remember them.
function memoizedQuantile(): (p: number, df: number) => number {
  const known = new Map<string, number>()
  return (p, df) => {
    const key = `${p}:${df}`
    let q = known.get(key)
    if (q === undefined) {
      q = tQuantile(p, df)
      known.set(key, q)
    }
    return q
  }
}

// The rank tests' p-values after the run's correction, one family over the time measurements
// that have them (undefined elsewhere), and the level the strictest step of that family uses.
function adjustRanks(estimated: readonly Estimated[], correction: 'holm' | 'bh', alpha: number) {
  const withRank = estimated.flatMap((e, i) => (e.rank ? [i] : []))
  const adjusted = adjustPValues(
    withRank.map((i) => estimated[i]!.rank!.p),
    correction,
  )
  const byIndex = new Array<number | undefined>(estimated.length)
  withRank.forEach((i, k) => {
    byIndex[i] = adjusted[k]
  })
  return { adjusted: byIndex, level: alpha / Math.max(1, withRank.length) }
}

// Noise, change estimates and calibration are computed per metric: a log-scale variance and a
// variance in MB² cannot be pooled.
function estimateMetric(prepared: readonly Prepared[], noiseFloor: number): Estimated[] {
  const floorSds = prepared.map((p) => p.scale.floorSd(noiseFloor, p.baseEstimate.value))
  const noises = processNoise(
    prepared.map((p) => ({
      ss: p.baseEstimate.roundsSS + p.headEstimate.roundsSS,
      df: p.baseEstimate.roundsDf + p.headEstimate.roundsDf,
    })),
    floorSds.map((sd) => sd * sd),
  )
  const raw = prepared.map((p, i) => combineSides(p.baseEstimate, p.headEstimate, noises[i]!, floorSds[i]!))
  const calibration = calibrationFactor(raw)
  return prepared.map((p, i) => ({
    ...p,
    noise: noises[i]!,
    inflation: calibration.inflation,
    estimate: calibrate(raw[i]!, calibration),
  }))
}

function judge(estimated: readonly Estimated[], policy: ComparePolicy): DetailedComparison[] {
  const correction = policy.correction ?? 'holm'
  const p = estimated.map((e) => pValue(e.estimate))
  const adjusted = adjustPValues(p, correction)
  const m = estimated.length
  const rejected = adjusted.filter((x) => x <= policy.alpha).length
  // Intervals matching the correction: Bonferroni's simultaneous level for Holm, the
  // false-coverage-rate level of Benjamini & Yekutieli (2005) for BH.
  const intervalAlpha = correction === 'holm' ? policy.alpha / m : (policy.alpha * Math.max(1, rejected)) / m
  const quantile = memoizedQuantile()
  const ranks = adjustRanks(estimated, correction, policy.alpha)
  return estimated.map((e, i) => {
    const band = e.scale.band(e.threshold, e.baseEstimate.value)
    const significant = adjusted[i]! <= policy.alpha
    const rankAdjusted = ranks.adjusted[i]
    const rank =
      e.rank && rankAdjusted !== undefined
        ? {
            p: e.rank.p,
            pAdjusted: rankAdjusted,
            ratio: e.rank.ratio,
            required: policy.rankTest !== false && rankRequired(e.item.stat, e.rank, ranks.level),
          }
        : undefined
    // The samples must have moved significantly, and in the direction of the change.
    const rankAgrees = rank?.required
      ? rank.pAdjusted <= policy.alpha && Math.sign(e.rank!.z) === Math.sign(e.estimate.d)
      : undefined
    const decision = decide(e.estimate, {
      band,
      significant,
      intervalAlpha,
      quantile,
      ...(rankAgrees === undefined ? {} : { rankAgrees }),
    })
    return comparedComparison({
      item: e.item,
      base: e.base.summary,
      head: e.head.summary,
      baseValue: e.baseEstimate.value,
      threshold: e.threshold,
      scale: e.scale,
      d: e.estimate.d,
      decision,
      level: 1 - intervalAlpha,
      p: p[i]!,
      pAdjusted: adjusted[i]!,
      noise: {
        source: e.noise.source,
        processSd: Math.sqrt(e.noise.variance),
        df: e.noise.df,
        inflation: e.inflation,
      },
      ...(rank ? { rank } : {}),
    })
  })
}

/**
 * Compares every measurement of a run with its baseline and returns one verdict each, in input
 * order (items with neither side are dropped). Pure and deterministic. Throws a `PerfgateError`
 * (`BAD_OPTION`) for an invalid policy; bad measurement data never throws but gives
 * `inconclusive` with a `reason`. The method is described in docs/statistics.md.
 */
export function compareRun(
  items: readonly CompareItem[],
  policy: ComparePolicy = DEFAULT_COMPARE_POLICY,
): DetailedComparison[] {
  checkPolicy(policy)
  const results = new Map<number, DetailedComparison>()
  const prepared: Prepared[] = []
  items.forEach((item, index) => {
    const { base, head } = item
    if (base && !head) results.set(index, missingComparison(item, base.summary))
    else if (head && !base) results.set(index, newComparison(item, head.summary))
    else if (base && head) {
      const threshold = item.threshold ?? policy.threshold
      const problem = comparisonProblem(base, head, item.metric, item.stat, threshold)
      if (problem)
        results.set(
          index,
          invalidComparison(item, { base: base.summary, head: head.summary }, threshold, problem),
        )
      else prepared.push(prepare(item, index, base, head, threshold))
    }
  })
  const metrics: Metric[] = ['time', 'memory']
  const estimated = metrics.flatMap((metric) =>
    estimateMetric(
      prepared.filter((p) => p.item.metric === metric),
      policy.noiseFloor,
    ),
  )
  judge(estimated, policy).forEach((comparison, i) => {
    results.set(estimated[i]!.index, comparison)
  })
  return [...results.entries()].sort(([a], [b]) => a - b).map(([, comparison]) => comparison)
}
