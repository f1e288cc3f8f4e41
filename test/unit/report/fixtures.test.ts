import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { advisoryReport, evilReport, smallReport } from './reports.js'

// The fixture files are generated from reports.ts, so they stay valid RunReports as the types
// evolve. To rewrite them: `PERFGATE_WRITE_FIXTURES=1 npx vitest run test/unit/report/fixtures.test.ts`
// then `npx biome format --write test/fixtures/reports` (the files are compared as JSON, not text).
test.each([
  ['small.json', smallReport],
  ['advisory.json', advisoryReport],
  ['evil-names.json', evilReport],
])('test/fixtures/reports/%s matches its generator', (file, make) => {
  const url = new URL(`../../fixtures/reports/${file}`, import.meta.url)
  if (process.env.PERFGATE_WRITE_FIXTURES === '1') writeFileSync(url, `${JSON.stringify(make(), null, 2)}\n`)
  expect(JSON.parse(readFileSync(url, 'utf8'))).toEqual(make())
})
