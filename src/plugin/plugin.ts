/**
 * The Vite/Vitest plugin behind `perfgate/vitest` and `perfgate/vitest5`. It adds the matcher setup file to every project,
 * hands run-wide defaults to workers through `provide`, and makes `--reporter perf` resolve to
 * perfgate's reporter. Nothing else in the user's configuration changes.
 */
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vitest/config'
import type { PerfgateProvided } from '../../matchers/matcher-types.js'

/** Options of the `perfgate()` plugin (SPEC §6). */
export interface PerfgateOptions {
  /** Soft cap on the time each `toCompleteWithin` spends sampling, in ms. Default 500. */
  timeBudget?: number
}

/** The id `--reporter perf` is resolved from. */
export const REPORTER_ID = 'perf'

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))

export default function perfgate(options: PerfgateOptions = {}): Plugin {
  const provided: PerfgateProvided = {}
  if (options.timeBudget !== undefined) provided.timeBudget = options.timeBudget
  return {
    name: 'perfgate',
    config() {
      return {
        test: {
          setupFiles: [here('./vitest-setup.js')],
          provide: { perfgate: provided },
        },
      }
    },
    resolveId(id) {
      if (id === REPORTER_ID || id === 'perfgate/reporter') return here('./reporter.js')
      return undefined
    },
  }
}
