import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BaselineFile, RunReport } from '../../../src/types.js'
import { runVitest, scratchCopy } from '../run.js'

describe('vitest bench --reporter perf', () => {
  it('records bench() results as baselines, then compares a later run with them', async () => {
    const copy = scratchCopy('bench-vitest')
    try {
      // The subject is recording and comparing bench() results, not a verdict: each side is one
      // process judged at the noise floor, and a 250 ns bench once ran 2.04× its baseline while
      // the rest of the suite loaded the machine, so the gate is off and the verdicts are read.
      writeFileSync(
        join(copy.dir, 'perf.config.ts'),
        "import perfgate from 'perfgate/vitest'\nexport default { plugins: [perfgate({ failOnRegression: false })] }\n",
      )
      const args = [
        'bench',
        '--run',
        '--config',
        'perf.config.ts',
        '--reporter',
        'default',
        '--reporter',
        'perf',
      ]
      const record = await runVitest(copy.dir, args, { PERFGATE_UPDATE: '1' })
      expect(record.code, record.output).toBe(0)
      expect(record.output).toContain('perfgate: baselines updated in baselines/')
      const baseline = JSON.parse(
        readFileSync(join(copy.dir, 'baselines', 'sort.bench.ts.json'), 'utf8'),
      ) as BaselineFile
      expect(Object.keys(baseline.entries).sort()).toEqual(['JSON.parse', 'sort > numbers'])
      expect(baseline.entries['JSON.parse']?.source).toBe('bench')
      const compare = await runVitest(copy.dir, args)
      expect(compare.code, compare.output).toBe(0)
      expect(compare.output).toContain('perfgate: comparison with baselines')
      const report = JSON.parse(readFileSync(join(copy.dir, '.perfgate', 'report.json'), 'utf8')) as RunReport
      expect(report.comparisons.map((c) => c.verdict).filter((v) => v === 'new' || v === 'missing')).toEqual(
        [],
      )
      expect(report.comparisons).toHaveLength(2)
      expect(report.failed).toBe(false)
      for (const c of report.comparisons)
        expect(['faster', 'same', 'slower', 'inconclusive']).toContain(c.verdict)
    } finally {
      copy.cleanup()
    }
  })
})
