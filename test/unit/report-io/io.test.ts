import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { readRunReport, writeRunReport } from '../../../src/report/io.js'
import type { RunReport } from '../../../src/types.js'
import { ENV, filesUnder, measurement, temporaryRoot } from '../baseline/make.js'

function report(): RunReport {
  const m = measurement({ key: 'x' })
  return {
    version: 1,
    tool: 'perfgate',
    env: ENV,
    advisory: false,
    measurements: [m],
    comparisons: [
      {
        verdict: 'inconclusive',
        key: 'x',
        file: m.file,
        name: 'x',
        metric: 'time',
        unit: 'ms',
        stat: 'median',
        base: m.summary,
        head: m.summary,
        change: { ratio: Number.NaN, low: Number.NaN, high: Number.NaN, level: Number.NaN },
        p: Number.NaN,
        pAdjusted: Number.NaN,
        threshold: 0.1,
        reason: 'r',
      },
    ],
    failed: false,
  }
}

test('writes pretty JSON with a trailing newline, atomically, and reads it back', async () => {
  const root = await temporaryRoot()
  const path = join(root, '.perfgate/report.json')
  await writeRunReport(path, report())
  const text = await readFile(path, 'utf8')
  expect(text).toBe(`${JSON.stringify(report(), null, 2)}\n`)
  expect(text).toContain('"p": null')
  expect(await filesUnder(root)).toEqual(['.perfgate/report.json'])
  expect(await readRunReport(root, '.perfgate/report.json')).toEqual(report())
})

test('a missing report says to run the suite first', async () => {
  const root = await temporaryRoot()
  await expect(readRunReport(root, 'nope.json')).rejects.toMatchObject({
    code: 'NOT_FOUND',
    message: "no run report at nope.json: run the suite with perfgate first, or pass the report's path.",
  })
})

test('invalid JSON is BAD_REPORT with the position', async () => {
  const root = await temporaryRoot()
  await writeFile(join(root, 'r.json'), `${JSON.stringify(report(), null, 2).slice(0, 40)}`)
  await expect(readRunReport(root, 'r.json')).rejects.toMatchObject({
    code: 'BAD_REPORT',
    message: expect.stringMatching(
      /^r\.json: invalid JSON: unexpected end of the text \(truncated\?\) .* at line 4, column \d+\.$/,
    ),
  })
})

test('an unreadable report is BAD_REPORT', async () => {
  const root = await temporaryRoot()
  await mkdir(join(root, 'dir.json'))
  await expect(readRunReport(root, 'dir.json')).rejects.toMatchObject({
    code: 'BAD_REPORT',
    message: 'cannot read the run report dir.json (EISDIR).',
  })
})

test('a JSON file that is not a report is BAD_REPORT naming it', async () => {
  const root = await temporaryRoot()
  await writeFile(join(root, 'package.json'), '{"name": "x"}')
  await expect(readRunReport(root, 'package.json')).rejects.toMatchObject({
    code: 'BAD_REPORT',
    message: 'package.json is not a perfgate run report ("tool" is nothing).',
  })
})
