/**
 * perfgate's configuration (SPEC §6): defaults, `perfgate.config.*`, options in code and
 * environment variables, checked and merged.
 */
export { checkOptions } from './check.js'
export { optionsFromEnv } from './env.js'
export { CONFIG_FILES, loadConfigFile } from './file.js'
export type { ResolvedConfig, ResolveInput } from './resolve.js'
export { resolveConfig } from './resolve.js'
export type { PerfgateConfig, PerfgateUserOptions } from './types.js'
export { DEFAULT_CONFIG } from './types.js'
