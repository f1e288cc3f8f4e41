import type { z } from 'zod'
import { describeValue } from '../config/describe-value.js'

type Issue = z.core.$ZodIssue

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/**
 * `summary.median`, `samples[3]`: a path as it reads in JavaScript, appended to `prefix` (e.g.
 * `entries["parse > big"]`).
 */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let text = prefix
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) text += text ? `.${segment}` : segment
    else text += `[${JSON.stringify(String(segment))}]`
  }
  return text
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a finite number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  record: 'an object',
}

function got(issue: Issue): string {
  return 'input' in issue && issue.input !== undefined ? `got ${describeValue(issue.input)}` : 'got nothing'
}

function oneOf(values: readonly unknown[]): string {
  const quoted = values.map((v) => JSON.stringify(v))
  return quoted.length <= 2 ? quoted.join(' or ') : `one of ${quoted.join(', ')}`
}

// A discriminated union reports the whole object as its input; quote the discriminator's value.
function unionMismatch(issue: Extract<Issue, { code: 'invalid_union' }>): string {
  if (!issue.discriminator || !('options' in issue) || !issue.options)
    return `${issue.message}, ${got(issue)}`
  const input = issue.input as Record<string, unknown> | undefined
  const value = input?.[issue.discriminator]
  return `expected ${oneOf(issue.options)}, ${value === undefined ? 'got nothing' : `got ${describeValue(value)}`}`
}

function bound(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small'
  const limit = small ? issue.minimum : issue.maximum
  if (issue.origin === 'array') {
    const count = Array.isArray(issue.input) ? issue.input.length : undefined
    const items = `${limit} item${limit === 1 ? '' : 's'}`
    return `expected ${small ? 'at least' : 'at most'} ${items}${count === undefined ? '' : `, got ${count}`}`
  }
  const relation = small ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<'
  return `expected a number ${relation} ${limit}, ${got(issue)}`
}

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, ${got(issue)}`
    case 'invalid_value':
      return `expected ${oneOf(issue.values)}, ${got(issue)}`
    case 'too_small':
    case 'too_big':
      return bound(issue)
    case 'invalid_union':
      return unionMismatch(issue)
    default:
      return issue.message
  }
}

/**
 * One line per problem, `summary.median: expected a finite number, got "NaN"`, in the words of
 * the file being read rather than of the schema library. Parse with `reportInput: true` so the
 * offending value can be quoted.
 */
export function formatIssue(issue: Issue, prefix = ''): string {
  const path = formatPath(issue.path, prefix)
  return path ? `${path}: ${describeIssue(issue)}` : describeIssue(issue)
}
