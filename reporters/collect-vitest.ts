import type { TestModule } from 'vitest/node'
import { projectPath } from '../src/run/paths.js'
import type { Measurement } from '../src/types.js'

export { projectPath } from '../src/run/paths.js'

/** Every measurement the matchers recorded in the tests of these modules, in run order. */
export function collectMeasurements(modules: readonly TestModule[], root: string): Measurement[] {
  const measurements: Measurement[] = []
  for (const module of modules) {
    const file = projectPath(root, module.moduleId)
    for (const test of module.children.allTests()) {
      for (const measurement of test.meta().perfgate ?? []) measurements.push({ ...measurement, file })
    }
  }
  return measurements
}

/**
 * Every test of these modules by file and full name, and whether it ran: a test that exists but
 * was skipped or filtered out keeps its baseline and is not reported `missing`.
 */
export function collectTests(
  modules: readonly TestModule[],
  root: string,
): Map<string, Map<string, boolean>> {
  const tests = new Map<string, Map<string, boolean>>()
  for (const module of modules) {
    const names = new Map<string, boolean>()
    for (const test of module.children.allTests()) {
      const state = test.result().state
      names.set(test.fullName, state === 'passed' || state === 'failed')
    }
    tests.set(projectPath(root, module.moduleId), names)
  }
  return tests
}
