import { PerfgateError } from '../errors.js'
import { describeValue } from './describe-value.js'
import { closestName } from './suggest.js'
import type { PerfgateConfig, PerfgateUserOptions } from './types.js'

/**
 * Option rules as data. This runs when the Vitest plugin starts, where importing a schema
 * library would cost more than everything else the plugin does; ten rules need none.
 */
interface OptionSpec {
  accepts: (value: unknown) => boolean
  expected: string
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const isPath = (value: unknown): boolean => typeof value === 'string' && value.trim() !== ''

function oneOf(...values: readonly string[]): OptionSpec {
  return {
    accepts: (value) => values.includes(value as string),
    expected: values.map((v) => `"${v}"`).join(' or '),
  }
}

const SPECS: Record<keyof PerfgateConfig, OptionSpec> = {
  baselineDir: { accepts: isPath, expected: 'a directory path (a non-empty string)' },
  failOnRegression: { accepts: (value) => typeof value === 'boolean', expected: 'true or false' },
  threshold: {
    accepts: (value) => isNumber(value) && value >= 0,
    expected: 'a fraction ≥ 0 (0.1 means 10%)',
  },
  alpha: {
    accepts: (value) => isNumber(value) && value > 0 && value < 1,
    expected: 'a probability between 0 and 1, exclusive (e.g. 0.01)',
  },
  timeBudget: { accepts: (value) => isNumber(value) && value > 0, expected: 'a number of milliseconds > 0' },
  report: {
    accepts: (value) => value === false || isPath(value),
    expected: 'a file path, or false to write no report',
  },
  github: oneOf('auto', 'off'),
  environmentMismatch: oneOf('advisory', 'fail'),
  correction: oneOf('holm', 'bh'),
  confirm: { accepts: (value) => typeof value === 'boolean', expected: 'true or false' },
}

const KNOWN = Object.keys(SPECS)

function isOption(name: string): name is keyof PerfgateConfig {
  return Object.hasOwn(SPECS, name)
}

function unknownOption(source: string, name: string): PerfgateError {
  const hint = closestName(name, KNOWN)
  const suggestion = hint ? ` Did you mean "${hint}"?` : ''
  return new PerfgateError(
    'BAD_CONFIG',
    `${source}: unknown option "${name}".${suggestion} Known options: ${KNOWN.join(', ')}.`,
  )
}

/**
 * Checks user options from one source (`perfgate.config.mjs`, the plugin call, …) and returns
 * them. Throws a `BAD_CONFIG` error naming the source, the option and, for a bad value, the
 * value and what was expected. Options set to `undefined` count as unset.
 */
export function checkOptions(input: unknown, source: string): PerfgateUserOptions {
  if (input === undefined || input === null) return {}
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new PerfgateError(
      'BAD_CONFIG',
      `${source}: options must be an object, got ${describeValue(input)}.`,
    )
  }
  const options: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(input)) {
    if (!isOption(name)) throw unknownOption(source, name)
    if (value === undefined) continue
    const spec = SPECS[name]
    if (!spec.accepts(value)) {
      throw new PerfgateError(
        'BAD_CONFIG',
        `${source}: option "${name}" must be ${spec.expected}, got ${describeValue(value)}.`,
      )
    }
    options[name] = value
  }
  return options as PerfgateUserOptions
}
