import { describe, expect, it } from 'vitest'
import { RunRecords } from '../../../src/bench/records.js'
import { pairedItem, resourceSummary, sideMeasurement } from '../../../src/bench/results.js'

function record() {
  const records = new RunRecords()
  const r = records.record('src/a.perf.ts', { key: 'json > parse', name: 'json > parse', threshold: 0.05 })
  r.head.push(
    { samples: [1, 2, 3], count: 30, calls: 300, resources: { cpuMs: 90, wallMs: 100, peakRssMb: 50 } },
    { samples: [2, 3, 4], count: 40, calls: 400, resources: { cpuMs: 110, wallMs: 100, peakRssMb: 60 } },
  )
  return r
}

describe('sideMeasurement', () => {
  it('builds a bench measurement: per-process medians as rounds, every sample counted', () => {
    const m = sideMeasurement(record(), 'head')!
    expect(m).toMatchObject({
      key: 'json > parse',
      file: 'src/a.perf.ts',
      name: 'json > parse',
      metric: 'time',
      unit: 'ms',
      source: 'bench',
      stat: 'median',
      threshold: 0.05,
      batch: 1,
      rounds: [2, 3],
      samples: [1, 2, 2, 3, 3, 4],
    })
    expect(m.summary).toMatchObject({ n: 70, median: 2.5, min: 1, max: 4 })
    expect(sideMeasurement(record(), 'base')).toBeUndefined()
  })

  it('pairs sides and runs for the comparator', () => {
    const r = record()
    r.runs.push({ baseFirst: true, logRatio: 0.01 })
    const item = pairedItem(r)
    expect(item.base).toBeUndefined()
    expect(item.head?.rounds).toEqual([2, 3])
    expect(item.runs).toEqual([{ baseFirst: true, logRatio: 0.01 }])
  })
})

describe('resourceSummary', () => {
  it('sums CPU time, relates it to wall time and keeps the largest resident set', () => {
    expect(resourceSummary(record())).toEqual({ cpuMs: 200, cpuUtilisation: 1, peakRssMb: 60 })
  })
})
