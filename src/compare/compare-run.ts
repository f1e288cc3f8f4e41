import { adjustPValues, ascending, tQuantile } from '../stats/index.js'
import type { Metric } from '../types.js'
import { comparedComparison } from './build.js'
import { calibrate, calibrationFactor, calibrationUnder } from './calibrate.js'
import type { ChangeEstimate } from './estimate.js'
import { combineSides, pValue } from './estimate.js'
import { filesInOrder, speedChangedPartway } from './local-speed.js'
import type { NoisePrior, ProcessNoise } from './noise.js'
import { processNoise } from './noise.js'
import { checkPolicy } from './policy.js'
import type { RankEvidence } from './rank.js'
import { rankEvidence, rankRequired } from './rank.js'
import type { ShiftTest } from './run-shift.js'
import {
  commonShift,
  MIN_SHIFT_COMPARISONS,
  roundFactors,
  seenShifts,
  shiftTest,
  shiftVariance,
  typicalOffset,
} from './run-shift.js'
import type { Scale } from './scale.js'
import { scaleOf } from './scale.js'
import { disturbedRounds, trimmedResidual } from './set-aside.js'
import type { SideEstimate } from './side.js'
import { estimateSide } from './side.js'
import { inItemOrder, triage } from './triage.js'
import type { CalibrationRule, CompareItem, ComparePolicy, DetailedComparison, Side } from './types.js'
import { DEFAULT_COMPARE_POLICY } from './types.js'
import { comparisonProblem } from './validate.js'
import { decide, withRunShift } from './verdict.js'

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
  /**
   * Within-process rank test of the samples (time only, both sides with samples), set once the
   * run's shift is known.
   */
  rank?: RankEvidence
  /** Both sides' samples in ascending order (time with samples on both sides, for the rank test). */
  sorted?: { base: readonly number[]; head: readonly number[] }
}

/** A prepared measurement with its change estimate and between-process noise. */
interface Estimated extends Prepared {
  noise: ProcessNoise
  estimate: ChangeEstimate
  inflation: number
  /** Time in a run of enough measurements: the change relative to the run's common shift. */
  relative?: RelativeEstimate
}

/** A change with the run's common shift taken out, and the noise it is judged with. */
interface RelativeEstimate {
  /** The common shift (scale units) removed from the change, with its own standard error. */
  shift: ShiftTest
  noise: ProcessNoise
  inflation: number
  estimate: ChangeEstimate
  /**
   * Added to the change against the baseline: the sides at their typical rounds instead of their
   * means, and without their set-aside rounds.
   */
  offset: number
  /** Whether the run's speed changed partway through (local-speed.ts). */
  unsteady: boolean
  /** Shifts of the whole run the sides' rounds showed the machine making (run-shift.ts). */
  seen: { low: number; high: number }
}

function prepare(item: CompareItem, index: number, base: Side, head: Side, threshold: number): Prepared {
  const scale = scaleOf(item.metric)
  // Sorted once, for both the standard error of the statistic and the rank test.
  const baseSorted = ascending(base.samples)
  const headSorted = ascending(head.samples)
  const baseEstimate = estimateSide(base, baseSorted, item.stat, scale)
  const headEstimate = estimateSide(head, headSorted, item.stat, scale)
  const prepared: Prepared = { index, item, base, head, threshold, scale, baseEstimate, headEstimate }
  // The rank test itself waits for the run's shift, which it may need to take out.
  if (item.metric === 'time' && baseSorted.length > 0 && headSorted.length > 0) {
    prepared.sorted = { base: baseSorted, head: headSorted }
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
function estimateMetric(prepared: readonly Prepared[], policy: ComparePolicy): Estimated[] {
  const { noiseFloor } = policy
  const floorSds = prepared.map((p) => p.scale.floorSd(noiseFloor, p.baseEstimate.value))
  const prior = policy.noisePrior ?? 'single'
  const noises = processNoise(
    prepared.map((p) => ({
      ss: p.baseEstimate.roundsSS + p.headEstimate.roundsSS,
      df: p.baseEstimate.roundsDf + p.headEstimate.roundsDf,
    })),
    floorSds.map((sd) => sd * sd),
    prior,
  )
  const raw = prepared.map((p, i) => combineSides(p.baseEstimate, p.headEstimate, noises[i]!, floorSds[i]!))
  const calibration = calibrationUnder(policy.calibration, calibrationFactor(raw), raw)
  const relative =
    policy.runShift !== false &&
    prepared[0]?.item.metric === 'time' &&
    prepared.length >= MIN_SHIFT_COMPARISONS
      ? relativeEstimates(prepared, floorSds, prior, policy.calibration)
      : undefined
  return prepared.map((p, i) => {
    const estimate = calibrate(raw[i]!, calibration)
    const rel = relative?.[i]
    // Against the baseline's pooled samples the run's shift is the relative one minus the offset.
    const rank = rankAfterShift(p, rel ? rel.shift.shift - rel.offset : 0)
    return {
      ...p,
      ...(rank ? { rank } : {}),
      noise: noises[i]!,
      inflation: calibration.inflation,
      estimate: rel ? { ...estimate, d: estimate.d + rel.offset } : estimate,
      ...(rel ? { relative: rel } : {}),
    }
  })
}

// The spread of each measurement's rounds once every round's common factor is taken out, and
// the factors (undefined when the rounds cannot be lined up).
function residualRounds(rows: readonly (readonly number[])[]) {
  const factors = roundFactors(rows)
  const inFactors = factors ? rows.filter((row) => row.length === factors.length).length : 0
  const disturbed = disturbedRounds(rows, factors)
  return { factors, evidence: rows.map((row) => trimmedResidual(row, factors, inFactors, disturbed)) }
}

// Processes behind a side of the run: its round count when the rounds line up, else one.
const processesOf = (factors: readonly number[] | undefined) => factors?.length ?? 1

/**
 * Time changes relative to the run's common shift (docs/statistics.md, "The run's common
 * shift"): the noise is what is left of the rounds' spread once each round's common factor is
 * taken out, the shift is the median change, and its own uncertainty widens every interval.
 */
function relativeEstimates(
  prepared: readonly Prepared[],
  floorSds: readonly number[],
  prior: NoisePrior,
  rule: CalibrationRule | undefined,
): RelativeEstimate[] {
  const base = residualRounds(prepared.map((p) => p.baseEstimate.scaledRounds))
  const head = residualRounds(prepared.map((p) => p.headEstimate.scaledRounds))
  const noises = processNoise(
    prepared.map((_, i) => {
      const [b, h] = [base.evidence[i]!, head.evidence[i]!]
      return { ss: b.ss + h.ss, df: b.df + h.df }
    }),
    floorSds.map((sd) => sd * sd),
    prior,
  )
  // Each side at its typical round, and each measurement's point without its set-aside round.
  const typical = typicalOffset(head.factors) - typicalOffset(base.factors)
  const offsets = prepared.map(
    (_, i) => typical + head.evidence[i]!.pointShift - base.evidence[i]!.pointShift,
  )
  const raw = prepared.map((p, i) => {
    const e = combineSides(p.baseEstimate, p.headEstimate, noises[i]!, floorSds[i]!)
    return { ...e, d: e.d + offsets[i]! }
  })
  const shift = shiftTest(
    commonShift(raw.map((e) => e.d)),
    { factors: base.factors, processes: processesOf(base.factors) },
    { factors: head.factors, processes: processesOf(head.factors) },
  )
  const extra = shiftVariance(raw.map((e) => e.se * e.se))
  const widen = <T extends { se: number }>(e: T): T => ({ ...e, se: Math.sqrt(e.se * e.se + extra) })
  const centred = raw.map((e) => {
    const moved = widen({ d: e.d - shift.shift, se: e.se, df: e.df })
    return e.components ? { ...moved, components: e.components.map(widen) } : moved
  })
  // Whether the run is unsteady is read from its whole spread; the intervals use the part beyond chance.
  const spread = calibrationFactor(centred)
  const unsteady = speedChangedPartway(centred, spread, filesInOrder(prepared.map((p) => p.item.file)))
  const calibration = calibrationUnder(rule, spread, centred)
  const seen = seenShifts(base.factors, head.factors)
  return centred.map((e, i) => ({
    seen,
    shift,
    noise: noises[i]!,
    inflation: calibration.inflation,
    estimate: calibrate(e, calibration),
    offset: offsets[i]!,
    unsteady,
  }))
}

/**
 * The rank test of the current samples against the baseline's, with the run's shift against the
 * baseline's pooled samples (0 without a shift) taken out: the samples must have moved relative
 * to the run, as the statistic did. The Hodges–Lehmann ratio stays current over baseline.
 */
function rankAfterShift(p: Prepared, shift: number): RankEvidence | undefined {
  if (!p.sorted) return undefined
  if (shift === 0) return rankEvidence(p.sorted.base, p.sorted.head)
  const factor = Math.exp(-shift)
  const evidence = rankEvidence(
    p.sorted.base,
    p.sorted.head.map((x) => x * factor),
  )
  return { ...evidence, ratio: evidence.ratio / factor }
}

function judge(estimated: readonly Estimated[], policy: ComparePolicy): DetailedComparison[] {
  const correction = policy.correction ?? 'holm'
  const p = estimated.map((e) => pValue(e.relative?.estimate ?? e.estimate))
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
    // The samples must have moved significantly, and in the direction of the change judged: with
    // the run's shift, the rank test has it taken out too, so its sign is the relative change's.
    const judged = e.relative?.estimate ?? e.estimate
    const rankAgrees = rank?.required
      ? rank.pAdjusted <= policy.alpha && Math.sign(e.rank!.z) === Math.sign(judged.d)
      : undefined
    const input = {
      band,
      significant,
      nominal: p[i]! <= policy.alpha,
      intervalAlpha,
      quantile,
      ...(rankAgrees === undefined ? {} : { rankAgrees }),
    }
    const decision = e.relative
      ? withRunShift(decide(e.relative.estimate, input), {
          d: e.estimate.d,
          shift: e.relative.shift.shift,
          band,
          seen: e.relative.seen,
          // One more hypothesis, at a Bonferroni share of α: did the whole run move beyond drift?
          shiftSignificant:
            pValue({ d: e.relative.shift.shift, se: e.relative.shift.se, df: e.relative.shift.df }) <=
            policy.alpha / (m + 1),
        })
      : decide(e.estimate, input)
    const noise = e.relative ?? e
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
        source: noise.noise.source,
        processSd: Math.sqrt(noise.noise.variance),
        df: noise.noise.df,
        inflation: noise.inflation,
        ...(e.relative ? { runShift: e.scale.ratio(e.relative.shift.shift, e.baseEstimate.value) } : {}),
        ...(e.relative?.unsteady ? { unsteady: true } : {}),
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
  const { decided, compared: prepared } = triage(items, policy, (item, index, base, head, threshold) => {
    const problem = comparisonProblem(base, head, item.metric, item.stat, threshold)
    return problem ?? prepare(item, index, base, head, threshold)
  })
  const metrics: Metric[] = ['time', 'memory']
  const estimated = metrics.flatMap((metric) =>
    estimateMetric(
      prepared.filter((p) => p.item.metric === metric),
      policy,
    ),
  )
  return inItemOrder(
    decided,
    estimated.map((e) => e.index),
    judge(estimated, policy),
  )
}
