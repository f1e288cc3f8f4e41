import type { PerfgateUserOptions } from '../../config/index.js'
import { PerfgateError } from '../../errors.js'

/** Options every judging command accepts, in node:util `parseArgs` form. */
export const GATE_OPTIONS = {
  report: { type: 'string' },
  threshold: { type: 'string' },
  alpha: { type: 'string' },
  'no-fail': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

export const GATE_HELP = `  --report <path>     write the judged run report here (default: $PERFGATE_REPORT or
                      the config's report, .perfgate/report.json)
  --threshold <r>     practical threshold, relative (default 0.10: more than 10% slower)
  --alpha <a>         family-wise error rate across the run (default 0.01)
  --no-fail           report regressions without failing (failOnRegression: false)
  -h, --help          show this help`

function fraction(option: string, text: string): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new PerfgateError('BAD_OPTION', `--${option} must be a number ≥ 0, e.g. 0.1; got "${text}".`)
  }
  return value
}

/** The config overrides given on the command line. */
export function gateOverrides(values: {
  report?: string | undefined
  threshold?: string | undefined
  alpha?: string | undefined
  'no-fail'?: boolean | undefined
}): PerfgateUserOptions {
  const options: PerfgateUserOptions = {}
  if (values.report !== undefined) options.report = values.report
  if (values.threshold !== undefined) options.threshold = fraction('threshold', values.threshold)
  if (values.alpha !== undefined) options.alpha = fraction('alpha', values.alpha)
  if (values['no-fail']) options.failOnRegression = false
  return options
}
