import { compareRun } from '../compare/compare-run.js'
import { measurementIdentity as identity } from '../compare/identity.js'
import type { CompareItem, Side } from '../compare/types.js'
import { DEFAULT_COMPARE_POLICY } from '../compare/types.js'
import type { Comparison, Environment, GatePolicy, Measurement, RunReport } from '../types.js'

/** What a run is judged on: this run's measurements against the baseline side. */
export interface JudgeInput {
  measurements: readonly Measurement[]
  baseline: readonly Measurement[]
  /** The environment of this run. */
  env: Environment
  /** The environment the baseline was measured on, when known. */
  baselineEnv?: Environment | undefined
  /** What differs between the two environments (empty when nothing material does). */
  environmentDifferences: readonly string[]
  policy: GatePolicy
  /**
   * Baseline measurements (file → keys) that should have been measured by this run but were not:
   * they become `missing`. Baseline entries of tests that did not run (filtered, skipped, other
   * shards) are left out instead, so a partial run is not a run full of `missing`.
   */
  expected?: (measurement: Measurement) => boolean
  /** Comparisons computed elsewhere (the A/B runner's paired design); the comparator is skipped. */
  comparisons?: readonly Comparison[]
  problems?: readonly string[]
}

/** A measurement as one side of a comparison: its samples, summary and rounds (if any). */
export function measurementSide(measurement: Measurement): Side {
  return {
    samples: measurement.samples,
    summary: measurement.summary,
    ...(measurement.rounds && measurement.rounds.length > 0 ? { rounds: measurement.rounds } : {}),
  }
}

/**
 * Pairs current and baseline measurements by file and key. The practical threshold is the one the
 * test asks for now (matcher option), else the one recorded with the baseline, else the run's.
 */
export function compareItems(
  measurements: readonly Measurement[],
  baseline: readonly Measurement[],
  expected: (measurement: Measurement) => boolean = () => true,
): CompareItem[] {
  const base = new Map(baseline.map((m) => [identity(m), m]))
  const items: CompareItem[] = measurements.map((head) => {
    const before = base.get(identity(head))
    base.delete(identity(head))
    const threshold = head.threshold ?? before?.threshold
    return {
      key: head.key,
      file: head.file,
      name: head.name,
      metric: head.metric,
      unit: head.unit,
      stat: head.stat,
      ...(threshold === undefined ? {} : { threshold }),
      ...(before && before.metric === head.metric ? { base: measurementSide(before) } : {}),
      head: measurementSide(head),
    }
  })
  for (const before of base.values()) {
    if (!expected(before)) continue
    items.push({
      key: before.key,
      file: before.file,
      name: before.name,
      metric: before.metric,
      unit: before.unit,
      stat: before.stat,
      base: measurementSide(before),
    })
  }
  return items
}

/** Whether the gate fails the run: a `slower` verdict that is not advisory, with the gate on. */
export function gateFails(
  comparisons: readonly Comparison[],
  advisory: boolean,
  policy: GatePolicy,
): boolean {
  return policy.failOnRegression && !advisory && comparisons.some((c) => c.verdict === 'slower')
}

/**
 * Judges a run: compares every measurement with its baseline (one family for the multiple-comparison
 * correction), decides whether verdicts are advisory, and applies the gate. Pure: the report it
 * returns is everything the terminal, the JSON file and the PR comment show.
 */
export function judgeRun(input: JudgeInput): RunReport {
  const { policy } = input
  const items = compareItems(input.measurements, input.baseline, input.expected)
  const compared = new Set(items.filter((item) => item.base).map(identity))
  const comparisons =
    input.comparisons ??
    compareRun(items, {
      ...DEFAULT_COMPARE_POLICY,
      alpha: policy.alpha,
      threshold: policy.threshold,
      correction: policy.correction,
    })
  const mismatch = input.environmentDifferences.length > 0
  const advisory = (mismatch && policy.environmentMismatch === 'advisory') || !policy.failOnRegression
  return {
    version: 1,
    tool: 'perfgate',
    env: input.env,
    ...(input.baselineEnv ? { baselineEnv: input.baselineEnv } : {}),
    ...(mismatch ? { environmentDifferences: [...input.environmentDifferences] } : {}),
    advisory,
    policy,
    measurements: [...input.measurements],
    // Only the baseline entries this run was judged against, so a merged or re-compared report
    // does not turn the entries of tests that did not run into `missing`.
    baseline: input.baseline.filter((m) => compared.has(identity(m))),
    comparisons: [...comparisons],
    ...(input.problems && input.problems.length > 0 ? { problems: [...input.problems] } : {}),
    failed: gateFails(comparisons, advisory, policy),
  }
}
