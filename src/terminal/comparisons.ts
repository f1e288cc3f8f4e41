import { confirmationNote, inconclusiveNote } from '../compare/confirm.js'
import { countVerdicts, geometricMeanRatio, runShiftNote } from '../compare/summary-line.js'
import { formatValue, significant } from '../format/units.js'
import type { Comparison, VerdictKind } from '../types.js'
import type { Colors } from './colors.js'
import { renderTable } from './table.js'

/** Regressions first, then improvements, then what needs attention, then the rest. */
const ORDER: readonly VerdictKind[] = ['slower', 'faster', 'inconclusive', 'new', 'missing', 'same']

function percent(ratio: number): string {
  const change = (ratio - 1) * 100
  return `${change >= 0 ? '+' : '−'}${significant(Math.abs(change), 2)}%`
}

/** `1.23× [1.10, 1.38]` for ratios, `+2.1 MB [+1.5 MB, +2.7 MB]` for memory differences. */
export function formatChange(comparison: Comparison): string {
  if (comparison.verdict === 'new' || comparison.verdict === 'missing') return ''
  const details = comparison as Comparison & {
    difference?: { difference: number; low: number; high: number }
  }
  if (comparison.metric === 'memory' && details.difference) {
    const { difference, low, high } = details.difference
    // Each bound in its own unit: the interval can span KB and MB.
    const signed = (mb: number) => `${mb >= 0 ? '+' : '−'}${formatValue(Math.abs(mb), 'MB')}`
    return `${signed(difference)} [${signed(low)}, ${signed(high)}]`
  }
  const { ratio, low, high } = comparison.change
  return `${significant(ratio)}× [${significant(low)}, ${significant(high)}] ${percent(ratio)}`
}

function verdictCell(comparison: Comparison, colors: Colors): string {
  const details = comparison as Comparison & { reason?: string }
  switch (comparison.verdict) {
    case 'slower': {
      const note = confirmationNote(comparison)
      return colors.red(colors.bold('slower')) + (note ? ` (${note})` : '')
    }
    case 'faster':
      return colors.green('faster')
    case 'inconclusive': {
      const note = inconclusiveNote(comparison)
      const could = note ? ` (${note})` : ''
      return colors.yellow(`inconclusive${details.reason ? `: ${details.reason}` : could}`)
    }
    case 'same':
      return 'same'
    default:
      return colors.dim(comparison.verdict)
  }
}

function row(comparison: Comparison, colors: Colors): string[] {
  const base =
    comparison.verdict === 'new' ? '' : formatValue(comparison.base[comparison.stat], comparison.unit)
  const head =
    comparison.verdict === 'missing' ? '' : formatValue(comparison.head[comparison.stat], comparison.unit)
  const where = comparison.file ? `${comparison.file} > ` : ''
  return [
    `${where}${comparison.key}`,
    comparison.stat,
    base,
    head,
    formatChange(comparison),
    verdictCell(comparison, colors),
  ]
}

/** "2 slower, 1 faster, 37 same — geometric mean +1.2%": counts of the verdicts present. */
export function summaryLine(comparisons: readonly Comparison[]): string {
  const counts = countVerdicts(comparisons)
  const parts = ORDER.filter((verdict) => counts[verdict] > 0).map(
    (verdict) => `${counts[verdict]} ${verdict}`,
  )
  const mean = geometricMeanRatio(comparisons)
  return `${parts.join(', ') || 'nothing compared'}${mean === undefined ? '' : ` — geometric mean ${percent(mean)}`}${runShiftNote(comparisons)}`
}

/** The comparison table of a run against its baselines (SPEC §5), worst news first. */
export function renderComparisonTable(comparisons: readonly Comparison[], colors: Colors): string {
  if (comparisons.length === 0) return ''
  const sorted = [...comparisons].sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict))
  const header = ['Test', 'Stat', 'Baseline', 'Current', 'Change [CI]', 'Verdict'].map((h) => colors.bold(h))
  const table = renderTable(
    header,
    sorted.map((c) => row(c, colors)),
    ['left', 'left', 'right', 'right', 'right', 'left'],
  )
  return `${colors.bold('perfgate: comparison with baselines')}\n${table}\n${summaryLine(comparisons)}`
}
