import { measurementKey } from '../matchers/core.js'
import type { ChannelRecord } from '../src/jest/channel.js'
import { projectPath } from '../src/run/paths.js'
import type { Measurement } from '../src/types.js'

/** The parts of Jest's per-file test results the reporter reads. */
export interface JestFileResult {
  testFilePath: string
  testResults: ReadonlyArray<{ ancestorTitles: string[]; title: string; fullName: string; status?: string }>
}

/**
 * Every test by project-relative file and perfgate name, and whether it ran: a test that exists
 * but was skipped or filtered out keeps its baseline and is not reported `missing`.
 */
export function collectTests(
  results: readonly JestFileResult[],
  root: string,
): Map<string, Map<string, boolean>> {
  const tests = new Map<string, Map<string, boolean>>()
  for (const file of results) {
    const names = new Map<string, boolean>()
    for (const test of file.testResults) {
      const ran = test.status === undefined || test.status === 'passed' || test.status === 'failed'
      names.set([...test.ancestorTitles, test.title].join(' > '), ran)
    }
    tests.set(projectPath(root, file.testFilePath), names)
  }
  return tests
}

/**
 * Jest's test name (titles joined by spaces) → the name perfgate stores (suites joined by ` > `,
 * as in Vitest, so baselines read the same whichever runner recorded them), per test file.
 * A Jest name two tests share maps to nothing: such measurements keep Jest's name.
 */
export function testNames(results: readonly JestFileResult[]): Map<string, Map<string, string | undefined>> {
  const byFile = new Map<string, Map<string, string | undefined>>()
  for (const file of results) {
    const names = new Map<string, string | undefined>()
    for (const test of file.testResults) {
      const name = [...test.ancestorTitles, test.title].join(' > ')
      names.set(
        test.fullName,
        names.has(test.fullName) && names.get(test.fullName) !== name ? undefined : name,
      )
    }
    byFile.set(file.testFilePath, names)
  }
  return byFile
}

/** Only the records of each test's last attempt: a retried test measures again from scratch. */
function lastAttempts(records: readonly ChannelRecord[]): ChannelRecord[] {
  const test = ({ measurement: m }: ChannelRecord) => `${m.file}\0${m.name}`
  const last = new Map<string, number>()
  for (const record of records) last.set(test(record), Math.max(record.attempt, last.get(test(record)) ?? 0))
  return records.filter((record) => record.attempt === last.get(test(record)))
}

/**
 * The run's measurements from the workers' records: project-relative paths, perfgate's test
 * names and keys, files in a stable order whatever the number of workers, and each file's
 * measurements in the order they were taken.
 */
export function collectMeasurements(
  records: readonly ChannelRecord[],
  names: Map<string, Map<string, string | undefined>>,
  root: string,
): Measurement[] {
  const byFile = new Map<string, Measurement[]>()
  for (const { measurement } of lastAttempts(records)) {
    const file = projectPath(root, measurement.file)
    const name = names.get(measurement.file)?.get(measurement.name) ?? measurement.name
    const earlier = byFile.get(file) ?? []
    earlier.push({ key: measurementKey(name, measurement.metric, earlier), ...measurement, file, name })
    byFile.set(file, earlier)
  }
  return [...byFile.keys()].sort().flatMap((file) => byFile.get(file) ?? [])
}
