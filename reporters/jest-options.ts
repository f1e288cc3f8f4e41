import { PerfgateError } from '../src/errors.js'

/** Options of `perfgate/jest-reporter`: `reporters: [['perfgate/jest-reporter', { timeBudget: 200 }]]`. */
export interface PerfgateJestOptions {
  /** Soft cap on the time each `toCompleteWithin` spends sampling, in ms. Default 500. */
  timeBudget?: number
}

const KNOWN = ['timeBudget'] as const

/** Checks the options Jest passes from the config; an unknown or invalid one is an error naming it. */
export function parseReporterOptions(options: unknown): PerfgateJestOptions {
  if (options === undefined || options === null) return {}
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new PerfgateError('BAD_OPTION', 'perfgate/jest-reporter: options must be an object')
  }
  for (const key of Object.keys(options)) {
    if (!(KNOWN as readonly string[]).includes(key)) {
      throw new PerfgateError(
        'BAD_OPTION',
        `perfgate/jest-reporter: unknown option \`${key}\`; known options: ${KNOWN.join(', ')}`,
      )
    }
  }
  const { timeBudget } = options as { timeBudget?: unknown }
  if (timeBudget === undefined) return {}
  if (typeof timeBudget !== 'number' || !Number.isFinite(timeBudget) || timeBudget <= 0) {
    throw new PerfgateError(
      'BAD_OPTION',
      `perfgate/jest-reporter: option \`timeBudget\` must be a finite number of milliseconds > 0, got ${String(timeBudget)}`,
    )
  }
  return { timeBudget }
}
