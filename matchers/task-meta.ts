/** Measurements travel from the matchers to reporters in the test's `meta` (see vitest-register.ts). */
import type {} from '@vitest/runner'
import type { Measurement } from '../src/types.js'

declare module '@vitest/runner' {
  interface TaskMeta {
    perfgate?: Measurement[]
  }
}
