import { describe, expect, test } from 'vitest'
import { parseBaselineFile } from '../../../src/baseline/schema.js'
import { baselineFile, ENV, edit, entry } from './make.js'

const PATH = 'baselines/src/a.test.ts.json'

// A hand-edited file: JSON round-trip, then changes at the given places.
function edited(...changes: [path: (string | number)[], value: unknown][]) {
  const json: unknown = JSON.parse(
    JSON.stringify(baselineFile({ 'parses > big doc': entry(), other: entry({ name: 'other' }) })),
  )
  for (const [path, value] of changes) edit(json, path, value)
  return parseBaselineFile(json, PATH, 'src/a.test.ts')
}

const BIG = ['entries', 'parses > big doc']

describe('parseBaselineFile', () => {
  test('a valid file', () => {
    const file = baselineFile({
      parses: entry({ budget: 10, threshold: 0.2, cold: true, rounds: [1.9, 2.1] }),
    })
    expect(parseBaselineFile(JSON.parse(JSON.stringify(file)), PATH, 'src/a.test.ts')).toEqual({
      file,
      problems: [],
      ignored: [],
    })
  })

  test('one sample is a valid entry (a cold call)', () => {
    const cold = entry({
      cold: true,
      samples: [5],
      summary: { n: 1, min: 5, max: 5, mean: 5, median: 5, sd: 0, mad: 0, p75: 5, p95: 5, p99: 5 },
    })
    expect(parseBaselineFile(baselineFile({ cold }), PATH).problems).toEqual([])
  })

  test.each([
    [null, 'got null'],
    ['garbage', 'got "garbage"'],
    [[1, 2], 'got an array'],
    [42, 'got 42'],
  ])('not an object (%j): no file, a problem naming the path', (json, got) => {
    expect(parseBaselineFile(json, PATH)).toEqual({
      problems: [
        `${PATH}: not a perfgate baseline file (expected an object with "version", "file" and "entries", ${got})`,
      ],
      ignored: [],
    })
  })

  test('a newer schema version says to upgrade or re-record', () => {
    const result = edited([['version'], 2])
    expect(result.file).toBeUndefined()
    expect(result.problems).toEqual([
      `${PATH}: schema version 2 is newer than this perfgate understands (1); upgrade perfgate or re-record with "vitest run -u" (or PERFGATE_UPDATE=1)`,
    ])
  })

  test.each([
    [
      undefined,
      `${PATH}: no schema "version": not a perfgate baseline file? re-record with "vitest run -u" (or PERFGATE_UPDATE=1)`,
    ],
    [
      0,
      `${PATH}: schema version 0 is not one this perfgate understands (1); re-record with "vitest run -u" (or PERFGATE_UPDATE=1)`,
    ],
    [
      '1',
      `${PATH}: schema version "1" is not one this perfgate understands (1); re-record with "vitest run -u" (or PERFGATE_UPDATE=1)`,
    ],
  ])('version %j is rejected', (version, problem) => {
    const result = edited([['version'], version])
    expect(result).toEqual({ problems: [problem], ignored: [] })
  })

  test('missing file or entries: no file', () => {
    expect(parseBaselineFile({ version: 1, entries: [] }, PATH)).toEqual({
      problems: [
        `${PATH}: file: expected a string, got nothing`,
        `${PATH}: entries: expected an object, got an empty array`,
      ],
      ignored: [],
    })
  })

  test('a bad entry is skipped with its key and field; the others survive', () => {
    const result = edited([[...BIG, 'summary', 'median'], 'NaN'])
    expect(result.problems).toEqual([
      `${PATH}: entries["parses > big doc"].summary.median: expected a finite number, got "NaN" (entry ignored)`,
    ])
    expect(result.ignored).toEqual(['parses > big doc'])
    expect(Object.keys(result.file!.entries)).toEqual(['other'])
  })

  test.each([
    [['summary', 'median'], null, 'summary.median: expected a finite number, got null'],
    [['summary', 'n'], 2.5, 'summary.n: expected a whole number, got 2.5'],
    [['summary', 'n'], 0, 'summary.n: expected a number ≥ 1, got 0'],
    [['summary', 'sd'], -1, 'summary.sd: expected a number ≥ 0, got -1'],
    [['samples'], [], 'samples: expected at least 1 item, got 0'],
    [['samples'], Array(201).fill(1), 'samples: expected at most 200 items, got 201'],
    [['samples', 1], '2', 'samples[1]: expected a finite number, got "2"'],
    [['metric'], 'speed', 'metric: expected "time" or "memory", got "speed"'],
    [['batch'], 0, 'batch: expected a number ≥ 1, got 0'],
    [['cold'], 'yes', 'cold: expected true or false, got "yes"'],
    [['rounds'], [], 'rounds: expected at least 1 item, got 0'],
    [['env'], undefined, 'env: expected an object, got nothing'],
    [['env', 'cores'], '4', 'env.cores: expected a finite number, got "4"'],
    [['summary'], [1], 'summary: expected an object, got an array'],
  ] as const)('hand-edited entry: %j = %j', (path, value, problem) => {
    const result = edited([[...BIG, ...path], value])
    expect(result.problems).toEqual([`${PATH}: entries["parses > big doc"].${problem} (entry ignored)`])
    expect(Object.keys(result.file!.entries)).toEqual(['other'])
  })

  test('in-memory NaN and Infinity are named as such', () => {
    const bad = entry({ summary: { ...entry().summary, median: Number.NaN, p99: Number.POSITIVE_INFINITY } })
    expect(parseBaselineFile(baselineFile({ x: bad }), PATH).problems).toEqual([
      `${PATH}: entries["x"].summary.median: expected a finite number, got NaN (entry ignored)`,
      `${PATH}: entries["x"].summary.p99: expected a finite number, got Infinity (entry ignored)`,
    ])
  })

  test('at most three problems per entry', () => {
    const result = edited([['entries', 'other'], { name: 'other' }])
    expect(result.problems).toHaveLength(3)
    expect(result.problems.every((p) => p.startsWith(`${PATH}: entries["other"].`))).toBe(true)
  })

  test('unknown fields are dropped, not fatal', () => {
    const result = edited([['entries', 'other', 'note'], 'hand-written'], [['comment'], 'hi'])
    expect(result.problems).toEqual([])
    expect(result.file!.entries.other).toEqual(entry({ name: 'other' }))
  })

  test('a file recorded for another test file is a problem naming both; its entries are used', () => {
    const result = parseBaselineFile(baselineFile({ x: entry() }, 'src/old.test.ts'), PATH, 'src/a.test.ts')
    expect(result.problems).toEqual([
      `${PATH}: recorded for "src/old.test.ts" but found where the baseline of "src/a.test.ts" belongs (copied or renamed?); its entries are used for "src/a.test.ts"`,
    ])
    expect(result.file).toEqual(baselineFile({ x: entry() }, 'src/a.test.ts'))
  })

  test('a test named "__proto__" is an ordinary entry', () => {
    const json = JSON.parse(
      `{"version":1,"file":"src/a.test.ts","entries":{"__proto__":${JSON.stringify(entry())}}}`,
    )
    const result = parseBaselineFile(json, PATH)
    expect(Object.keys(result.file!.entries)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(result.file!.entries)).toBe(Object.prototype)
  })

  test('environment fields are kept as recorded', () => {
    expect(parseBaselineFile(baselineFile({ x: entry() }), PATH).file!.entries.x!.env).toEqual(ENV)
  })
})
