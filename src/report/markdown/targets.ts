import { measurementIdentity } from '../../compare/identity.js'
import { formatValue } from '../../format/units.js'
import type { Comparison, Measurement, RunReport } from '../../types.js'
import { escapeMarkdown } from '../escape.js'
import { tableHeader, tableRow } from './table.js'

/** Within this fraction of its budget, a measurement is flagged as close to it. */
export const NEAR_BUDGET = 0.9

type Status = '✅' | '⚠️ near target' | '⚠️ inconclusive' | '❌ over target' | '❌ slower'

function overBudget(m: Measurement, value: number): boolean {
  if (m.budget === undefined) return false
  return m.withinBudget === undefined ? value > m.budget : !m.withinBudget
}

/** ❌ over budget or slower than the baseline, ⚠️ close to the budget or inconclusive, ✅ otherwise. */
export function targetStatus(m: Measurement, comparison: Comparison | undefined): Status {
  const value = m.summary[m.stat]
  if (overBudget(m, value)) return '❌ over target'
  if (comparison?.verdict === 'slower') return '❌ slower'
  if (m.budget !== undefined && value > NEAR_BUDGET * m.budget) return '⚠️ near target'
  if (comparison?.verdict === 'inconclusive') return '⚠️ inconclusive'
  return '✅'
}

function target(m: Measurement): string {
  if (m.budget === undefined) return '—'
  const what = m.metric === 'memory' ? 'retained' : m.stat
  return `≤ ${formatValue(m.budget, m.unit)} (${what})`
}

// Orders measurements by file then key: report order varies with parallel workers, docs must not.
function sorted(measurements: readonly Measurement[]): Measurement[] {
  return [...measurements].sort((a, b) => {
    const x = measurementIdentity(a)
    const y = measurementIdentity(b)
    return x < y ? -1 : x > y ? 1 : 0
  })
}

/**
 * The docs table (SPEC §8): `| Metric | Target | Current | Status |` for the measurements
 * `select` keeps (all by default), in a stable order, with nothing that changes between
 * identical runs.
 */
export function renderTargetsTable(
  report: Pick<RunReport, 'measurements' | 'comparisons'>,
  select: (m: Measurement) => boolean = () => true,
): string {
  const comparisons = new Map(report.comparisons.map((c) => [measurementIdentity(c), c]))
  const chosen = sorted(report.measurements.filter(select))
  // Names alone are ambiguous once the table spans files.
  const manyFiles = new Set(chosen.map((m) => m.file)).size > 1
  const rows = chosen.map((m) =>
    tableRow([
      manyFiles ? `${escapeMarkdown(m.key)}<br><sub>${escapeMarkdown(m.file)}</sub>` : escapeMarkdown(m.key),
      target(m),
      formatValue(m.summary[m.stat], m.unit),
      targetStatus(m, comparisons.get(measurementIdentity(m))),
    ]),
  )
  return [
    tableHeader(['Metric', 'Target', 'Current', 'Status'], ['left', 'right', 'right', 'left']),
    ...rows,
  ].join('\n')
}
