import { PerfgateError } from '../errors.js'
import { adjustPValues } from '../stats/index.js'
import type { Metric } from '../types.js'
import { comparedComparison, invalidComparison, missingComparison, newComparison } from './build.js'
import { calibrate, calibrationFactor } from './calibrate.js'
import type { ChangeEstimate } from './estimate.js'
import { combineSides, pValue } from './estimate.js'
import type { ProcessNoise } from './noise.js'
import { processNoise } from './noise.js'
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
}

/** A prepared measurement with its change estimate and between-process noise. */
interface Estimated extends Prepared {
  noise: ProcessNoise
  estimate: ChangeEstimate
  inflation: number
}

function checkPolicy(policy: ComparePolicy): void {
  const bad = (option: string, value: unknown, expected: string) =>
    new PerfgateError('BAD_OPTION', `perfgate: option "${option}" must be ${expected}; got ${String(value)}.`)
  if (!(policy.alpha > 0 && policy.alpha < 1)) throw bad('alpha', policy.alpha, 'a number between 0 and 1')
  if (!(policy.threshold >= 0 && Number.isFinite(policy.threshold))) {
    throw bad('threshold', policy.threshold, 'a number ≥ 0')
  }
  if (!(policy.noiseFloor >= 0 && Number.isFinite(policy.noiseFloor))) {
    throw bad('noiseFloor', policy.noiseFloor, 'a number ≥ 0')
  }
}

function prepare(item: CompareItem, index: number, base: Side, head: Side, threshold: number): Prepared {
  const scale = scaleOf(item.metric)
  const baseEstimate = estimateSide(base, item.stat, scale)
  const headEstimate = estimateSide(head, item.stat, scale)
  return { index, item, base, head, threshold, scale, baseEstimate, headEstimate }
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
  return estimated.map((e, i) => {
    const band = e.scale.band(e.threshold, e.baseEstimate.value)
    const significant = adjusted[i]! <= policy.alpha
    const decision = decide(e.estimate, { band, significant, intervalAlpha })
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
