import { describe, expect, it } from 'vitest'
import type { TestModule } from 'vitest/node'
import { collectBenchMeasurements, summaryFromStatistics } from '../../../reporters/collect-vitest-bench.js'

const stats = { min: 1, max: 9, mean: 2.5, sd: 1.5, p75: 2.4, p99: 8 }

// The parts of Vitest's reported tasks the collector reads: Vitest 4 keeps the tinybench result on
// the (internal) task; Vitest 5 lists the benchmarks a test ran.
function module(tests: object[]): TestModule {
  return {
    moduleId: '/project/src/sort.bench.ts',
    children: { allTests: () => tests },
  } as unknown as TestModule
}

describe('collectBenchMeasurements', () => {
  it('reads Vitest 4 bench() results (tinybench 2 statistics)', () => {
    const v4 = {
      fullName: 'sort > numbers',
      name: 'numbers',
      task: {
        meta: { benchmark: true },
        result: { benchmark: { ...stats, median: 2, sampleCount: 120, samples: [] } },
      },
    }
    const plainTest = { fullName: 'not a bench', name: 'x', task: { meta: {}, result: {} } }
    const [m, ...rest] = collectBenchMeasurements([module([v4, plainTest])], '/project')
    expect(rest).toEqual([])
    expect(m).toMatchObject({
      key: 'sort > numbers',
      name: 'sort > numbers',
      file: 'src/sort.bench.ts',
      metric: 'time',
      unit: 'ms',
      source: 'bench',
      stat: 'median',
      batch: 1,
      samples: [],
    })
    expect(m!.summary).toMatchObject({
      n: 120,
      median: 2,
      mean: 2.5,
      p75: 2.4,
      p99: 8,
      mad: expect.closeTo(0.4, 12),
    })
    expect(m!.summary.p95).toBeGreaterThan(2.4)
    expect(m!.summary.p95).toBeLessThan(8)
  })

  it('reads Vitest 5 benchmarks (tinybench 6 statistics), named after test, group and task', () => {
    const latency = { ...stats, p50: 2, mad: 0.3, samplesCount: 50, samples: [1, 2, 3] }
    const v5 = {
      fullName: 'sort > compare',
      name: 'compare',
      benchmarks: () => [
        {
          name: 'sort > compare',
          tasks: [
            { name: 'spread', latency },
            { name: 'stored', latency, fromStore: true },
          ],
        },
      ],
    }
    const lone = {
      fullName: 'parse',
      name: 'parse',
      benchmarks: () => [{ name: 'parse', tasks: [{ name: 'parse', latency }] }],
    }
    const ms = collectBenchMeasurements([module([v5, lone])], '/project')
    expect(ms.map((m) => m.key)).toEqual(['sort > compare > spread', 'parse'])
    // With samples kept (benchmark.includeSamples), the summary is exact.
    expect(ms[0]!.summary).toMatchObject({ n: 50, median: 2, min: 1, max: 3 })
    expect(ms[0]!.samples).toEqual([1, 2, 3])
  })
})

describe('summaryFromStatistics', () => {
  it('places p95 between p75 and p99 on the log scale when there are no samples', () => {
    const s = summaryFromStatistics({ ...stats, median: 2, sampleCount: 10 })
    const share = (1.6448536269514722 - 0.6744897501960817) / (2.3263478740408408 - 0.6744897501960817)
    expect(s.p95).toBeCloseTo(Math.exp(Math.log(2.4) + share * Math.log(8 / 2.4)), 12)
  })
})
