import { formatDuration, significant } from '../../format/units.js'
import type { Colors } from '../../terminal/colors.js'
import { renderTable } from '../../terminal/table.js'
import { formatSeconds } from '../progress.js'
import { resourceSummary, sideMeasurement } from '../results.js'
import type { BenchOutcome } from '../run.js'
import { betweenProcessSpread, detectableChange, overheadSummary } from './stats.js'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`

const percent = (x: number) => (Number.isFinite(x) ? `±${significant(x * 100, 2)}%` : '')

function opsPerSecond(ms: number): string {
  const ops = 1000 / ms
  if (!Number.isFinite(ops)) return ''
  if (ops >= 1e6) return `${significant(ops / 1e6)}M`
  if (ops >= 1e3) return `${significant(ops / 1e3)}k`
  return significant(ops)
}

/** One row per benchmark: time statistics, operations per second, spread between processes, CPU, memory. */
export function renderResults(outcome: BenchOutcome, colors: Colors): string {
  const rows = outcome.records.all().map((record) => {
    const m = sideMeasurement(record, 'head')
    const name = `${record.file} > ${record.name}`
    if (record.error || !m) return [name, colors.red('failed'), '', '', '', '', '', '']
    const r = resourceSummary(record)
    return [
      name,
      formatDuration(m.summary.median),
      formatDuration(m.summary.p95),
      formatDuration(m.summary.p99),
      opsPerSecond(m.summary.median),
      percent(betweenProcessSpread(m.rounds)),
      r && Number.isFinite(r.cpuUtilisation) ? `${Math.round(r.cpuUtilisation * 100)}%` : '',
      r ? `${significant(r.peakRssMb)} MB` : '',
    ]
  })
  const header = ['benchmark', 'median', 'p95', 'p99', 'ops/s', 'between processes', 'CPU', 'peak RSS']
  return renderTable(header, rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'])
}

/** Closing lines: counts, wall time, the runner's overhead apart, and (A/B) the detectable change. */
export function renderFooter(outcome: BenchOutcome): string {
  const o = overheadSummary(outcome.records)
  const benches = outcome.records.all().length
  const lines = [
    `${plural(benches, 'benchmark')} in ${plural(outcome.files.length, 'file')}, ` +
      `${outcome.rounds} rounds, ${formatSeconds(outcome.wallMs)} in all: ` +
      `${formatDuration(o.benchmarkMs)} in benchmarks; runner overhead: ${o.processes} processes, ` +
      `start-up ${formatDuration(o.startupMedianMs)} each (median), ${formatDuration(o.startupTotalMs)} in all; ` +
      `listing the benchmarks took ${formatDuration(o.collectMs)} in ${plural(o.collectProcesses, 'process')}.`,
  ]
  if (outcome.comparisons) {
    const detectable = detectableChange(outcome.comparisons)
    if (Number.isFinite(detectable))
      lines.push(
        `Smallest change this run could detect: ${significant(detectable * 100, 2)}% ` +
          '(80% power, typical benchmark, after the correction for multiple comparisons).',
      )
  }
  return lines.join('\n')
}
