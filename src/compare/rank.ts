import { hodgesLehmannShiftSorted, rankSumMinimumP, rankSumTestSorted } from '../stats/index.js'
import type { StatName } from '../types.js'

/**
 * The within-process evidence of one time measurement: do the current samples as a whole sit
 * above or below the baseline's?
 *
 * The gate's test judges the chosen statistic against between-process noise; the samples of one
 * process cannot show that noise, so a rank test on them alone would call most unchanged code
 * changed (docs/statistics.md, table 1). What the rank test can do is check the statistic: a
 * median that jumped between the modes of a bimodal sample, or a mean moved by a few outliers,
 * changes while most samples stay where they were. So for the central statistics it is a
 * second, necessary condition for `slower` and `faster`, never sufficient alone.
 */
export interface RankEvidence {
  /** Two-sided p-value of the rank-sum test, current against baseline. */
  p: number
  /** Normal score of the test: positive when the current samples tend to be larger. */
  z: number
  /** Hodges–Lehmann ratio current / baseline: the median of the pairwise ratios of samples. */
  ratio: number
  /** The smallest p-value samples of these sizes could give (every sample on one side). */
  minimumP: number
}

/** Statistics that describe the typical call, which the rank test's location shift speaks to. */
const CENTRAL: ReadonlySet<StatName> = new Set<StatName>(['median', 'mean'])

/**
 * Whether a verdict on `stat` must agree with the rank test. Tail statistics (p95, p99, max) and
 * the minimum are excluded: a slower tail with an unchanged bulk is a real regression of exactly
 * what was asked for, and the rank test would veto it. So is a test that could not reach
 * `level` with any data, as with a handful of samples per side.
 */
export function rankRequired(stat: StatName, evidence: RankEvidence, level: number): boolean {
  return CENTRAL.has(stat) && evidence.minimumP <= level
}

function logs(sorted: readonly number[]): number[] | undefined {
  if (!(sorted[0]! > 0)) return undefined
  const out = new Array<number>(sorted.length)
  for (let i = 0; i < sorted.length; i++) out[i] = Math.log(sorted[i]!)
  return out
}

/**
 * The rank-sum test and Hodges–Lehmann ratio of two sides' ascending samples (times in ms). The
 * ratio is the shift of the log samples, so it reads like the change; NaN when a sample is ≤ 0.
 */
export function rankEvidence(base: readonly number[], head: readonly number[]): RankEvidence {
  const test = rankSumTestSorted(head, base)
  const baseLogs = logs(base)
  const headLogs = logs(head)
  const shift = baseLogs && headLogs ? hodgesLehmannShiftSorted(baseLogs, headLogs) : Number.NaN
  return { p: test.p, z: test.z, ratio: Math.exp(shift), minimumP: rankSumMinimumP(head.length, base.length) }
}
