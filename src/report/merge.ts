import { describeEnvironment, environmentDifferences, environmentKey } from '../env/environment.js'
import { PerfgateError } from '../errors.js'
import type { Environment, Measurement, RunReport } from '../types.js'

export interface MergeInput {
  /** How the report is named in problems (as given on the command line). */
  path: string
  report: RunReport
}

export interface MergedReports {
  measurements: Measurement[]
  baseline: Measurement[]
  /** The reports' own problems, then what merging found. */
  problems: string[]
  /** The first report's environment. */
  env: Environment
}

const idOf = (m: Measurement): string => JSON.stringify([m.file, m.key])

// First one wins, so the merged result does not depend on anything but the order given.
function mergeMeasurements(
  sources: readonly { path: string; measurements: readonly Measurement[] }[],
  clash: (m: Measurement, first: string, second: string, kept: Measurement) => string | undefined,
) {
  const kept = new Map<string, { path: string; m: Measurement }>()
  const problems: string[] = []
  for (const { path, measurements } of sources) {
    for (const m of measurements) {
      const first = kept.get(idOf(m))
      if (!first) kept.set(idOf(m), { path, m })
      else {
        const problem = clash(m, first.path, path, first.m)
        if (problem) problems.push(problem)
      }
    }
  }
  return { measurements: [...kept.values()].map((k) => k.m), problems }
}

const measuredTwice = (m: Measurement, first: string, second: string) =>
  `${m.file}: "${m.key}" was measured in both ${first} and ${second}; the one from ${first} is kept (do the shards overlap?)`

// Shards comparing the same file against the same baseline carry identical entries: no problem.
const baselineClash = (m: Measurement, first: string, second: string, kept: Measurement) =>
  JSON.stringify(m) === JSON.stringify(kept)
    ? undefined
    : `${m.file}: the baseline of "${m.key}" differs between ${first} and ${second}; the one from ${first} is used`

function environmentProblem(inputs: readonly MergeInput[]): string | undefined {
  const first = inputs[0]!.report.env
  if (inputs.every(({ report }) => environmentDifferences(first, report.env).length === 0)) return undefined
  const groups = new Map<string, { env: Environment; paths: string[] }>()
  for (const { path, report } of inputs) {
    const key = environmentKey(report.env)
    const group = groups.get(key) ?? { env: report.env, paths: [] }
    group.paths.push(path)
    groups.set(key, group)
  }
  const listed = [...groups.values()].map((g) => `${describeEnvironment(g.env)} (${g.paths.join(', ')})`)
  return `the merged reports were measured in different environments: ${listed.join('; ')}; the merged report names the first`
}

/**
 * Merges run reports of sharded or matrix jobs into one set of measurements and baselines, to be
 * judged again as one family (comparisons are not merged: the comparator re-runs on the result).
 */
export function mergeRunReports(inputs: readonly MergeInput[]): MergedReports {
  if (inputs.length === 0) throw new PerfgateError('BAD_ARGUMENT', 'no run reports to merge')
  const measured = mergeMeasurements(
    inputs.map(({ path, report }) => ({ path, measurements: report.measurements })),
    measuredTwice,
  )
  const baseline = mergeMeasurements(
    inputs.map(({ path, report }) => ({ path, measurements: report.baseline ?? [] })),
    baselineClash,
  )
  const environment = environmentProblem(inputs)
  const problems = [
    ...new Set(inputs.flatMap(({ report }) => report.problems ?? [])),
    ...measured.problems,
    ...baseline.problems,
    ...(environment ? [environment] : []),
  ]
  return {
    measurements: measured.measurements,
    baseline: baseline.measurements,
    problems,
    env: inputs[0]!.report.env,
  }
}
