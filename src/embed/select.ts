import type { Measurement } from '../types.js'

/**
 * Which measurements a block's NAME stands for. `all` is every measurement. Otherwise NAME is a
 * prefix of the test's full name (`parse > large document`) or of its file followed by the name
 * (`src/parse.test.ts > large document`, so a file path alone selects the whole file), and `*`
 * matches any run of characters (`*.bench.ts`, `*cold*`). Matching is case-sensitive.
 */
export function selector(name: string): (m: Measurement) => boolean {
  if (name === 'all') return () => true
  const source = name
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  const pattern = new RegExp(`^${source}`, 's')
  return (m) => pattern.test(m.key) || pattern.test(`${m.file} > ${m.key}`)
}
