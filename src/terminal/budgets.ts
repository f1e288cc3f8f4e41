import { formatValue } from '../format/units.js'
import type { Measurement } from '../types.js'
import type { Colors } from './colors.js'
import { renderTable } from './table.js'

function label(measurement: Measurement): string {
  const where = measurement.file ? `${measurement.file} > ` : ''
  return `${where}${measurement.key}`
}

function result(measurement: Measurement, colors: Colors): string {
  if (measurement.budget === undefined) return ''
  return measurement.withinBudget ? colors.green('within') : colors.red('over')
}

/** The table of every measurement of a run against its budget (SPEC §2). */
export function renderBudgetTable(all: readonly Measurement[], colors: Colors): string {
  // Benchmarks have no budget; they appear in the comparison table (and the runner's own table).
  const measurements = all.filter((m) => m.source === 'matcher')
  if (measurements.length === 0) return ''
  const rows = measurements.map((m) => [
    label(m),
    m.metric,
    m.stat,
    formatValue(m.summary[m.stat], m.unit),
    m.cold ? '1 (cold)' : String(m.summary.n),
    m.budget === undefined ? '' : formatValue(m.budget, m.unit),
    result(m, colors),
  ])
  const header = ['Test', 'Metric', 'Stat', 'Value', 'n', 'Budget', 'Result'].map((h) => colors.bold(h))
  const title = colors.bold(
    `perfgate: ${measurements.length} measurement${measurements.length === 1 ? '' : 's'}`,
  )
  return `${title}\n${renderTable(header, rows, ['left', 'left', 'left', 'right', 'right', 'right', 'left'])}`
}
