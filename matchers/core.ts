import { formatValue } from '../src/format/units.js'
import type { MeasuredResult } from '../src/measure/measure.js'
import { measureMemoryOf, measureTimeOf } from '../src/measure/measure.js'
import type { Measurement } from '../src/types.js'
import { validateMemoryArguments, validateTimeArguments } from './validate.js'

/** The result shape Vitest and Jest matchers share. */
export interface MatcherResult {
  pass: boolean
  message: () => string
}

/** What a test framework adapter provides to the shared matcher logic. */
export interface MatcherHost {
  isNot: boolean
  /** Full test name (suites joined by ` > `), or undefined outside a test. */
  testName: string | undefined
  /** Absolute path of the test file. */
  testPath: string | undefined
  /** Stores the measurement where the framework's reporter will find it. */
  record(measurement: Omit<Measurement, 'key'>): void
  /** Run-wide defaults from the plugin or config (e.g. `timeBudget`). */
  defaults: { timeBudget?: number | undefined }
}

type Sync<T> = T | Promise<T>

/** `expect(fn).toCompleteWithin(ms, options?)`: sync for a sync `fn`, a promise for an async one. */
export function completeWithin(
  host: MatcherHost,
  received: unknown,
  budget: unknown,
  options?: unknown,
): Sync<MatcherResult> {
  const parsed = validateTimeArguments(received, budget, options)
  const timeBudget = parsed.timeBudget ?? host.defaults.timeBudget
  const withDefaults = timeBudget === undefined ? parsed : { ...parsed, timeBudget }
  const measured = measureTimeOf(received as () => unknown, withDefaults)
  const finish = (result: MeasuredResult) =>
    judge(host, 'toCompleteWithin', result, budget as number, parsed.threshold)
  return measured instanceof Promise ? measured.then(finish) : finish(measured)
}

/** `await expect(fn).toGrowMemoryLessThan(mb, options?)`: always a promise (calls are awaited). */
export async function growMemoryLessThan(
  host: MatcherHost,
  received: unknown,
  budget: unknown,
  options?: unknown,
): Promise<MatcherResult> {
  const parsed = validateMemoryArguments(received, budget, options)
  const measured = await measureMemoryOf(received as () => unknown, parsed)
  return judge(host, 'toGrowMemoryLessThan', measured, budget as number, parsed.threshold)
}

function judge(
  host: MatcherHost,
  matcher: string,
  result: MeasuredResult,
  budget: number,
  threshold: number | undefined,
): MatcherResult {
  const withinBudget = result.value <= budget
  host.record({
    file: host.testPath ?? '',
    name: host.testName ?? '',
    metric: result.metric,
    unit: result.unit,
    source: 'matcher',
    stat: result.stat,
    budget,
    withinBudget,
    ...(threshold === undefined ? {} : { threshold }),
    summary: result.summary,
    samples: result.samples,
    batch: result.batch,
    ...(result.cold ? { cold: true } : {}),
    ...(host.isNot ? { negated: true } : {}),
  })
  return { pass: withinBudget, message: () => failureMessage(matcher, host.isNot, result, budget) }
}

/** The message shown when the assertion fails (for `.not`, when the budget held). */
export function failureMessage(
  matcher: string,
  isNot: boolean,
  result: MeasuredResult,
  budget: number,
): string {
  const { summary, unit, stat } = result
  const show = (value: number) => formatValue(value, unit)
  const what = result.metric === 'time' ? 'per call' : `retained over the measured calls`
  const expectation = isNot ? `${stat} > ${show(budget)}` : `${stat} ≤ ${show(budget)}`
  const sampling = result.cold
    ? 'one cold call (warmup: 0, samples: 1)'
    : result.metric === 'time'
      ? `n = ${summary.n} samples${result.batch > 1 ? ` of ${result.batch} calls each` : ''}`
      : `n = ${summary.n} intervals between heap checkpoints`
  const lines = [
    `expect(fn)${isNot ? '.not' : ''}.${matcher}(${budget})`,
    '',
    `Expected ${expectation} ${what}`,
    `Received ${stat} = ${show(result.value)}`,
    '',
    `  ${sampling}`,
    `  min ${show(summary.min)} · median ${show(summary.median)} · p95 ${show(summary.p95)} · max ${show(summary.max)}`,
  ]
  if (result.timedOut) lines.push('  sampling stopped early: the `timeout` was reached')
  return lines.join('\n')
}

/**
 * The identity of a measurement within its file: the full test name, ` [memory]` for memory,
 * and `#2`, `#3`… when one test measures the same metric more than once.
 */
export function measurementKey(
  name: string,
  metric: Measurement['metric'],
  earlier: readonly Measurement[],
): string {
  const base = metric === 'memory' ? `${name} [memory]` : name
  const repeats = earlier.filter((m) => m.name === name && m.metric === metric).length
  return repeats === 0 ? base : `${base} #${repeats + 1}`
}
