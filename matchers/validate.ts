import type { MemoryOptions, TimeOptions } from '../src/measure/options.js'
import { STAT_NAMES } from '../src/types.js'

/**
 * Option rules as data. Matchers run in every test worker, where a schema library's import cost
 * (tens of ms) would be paid per worker; these few rules need none.
 */
interface Rule {
  accepts: (value: unknown) => boolean
  expected: string
}

const isStat: Rule = {
  accepts: (v) => (STAT_NAMES as readonly unknown[]).includes(v),
  expected: `one of ${STAT_NAMES.join(', ')}`,
}
const isPositive: Rule = {
  accepts: (v) => typeof v === 'number' && Number.isFinite(v) && v > 0,
  expected: 'a finite number > 0',
}
const isCount = (min: number): Rule => ({
  accepts: (v) => typeof v === 'number' && Number.isInteger(v) && v >= min,
  expected: `a whole number ≥ ${min}`,
})

const timeOptions: Record<keyof TimeOptions, Rule> = {
  stat: isStat,
  samples: isCount(1),
  warmup: isCount(0),
  timeBudget: isPositive,
  timeout: isPositive,
  threshold: isPositive,
}

const memoryOptions: Record<keyof MemoryOptions, Rule> = {
  stat: isStat,
  calls: isCount(1),
  checkpoints: isCount(3),
  warmup: isCount(0),
  timeout: isPositive,
  threshold: isPositive,
}

/** Thrown for bad matcher arguments; the test fails with its message and the worker lives on. */
export class MatcherArgumentError extends TypeError {
  override readonly name = 'TypeError'
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'function') return 'a function'
  if (value === null) return 'null'
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object'
  return String(value)
}

function nearest(name: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i)
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0]!
      row[0] = i
      for (let j = 1; j <= b.length; j++) {
        const above = row[j]!
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
        diagonal = above
      }
    }
    return row[b.length]!
  }
  return candidates.find((candidate) => distance(name.toLowerCase(), candidate.toLowerCase()) <= 2)
}

function optionsError(matcher: string, rules: Record<string, Rule>, options: unknown): string | undefined {
  if (options === undefined) return undefined
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return `${matcher}: options must be an object, got ${describe(options)}`
  }
  const known = Object.keys(rules)
  for (const [key, value] of Object.entries(options)) {
    const rule = rules[key]
    if (!rule) {
      const hint = nearest(key, known)
      return `${matcher}: unknown option \`${key}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}; known options: ${known.join(', ')}`
    }
    if (value !== undefined && !rule.accepts(value)) {
      return `${matcher}: option \`${key}\` must be ${rule.expected}, got ${describe(value)}`
    }
  }
  return undefined
}

function budgetError(matcher: string, unit: string, budget: unknown): string | undefined {
  if (typeof budget === 'number' && Number.isFinite(budget) && budget >= 0) return undefined
  return `${matcher}: the budget must be a finite number of ${unit} ≥ 0, got ${describe(budget)}`
}

function receivedError(matcher: string, received: unknown): string | undefined {
  if (typeof received === 'function') return undefined
  return `${matcher}: expect() must receive the function to measure, got ${describe(received)}. Write expect(() => work()).${matcher}(…)`
}

/** Checks the arguments of `toCompleteWithin`; throws a {@link MatcherArgumentError} naming the bad one. */
export function validateTimeArguments(received: unknown, budget: unknown, options: unknown): TimeOptions {
  const problem =
    receivedError('toCompleteWithin', received) ??
    budgetError('toCompleteWithin', 'milliseconds', budget) ??
    optionsError('toCompleteWithin', timeOptions, options)
  if (problem) throw new MatcherArgumentError(problem)
  return (options ?? {}) as TimeOptions
}

/** Checks the arguments of `toGrowMemoryLessThan`; throws a {@link MatcherArgumentError} naming the bad one. */
export function validateMemoryArguments(received: unknown, budget: unknown, options: unknown): MemoryOptions {
  const problem =
    receivedError('toGrowMemoryLessThan', received) ??
    budgetError('toGrowMemoryLessThan', 'megabytes', budget) ??
    optionsError('toGrowMemoryLessThan', memoryOptions, options)
  if (problem) throw new MatcherArgumentError(problem)
  return (options ?? {}) as MemoryOptions
}
