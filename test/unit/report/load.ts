import { readFileSync } from 'node:fs'
import type { RunReport } from '../../../src/types.js'

/** A fixture report from test/fixtures/reports/. */
export function fixtureReport(name: string): RunReport {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/reports/${name}.json`, import.meta.url), 'utf8'),
  ) as RunReport
}
