/**
 * A value as a user would recognise it in their own file, for messages of the form
 * "expected …, got …": strings quoted (and cut short), NaN and Infinity by name, containers by kind.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value)
    return quoted.length > 60 ? `${quoted.slice(0, 57)}…"` : quoted
  }
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (typeof value === 'function') return 'a function'
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array'
  if (typeof value === 'object') return 'an object'
  return String(value)
}
