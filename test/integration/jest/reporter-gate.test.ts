import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { JestRunResults } from '../../../reporters/jest.js'
import PerfgateJestReporter from '../../../reporters/jest.js'
import { appendRecord, CHANNEL_ENV, channelFromEnv } from '../../../src/jest/channel.js'
import type { FinishInput } from '../../../src/run/finish.js'
import type { Measurement } from '../../../src/types.js'

// The reporter's side of the contract with finishRun, checked in-process with finishRun replaced.
const finishRun = vi.hoisted(() => vi.fn<(input: FinishInput) => Promise<{ failed: boolean }>>())
vi.mock('../../../src/run/finish.js', () => ({ finishRun }))

const root = join('/', 'project')
const measured = (name: string): Omit<Measurement, 'key'> => ({
  file: join(root, 'src', 'a.test.js'),
  name,
  metric: 'time',
  unit: 'ms',
  source: 'matcher',
  stat: 'median',
  budget: 10,
  withinBudget: true,
  summary: { n: 1, min: 1, max: 1, mean: 1, median: 1, sd: 0, mad: 0, p75: 1, p95: 1, p99: 1 },
  samples: [1],
  batch: 1,
})
const results: JestRunResults = {
  testResults: [
    {
      testFilePath: join(root, 'src', 'a.test.js'),
      testResults: [{ ancestorTitles: ['suite'], title: 'parses', fullName: 'suite parses' }],
    },
  ],
}

afterEach(() => {
  finishRun.mockReset()
  delete process.env[CHANNEL_ENV]
})

describe('PerfgateJestReporter and finishRun', () => {
  test('hands finishRun project-relative measurements under perfgate names and keys, then cleans up', async () => {
    finishRun.mockResolvedValue({ failed: false })
    const reporter = new PerfgateJestReporter({ rootDir: root }, { timeBudget: 50 })
    const channel = channelFromEnv(process.env)
    expect(channel?.timeBudget).toBe(50)
    if (!channel) throw new Error('no channel')
    appendRecord(channel, { attempt: 1, measurement: measured('suite parses') })
    appendRecord(channel, { attempt: 1, measurement: measured('suite parses') })
    await reporter.onRunComplete(new Set(), results)
    const input = finishRun.mock.calls[0]?.[0] as FinishInput & { update?: boolean }
    expect(input.root).toBe(root)
    expect(input.measurements.map((m) => [m.file, m.name, m.key])).toEqual([
      ['src/a.test.js', 'suite > parses', 'suite > parses'],
      ['src/a.test.js', 'suite > parses', 'suite > parses #2'],
    ])
    expect(input.update).toBeUndefined()
    expect(reporter.getLastError()).toBeUndefined()
    expect(existsSync(channel.dir)).toBe(false)
    expect(process.env[CHANNEL_ENV]).toBeUndefined()
  })

  test('a failed gate becomes the error Jest reads from getLastError (and exits non-zero)', async () => {
    finishRun.mockResolvedValue({ failed: true })
    const reporter = new PerfgateJestReporter({ rootDir: root })
    await reporter.onRunComplete(new Set(), results)
    expect(reporter.getLastError()?.message).toBe('perfgate: the performance gate failed')
  })

  test('jest -u (updateSnapshot "all") asks finishRun to update baselines', async () => {
    finishRun.mockResolvedValue({ failed: false })
    const reporter = new PerfgateJestReporter({ rootDir: root, updateSnapshot: 'all' })
    await reporter.onRunComplete(new Set(), results)
    expect(finishRun.mock.calls[0]?.[0]).toMatchObject({ update: true })
  })

  test('an error inside finishRun fails the run with its message instead of crashing Jest', async () => {
    finishRun.mockRejectedValue(new Error('baselines/src/a.test.js.json: not JSON'))
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const reporter = new PerfgateJestReporter({ rootDir: root })
    await reporter.onRunComplete(new Set(), results)
    write.mockRestore()
    expect(reporter.getLastError()?.message).toBe('baselines/src/a.test.js.json: not JSON')
  })

  test('reporter options are checked', () => {
    expect(() => new PerfgateJestReporter({ rootDir: root }, { timeBudget: -1 })).toThrow(
      'perfgate/jest-reporter options: option "timeBudget" must be a number of milliseconds > 0, got -1.',
    )
  })
})
