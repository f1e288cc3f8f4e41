import { relative, sep } from 'node:path'
import type { TestModule } from 'vitest/node'
import type { Measurement } from '../src/types.js'

/** Project-relative path with `/` separators, as stored in baselines on every OS. */
export function projectPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/')
}

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
