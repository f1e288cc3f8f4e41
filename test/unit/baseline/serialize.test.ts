import { describe, expect, test } from 'vitest'
import { parseBaselineFile } from '../../../src/baseline/schema.js'
import {
  entryFromMeasurement,
  measurementFromEntry,
  serializeBaselineFile,
} from '../../../src/baseline/serialize.js'
import { baselineFile, ENV, entry, measurement } from './make.js'

describe('serializeBaselineFile', () => {
  test('fixed field order, 2-space indent, trailing newline', () => {
    // Fields given in a scrambled order come out in the file's order.
    const scrambled = {
      env: { ci: true, cores: 4, cpu: 'AMD', arch: 'x64', os: 'linux', node: '22.11.0' },
      rounds: [2, 2.2],
      samples: [1.5],
      summary: { p99: 9, p95: 8, p75: 7, mad: 6, sd: 5, median: 4, mean: 3, max: 2, min: 1, n: 30 },
      cold: true,
      batch: 1,
      threshold: 0.2,
      budget: 10,
      stat: 'p95',
      source: 'bench',
      unit: 'ms',
      metric: 'time',
      name: 'n',
    } as const
    const text = serializeBaselineFile(
      baselineFile({ k: { ...scrambled, rounds: [2, 2.2], samples: [1.5] } }),
    )
    expect(text).toBe(`{
  "version": 1,
  "file": "src/a.test.ts",
  "entries": {
    "k": {
      "name": "n",
      "metric": "time",
      "unit": "ms",
      "source": "bench",
      "stat": "p95",
      "budget": 10,
      "threshold": 0.2,
      "batch": 1,
      "cold": true,
      "summary": {
        "n": 30,
        "min": 1,
        "max": 2,
        "mean": 3,
        "median": 4,
        "sd": 5,
        "mad": 6,
        "p75": 7,
        "p95": 8,
        "p99": 9
      },
      "samples": [
        1.5
      ],
      "rounds": [
        2,
        2.2
      ],
      "env": {
        "node": "22.11.0",
        "os": "linux",
        "arch": "x64",
        "cpu": "AMD",
        "cores": 4,
        "ci": true
      }
    }
  }
}
`)
  })

  test('entries sorted by key in code-unit order, integer-like keys included', () => {
    const keys = ['b', 'a > z', 'B', '10', '9', 'a', 'é', 'a#2']
    const file = baselineFile(Object.fromEntries(keys.map((k) => [k, entry({ name: k })])))
    const order = [...serializeBaselineFile(file).matchAll(/^ {4}"([^"]+)": \{$/gm)].map((m) => m[1])
    expect(order).toEqual(['10', '9', 'B', 'a', 'a > z', 'a#2', 'b', 'é'])
  })

  test('the same content gives the same bytes, whatever the insertion order', () => {
    const one = baselineFile({ a: entry({ name: 'a' }), b: entry({ name: 'b' }) })
    const two = baselineFile({ b: entry({ name: 'b' }), a: entry({ name: 'a' }) })
    expect(serializeBaselineFile(one)).toBe(serializeBaselineFile(two))
    expect(serializeBaselineFile(one)).toBe(serializeBaselineFile(one))
  })

  test('measured numbers are rounded to 6 significant digits; counts and budgets are not', () => {
    const e = entry({
      budget: 1.23456789,
      summary: {
        ...entry().summary,
        n: 1234567,
        median: 1.23456789,
        mean: 123456.789,
        sd: 0.000123456789,
        min: -0,
      },
      samples: [1.234567891, 1e-9 / 3],
      rounds: [9.87654321],
      env: { ...ENV, cores: 1234567 },
    })
    const parsed = JSON.parse(serializeBaselineFile(baselineFile({ x: e }))).entries.x
    expect(parsed.summary).toMatchObject({
      n: 1234567,
      median: 1.23457,
      mean: 123457,
      sd: 0.000123457,
      min: 0,
    })
    expect(Object.is(parsed.summary.min, -0)).toBe(false)
    expect(parsed.samples).toEqual([1.23457, 3.33333e-10])
    expect(parsed.rounds).toEqual([9.87654])
    expect(parsed.budget).toBe(1.23456789)
    expect(parsed.env.cores).toBe(1234567)
  })

  test('reading and writing again is stable (rounding is idempotent)', () => {
    const e = entry({ summary: { ...entry().summary, median: 1.23456789 }, samples: [0.1 + 0.2, 2 / 3] })
    const once = serializeBaselineFile(baselineFile({ x: e }))
    const reread = parseBaselineFile(JSON.parse(once), 'p').file!
    expect(serializeBaselineFile(reread)).toBe(once)
  })

  test('no entries', () => {
    expect(serializeBaselineFile(baselineFile({}))).toBe(
      '{\n  "version": 1,\n  "file": "src/a.test.ts",\n  "entries": {}\n}\n',
    )
  })

  test('names with quotes, newlines and unicode stay valid JSON', () => {
    const name = 'say "hi"\n\\ \u2028 </details> 🚀'
    const text = serializeBaselineFile(baselineFile({ [name]: entry({ name }) }))
    expect(Object.keys(JSON.parse(text).entries)).toEqual([name])
  })
})

describe('entries and measurements', () => {
  test('entryFromMeasurement drops what is not a baseline and adds the environment', () => {
    const m = measurement({ key: 'x#2', negated: true, withinBudget: false, threshold: 0.2, cold: true })
    const e = entryFromMeasurement(m, ENV)
    expect(e).toEqual({
      name: 'x',
      metric: 'time',
      unit: 'ms',
      source: 'matcher',
      stat: 'median',
      budget: 10,
      threshold: 0.2,
      summary: m.summary,
      samples: m.samples,
      batch: 1,
      cold: true,
      env: ENV,
    })
    expect(Object.hasOwn(e, 'rounds')).toBe(false)
  })

  test('empty rounds are left out', () => {
    expect(Object.hasOwn(entryFromMeasurement(measurement({ key: 'x', rounds: [] }), ENV), 'rounds')).toBe(
      false,
    )
    expect(entryFromMeasurement(measurement({ key: 'x', rounds: [1, 2] }), ENV).rounds).toEqual([1, 2])
  })

  test('measurementFromEntry is the inverse, without verdict fields', () => {
    const m = measurement({ key: 'x#2', rounds: [1.9, 2.1], threshold: 0.3 })
    const { withinBudget: _, ...expected } = m
    expect(measurementFromEntry(m.file, m.key, entryFromMeasurement(m, ENV))).toEqual(expected)
  })

  test('a benchmark without budget has no budget fields', () => {
    const { budget: _b, withinBudget: _w, ...bench } = measurement({ key: 'b', source: 'bench' })
    const back = measurementFromEntry('src/x.bench.ts', 'b', entryFromMeasurement(bench, ENV))
    expect(back).toEqual({ ...bench, file: 'src/x.bench.ts' })
    expect(Object.keys(back)).not.toContain('budget')
  })
})
