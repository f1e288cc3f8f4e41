import { describe, expect, test } from 'vitest'
import { parseBaselineFile } from '../../src/baseline/schema.js'
import { serializeBaselineFile } from '../../src/baseline/serialize.js'
import { renderMarkdown } from '../../src/report/markdown/index.js'
import type { BaselineFile } from '../../src/types.js'
import { largeReport } from '../unit/report/reports.js'

describe('report rendering', () => {
  const report = largeReport(2000)
  test('pull-request comment for 2,000 measurements', () => {
    expect(() => renderMarkdown(report)).toCompleteWithin(250, { timeBudget: 2000 })
  })
})

describe('baseline files', () => {
  const env = { node: '20.20.2', os: 'linux', arch: 'x64', cpu: 'cpu', cores: 2, ci: true }
  const file: BaselineFile = { version: 1, file: 'src/a.test.ts', entries: {} }
  for (const m of largeReport(200).measurements) {
    file.entries[m.key] = {
      name: m.name,
      metric: m.metric,
      unit: m.unit,
      source: m.source,
      stat: m.stat,
      summary: m.summary,
      samples: m.samples,
      batch: m.batch,
      env,
    }
  }
  const text = serializeBaselineFile(file)

  test('write a 200-entry file', () => {
    expect(() => serializeBaselineFile(file)).toCompleteWithin(50, { timeBudget: 1000 })
  })

  test('read and validate a 200-entry file', () => {
    expect(() => parseBaselineFile(JSON.parse(text), 'baselines/src/a.test.ts.json')).toCompleteWithin(100, {
      timeBudget: 1000,
    })
  })
})
