/**
 * The Vite/Vitest plugin behind `perfgate/vitest` and `perfgate/vitest5`. It adds the matcher setup file to every project,
 * hands run-wide defaults to workers through `provide`, and makes `--reporter perf` resolve to
 * perfgate's reporter. Nothing else in the user's configuration changes.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vitest/config'
import type { PerfgateProvided } from '../../matchers/matcher-types.js'
import type { PerfgateUserOptions } from '../config/index.js'
import { checkOptions, loadConfigFile } from '../config/index.js'

/**
 * Options of the `perfgate()` plugin (SPEC §6): the same as `perfgate.config.*`, which they
 * override. Environment variables override both.
 */
export type PerfgateOptions = PerfgateUserOptions

/** The id `--reporter perf` is resolved from. */
export const REPORTER_ID = 'perf'

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))

export default function perfgate(options: PerfgateOptions = {}): Plugin {
  // Checked here, at config time, so a typo fails before any test runs and names the option.
  const checked = checkOptions(options, 'perfgate() plugin options')
  const provided: PerfgateProvided = { options: checked }
  if (checked.timeBudget !== undefined) provided.timeBudget = checked.timeBudget
  return {
    name: 'perfgate',
    // A budget set in perfgate.config.* reaches the workers too; the file is only read when the
    // plugin call does not set one.
    async config(config) {
      if (provided.timeBudget === undefined) {
        const file = await loadConfigFile(resolve(config.root ?? process.cwd()))
        if (file?.options.timeBudget !== undefined) provided.timeBudget = file.options.timeBudget
      }
      return {
        test: {
          setupFiles: [here('./vitest-setup.js')],
          provide: { perfgate: provided },
          // Under `vitest bench`, keep every sample so the reporter's summaries are exact.
          benchmark: { includeSamples: true },
        },
      }
    },
    resolveId(id) {
      if (id === REPORTER_ID || id === 'perfgate/reporter') return here('./reporter.js')
      return undefined
    },
  }
}
