import type { BenchDefinition, Suite } from '../registry.js'
import { describeError } from './load.js'

function chain(suite: Suite): Suite[] {
  const suites: Suite[] = []
  for (let s: Suite | undefined = suite; s; s = s.parent) suites.unshift(s)
  return suites
}

/**
 * The `beforeAll`/`afterAll` hooks of the suites that contain the benchmarks to run. Benchmarks
 * run in shuffled order, so every `beforeAll` runs first (outer suites first) and every
 * `afterAll` last (inner suites first). A failing `beforeAll` fails the benchmarks of its suite.
 */
export class SuiteHooks {
  private readonly suites: Suite[] = []
  private readonly failures = new Map<Suite, string>()

  constructor(benches: readonly BenchDefinition[]) {
    for (const bench of benches) {
      for (const suite of chain(bench.suite)) if (!this.suites.includes(suite)) this.suites.push(suite)
    }
  }

  async setUp(): Promise<void> {
    for (const suite of this.suites) {
      const parentFailure = suite.parent && this.failures.get(suite.parent)
      if (parentFailure) {
        this.failures.set(suite, parentFailure)
        continue
      }
      try {
        for (const hook of suite.beforeAll) await hook()
      } catch (error) {
        this.failures.set(suite, `beforeAll failed: ${describeError(error)}`)
      }
    }
  }

  /** Why `bench` cannot run (a failed `beforeAll` around it), if it cannot. */
  failureOf(bench: BenchDefinition): string | undefined {
    return this.failures.get(bench.suite)
  }

  /** Runs the `afterAll` hooks; returns their failures, which the runner reports as warnings. */
  async tearDown(): Promise<string[]> {
    const problems: string[] = []
    for (const suite of [...this.suites].reverse()) {
      if (this.failures.has(suite)) continue
      for (const hook of suite.afterAll) {
        try {
          await hook()
        } catch (error) {
          problems.push(`afterAll failed: ${describeError(error)}`)
        }
      }
    }
    return problems
  }
}
