import type { PerfgateUserOptions } from '../src/config/index.js'
import { checkOptions } from '../src/config/index.js'

/**
 * Options of `perfgate/jest-reporter`: `reporters: [['perfgate/jest-reporter', { threshold: 0.2 }]]`.
 * The same options as the Vitest plugin and `perfgate.config.*` (SPEC §6), which they override.
 */
export type PerfgateJestOptions = PerfgateUserOptions

/** Checks the options Jest passes from the config; an unknown or invalid one is an error naming it. */
export function parseReporterOptions(options: unknown): PerfgateJestOptions {
  return checkOptions(options ?? {}, 'perfgate/jest-reporter options')
}
