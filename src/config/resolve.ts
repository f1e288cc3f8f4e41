import { basename } from 'node:path'
import { checkOptions } from './check.js'
import { optionsFromEnv } from './env.js'
import { loadConfigFile } from './file.js'
import type { PerfgateConfig } from './types.js'
import { DEFAULT_CONFIG } from './types.js'

export interface ResolveInput {
  root: string
  /** Options given in code: the `perfgate()` plugin call, the Jest reporter's options. */
  pluginOptions?: unknown
  /** How `pluginOptions` are named in messages. Default `perfgate() plugin options`. */
  pluginSource?: string
  env: Record<string, string | undefined>
}

export interface ResolvedConfig {
  config: PerfgateConfig
  /** Whether baselines are to be recorded (`PERFGATE_UPDATE`). */
  update: boolean
  /** What contributed, lowest precedence first: `defaults`, the config file's name, … */
  sources: string[]
}

const setVariables = (env: Record<string, string | undefined>) =>
  ['PERFGATE_UPDATE', 'PERFGATE_BASELINE_DIR', 'PERFGATE_REPORT'].filter((name) => env[name]?.trim())

/**
 * perfgate's settings for a run. Later sources win: defaults < `perfgate.config.*` < options in
 * code < environment variables, so CI can override a project's settings without editing it.
 */
export async function resolveConfig(input: ResolveInput): Promise<ResolvedConfig> {
  const pluginSource = input.pluginSource ?? 'perfgate() plugin options'
  const file = await loadConfigFile(input.root)
  const plugin = checkOptions(input.pluginOptions, pluginSource)
  const fromEnv = optionsFromEnv(input.env)
  const sources = ['defaults']
  if (file) sources.push(basename(file.path))
  if (Object.keys(plugin).length > 0) sources.push(pluginSource)
  sources.push(...setVariables(input.env))
  return {
    config: { ...DEFAULT_CONFIG, ...file?.options, ...plugin, ...fromEnv.options },
    update: fromEnv.update,
    sources,
  }
}
