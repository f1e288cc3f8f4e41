/** `perfgate/vitest`: the plugin, with the matcher types for Vitest 4. */
import '../../matchers/vitest-types.js'

export type { PerfgateMatchers, PerfgateProvided, TimeMatcherResult } from '../../matchers/matcher-types.js'
export type { MemoryOptions, TimeOptions } from '../measure/options.js'
export type { PerfgateOptions } from './plugin.js'
export { default, REPORTER_ID } from './plugin.js'
