import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { scratchCopy } from '../run.js'
import { runJest } from './run-jest.js'

/** The `file > name` column of every row of the perfgate table. */
function rows(table: string): string[] {
  return [...table.matchAll(/^(\S+\.test\.js > .+?)\s{2,}(time|memory)\s/gm)].map((m) => m[1] ?? '')
}

describe('perfgate/jest-reporter confirms a slower verdict in a fresh Jest', () => {
  test("native ESM: the re-run keeps Node's --experimental-vm-modules, and the regression holds", async () => {
    const { dir, cleanup } = scratchCopy('jest-esm')
    try {
      writeFileSync(
        join(dir, 'gate.test.js'),
        "import { expect, test } from '@jest/globals'\nimport { busy } from './work.js'\n\n" +
          "test('steady work', () => {\n  expect(() => busy(Number(process.env.GATE_MS ?? 0.2))).toCompleteWithin(100)\n})\n",
      )
      const args = ['--runInBand', 'gate.test.js']
      const update = await runJest(dir, [...args, '-u'], { esm: true, env: { GATE_MS: '0.2' } })
      expect(update.code, update.output).toBe(0)
      const slower = await runJest(dir, args, { esm: true, env: { GATE_MS: '0.8' } })
      expect(slower.code, slower.output).toBe(1)
      expect(slower.output).toContain('again in a fresh process to confirm (1 of at most 2)')
      expect(slower.output).not.toContain('could not measure again')
      const report = JSON.parse(readFileSync(join(dir, '.perfgate', 'report.json'), 'utf8'))
      expect(report.comparisons[0]).toMatchObject({
        verdict: 'slower',
        confirmation: [{ verdict: 'slower' }],
      })
    } finally {
      cleanup()
    }
  })
})

describe('perfgate/jest-reporter', () => {
  test('with two workers, every measurement from every worker reaches the table, in a stable order', async () => {
    const run = await runJest('jest-cjs', ['--maxWorkers=2', 'pass.test.js', 'fail.test.js', 'names.test.js'])
    expect(run.code).toBe(1)
    expect(run.tests.size).toBe(15)
    expect(run.table).toContain('perfgate: 15 measurements')
    const names = rows(run.table)
    expect(names).toHaveLength(15)
    const files = names.map((name) => name.slice(0, name.indexOf(' > ')))
    expect(files).toEqual([...files].sort())
    expect(names).toContain('fail.test.js > a real leak [memory]')
    expect(names).toContain('pass.test.js > passing budgets > garbage is not a leak [memory]')
    expect(run.output).not.toContain(String.fromCharCode(27))
  })

  test('--shard=1/2 and --shard=2/2 each report their own part of the measurements', async () => {
    const files = ['pass.test.js', 'fail.test.js']
    const first = await runJest('jest-cjs', [...files, '--shard=1/2'])
    const second = await runJest('jest-cjs', [...files, '--shard=2/2'])
    const parts = [rows(first.table), rows(second.table)]
    expect(parts.map((part) => part.length).sort()).toEqual([4, 6])
    expect(new Set(parts.flat()).size).toBe(10)
    for (const part of parts) expect(new Set(part.map((name) => name.split(' > ')[0])).size).toBe(1)
  })

  test('prints nothing when nothing was measured, and leaves a passing run passing', async () => {
    const run = await runJest('jest-cjs', ['--runInBand', 'bad-args.test.js', '-t', 'survives'])
    expect(run.code, run.output).toBe(0)
    expect(run.output).not.toContain('perfgate:')
  })

  test('an unknown reporter option is an error that names it', async () => {
    // Reporter options can only come from a config; a JSON config on the command line replaces the file's.
    const config = {
      setupFilesAfterEnv: ['perfgate/jest'],
      reporters: ['default', ['perfgate/jest-reporter', { timeBudgt: 50 }]],
    }
    const run = await runJest('jest-cjs', ['--runInBand', 'pass.test.js', '--config', JSON.stringify(config)])
    expect(run.code).not.toBe(0)
    expect(run.output).toContain('unknown option "timeBudgt". Did you mean "timeBudget"?')
  })

  test('jest -u records baselines; an unchanged run passes and a 3x slower one fails through the gate', async () => {
    const { dir, cleanup } = scratchCopy('jest-cjs')
    try {
      const update = await runJest(dir, ['--runInBand', 'gate.test.js', '-u'], { env: { GATE_MS: '0.2' } })
      expect(update.code, update.output).toBe(0)
      expect(update.output).toContain('perfgate: baselines updated in baselines/')
      const baseline = JSON.parse(readFileSync(join(dir, 'baselines', 'gate.test.js.json'), 'utf8'))
      expect(baseline.version).toBe(1)
      const same = await runJest(dir, ['--runInBand', 'gate.test.js'], { env: { GATE_MS: '0.2' } })
      expect(same.code, same.output).toBe(0)
      expect(same.output).not.toMatch(/\bslower\b.*gate failed/)
      const slower = await runJest(dir, ['--runInBand', 'gate.test.js'], { env: { GATE_MS: '0.6' } })
      expect(slower.tests.get('steady work')?.status).toBe('passed')
      expect(slower.code, slower.output).toBe(1)
      expect(slower.output).toContain('the performance gate failed')
      // The slower verdict was measured again by re-running the file with the same Jest, and held.
      expect(slower.output).toContain('1 test file again in a fresh process to confirm (1 of at most 2)')
      const report = JSON.parse(readFileSync(join(dir, '.perfgate', 'report.json'), 'utf8'))
      expect(report.failed).toBe(true)
      expect(report.comparisons.find((c: { verdict: string }) => c.verdict === 'slower')).toMatchObject({
        confirmation: [{ verdict: 'slower' }],
      })
      // PERFGATE_UPDATE=1 re-records as -u does, and the slower code becomes the new baseline.
      const rerecord = await runJest(dir, ['--runInBand', 'gate.test.js'], {
        env: { GATE_MS: '0.6', PERFGATE_UPDATE: '1' },
      })
      expect(rerecord.code, rerecord.output).toBe(0)
      const after = await runJest(dir, ['--runInBand', 'gate.test.js'], { env: { GATE_MS: '0.6' } })
      expect(after.code, after.output).toBe(0)
    } finally {
      cleanup()
    }
  })
})
