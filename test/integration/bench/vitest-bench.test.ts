import { describe, expect, it } from 'vitest'
import { runVitest } from '../run.js'

describe('vitest bench results as measurements', () => {
  it('collects every bench() of a real Vitest 4 run, with its samples', async () => {
    const run = await runVitest('bench-vitest', ['bench', '--run', '--reporter', './collect-reporter.ts'])
    expect(run.code, run.output).toBe(0)
    const line = run.stdout.split('\n').find((l) => l.startsWith('PERFGATE_MEASUREMENTS '))
    const measurements = JSON.parse(line!.slice('PERFGATE_MEASUREMENTS '.length))
    expect(measurements.map((m: { key: string }) => m.key).sort()).toEqual(['JSON.parse', 'sort > numbers'])
    for (const m of measurements) {
      expect(m).toMatchObject({
        file: 'sort.bench.ts',
        source: 'bench',
        metric: 'time',
        unit: 'ms',
        stat: 'median',
      })
      expect(m.summary.n).toBeGreaterThanOrEqual(5)
      expect(m.summary.median).toBeGreaterThan(0)
      expect(m.samples.length).toBeGreaterThan(0)
      expect(m.samples.length).toBeLessThanOrEqual(200)
    }
  })
})
